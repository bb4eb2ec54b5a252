import { defaultThreadAffinity } from '../../src/model/libvirt-version.ts';
import { defineHostRule } from '../../src/engine/types.ts';
import { vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeVcpus } from '../../src/model/describe.ts';
import { realtimeVcpus } from '../../src/model/threads.ts';
import { rtLeftover } from '../../src/model/sched.ts';

export default defineHostRule({
  meta: {
    id: 'no-host-cpu-left',
    name: 'NoHostCpuLeft',
    severity: 'warning',
    severities: ['warning', 'error'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A guest has as many running vCPUs as the host has online CPUs, and they may run on all of them: nothing is left for the host (an error when they are realtime).',
    tags: ['pinning', 'capacity', 'realtime'],
    messages: {
      everyCpu: {
        message: '{{vcpus}} ({{count}} running) may occupy every online host CPU ({{online}}): nothing is left for the host',
        help: "leave the host at least one core: lower <vcpu> to at most {{fewer}} and pin the vCPUs off {{keep}}, where the emulator, IRQs and the host's own threads run",
      },
      everyHousekeepingCpu: {
        message: '{{vcpus}} ({{count}} running) may occupy every housekeeping CPU ({{hk}}{{why}}): nothing is left for the host',
        help: 'pin the vCPUs to isolated CPUs, or lower <vcpu> below {{hkCount}}: the emulator, IRQs and the host run on {{hk}}',
      },
      everyCpuRealtime: {
        message: '{{vcpus}} run SCHED_{{policy}} and may occupy every online host CPU ({{online}}): {{effect}}',
        help: "a busy realtime vCPU is never preempted by the host's kernel threads, so with no CPU left they starve; leave {{keep}} to the host and pin the vCPUs elsewhere",
      },
    },
  },
  check({ domain, host, report }) {
    const model = host.model;
    const online = model.online;
    if (online.isEmpty || !domain.vcpu) return;
    // vCPUs that start offline run nowhere (DomainModel.offlineVcpus): only running ones take CPUs.
    const running = domain.maxVcpus - domain.offlineVcpus.size;
    if (running < online.size) return;
    let reach = CpuSet.empty;
    let vcpus = CpuSet.empty;
    for (const g of vcpuAffinityGroups(domain, model)) {
      // numad's advice and cpusets that do not parse are not known statically.
      if (!g.affinity.cpus) return;
      reach = reach.union(g.affinity.cpus.intersect(online));
      vcpus = vcpus.union(g.vcpus);
    }
    if (!online.isSubsetOf(reach)) {
      // The vCPUs kept to the housekeeping CPUs alone, as many as there are or more: the host's own work (which
      // runs only there) has no CPU left. libvirt 10.4.0 does this to unpinned vCPUs on an isolcpus host.
      const hk = model.housekeeping;
      if (hk && !hk.isEmpty && !hk.equals(online) && reach.equals(hk) && running >= hk.size) {
        const byDefault = vcpuAffinityGroups(domain, model).every((g) => g.affinity.source === 'all-online');
        report({
          range: domain.vcpu.element.startTag,
          messageId: 'everyHousekeepingCpu',
          data: {
            vcpus: describeVcpus(vcpus),
            count: running,
            hk: hk.toString(),
            hkCount: hk.size,
            why: byDefault && defaultThreadAffinity(model).excludesIsolated ? `; libvirt ${model.libvirtVersion}` : '',
          },
        });
      }
      return;
    }

    // What to keep: the housekeeping CPUs when the host declares them, else the first CPU and its SMT siblings.
    const first = online.min!;
    const keep = model.housekeeping && !model.housekeeping.isEmpty ? model.housekeeping : (model.siblingsOf(first) ?? CpuSet.of(first)).intersect(online);
    const realtime = realtimeVcpus(domain, model);
    const realtimeReach = vcpuAffinityGroups(domain, model)
      .filter((g) => g.vcpus.intersects(realtime))
      .reduce((acc, g) => acc.union(g.affinity.cpus!.intersect(online)), CpuSet.empty);
    const policy = domain.cputune?.vcpusched.find((s) => s.scheduler === 'fifo' || s.scheduler === 'rr')?.scheduler;
    if (!realtime.isEmpty && online.isSubsetOf(realtimeReach) && policy) {
      report({
        range: domain.vcpu.element.startTag,
        severity: 'error',
        messageId: 'everyCpuRealtime',
        data: { vcpus: describeVcpus(realtime), policy: policy.toUpperCase(), online: online.toString(), keep: describeCpus(keep), effect: realtimeEffect(model) },
      });
      return;
    }
    report({
      range: domain.vcpu.element.startTag,
      messageId: 'everyCpu',
      data: { vcpus: describeVcpus(vcpus), count: running, online: describeCpus(online).replace(/^CPUs? /, ''), fewer: Math.max(1, online.size - keep.size), keep: describeCpus(keep) },
    });
  },
});

/** What busy realtime vCPUs on every CPU leave the host, by its kernel (src/model/sched.ts): nothing, or a share. */
function realtimeEffect(model: Parameters<typeof rtLeftover>[0]): string {
  const left = rtLeftover(model);
  return left && left.percent > 0 ? `busy, they leave the host ${left.percent}% of each CPU` : 'the host can hang';
}
