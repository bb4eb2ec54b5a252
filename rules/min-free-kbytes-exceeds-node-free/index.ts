import { defineRule } from '../../src/engine/types.ts';
import { describeDomain, listBounded } from '../../src/model/describe.ts';
import { strictSmallPageKiBPerNode } from '../../src/model/memory-demand.ts';
import { formatKiB } from '../../src/model/units.ts';
import { largestSafeMinFreeKbytes } from '../../src/model/watermarks.ts';
import { hostNodeWatermarks, nodeMemoryVerdict, type NodeMemoryVerdict } from '../../src/model/node-memory.ts';
import { locateJsonKey } from '../../src/json/document.ts';

export default defineRule({
  meta: {
    id: 'min-free-kbytes-exceeds-node-free',
    name: 'MinFreeKbytesExceedsNodeFree',
    severity: 'error',
    type: 'problem',
    needs: 'host',
    fixable: false,
    hasSuggestions: false,
    summary: 'A NUMA node\'s share of vm.min_free_kbytes (or its high watermark) exceeds the memory that node has free.',
    tags: ['memory', 'numa', 'sysctl', 'oom'],
  },
  checkPlan(ctx) {
    const host = ctx.host.model;
    const minFree = host.minFreeKbytes;
    if (minFree === undefined) {
      ctx.reportHost({ severity: 'info', message: 'the snapshot has no vm.min_free_kbytes: min-free-kbytes-exceeds-node-free is not checked' });
      return;
    }
    // Located, and the safe values searched, only for a finding: most hosts of a fleet have none.
    const at = () => locateJsonKey(ctx.host.text, 'vm.minFreeKbytes');
    const { zones, approximatedNodes, shares } = hostNodeWatermarks(host)!;
    // Free memory after the planned guests whose small-page memory is bound strictly to each node.
    // Each domain's strict small-page memory per node, once; the plan's total per node is their sum.
    const perDomain = ctx.domains.map((d) => ({ label: describeDomain(d), kib: strictSmallPageKiBPerNode([d.domain]) }));
    const planned = new Map<number, number>();
    for (const { kib } of perDomain) for (const [node, k] of kib) planned.set(node, (planned.get(node) ?? 0) + k);
    const plannedBy = (node: number) => perDomain.filter((d) => d.kib.has(node)).map((d) => d.label);
    const free = new Map<number, number>();
    for (const n of host.nodes) if (n.memFreeKiB !== undefined) free.set(n.id, n.memFreeKiB - (planned.get(n.id) ?? 0));
    if (free.size === 0) {
      ctx.reportHost({ severity: 'info', message: 'the snapshot has no per-node free memory: min-free-kbytes-exceeds-node-free is not checked' });
      return;
    }
    // src/model/node-memory.ts decides which rule reports a node: nodes the planned guests overfill, or push
    // between min and high from above high, are numa-memory-insufficient's (no sysctl value fixes those), so
    // they are neither reported here nor constrain the safe values below.
    const verdicts = new Map<number, NodeMemoryVerdict | undefined>();
    for (const n of host.nodes) {
      if (n.memFreeKiB === undefined) continue;
      const share = shares.get(n.id);
      verdicts.set(n.id, nodeMemoryVerdict({ freeKiB: n.memFreeKiB, plannedKiB: planned.get(n.id) ?? 0, minKiB: share?.minKiB, highKiB: share?.highKiB }));
    }
    const constraining = new Map([...free].filter(([n]) => verdicts.get(n)?.rule !== 'numa-memory-insufficient'));
    const safestFor = (level: 'min' | 'high') => largestSafeMinFreeKbytes(zones, constraining, host.watermarkScaleFactor, host.pageSizeKiB, level);
    const basis = approximatedNodes.length > 0 ? ' (zones approximated from node MemTotal: the snapshot has no /proc/zoneinfo)' : '';
    for (const share of shares.values()) {
      const nodeFree = free.get(share.node);
      const verdict = verdicts.get(share.node);
      if (nodeFree === undefined || verdict?.rule !== 'min-free-kbytes-exceeds-node-free') continue;
      const guests = planned.get(share.node) ? `, after ${formatKiB(planned.get(share.node)!)} bound strictly to it by ${describePlanned(plannedBy(share.node))}` : '';
      const freeText = `${formatKiB(Math.max(0, nodeFree))} free${guests}`;
      if (verdict.level === 'below-min') {
        const safest = safestFor('min');
        ctx.reportHost({
          range: at(),
          message:
            `vm.min_free_kbytes=${minFree} gives node ${share.node} a min watermark of ${formatKiB(share.minKiB)}, more than its ${freeText}${basis}: ` +
            `allocations on node ${share.node} enter direct reclaim and the OOM killer while other nodes have memory; ` +
            (safest === undefined ? 'no value of vm.min_free_kbytes is safe for this node' : `the largest value that keeps every node safe is ${safest}`),
        });
      } else {
        const safestHigh = safestFor('high');
        ctx.reportHost({
          range: at(),
          severity: 'warning',
          message:
            `vm.min_free_kbytes=${minFree} gives node ${share.node} a high watermark of ${formatKiB(share.highKiB)}, more than its ${freeText}${basis}: ` +
            `kswapd on node ${share.node} never reaches its target and reclaims continuously; ` +
            (safestHigh === undefined ? 'lower vm.watermark_scale_factor' : `values up to ${safestHigh} keep every node below its high watermark`),
        });
      }
    }
  },
});

/** At most three guests named, then a count: a node can carry a hundred of them. */
function describePlanned(labels: readonly string[]): string {
  return listBounded(labels, labels.length, 3, labels.length - 3 === 1 ? 'other domain' : 'other domains');
}
