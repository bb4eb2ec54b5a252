import { defineDomainRule } from '../../src/engine/types.ts';
import { effectiveEmulatorAffinity, isPinned, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { insertLastChild } from '../../src/engine/edit.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeNodes, describeVcpus } from '../../src/model/describe.ts';
import { appliedEmulatorsched, defaultThreadAffinity, DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE } from '../../src/model/libvirt-version.ts';
import { emulatorTargetFor, realtimeVcpus } from '../../src/model/threads.ts';
import { rtLeftover } from '../../src/model/sched.ts';

export default defineDomainRule({
  meta: {
    id: 'missing-emulatorpin',
    name: 'MissingEmulatorpin',
    severity: 'warning',
    severities: ['warning', 'error', 'info'],
    type: 'problem',
    fixable: true,
    hasSuggestions: false,
    summary: "A domain pins its vCPUs but leaves QEMU's emulator threads floating over the vCPUs' CPUs (an error when those vCPUs, or the emulator, are realtime).",
    tags: ['pinning', 'latency', 'realtime'],
    messages: {
      floating: {
        message: 'vCPUs are pinned{{pinned}} but the emulator threads can run on {{over}}',
        help: '{{advice}}',
      },
      realtimeStarves: {
        message: "{{vcpus}} are fifo/rr and QEMU's emulator threads can run on their CPUs {{cpus}}: {{effect}}",
        help: '{{advice}}',
      },
      realtimeEmulator: {
        message: '{{policy}} emulator threads{{priority}} are unpinned: they preempt ordinary threads on {{over}}',
        help: "give the emulator one CPU of its own with <emulatorpin cpuset='…'/> (off the vCPUs' CPUs), or drop <emulatorsched>",
      },
      keptAwayByLibvirt: {
        message: 'no <emulatorpin>: libvirt {{version}} keeps the emulator on {{cpus}}, away from the pinned vCPUs',
        help: 'add {{pin}} to keep it there on libvirt older than {{since}} and after isolation changes',
      },
      versionUnknown: {
        message: "the host's libvirt version is unknown: unpinned QEMU threads assumed to run on every online CPU",
        help: 'libvirt {{since}} and later leave isolated CPUs out; set libvirtVersion in the snapshot or the config hosts[] entry',
      },
    },
  },
  check({ domain, host, source, report, reportHostOnce }) {
    if (!isPinned(domain)) return;
    const model = host?.model;
    const emulator = effectiveEmulatorAffinity(domain, model);
    // Only the last link of libvirt's chain is the problem: an emulatorpin, a
    // <vcpu cpuset> or numad's advice all confine the emulator somewhere.
    if (emulator.source !== 'all-online') return;
    const pinGroups = vcpuAffinityGroups(domain, model).filter((g) => g.affinity.source === 'vcpupin' && g.affinity.cpus);
    const vcpuCpus = pinGroups.reduce((acc, g) => acc.union(g.affinity.cpus!), CpuSet.empty);
    const at = domain.cputune?.element.startTag ?? domain.vcpu?.element.startTag ?? domain.element.startTag;
    const target = emulatorTargetFor(domain, model);
    // Safe only with a known, non-empty housekeeping set: then the target is not a guess.
    const fix = target && domain.cputune ? insertLastChild(source.text, domain.cputune.element, { name: 'emulatorpin', attributes: [['cpuset', target.cpus.toString()]] }) : undefined;
    // The default affinity of unpinned threads depends on the host's libvirt (src/model/libvirt-version.ts).
    const defaults = model ? defaultThreadAffinity(model) : undefined;
    if (defaults?.assumed) {
      reportHostOnce('libvirt-version-unknown', { unchecked: true, messageId: 'versionUnknown', data: { since: DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE } });
    }

    // The emulator's CPUs, and the vCPU CPUs among them (all of them without a host).
    const emulatorCpus = emulator.cpus;
    const shared = emulatorCpus ? vcpuCpus.intersect(emulatorCpus) : vcpuCpus;

    // vCPUs whose CPU the emulator may take: a realtime one among them can starve it, or be starved (kvm-realtime).
    const realtime = realtimeVcpus(domain, model);
    const realtimeHit = pinGroups
      .filter((g) => g.affinity.cpus!.intersects(shared))
      .reduce((acc, g) => acc.union(g.vcpus.intersect(realtime)), CpuSet.empty);
    // A fifo/rr emulator with no pin and no realtime vCPU under it (that is realtimeStarves, below). In an
    // unpinned domain realtime-sched-unsafe reports it ("has no pin"); it leaves the unpinned emulator of a
    // pinned domain to this rule. It preempts every SCHED_OTHER thread wherever it runs: the vCPUs on the CPUs
    // it shares with them, and the housekeeping CPUs when libvirt >= 10.4 keeps it off isolated ones. No fix:
    // emulatorTargetFor has no target for a realtime emulator.
    // libvirt before 5.3.0 drops <emulatorsched> unread (appliedEmulatorsched): the emulator is then an ordinary thread.
    const sched = appliedEmulatorsched(domain, model);
    if (realtimeHit.isEmpty && (sched?.scheduler === 'fifo' || sched?.scheduler === 'rr')) {
      let over: string;
      if (!emulatorCpus || !model) over = "every online CPU, the vCPUs' own too";
      else if (shared.isEmpty) over = describeCpus(emulatorCpus);
      else over = `${describeCpus(emulatorCpus)}, the vCPUs' own too`;
      const priority = sched.priority !== undefined ? ` (priority ${sched.priority})` : '';
      report({ range: at, severity: 'error', messageId: 'realtimeEmulator', data: { policy: sched.scheduler, priority, over }, fix });
      return;
    }
    if (defaults?.excludesIsolated && shared.isEmpty) {
      // libvirt >= 10.4.0 already keeps the emulator off the isolated CPUs the vCPUs are pinned to.
      report({
        range: at,
        severity: 'info',
        messageId: 'keptAwayByLibvirt',
        data: {
          version: String(model!.libvirtVersion ?? ''),
          cpus: describeCpus(emulatorCpus!),
          pin: target ? `<emulatorpin cpuset='${target.cpus.toString()}'/>` : '<emulatorpin>',
          since: DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE,
        },
      });
      return;
    }

    if (!realtimeHit.isEmpty) {
      const cpus = pinGroups.filter((g) => g.vcpus.intersects(realtimeHit)).reduce((acc, g) => acc.union(g.affinity.cpus!), CpuSet.empty).intersect(shared);
      // Whether a busy realtime vCPU leaves the emulator anything follows the host's kernel (src/model/sched.ts).
      const left = rtLeftover(model);
      const effect = left && left.percent > 0 ? `busy, they leave it ${left.percent}% of those CPUs` : 'the guest can hang';
      report({ range: at, severity: 'error', messageId: 'realtimeStarves', data: { vcpus: describeVcpus(realtimeHit), cpus: cpus.toString(), effect, advice: advice(target) }, fix });
      return;
    }

    const pinned = vcpuCpus.isEmpty ? '' : ` to ${describeCpus(vcpuCpus)}`;
    let over: string;
    if (!model) over = "every online host CPU, the vCPUs' own included";
    else if (defaults?.excludesIsolated) over = `${describeCpus(emulatorCpus!)}, the vCPUs' non-isolated CPUs ${shared.toString()} too`;
    else {
      const isolated = model.isolation?.isolated;
      over = `every online host CPU (${model.online.toString()})${isolated && !isolated.isEmpty ? ', isolated ones too' : ''}`;
    }
    report({ range: at, messageId: 'floating', data: { pinned, over, advice: advice(target) }, fix });
  },
});

/** Without a host (or with HK unknown) the choice between a spare dedicated CPU and a shared pool is a person's. */
function advice(target: ReturnType<typeof emulatorTargetFor>): string {
  if (!target) {
    return "add <emulatorpin cpuset='…'/> to <cputune> naming the host's housekeeping CPUs, or one spare CPU for the emulator";
  }
  const where = target.nodes ? `housekeeping ${describeCpus(target.cpus)} on host ${describeNodes(target.nodes)}` : `housekeeping ${describeCpus(target.cpus)}`;
  return `add <emulatorpin cpuset='${target.cpus.toString()}'/> to pin them to ${where}`;
}
