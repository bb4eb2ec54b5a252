import { defineRule } from '../../src/engine/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { isRealtimePolicy, domainThreads } from '../../src/model/threads.ts';
import { runningGuestOf } from '../../src/model/running.ts';
import type { SnapshotGuestThread } from '../../src/model/host.ts';
import type { XmlElement } from '../../src/xml/types.ts';
import { formatKiB } from '../../src/model/units.ts';

/** Share of a guest's resident memory that may sit outside its `<numatune>` nodes before it counts as misplaced. */
const DEFAULT_MAX_OFF_NODESET_PERCENT = 5;
/** A hugepage-backed guest with less of its resident memory in hugepages than this runs on small pages. */
const DEFAULT_MIN_HUGEPAGE_PERCENT = 50;

function percent(part: number, whole: number): string {
  return `${Math.round((part * 1000) / whole) / 10}%`;
}

export default defineRule({
  meta: {
    id: 'running-memory-drift',
    name: 'RunningMemoryDrift',
    severity: 'warning',
    type: 'problem',
    needs: 'host',
    fixable: false,
    hasSuggestions: false,
    summary: "A running guest's memory is not where <numatune> binds it, runs on small pages though <hugepages> is set, or its vCPUs lack the realtime policy <vcpusched> gives.",
    tags: ['drift', 'numa', 'hugepages', 'realtime', 'running'],
  },
  checkDomain(ctx) {
    const host = ctx.host?.model;
    if (!host) return;
    const guest = runningGuestOf(host, ctx.domain);
    if (!guest) return;
    const d = ctx.domain;
    const maxOff = Number(ctx.options.maxOffNodesetPercent ?? DEFAULT_MAX_OFF_NODESET_PERCENT);
    const minHuge = Number(ctx.options.minHugepagePercent ?? DEFAULT_MIN_HUGEPAGE_PERCENT);
    const memory = guest.memory ?? [];
    const total = memory.reduce((a, m) => a + m.kib, 0);

    // Memory off the nodes <numatune> names (static placement: with placement='auto' numad chooses them).
    const numatune = d.numatune;
    const binding = numatune?.memory;
    if (total > 0 && numatune && binding?.placement !== 'auto') {
      let nodes = binding?.nodeset?.set ?? CpuSet.empty;
      for (const mn of numatune.memnodes) nodes = nodes.union(mn.nodeset?.set ?? CpuSet.empty);
      const where = binding?.nodeset ?? numatune.memnodes.find((m) => m.nodeset)?.nodeset;
      if (!nodes.isEmpty && where) {
        const off = memory.filter((m) => !nodes.has(m.node));
        const offKiB = off.reduce((a, m) => a + m.kib, 0);
        if (offKiB * 100 > total * maxOff) {
          const offNodes = [...new Set(off.map((m) => m.node))].sort((a, b) => a - b).join(',');
          ctx.report({
            range: where.attr.range,
            message: `${percent(offKiB, total)} of running guest ${guest.name}'s memory (${formatKiB(offKiB)}) is on node ${offNodes}, outside nodeset ${nodes.toString()}`,
          });
        }
      }
    }

    // <hugepages> configured, small pages in use.
    const hugepages = d.memoryBacking?.hugepages;
    if (hugepages && total > 0) {
      const base = host.snapshot.pageSizeKiB ?? Math.min(...memory.map((m) => m.pageSizeKiB));
      const hugeKiB = memory.filter((m) => m.pageSizeKiB > base).reduce((a, m) => a + m.kib, 0);
      if (hugeKiB * 100 < total * minHuge) {
        ctx.report({
          range: hugepages.element.startTag,
          message: `running guest ${guest.name} has ${percent(hugeKiB, total)} of its resident memory in hugepages though <hugepages> is set`,
        });
      }
    }

    // <vcpusched> realtime policy not applied to the running vCPU threads: one finding per <vcpusched>.
    const wrongBySched = new Map<XmlElement, { want: string; threads: SnapshotGuestThread[] }>();
    for (const group of domainThreads(d, host)) {
      if (group.kind !== 'vcpu' || !isRealtimePolicy(group.policy) || !group.sched) continue;
      const want = `${group.policy}${group.priority === undefined ? '' : ` ${group.priority}`}`;
      const wrong = guest.threads.filter(
        (t) => t.role === 'vcpu' && t.id !== undefined && group.ids.has(t.id) && t.policy !== undefined && (t.policy !== group.policy || (group.priority !== undefined && t.priority !== group.priority)),
      );
      if (wrong.length === 0) continue;
      const entry = wrongBySched.get(group.sched.element) ?? { want, threads: [] };
      entry.threads.push(...wrong);
      wrongBySched.set(group.sched.element, entry);
    }
    for (const [element, { want, threads }] of wrongBySched) {
      const ids = CpuSet.of(...threads.map((t) => t.id!)).toString();
      const first = threads[0]!;
      ctx.report({
        range: element.startTag,
        message: `vCPU ${ids} of running guest ${guest.name} run${threads.length === 1 ? 's' : ''} ${first.policy} ${first.priority ?? 0}, not ${want}`,
      });
    }
  },
});
