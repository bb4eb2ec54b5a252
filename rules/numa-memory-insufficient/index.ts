import { definePlanRule, type LintedDomain, type RelatedDescriptor } from '../../src/engine/types.ts';
import type { XmlAttribute, XmlElement } from '../../src/xml/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeNodes, excerpt } from '../../src/model/describe.ts';
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

export default definePlanRule({
  meta: {
    id: 'numa-memory-insufficient',
    name: 'NumaMemoryInsufficient',
    severity: 'error',
    severities: ['error', 'warning', 'info'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'The small-page guests bound strictly to a host NUMA node need more than its free memory, or leave it below its high watermark.',
    tags: ['numa', 'memory', 'capacity', 'oom'],
    messages: {
      exceedsFree: {
        message: '{{guests}} bound strictly to host node {{node}} {{need}} {{planned}} of small pages; the node has {{free}} free',
        help: 'bind guests to another node, back them with hugepages, or shrink them: a strict binding does not fall back',
      },
      exceedsFreeIfEven: {
        message: '{{guests}} bound strictly to host node {{node}}{{over}} {{need}} {{planned}} there if the split is even; it has {{free}} free',
        help: 'bind each guest cell to one node with <memnode> so the memory per node is known, and make it fit',
      },
      afterReclaim: {
        message: '{{guests}} bound strictly to host node {{node}} {{need}} {{planned}} of small pages; it has {{free}} free and {{reclaimable}} of reclaimable cache',
        help: 'the kernel reclaims {{reclaim}} of that cache first (the memory and the min watermark), so the memory is found; bind a guest to another node to keep the cache',
      },
      belowHigh: {
        message: '{{guests}} bound strictly to host node {{node}} {{leave}} {{left}} of its {{free}} free, below its high watermark {{high}}',
        help: 'move {{move}} of guest memory elsewhere: kswapd on node {{node}} otherwise reclaims continuously (vm.min_free_kbytes={{minFree}})',
      },
      noFree: { message: 'the snapshot has no free memory for host {{nodes}}: numa-memory-insufficient is not checked there' },
    },
  },
  check(ctx) {
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
      const reclaimable = host.node(node)!.reclaimableKiB;
      const verdict = nodeMemoryVerdict({ freeKiB: free, plannedKiB: planned, reclaimableKiB: reclaimable, minKiB: share?.minKiB, highKiB: share?.highKiB });
      if (verdict?.rule !== 'numa-memory-insufficient') continue;

      // One finding per node (one resource): at the binding of the guest that takes the most, every other
      // binding of every guest on the node related with its share.
      const places = contributions.flatMap((c) => [...c.bindings].map(([element, attr]) => ({ c, range: attr?.valueRange ?? element.startTag })));
      const at = places[0]!;
      const related = places.slice(1).map(
        (p): RelatedDescriptor => ({
          file: p.c.on.source,
          range: p.range,
          message: p.c === at.c ? 'also bound to this node here' : `${excerpt(p.c.on.domain.name ?? p.c.on.source.path, 40)} binds ${formatKiB(p.c.kib)} here`,
        }),
      );
      const one = contributions.length === 1;
      const who = { guests: one ? 'the guest' : `${contributions.length} guests`, node };
      // Over several nodes a strict binding takes what one node lacks from the others of its set (MPOL_BIND
      // walks the allowed nodes in zonelist order), so an overflow that only the even split produces is an
      // estimate: a warning. Memory bound to this node alone decides the error.
      const exact = contributions.reduce((a, c) => a + c.exactKiB, 0);
      const certain = exact > free;
      if (verdict.level === 'after-reclaim') {
        // The guests fit once cache is reclaimed: not a failure to start, only the host's cache going.
        ctx.report(at.c.on, {
          range: at.range,
          severity: 'info',
          messageId: 'afterReclaim',
          data: { ...who, need: one ? 'needs' : 'need', planned: formatKiB(planned), free: formatKiB(free), reclaimable: formatKiB(reclaimable!), reclaim: formatKiB(Math.max(0, planned + (share?.minKiB ?? 0) - free)) },
          related,
        });
      } else if (verdict.level === 'exceeds-free' && certain) {
        ctx.report(at.c.on, {
          range: at.range,
          messageId: 'exceedsFree',
          data: { ...who, need: one ? 'needs' : 'need', planned: formatKiB(planned), free: formatKiB(free) },
          related,
        });
      } else if (verdict.level === 'exceeds-free') {
        // The kernel's split over the binding's nodes is not known offline: an even share is assumed.
        const spread = contributions.find((c) => c.spreadOver !== undefined)?.spreadOver;
        ctx.report(at.c.on, {
          range: at.range,
          severity: 'warning',
          messageId: 'exceedsFreeIfEven',
          data: { ...who, over: spread ? ` (among nodes ${spread})` : '', need: one ? 'needs' : 'need', planned: formatKiB(planned), free: formatKiB(free) },
          related,
        });
      } else {
        ctx.report(at.c.on, {
          range: at.range,
          severity: 'warning',
          messageId: 'belowHigh',
          data: {
            ...who,
            leave: one ? 'leaves' : 'leave',
            left: formatKiB(free - planned),
            free: formatKiB(free),
            high: formatKiB(share!.highKiB),
            move: formatKiB(planned - (free - share!.highKiB)),
            minFree: host.minFreeKbytes ?? '?',
          },
          related,
        });
      }
    }
    if (noFree.length > 0) {
      ctx.reportHost({ unchecked: true, messageId: 'noFree', data: { nodes: describeNodes(CpuSet.ofList(noFree)) } });
    }
  },
});
