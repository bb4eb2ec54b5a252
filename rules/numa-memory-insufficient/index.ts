import { defineRule, type LintedDomain } from '../../src/engine/types.ts';
import type { XmlAttribute, XmlElement } from '../../src/xml/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeDomain, describeNodes, listNames } from '../../src/model/describe.ts';
import { hostNodeSets } from '../../src/model/host-nodes.ts';
import { strictSmallPageShares } from '../../src/model/memory-demand.ts';
import { hostNodeWatermarks, nodeMemoryVerdict } from '../../src/model/node-memory.ts';
import { formatKiB } from '../../src/model/units.ts';

/** One domain's strict small-page memory on one node, and the binding elements that put it there. */
interface Contribution {
  on: LintedDomain;
  kib: number;
  /** Part of it is an even split of a binding over several nodes (those nodes). */
  spreadOver: string | undefined;
  /** The part bound to this node alone (not an even-split estimate). */
  exactKiB: number;
  bindings: Map<XmlElement, XmlAttribute | undefined>;
}

export default defineRule({
  meta: {
    id: 'numa-memory-insufficient',
    name: 'NumaMemoryInsufficient',
    severity: 'error',
    severities: ['error', 'warning'],
    type: 'problem',
    needs: 'plan',
    fixable: false,
    hasSuggestions: false,
    summary: 'The small-page guests bound strictly to a host NUMA node need more than its free memory, or leave it below its high watermark.',
    tags: ['numa', 'memory', 'capacity', 'oom'],
  },
  checkPlan(ctx) {
    const host = ctx.host.model;
    // Per node, per domain: linear in the domains and their guest cells.
    const perNode = new Map<number, Map<LintedDomain, Contribution>>();
    for (const on of ctx.domains) {
      for (const s of strictSmallPageShares(on.domain)) {
        let byDomain = perNode.get(s.node);
        if (!byDomain) perNode.set(s.node, (byDomain = new Map()));
        let c = byDomain.get(on);
        if (!c) byDomain.set(on, (c = { on, kib: 0, spreadOver: undefined, exactKiB: 0, bindings: new Map() }));
        c.kib += s.kib;
        if (!s.spread) c.exactKiB += s.kib;
        const b = s.demand.binding!;
        if (s.spread && s.demand.target.kind === 'set') c.spreadOver = s.demand.target.nodes.toString();
        c.bindings.set(b.element, b.nodesetAttr);
      }
    }
    if (perNode.size === 0) return;

    const { all, memoryless } = hostNodeSets(host);
    const watermarks = hostNodeWatermarks(host);
    const noFree: number[] = [];
    for (const [node, byDomain] of [...perNode].sort((a, b) => a[0] - b[0])) {
      // A node the host does not have is pin-target-offline's, one without memory numatune-memoryless-node's.
      if (!all.has(node) || memoryless.has(node)) continue;
      const free = host.node(node)!.memFreeKiB;
      if (free === undefined) {
        noFree.push(node);
        continue;
      }
      const contributions = [...byDomain.values()].sort((a, b) => b.kib - a.kib);
      const planned = contributions.reduce((a, c) => a + c.kib, 0);
      const share = watermarks?.shares.get(node);
      // src/model/node-memory.ts: which of this rule and min-free-kbytes-exceeds-node-free reports the node.
      const verdict = nodeMemoryVerdict({ freeKiB: free, plannedKiB: planned, minKiB: share?.minKiB, highKiB: share?.highKiB });
      if (verdict?.rule !== 'numa-memory-insufficient') continue;

      // The largest four and the total, once per node: each finding names at most three others.
      const top = contributions.slice(0, 4);
      const othersOf = (self: Contribution): string => {
        const named = top.filter((c) => c !== self).slice(0, 3);
        const count = contributions.length - 1;
        if (count <= 0) return '';
        const parts = named.map((c) => `${describeDomain(c.on)} ${formatKiB(c.kib)}`);
        if (count > named.length) {
          const rest = planned - self.kib - named.reduce((a, c) => a + c.kib, 0);
          parts.push(`${count - named.length} other domains ${formatKiB(rest)}`);
        }
        return `, ${listNames(parts)}`;
      };
      const minFree = host.minFreeKbytes;
      // Over several nodes a strict binding takes what one node lacks from the others of its set (MPOL_BIND
      // walks the allowed nodes in zonelist order), so an overflow that only the even split produces is an
      // estimate: a warning. Memory bound to this node alone decides the error.
      const exact = contributions.reduce((a, c) => a + c.exactKiB, 0);
      const certain = exact > free;
      for (const c of contributions) {
        const spread = c.spreadOver === undefined ? '' : ` (an even share of its strict binding over nodes ${c.spreadOver}; the kernel's split is not known offline)`;
        const need =
          contributions.length === 1
            ? `this domain binds ${formatKiB(c.kib)} of small-page memory strictly to host node ${node}${spread}`
            : `the small-page guests bound strictly to host node ${node} take ${formatKiB(planned)} (this domain ${formatKiB(c.kib)}${spread}${othersOf(c)})`;
        const message =
          verdict.level === 'exceeds-free' && certain
            ? `${need}, more than the ${formatKiB(free)} the node has free: a strict binding does not fall back to other nodes, ` +
              `so the guest that allocates last is OOM-killed or fails to start; bind guests to another node, back them with hugepages, or shrink them`
            : verdict.level === 'exceeds-free'
            ? `${need}, more than the ${formatKiB(free)} the node has free if the split is even: ` +
              `the kernel takes the rest from the binding's other nodes, but only once node ${node} is drained to its watermarks; ` +
              `bind each guest cell to one node with <memnode> so the memory per node is known, and make it fit`
            : `${need}, leaving ${formatKiB(free - planned)} of its ${formatKiB(free)} free, below its high watermark of ${formatKiB(share!.highKiB)} ` +
              `(vm.min_free_kbytes=${minFree}): kswapd on node ${node} never reaches its target and reclaims continuously; ` +
              `keep at least ${formatKiB(share!.highKiB)} free on the node by moving ${formatKiB(planned - (free - share!.highKiB))} of guest memory elsewhere`;
        for (const [element, attr] of c.bindings) {
          ctx.report(c.on, { range: attr?.valueRange ?? element.startTag, severity: verdict.level === 'exceeds-free' && certain ? undefined : 'warning', message });
        }
      }
    }
    if (noFree.length > 0) {
      ctx.reportHost({
        severity: 'info',
        message: `the snapshot has no free memory for host ${describeNodes(CpuSet.of(...noFree))}: numa-memory-insufficient does not check the guests bound there`,
      });
    }
  },
});
