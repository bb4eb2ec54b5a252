import { defineDomainRule } from '../../src/engine/types.ts';
import { vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeVcpus, excerpt } from '../../src/model/describe.ts';
import type { Range } from '../../src/xml/types.ts';
import { dedicatedVcpuCpus, realtimeVcpus } from '../../src/model/threads.ts';

export default defineDomainRule({
  meta: {
    id: 'vcpu-pin-collision',
    name: 'VcpuPinCollision',
    severity: 'warning',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Two vCPUs of one domain are each pinned to the same single host CPU.',
    tags: ['pinning', 'latency'],
    messages: {
      shared: {
        message: '{{vcpus}} are {{all}} pinned to CPU {{cpu}}: they take turns on one host CPU',
        help: 'give each vCPU a CPU of its own; one preempted while holding a guest lock stalls the others spinning on it',
      },
      sharedMany: {
        message: '{{cpus}} each have {{per}} vCPUs pinned to them ({{vcpus}}): they take turns on each CPU',
        help: 'give each vCPU a CPU of its own; one preempted while holding a guest lock stalls the others spinning on it',
      },
      confined: {
        message: "{{vcpus}} are {{all}} confined by <vcpu cpuset='{{cpuset}}'> to CPU {{cpu}}: they take turns on one host CPU",
        help: 'give each vCPU a CPU of its own with <vcpupin>; one preempted while holding a guest lock stalls the others spinning on it',
      },
    },
  },
  check({ domain, host, report }) {
    if ((domain.cputune?.vcpupins.length ?? 0) === 0 && domain.vcpu?.cpuset === undefined) return;
    const model = host?.model;
    const dedicated = dedicatedVcpuCpus(domain, model);
    const collisions = [...dedicated].filter(([, vcpus]) => vcpus.size > 1);
    if (collisions.length === 0) return;

    // Realtime vCPUs sharing a CPU are realtime-sched-unsafe's finding (an error there).
    const realtime = realtimeVcpus(domain, model);
    // The single-CPU affinity groups per CPU, in one pass (a huge guest must not cost collisions × groups).
    const byCpu = new Map<number, ReturnType<typeof vcpuAffinityGroups>>();
    for (const g of vcpuAffinityGroups(domain, model)) {
      if (g.affinity.cpus?.size !== 1 || !g.affinity.attr) continue;
      const cpu = g.affinity.cpus.min!;
      const list = byCpu.get(cpu);
      if (list) list.push(g);
      else byCpu.set(cpu, [g]);
    }

    // One finding per shared CPU, at the last pin onto it (the one to move), the earlier pins related.
    const shared: Array<{ cpu: number; vcpus: CpuSet; onCpu: ReturnType<typeof vcpuAffinityGroups> }> = [];
    for (const [cpu, vcpus] of collisions) {
      if (vcpus.intersects(realtime)) continue;
      // vcpupin groups come first (one vCPU each, in document order), then the vCPUs that follow <vcpu cpuset>.
      const onCpu = byCpu.get(cpu) ?? [];
      if (onCpu.length === 0) continue;
      const at = onCpu[onCpu.length - 1]!;
      const related = onCpu.slice(0, -1).map((g) => ({ range: g.affinity.attr!.valueRange, message: `${describeVcpus(g.vcpus)} pinned to CPU ${cpu} here` }));
      // Two vCPUs read as a pair ("vCPUs 5 and 6 are both"), not as a range.
      const pair = vcpus.size === 2 ? vcpus.toArray() : undefined;
      const named = { vcpus: pair ? `vCPUs ${pair[0]} and ${pair[1]}` : describeVcpus(vcpus), all: pair ? 'both' : 'all', cpu };
      if (at.affinity.source === 'vcpu-cpuset') {
        report({ range: at.affinity.attr!.valueRange, messageId: 'confined', data: { ...named, cpuset: excerpt(at.affinity.attr!.value) }, related });
      } else shared.push({ cpu, vcpus, onCpu });
    }
    if (shared.length === 0) return;
    if (shared.length === 1) {
      const { cpu, vcpus, onCpu } = shared[0]!;
      const pair = vcpus.size === 2 ? vcpus.toArray() : undefined;
      report({
        range: onCpu[onCpu.length - 1]!.affinity.attr!.valueRange,
        messageId: 'shared',
        data: { vcpus: pair ? `vCPUs ${pair[0]} and ${pair[1]}` : describeVcpus(vcpus), all: pair ? 'both' : 'all', cpu },
        related: onCpu.slice(0, -1).map((g) => ({ range: g.affinity.attr!.valueRange, message: `${describeVcpus(g.vcpus)} pinned to CPU ${cpu} here` })),
      });
      return;
    }
    // One cause, one finding: pins that repeat CPUs (a list of vcpupins that wraps around the host's CPUs, or a
    // block copied twice) are one finding, at the last pin onto the first shared CPU, every other pin related (the engine lists 20 and counts the rest).
    const first = shared[0]!;
    const related: Array<{ range: Range; message: string }> = first.onCpu.slice(0, -1).map((g) => ({ range: g.affinity.attr!.valueRange, message: `${describeVcpus(g.vcpus)} pinned to CPU ${first.cpu} here` }));
    for (const { cpu, onCpu } of shared.slice(1)) {
      for (const g of onCpu) related.push({ range: g.affinity.attr!.valueRange, message: `${describeVcpus(g.vcpus)} pinned to CPU ${cpu} here` });
    }
    const sizes = new Set(shared.map((c) => c.vcpus.size));
    report({
      range: first.onCpu[first.onCpu.length - 1]!.affinity.attr!.valueRange,
      messageId: 'sharedMany',
      data: {
        cpus: describeCpus(CpuSet.ofList(shared.map((c) => c.cpu))),
        per: sizes.size === 1 ? String([...sizes][0]) : '2 or more',
        vcpus: describeVcpus(shared.reduce((acc, c) => acc.union(c.vcpus), CpuSet.empty)),
      },
      related,
    });
  },
});
