import { mapPacked } from '../../src/packed-arrays.ts';
import { definePlanRule } from '../../src/engine/types.ts';
import { describeDomain } from '../../src/model/describe.ts';
import { strictSmallPageKiBPerNode } from '../../src/model/memory-demand.ts';
import { formatKiB } from '../../src/model/units.ts';
import { largestSafeMinFreeKbytes } from '../../src/model/watermarks.ts';
import { hostNodeWatermarks, nodeMemoryVerdict, type NodeMemoryVerdict } from '../../src/model/node-memory.ts';
import { locateJsonKey } from '../../src/json/document.ts';

export default definePlanRule({
  meta: {
    id: 'min-free-kbytes-exceeds-node-free',
    name: 'MinFreeKbytesExceedsNodeFree',
    severity: 'error',
    severities: ['error', 'warning'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A NUMA node\'s share of vm.min_free_kbytes (or its high watermark) exceeds the memory that node has free.',
    tags: ['memory', 'numa', 'sysctl', 'oom'],
    messages: {
      belowMin: {
        message: "vm.min_free_kbytes={{minFree}}: node {{node}}'s min watermark {{watermark}} exceeds its {{free}}{{guests}}",
        help: '{{advice}}: allocations on node {{node}} otherwise enter direct reclaim and the OOM killer{{basis}}',
      },
      belowHigh: {
        message: 'vm.min_free_kbytes={{minFree}} gives node {{node}} a high watermark of {{watermark}}, more than its {{free}}{{guests}}',
        help: '{{advice}}: kswapd on node {{node}} otherwise reclaims continuously{{basis}}',
      },
      noMinFree: { message: 'the snapshot has no vm.min_free_kbytes: min-free-kbytes-exceeds-node-free is not checked' },
      noFree: { message: 'the snapshot has no per-node free memory: min-free-kbytes-exceeds-node-free is not checked' },
    },
  },
  check(ctx) {
    const host = ctx.host.model;
    const minFree = host.minFreeKbytes;
    if (minFree === undefined) {
      ctx.reportHost({ unchecked: true, messageId: 'noMinFree' });
      return;
    }
    // Located, and the safe values searched, only for a finding: most hosts of a fleet have none.
    const at = () => locateJsonKey(ctx.host.text, 'vm.minFreeKbytes');
    const { zones, approximatedNodes, shares } = hostNodeWatermarks(host)!;
    // Free memory after the planned guests whose small-page memory is bound strictly to each node.
    // Each domain's strict small-page memory per node, once; the plan's total per node is their sum.
    // Each guest's strict small-page memory per node (labels only for the findings, which are few).
    const perDomain = mapPacked(ctx.domains, (d) => strictSmallPageKiBPerNode([d.domain]));
    const planned = new Map<number, number>();
    for (const kib of perDomain) for (const [node, k] of kib) planned.set(node, (planned.get(node) ?? 0) + k);
    const plannedOn = (node: number) => perDomain.reduce((n, kib) => n + (kib.has(node) ? 1 : 0), 0);
    // What the kernel can keep its watermarks with: free memory and, when the snapshot has it, the page cache
    // and slab it reclaims (src/model/node-memory.ts).
    const free = new Map<number, number>();
    for (const n of host.nodes) if (n.memFreeKiB !== undefined) free.set(n.id, n.memFreeKiB + (n.reclaimableKiB ?? 0) - (planned.get(n.id) ?? 0));
    if (free.size === 0) {
      ctx.reportHost({ unchecked: true, messageId: 'noFree' });
      return;
    }
    // src/model/node-memory.ts decides which rule reports a node: nodes the planned guests overfill, or push
    // between min and high from above high, are numa-memory-insufficient's (no sysctl value fixes those), so
    // they are neither reported here nor constrain the safe values below.
    const verdicts = new Map<number, NodeMemoryVerdict | undefined>();
    for (const n of host.nodes) {
      if (n.memFreeKiB === undefined) continue;
      const share = shares.get(n.id);
      verdicts.set(n.id, nodeMemoryVerdict({ freeKiB: n.memFreeKiB, plannedKiB: planned.get(n.id) ?? 0, reclaimableKiB: n.reclaimableKiB, minKiB: share?.minKiB, highKiB: share?.highKiB }));
    }
    const constraining = new Map([...free].filter(([n]) => verdicts.get(n)?.rule !== 'numa-memory-insufficient'));
    const safestFor = (level: 'min' | 'high') => largestSafeMinFreeKbytes(zones, constraining, host.watermarkScaleFactor, host.pageSizeKiB, level);
    const basis = approximatedNodes.length > 0 ? ' (zones approximated from MemTotal: no /proc/zoneinfo in the snapshot)' : '';
    for (const share of shares.values()) {
      const nodeFree = free.get(share.node);
      const verdict = verdicts.get(share.node);
      if (nodeFree === undefined || verdict?.rule !== 'min-free-kbytes-exceeds-node-free') continue;
      const guestCount = plannedOn(share.node);
      const guests = planned.get(share.node) ? ` after ${formatKiB(planned.get(share.node)!)} of ${guestCount === 1 ? 'a guest' : `${guestCount} guests`}` : '';
      // The guests bound there are related: moving one is the other way out.
      const related = ctx.domains
        .filter((d) => strictSmallPageKiBPerNode([d.domain]).has(share.node))
        .slice(0, 20)
        .map((d) => ({ file: d.source, range: (d.domain.numatune?.element ?? d.domain.element).startTag, message: `${describeDomain(d)} binds memory to node ${share.node} here` }));
      const reclaimable = host.node(share.node)?.reclaimableKiB !== undefined;
      const common = { minFree, node: share.node, free: `${formatKiB(Math.max(0, nodeFree))} ${reclaimable ? 'free or reclaimable' : 'free'}`, guests, basis };
      if (verdict.level === 'below-min') {
        const safest = safestFor('min');
        ctx.reportHost({
          range: at(),
          messageId: 'belowMin',
          data: { ...common, watermark: formatKiB(share.minKiB), advice: safest === undefined ? 'no value of vm.min_free_kbytes is safe for this node: free memory on it' : `set vm.min_free_kbytes to at most ${safest}` },
          related,
        });
      } else {
        const safestHigh = safestFor('high');
        ctx.reportHost({
          range: at(),
          severity: 'warning',
          messageId: 'belowHigh',
          data: { ...common, watermark: formatKiB(share.highKiB), advice: safestHigh === undefined ? 'lower vm.watermark_scale_factor' : `set vm.min_free_kbytes to at most ${safestHigh}` },
          related,
        });
      }
    }
  },
});
