import { defineRule } from '../../src/engine/types.ts';
import { effectiveEmulatorAffinity, housekeepingTargetFor, isPinned, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { insertLastChild } from '../../src/engine/edit.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeNodes, describeVcpus } from '../../src/model/describe.ts';
import { defaultThreadAffinity, describeDefaultAffinityBasis, DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE } from '../../src/model/libvirt-version.ts';
import { realtimeVcpus } from '../../src/model/threads.ts';

export default defineRule({
  meta: {
    id: 'missing-emulatorpin',
    name: 'MissingEmulatorpin',
    severity: 'warning',
    type: 'problem',
    needs: 'domain',
    fixable: true,
    hasSuggestions: false,
    summary: 'A domain pins its vCPUs but leaves QEMU\'s emulator threads floating over the vCPUs\' CPUs (an error when those vCPUs are realtime).',
    tags: ['pinning', 'latency', 'realtime'],
  },
  checkDomain({ domain, host, source, report, reportHostOnce }) {
    if (!isPinned(domain)) return;
    const model = host?.model;
    const emulator = effectiveEmulatorAffinity(domain, model);
    // Only the last link of libvirt's chain is the problem: an emulatorpin, a
    // <vcpu cpuset> or numad's advice all confine the emulator somewhere.
    if (emulator.source !== 'all-online') return;
    const pinGroups = vcpuAffinityGroups(domain, model).filter((g) => g.affinity.source === 'vcpupin' && g.affinity.cpus);
    const vcpuCpus = pinGroups.reduce((acc, g) => acc.union(g.affinity.cpus!), CpuSet.empty);
    const at = domain.cputune?.element.startTag ?? domain.vcpu?.element.startTag ?? domain.element.startTag;
    const target = housekeepingTargetFor(vcpuCpus, model);
    const fix = target && domain.cputune ? insertLastChild(source.text, domain.cputune.element, { name: 'emulatorpin', attributes: [['cpuset', target.cpus.toString()]] }) : undefined;
    const defaults = model ? defaultThreadAffinity(model) : undefined;
    if (defaults?.assumed) {
      reportHostOnce('libvirt-version-unknown', { severity: 'info', message: `missing-emulatorpin: ${describeDefaultAffinityBasis(model!)}` });
    }

    // The emulator's CPUs, and the vCPU CPUs among them (all of them without a host).
    const emulatorCpus = emulator.cpus;
    const shared = emulatorCpus ? vcpuCpus.intersect(emulatorCpus) : vcpuCpus;
    // vCPUs whose CPU the emulator may take: a realtime one among them can starve it, or be starved (kvm-realtime).
    const realtime = realtimeVcpus(domain, model);
    const realtimeHit = pinGroups
      .filter((g) => g.affinity.cpus!.intersects(shared))
      .reduce((acc, g) => acc.union(g.vcpus.intersect(realtime)), CpuSet.empty);

    if (defaults?.excludesIsolated && shared.isEmpty) {
      // libvirt ≥ 10.4.0 already keeps the emulator off the isolated CPUs the vCPUs are pinned to.
      report({
        range: at,
        severity: 'info',
        message:
          `vCPUs are pinned${vcpuCpus.isEmpty ? '' : ` (${describeCpus(vcpuCpus)})`} and there is no <emulatorpin>: ${describeDefaultAffinityBasis(model!)}, so the emulator runs on ${describeCpus(emulatorCpus!)}, away from the vCPUs; ` +
          `an explicit ${target ? `<emulatorpin cpuset='${target.cpus.toString()}'/>` : '<emulatorpin>'} keeps it there on libvirt older than ${DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE} and after a change of isolation`,
      });
      return;
    }

    const pinned = vcpuCpus.isEmpty ? '' : ` (${describeCpus(vcpuCpus)})`;
    let over: string;
    if (!model) over = "every online host CPU, including the vCPUs' own CPUs and any isolated cores";
    else if (defaults?.excludesIsolated) {
      over = `${describeCpus(emulatorCpus!)} (${describeDefaultAffinityBasis(model)}), including the vCPUs' CPUs ${shared.toString()}, which are not isolated`;
    } else {
      const isolated = model.isolation?.isolated;
      over = `every online host CPU (${model.online.toString()}), including the vCPUs' own CPUs${isolated && !isolated.isEmpty ? ` and the isolated CPUs ${isolated.toString()}` : ''}${defaults?.assumed ? ' (assuming libvirt older than ' + DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE + ': its version is unknown)' : ''}`;
    }
    const starvation = realtimeHit.isEmpty
      ? ''
      : `; ${describeVcpus(realtimeHit)} ${realtimeHit.size === 1 ? 'has' : 'have'} realtime (fifo/rr) scheduling, so an emulator thread that lands on ${realtimeHit.size === 1 ? 'its' : 'their'} CPU starves (or starves the vCPU): the guest or the host can hang`;
    report({
      range: at,
      severity: realtimeHit.isEmpty ? undefined : 'error',
      message: `vCPUs are pinned${pinned} but there is no <emulatorpin> and no <vcpu cpuset>: QEMU's emulator threads float over ${over}${starvation}; ${advice(target)}`,
      // Safe only with a known, non-empty housekeeping set: then the target is not a guess.
      fix,
    });
  },
});

/** Without a host (or with HK unknown) the choice between a spare dedicated CPU and a shared pool is a person's. */
function advice(target: ReturnType<typeof housekeepingTargetFor>): string {
  if (!target) {
    return "add <emulatorpin cpuset='…'/> to <cputune> naming the host's housekeeping CPUs (or one spare CPU reserved for the emulator)";
  }
  const where = target.nodes ? `housekeeping ${describeCpus(target.cpus)} on host ${describeNodes(target.nodes)}` : `housekeeping ${describeCpus(target.cpus)}`;
  return `pin them to ${where}: <emulatorpin cpuset='${target.cpus.toString()}'/>`;
}
