import { defineHostRule } from '../../src/engine/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import type { SnapshotGuestThread } from '../../src/model/host.ts';
import { runningGuestOf } from '../../src/model/running.ts';
import { domainThreads, isRealtimePolicy } from '../../src/model/threads.ts';
import { formatKiB } from '../../src/model/units.ts';
import type { XmlElement } from '../../src/xml/types.ts';

/** Share of a guest's resident memory that may sit outside its `<numatune>` nodes before it counts as misplaced. */
const DEFAULT_MAX_OFF_NODESET_PERCENT = 5;
/** A hugepage-backed guest with less of its resident memory in hugepages than this runs on small pages. */
const DEFAULT_MIN_HUGEPAGE_PERCENT = 50;

function percent(part: number, whole: number): string {
  return `${Math.round((part * 1000) / whole) / 10}%`;
}

export default defineHostRule({
  meta: {
    id: 'running-memory-drift',
    name: 'RunningMemoryDrift',
    severity: 'warning',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: "A running guest's memory is not where <numatune> binds it, runs on small pages though <hugepages> is set, or lacks the <vcpusched> policy.",
    tags: ['drift', 'numa', 'hugepages', 'realtime', 'running'],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxOffNodesetPercent: { type: 'number', minimum: 0, maximum: 100, description: 'share of resident memory tolerated outside the nodeset (default 5)' },
        minHugepagePercent: { type: 'number', minimum: 0, maximum: 100, description: 'share of resident memory a <hugepages> guest must have in hugepages (default 50)' },
      },
    },
    messages: {
      offNodeset: {
        message: "{{share}} of running guest {{guest}}'s memory ({{size}}) is on node {{nodes}}, outside nodeset {{nodeset}}",
        help: 'restart the guest so the strict binding applies from its first allocation, or move it live with virsh numatune --live',
      },
      cellOffNodeset: {
        message: 'guest cell {{cell}} of running guest {{guest}} has its memory on {{nodes}}: {{share}} ({{size}}) outside nodeset {{nodeset}}',
        help: 'restart the guest so QEMU binds each cell backend to its <memnode> nodes again; numatune --live cannot move one cell',
      },
      smallPages: {
        message: 'running guest {{guest}} has {{share}} of its resident memory in hugepages though <hugepages> is set',
        help: 'check the per-node hugepage pools, then restart the guest so QEMU backs its memory with hugepages again',
      },
      notRealtime: {
        message: '{{vcpus}} of running guest {{guest}} {{verb}} {{running}}, not {{wanted}} as <vcpusched> says',
        help: 'restart the guest, or set the policy live (chrt -f -p PRIORITY TID) on its vCPU threads',
      },
    },
  },
  check({ domain: d, host, options, report }) {
    const guest = runningGuestOf(host.model, d);
    if (!guest) return;
    const maxOff = Number(options.maxOffNodesetPercent ?? DEFAULT_MAX_OFF_NODESET_PERCENT);
    const minHuge = Number(options.minHugepagePercent ?? DEFAULT_MIN_HUGEPAGE_PERCENT);
    const memory = guest.memory ?? [];
    const total = memory.reduce((a, m) => a + m.kib, 0);

    // Memory off the nodes <numatune> names (static placement: with placement='auto' numad chooses them). Only strict
    // and restrictive confine memory: strict binds each backend (QEMU policy=bind), libvirt sets cpuset.mems for both
    // (qemuProcessSetupPid, and per vCPU a restrictive <memnode>'s nodeset); preferred and interleave let the kernel
    // allocate elsewhere when the nodes run short.
    const numatune = d.numatune;
    const staticPlacement = numatune !== undefined && numatune.memory?.placement !== 'auto';

    // Per guest cell, where the capture could tell a cell's memory apart (its backend's ram-node<cell> mapping):
    // each confining <memnode> against its own nodeset. Cells it could not attribute are not guessed.
    const cellMemory = guest.cellMemory ?? [];
    const checkedCells = new Set<number>();
    for (const memnode of staticPlacement ? numatune.memnodes : []) {
      const cell = memnode.cellid;
      const nodeset = memnode.nodeset?.set;
      if (cell === undefined || checkedCells.has(cell) || !nodeset || nodeset.isEmpty) continue;
      if (memnode.mode !== 'strict' && memnode.mode !== 'restrictive') continue;
      const mine = cellMemory.filter((m) => m.cell === cell);
      const cellKiB = mine.reduce((a, m) => a + m.kib, 0);
      if (cellKiB === 0) continue;
      checkedCells.add(cell);
      const offKiB = mine.filter((m) => !nodeset.has(m.node)).reduce((a, m) => a + m.kib, 0);
      if (offKiB * 100 <= cellKiB * maxOff) continue;
      const on = CpuSet.ofList(mine.filter((m) => m.kib > 0).map((m) => m.node));
      report({
        range: memnode.element.startTag,
        messageId: 'cellOffNodeset',
        data: {
          cell: String(cell),
          guest: guest.name,
          nodes: `node${on.size === 1 ? '' : 's'} ${on.toString()}`,
          share: percent(offKiB, cellKiB),
          size: formatKiB(offKiB),
          nodeset: nodeset.toString(),
        },
      });
    }

    // The whole guest against the union of the nodesets, less the cells checked above (one finding per fact). Any
    // preferred or interleave element (a <memnode> too) and any node may legitimately hold the rest.
    const bindings = numatune ? [...(numatune.memory ? [numatune.memory] : []), ...numatune.memnodes] : [];
    const confined = bindings.every((m) => m.mode === 'strict' || m.mode === 'restrictive');
    const rest = memory.map((m) => ({
      ...m,
      kib: m.kib - cellMemory.filter((c) => checkedCells.has(c.cell) && c.node === m.node && c.pageSizeKiB === m.pageSizeKiB).reduce((a, c) => a + c.kib, 0),
    }));
    if (total > 0 && staticPlacement && confined) {
      let nodes = CpuSet.empty;
      for (const m of bindings) nodes = nodes.union(m.nodeset?.set ?? CpuSet.empty);
      const where = bindings.find((m) => m.nodeset)?.nodeset;
      const off = rest.filter((m) => m.kib > 0 && !nodes.has(m.node));
      const offKiB = off.reduce((a, m) => a + m.kib, 0);
      if (!nodes.isEmpty && where && offKiB * 100 > total * maxOff) {
        report({
          range: where.attr.range,
          messageId: 'offNodeset',
          data: {
            share: percent(offKiB, total),
            guest: guest.name,
            size: formatKiB(offKiB),
            nodes: CpuSet.ofList(off.map((m) => m.node)).toString(),
            nodeset: nodes.toString(),
          },
        });
      }
    }

    // <hugepages> configured, small pages in use.
    const hugepages = d.memoryBacking?.hugepages;
    if (hugepages && total > 0) {
      const base = host.model.snapshot.pageSizeKiB ?? memory.reduce((min, m) => Math.min(min, m.pageSizeKiB), Infinity);
      const hugeKiB = memory.filter((m) => m.pageSizeKiB > base).reduce((a, m) => a + m.kib, 0);
      if (hugeKiB * 100 < total * minHuge) {
        report({ range: hugepages.element.startTag, messageId: 'smallPages', data: { guest: guest.name, share: percent(hugeKiB, total) } });
      }
    }

    // <vcpusched> realtime policy not applied to the running vCPU threads: one finding per <vcpusched>.
    const wrongBySched = new Map<XmlElement, { wanted: string; threads: SnapshotGuestThread[] }>();
    for (const group of domainThreads(d, host.model)) {
      if (group.kind !== 'vcpu' || !isRealtimePolicy(group.policy) || !group.sched) continue;
      const wrong = guest.threads.filter(
        (t) =>
          t.role === 'vcpu' &&
          t.id !== undefined &&
          group.ids.has(t.id) &&
          t.policy !== undefined &&
          (t.policy !== group.policy || (group.priority !== undefined && t.priority !== group.priority)),
      );
      if (wrong.length === 0) continue;
      const entry = wrongBySched.get(group.sched.element) ?? { wanted: `${group.policy} ${group.priority ?? ''}`.trimEnd(), threads: [] };
      for (const t of wrong) entry.threads.push(t);
      wrongBySched.set(group.sched.element, entry);
    }
    const vcpuList = (ids: number[]): string => `vCPU${new Set(ids).size === 1 ? '' : 's'} ${CpuSet.ofList(ids).toString()}`;
    for (const [element, { wanted, threads }] of wrongBySched) {
      // Group by what each vCPU really runs: vCPUs 0-1 on other 0 and 2-3 on rr 1 are two facts, not one.
      const byPolicy = new Map<string, number[]>();
      for (const t of threads) {
        const key = `${t.policy} ${t.priority ?? 0}`;
        byPolicy.set(key, [...(byPolicy.get(key) ?? []), t.id!]);
      }
      const ids = threads.map((t) => t.id!);
      const running = byPolicy.size === 1 ? [...byPolicy.keys()][0]! : [...byPolicy].map(([policy, v]) => `${policy} (${vcpuList(v)})`).join(' and ');
      report({
        range: element.startTag,
        messageId: 'notRealtime',
        data: { vcpus: vcpuList(ids), guest: guest.name, verb: new Set(ids).size === 1 ? 'runs' : 'run', running, wanted },
      });
    }
  },
});
