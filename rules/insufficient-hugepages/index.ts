import { defineRule, type LintedDomain, type PlanRuleContext } from '../../src/engine/types.ts';
import type { XmlElement } from '../../src/xml/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeDomain, describeNodes, listNames } from '../../src/model/describe.ts';
import { memoryDemands, spreadEvenly } from '../../src/model/memory-demand.ts';
import { formatKiB } from '../../src/model/units.ts';
import { soleMemoryNode } from '../../src/model/host-nodes.ts';
import { hostHasHugepageSize } from '../../src/model/hugepage-sizes.ts';

interface Contribution {
  on: LintedDomain;
  element: XmlElement;
  pages: number;
}

/** Demand for one page size: per node, per multi-node set, and unbound. */
interface SizeBudget {
  perNode: Map<number, Contribution[]>;
  perSet: Map<string, { nodes: CpuSet; items: Contribution[] }>;
  unbound: Contribution[];
}

const sum = (items: readonly Contribution[]) => items.reduce((a, c) => a + c.pages, 0);

export default defineRule({
  meta: {
    id: 'insufficient-hugepages',
    name: 'InsufficientHugepages',
    severity: 'error',
    type: 'problem',
    needs: 'plan',
    fixable: false,
    hasSuggestions: false,
    summary: 'The guests planned on a host node need more hugepages of a size than that node\'s pool holds.',
    tags: ['hugepages', 'numa', 'memory', 'capacity'],
  },
  checkPlan(ctx) {
    const host = ctx.host.model;
    // A source that cannot see hugepage pools (numactl --hardware) must not read as "0 pages on every node".
    if (host.missing.has('hugepages') && host.nodes.every((n) => n.hugepages.length === 0)) {
      if (ctx.domains.some((d) => memoryDemands(d.domain).some((m) => m.hugepages))) {
        ctx.reportHost({ severity: 'info', message: 'the snapshot has no hugepage pools (its source cannot provide them): insufficient-hugepages is not checked' });
      }
      return;
    }
    let noDefaultSizeReported = false;
    const budgets = new Map<number, SizeBudget>();
    const budget = (size: number): SizeBudget => {
      let b = budgets.get(size);
      if (!b) budgets.set(size, (b = { perNode: new Map(), perSet: new Map(), unbound: [] }));
      return b;
    };
    for (const on of ctx.domains) {
      for (const m of memoryDemands(on.domain)) {
        if (!m.hugepages) continue;
        const size = m.hugepages.sizeKiB ?? host.defaultHugepageSizeKiB;
        if (size === undefined) {
          if (!noDefaultSizeReported) {
            ctx.reportHost({ severity: 'info', message: 'the snapshot has no default hugepage size: hugepages without an explicit <page size> are not checked' });
            noDefaultSizeReported = true;
          }
          continue;
        }
        // A "hugepage" of the base page size is ordinary memory to libvirt (qemu_command.c qemuBuildMemoryBackendProps).
        if (size === host.pageSizeKiB) continue;
        // A size the host has no pool of at all is hugepage-size-unavailable's: no count of pages is the answer there.
        if (hostHasHugepageSize(host, size) === false) continue;
        const pages = Math.ceil(m.kib / size);
        const b = budget(size);
        const item = (p: number): Contribution => ({ on, element: m.hugepages!.element, pages: p });
        // On a host with one node that can hold memory, every binding lands there: compare against that node exactly.
        const sole = soleMemoryNode(host);
        const t =
          sole !== undefined && (m.target.kind === 'unbound' || ((m.target.kind === 'set' || m.target.kind === 'interleave') && m.target.nodes.has(sole)))
            ? { kind: 'node' as const, node: sole }
            : m.target;
        if (t.kind === 'node') push(b.perNode, t.node, item(pages));
        else if (t.kind === 'interleave') for (const [n, p] of spreadEvenly(pages, t.nodes)) push(b.perNode, n, item(p));
        else if (t.kind === 'set') {
          const key = t.nodes.toString();
          const entry = b.perSet.get(key) ?? { nodes: t.nodes, items: [] };
          entry.items.push(item(pages));
          b.perSet.set(key, entry);
        } else b.unbound.push(item(pages));
      }
    }
    for (const [size, b] of budgets) checkSize(ctx, size, b);
  },
});

function push<K>(m: Map<K, Contribution[]>, k: K, c: Contribution): void {
  const list = m.get(k);
  if (list) list.push(c);
  else m.set(k, [c]);
}

function checkSize(ctx: PlanRuleContext, size: number, b: SizeBudget): void {
  const host = ctx.host.model;
  const pool = (n: number) => host.node(n)?.hugepages.find((p) => p.sizeKiB === size)?.total ?? 0;
  const sizeName = `${formatKiB(size)} hugepage`;
  const sysfs = (n: number, want: number) => `/sys/devices/system/node/node${n}/hugepages/hugepages-${size}kB/nr_hugepages = ${want}`;

  // One finding per (domain, element) even when a domain has several cells on the node.
  // `context` adds contributors outside `items` (node-bound guests sharing a multi-node set).
  const reportEach = (
    items: readonly Contribution[],
    message: (self: Contribution, others: string) => string,
    severity?: 'warning',
    context: readonly Contribution[] = [],
  ) => {
    // Per-domain sums once: a plan can hold thousands of guests, and each finding names the others.
    const pages = new Map<LintedDomain, number>();
    for (const x of [...items, ...context]) pages.set(x.on, (pages.get(x.on) ?? 0) + x.pages);
    const ranked = [...pages].sort((x, y) => y[1] - x[1]);
    const total = ranked.reduce((a, [, n]) => a + n, 0);
    const seen = new Set<XmlElement>();
    for (const c of items) {
      if (seen.has(c.element)) continue;
      seen.add(c.element);
      ctx.report(c.on, { range: c.element.startTag, severity, message: message({ ...c, pages: pages.get(c.on)! }, othersOf(c.on, pages.get(c.on)!, ranked, total)) });
    }
  };
  /** ", erp-db (path) 6144 and erp-app (path) 4096": the largest other contributors, at most three named. */
  const othersOf = (self: LintedDomain, selfPages: number, ranked: ReadonlyArray<readonly [LintedDomain, number]>, total: number): string => {
    // From the largest four and the totals, not a filter per finding: that would be quadratic in the plan.
    const top = ranked.slice(0, 4).filter(([d]) => d !== self).slice(0, 3);
    const othersCount = ranked.length - 1;
    if (othersCount <= 0) return '';
    const named = top.map(([d, n]) => `${describeDomain(d)} ${n}`);
    if (othersCount > top.length) {
      const rest = total - selfPages - top.reduce((a, [, n]) => a + n, 0);
      named.push(`${othersCount - top.length} other domains ${rest}`);
    }
    return `, ${listNames(named)}`;
  };

  for (const [node, items] of [...b.perNode].sort((x, y) => x[0] - y[0])) {
    const demand = sum(items);
    const supply = pool(node);
    if (demand <= supply) continue;
    reportEach(items, (self, others) =>
      `host node ${node} has ${supply} × ${sizeName}s (${formatKiB(supply * size)}) but the guests bound to it need ${demand} (${formatKiB(demand * size)}): ` +
      `this domain ${self.pages}${others}; reserve at least ${demand} (${sysfs(node, demand)})` +
      `${host.node(node) ? '' : `; the host has no node ${node}`}`,
    );
  }

  for (const { nodes, items } of b.perSet.values()) {
    // Only nodes the plan or the host has can contribute: never enumerate the nodeset itself (it may be 0-16383).
    const fixed = [...b.perNode].reduce((a, [n, list]) => (nodes.has(n) ? a + sum(list) : a), 0);
    const demand = sum(items) + fixed;
    const supply = host.nodes.reduce((a, n) => (nodes.has(n.id) ? a + pool(n.id) : a), 0);
    if (demand <= supply) continue;
    reportEach(
      items,
      (self, others) =>
        `memory is bound to host ${describeNodes(nodes)} without a per-node split, so only their totals can be compared: ` +
        `${supply} × ${sizeName}s on ${describeNodes(nodes)} against ${demand} needed (this domain ${self.pages}${others}); ` +
        `raise those nodes' pools to ${demand} pages in all, or bind each guest cell to one node with <memnode>`,
      'warning',
      [...b.perNode].flatMap(([n, list]) => (nodes.has(n) ? list : [])),
    );
  }

  if (b.unbound.length > 0) {
    const all = [...b.perNode.values(), ...[...b.perSet.values()].map((s) => s.items), b.unbound].flat();
    const demand = sum(all);
    const supply = host.nodes.reduce((a, n) => a + pool(n.id), 0);
    if (demand > supply) {
      reportEach(
        b.unbound,
        (self, others) =>
          `memory is not bound to a host node (no numatune nodeset), so only host-wide totals can be compared: ` +
          `the host has ${supply} × ${sizeName}s but the planned guests need ${demand} (this domain ${self.pages}${others}); ` +
          `bind the guest with <numatune> and reserve the pages on that node`,
        'warning',
        all.filter((c) => !b.unbound.includes(c)),
      );
    }
  }
}
