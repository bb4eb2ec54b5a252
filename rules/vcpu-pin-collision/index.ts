import { defineRule } from '../../src/engine/types.ts';
import { vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { describeVcpus, excerpt } from '../../src/model/describe.ts';
import { dedicatedVcpuCpus, realtimeVcpus } from '../../src/model/threads.ts';

export default defineRule({
  meta: {
    id: 'vcpu-pin-collision',
    name: 'VcpuPinCollision',
    severity: 'warning',
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'Two vCPUs of one domain are each pinned to the same single host CPU.',
    tags: ['pinning', 'latency'],
  },
  checkDomain({ domain, host, report }) {
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

    for (const [cpu, vcpus] of collisions) {
      if (vcpus.intersects(realtime)) continue;
      // vcpupin groups come first (one vCPU each, in document order), then the vCPUs that follow <vcpu cpuset>.
      const onCpu = byCpu.get(cpu) ?? [];
      if (onCpu.length === 0) continue;
      const first = onCpu.reduce((a, b) => (b.vcpus.min! < a.vcpus.min! ? b : a));
      for (const g of onCpu) {
        const inherited = g.affinity.source === 'vcpu-cpuset';
        const others = vcpus.subtract(g.vcpus);
        if (g === first && !(inherited && g.vcpus.size > 1)) continue;
        const subject = inherited
          ? `${describeVcpus(g.vcpus)} ${g.vcpus.size === 1 ? 'is' : 'are all'} confined by <vcpu cpuset='${excerpt(g.affinity.attr!.value)}'> to CPU ${cpu}`
          : `${describeVcpus(g.vcpus)} is pinned to CPU ${cpu}`;
        const also = others.isEmpty ? '' : `, which ${describeVcpus(others)} ${others.size === 1 ? 'is' : 'are'} also pinned to`;
        report({
          range: g.affinity.attr!.valueRange,
          message: `${subject}${also}: the vCPUs take turns on that CPU, each gets a fraction of it, and one preempted while holding a guest lock stalls the others spinning on it; give each vCPU a CPU of its own`,
        });
      }
    }
  },
});
