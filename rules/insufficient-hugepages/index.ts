import { definePlanRule, type LintedDomain, type PlanRuleContext, type RelatedDescriptor } from '../../src/engine/types.ts';
import type { XmlElement } from '../../src/xml/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeNodes, excerpt } from '../../src/model/describe.ts';
import { memoryDemands } from '../../src/model/memory-demand.ts';
import { formatKiB } from '../../src/model/units.ts';
import { hostNodeSets, soleMemoryNode } from '../../src/model/host-nodes.ts';
import { hostHasHugepageSize } from '../../src/model/hugepage-sizes.ts';
import { HookMemoryLedger, hostWideShare, hugepageHookNodes, hugepageHooksFor, hugepageHooksHostWide, isGiganticPage } from '../../src/model/hugepage-hooks.ts';

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

const messages = {
  nodeShort: {
    message: 'host node {{node}} has {{supply}} × {{size}} hugepages ({{supplySize}}); {{guests}} {{where}} {{need}} {{demand}} ({{demandSize}})',
    help: 'reserve at least {{demand}} on the node (/sys/devices/system/node/node{{node}}/hugepages/hugepages-{{sizeKiB}}kB/nr_hugepages) or move a guest',
  },
  setShort: {
    message: '{{guests}} bound to host {{nodes}} without a per-node split {{need}} {{demand}} × {{size}} hugepages; those nodes hold {{supply}}',
    help: "raise those nodes' pools to {{demand}} pages in all, or bind each guest cell to one node with <memnode>",
  },
  unboundShort: {
    message: 'the planned guests need {{demand}} × {{size}} hugepages but the host has {{supply}} in all (memory not bound strictly to a node)',
    help: "raise the host's pools to {{demand}} pages in all or move a guest: no placement fits them (binding each guest with <numatune> makes the check per node)",
  },
  surplusNeeded: {
    message: '{{where}} {{need}} {{short}} × {{size}} hugepages beyond {{pool}}: surplus pages (nr_overcommit_hugepages {{overcommit}})',
    help: 'the kernel takes surplus pages from free memory when the guest starts, which fails under memory pressure: raise nr_hugepages to be sure',
  },
  hookFits: {
    message: '{{where}} lacks {{short}} × {{size}} hugepages that a libvirt hook allocates at start; {{free}} is free there',
    help: 'checked against free memory at capture, as {{hooks}} sets the pool when the guest starts',
  },
  hookReclaim: {
    message: 'a libvirt hook allocates {{short}} × {{size}} hugepages ({{needSize}}) at start; {{where}} has {{free}} free',
    help: 'the kernel must first reclaim page cache, and gives up if it cannot: free memory or reserve the pages at boot ({{hooks}})',
  },
  hookShort: {
    message: 'a libvirt hook allocates {{short}} × {{size}} hugepages ({{needSize}}) at start but {{where}} has only {{free}} free',
    help: 'the hook ({{hooks}}) cannot grow the pool that far: free memory on the node, or reserve the pages at boot',
  },
  hookGigantic: {
    message: 'a libvirt hook allocates {{short}} × {{size}} hugepages at start: gigantic pages often fail on a fragmented host',
    help: 'reserve them at boot (hugepagesz={{sizeName}} hugepages=N); {{free}} was free on {{where}} ({{hooks}})',
  },
  hookSpread: {
    message: 'a hook adds {{short}} × {{size}} hugepages to the host-wide pool, spread over {{spread}}: about {{share}} land on {{where}}',
    help: 'have the hook write the pool of {{where}} (/sys/devices/system/node/nodeN/hugepages/hugepages-{{sizeKiB}}kB/nr_hugepages) rather than the host-wide one ({{hooks}})',
  },
  hookFreeUnknown: {
    message: 'a libvirt hook allocates {{short}} × {{size}} hugepages at start; the snapshot lacks the free memory of {{where}}',
    help: 'capture the snapshot with `kvmlint snapshot`, which records each node\'s MemFree ({{hooks}})',
  },
  noPools: { message: 'the snapshot has no hugepage pools (its source cannot provide them): insufficient-hugepages is not checked' },
  noDefaultSize: { message: 'the snapshot has no default hugepage size: hugepages without an explicit <page size> are not checked' },
} as const;

export default definePlanRule({
  meta: {
    id: 'insufficient-hugepages',
    name: 'InsufficientHugepages',
    severity: 'error',
    severities: ['error', 'warning', 'info'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'The guests planned on a host node need more hugepages of a size than that node\'s pool holds.',
    tags: ['hugepages', 'numa', 'memory', 'capacity'],
    messages,
  },
  check(ctx) {
    const host = ctx.host.model;
    // A source that cannot see hugepage pools (numactl --hardware) must not read as "0 pages on every node".
    if (host.missing.has('hugepages') && host.nodes.every((n) => n.hugepages.length === 0)) {
      if (ctx.domains.some((d) => memoryDemands(d.domain).some((m) => m.hugepages))) {
        ctx.reportHost({ unchecked: true, messageId: 'noPools' });
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
            ctx.reportHost({ unchecked: true, messageId: 'noDefaultSize' });
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
        // Pages are short only where they cannot come from elsewhere: a preferred or interleaved slice
        // falls back to other nodes' pools (memory-demand.ts confinedTo), so only its confinement counts.
        const bound = m.confinedTo;
        // On a host with one node that can hold memory, every binding lands there: compare against that node exactly.
        const sole = soleMemoryNode(host);
        const t =
          sole !== undefined && (bound.kind === 'unbound' || (bound.kind === 'set' && bound.nodes.has(sole)))
            ? { kind: 'node' as const, node: sole }
            : bound;
        if (t.kind === 'node') push(b.perNode, t.node, item(pages));
        else if (t.kind === 'set') {
          const key = t.nodes.toString();
          const entry = b.perSet.get(key) ?? { nodes: t.nodes, items: [] };
          entry.items.push(item(pages));
          b.perSet.set(key, entry);
        } else b.unbound.push(item(pages));
      }
    }
    // Hook-grown pools of every size draw on the same free memory.
    const ledger = new HookMemoryLedger(host);
    for (const [size, b] of budgets) checkSize(ctx, size, b, ledger);
  },
});

function push<K>(m: Map<K, Contribution[]>, k: K, c: Contribution): void {
  const list = m.get(k);
  if (list) list.push(c);
  else m.set(k, [c]);
}

function checkSize(ctx: PlanRuleContext<typeof messages>, size: number, b: SizeBudget, ledger: HookMemoryLedger): void {
  const host = ctx.host.model;
  const pool = (n: number) => host.node(n)?.hugepages.find((p) => p.sizeKiB === size)?.total ?? 0;
  const sizeName = formatKiB(size);
  const hookCache = new Map<LintedDomain, string[] | undefined>();
  const hooksOf = (c: Contribution): string[] | undefined => {
    if (!hookCache.has(c.on)) hookCache.set(c.on, hugepageHooksFor(host, c.on.domain.name));
    return hookCache.get(c.on);
  };
  // Surplus pages (nr_overcommit_hugepages) cover a shortfall from free memory at start, host-wide, for sizes the
  // buddy allocator can give (mm/hugetlb.c alloc_surplus_hugetlb_folio refuses gigantic ones: above MAX_PAGE_ORDER).
  const overcommit = host.hugepageOvercommit(size);
  let surplusLeft = isGiganticPage(host, size) ? 0 : overcommit;
  /** Whether surplus pages can cover `shortBy`: then a warning in place of the error, the pages taken from what is left. */
  const surplusCovers = (shortBy: number): boolean => {
    if (shortBy > surplusLeft) return false;
    surplusLeft -= shortBy;
    return true;
  };
  const reportSurplus = (at: Contribution, guests: number, related: RelatedDescriptor[], where: string, short: number, poolText: string) =>
    ctx.report(at.on, {
      range: at.element.startTag,
      severity: 'warning',
      messageId: 'surplusNeeded',
      data: { where: `${guests === 1 ? 'the guest' : `${guests} guests`} ${where}`, need: guests === 1 ? 'needs' : 'need', short, size: sizeName, pool: poolText, overcommit },
      related,
    });

  /**
   * One finding per pool (one cause), at the element of the guest whose move alone would relieve the
   * pool with the fewest pages moved, the last of equals (else the one that asks the most), every other contributing element
   * related with its share. `context` adds contributors outside `items` (node-bound guests sharing a
   * multi-node set). `shortBy` is the demand beyond the pool.
   */
  const reportPool = (
    items: readonly Contribution[],
    shortBy: number,
    report: (at: Contribution, guests: number, related: RelatedDescriptor[]) => void,
    context: readonly Contribution[] = [],
  ) => {
    const byElement = new Map<XmlElement, Contribution>();
    for (const c of [...items, ...context]) {
      const seen = byElement.get(c.element);
      if (seen) seen.pages += c.pages;
      else byElement.set(c.element, { ...c });
    }
    const own = new Set(items.map((c) => c.element));
    const ranked = [...byElement.values()].sort((x, y) => y.pages - x.pages);
    const mine = ranked.filter((c) => own.has(c.element));
    const relieving = mine.filter((c) => c.pages >= shortBy);
    const fewest = relieving.at(-1)?.pages;
    // Among equals the last in plan order: `kvmlint plan` keeps earlier guests in place and moves later ones.
    const at = [...relieving].reverse().find((c) => c.pages === fewest) ?? mine[0]!;
    const guests = new Set(ranked.map((c) => c.on)).size;
    const related = ranked
      .filter((c) => c !== at)
      .map((c): RelatedDescriptor => ({ file: c.on.source, range: c.element.startTag, message: `${excerpt(c.on.domain.name ?? c.on.source.path, 40)} needs ${c.pages} pages here` }));
    report(at, guests, related);
  };
  const guestsPhrase = (n: number) => (n === 1 ? 'the guest' : `${n} guests`);

  /**
   * Guests whose pool a libvirt hook grows at start (src/model/hugepage-hooks.ts): when their pages cover the
   * shortfall, the pool's size at capture says nothing; what counts is whether the nodes' free memory can give
   * the missing pages. One finding in place of the pool's error. false: no hook covers it, the pool check stands.
   */
  /** KiB this size's hooks take per node; checked against the ledger as it was before this size, added to it after. */
  const sizeTaken = new Map<number, number>();
  const memoryNodes = host.nodes.filter((n) => !hostNodeSets(host).memoryless.has(n.id)).map((n) => n.id);
  const hookCovers = (all: readonly Contribution[], shortBy: number, nodes: readonly number[], where: string): boolean => {
    // A hook that writes only other nodes' own pools (node0's, for a guest bound to node 1) does not fill this one.
    const fills = (c: Contribution) => {
      const filled = hugepageHookNodes(host, c.on.domain.name);
      return filled === undefined || nodes.some((n) => filled.has(n));
    };
    const hooked = all.filter((c) => hooksOf(c) !== undefined && fills(c));
    if (hooked.length === 0 || sum(hooked) < shortBy) return false;
    const others = all.filter((c) => !hooked.includes(c));
    const hooks = [...new Set(hooked.flatMap((c) => hooksOf(c)!))].join(', ');
    const free = ledger.available(nodes);
    const needKiB = shortBy * size;
    // What the hooks take is shared with the checks after this one, when they can take it: a guest whose hook
    // cannot grow the pool does not start (its error says so), and its pages are no other guest's concern.
    // A broader check of this size (a set, the host) includes the shortfalls of the narrower ones before it.
    if (!free || needKiB <= free.freeKiB + free.reclaimableKiB) {
      let extra = Math.max(0, needKiB - nodes.reduce((a, n) => a + (sizeTaken.get(n) ?? 0), 0));
      const sorted = [...nodes].sort((x, y) => x - y);
      for (const n of sorted) {
        const room = Math.max(0, (ledger.available([n])?.freeKiB ?? Infinity) - (sizeTaken.get(n) ?? 0));
        const t = n === sorted.at(-1) ? extra : Math.min(extra, room);
        sizeTaken.set(n, (sizeTaken.get(n) ?? 0) + t);
        extra -= t;
      }
    }
    // Hooks that write the host-wide pool: the kernel spreads the new pages over every node with memory.
    const target = new Set(nodes);
    if (hooked.every((c) => hugepageHooksHostWide(host, c.on.domain.name)) && memoryNodes.some((n) => !target.has(n))) {
      const capacity = (n: number) => {
        const f = ledger.available([n]);
        return f ? Math.floor((f.freeKiB + f.reclaimableKiB) / size) : undefined;
      };
      const share = hostWideShare(shortBy, memoryNodes, target, capacity);
      if (share < shortBy) {
        reportPool(
          hooked,
          shortBy,
          (at, _guests, related) =>
            ctx.report(at.on, {
              range: at.element.startTag,
              related,
              severity: 'warning',
              messageId: 'hookSpread',
              data: { short: shortBy, size: sizeName, spread: `host ${describeNodes(CpuSet.fromIds(memoryNodes))}`, share, where, sizeKiB: size, hooks },
            }),
          others,
        );
        return true;
      }
    }
    const base = { where, short: shortBy, size: sizeName, needSize: formatKiB(needKiB), hooks, sizeName: size % 1048576 === 0 ? `${size / 1048576}G` : size % 1024 === 0 ? `${size / 1024}M` : `${size}K` };
    reportPool(
      hooked,
      shortBy,
      (at, _guests, related) => {
        const r = { range: at.element.startTag, related };
        // Rounded down to MiB: free memory at capture is an estimate of what there will be at start.
        const f = free ? formatKiB(Math.floor(free.freeKiB / 1024) * 1024) : '';
        const { short, needSize } = base;
        if (free === undefined) ctx.report(at.on, { ...r, severity: 'warning', messageId: 'hookFreeUnknown', data: { short, size: sizeName, where, hooks } });
        else if (needKiB > free.freeKiB + free.reclaimableKiB)
          ctx.report(at.on, { ...r, severity: 'error', messageId: 'hookShort', data: { short, size: sizeName, needSize, where, free: f, hooks } });
        else if (isGiganticPage(host, size))
          ctx.report(at.on, { ...r, severity: 'warning', messageId: 'hookGigantic', data: { short, size: sizeName, sizeName: base.sizeName, free: f, where, hooks } });
        else if (needKiB > free.freeKiB)
          ctx.report(at.on, { ...r, severity: 'warning', messageId: 'hookReclaim', data: { short, size: sizeName, needSize, where, free: f, hooks } });
        else ctx.report(at.on, { ...r, severity: 'info', messageId: 'hookFits', data: { short, size: sizeName, where, free: f, hooks } });
      },
      others,
    );
    return true;
  };

  for (const [node, items] of [...b.perNode].sort((x, y) => x[0] - y[0])) {
    // A node the host does not have is pin-target-offline's root cause, and a node without memory (no pool can
    // exist there) numatune-memoryless-node's: the pool size says nothing more.
    if (!host.node(node) || hostNodeSets(host).memoryless.has(node)) continue;
    const demand = sum(items);
    const supply = pool(node);
    if (demand <= supply) continue;
    if (hookCovers(items, demand - supply, [node], `host node ${node}`)) continue;
    if (surplusCovers(demand - supply)) {
      reportPool(items, demand - supply, (at, guests, related) => reportSurplus(at, guests, related, `on host node ${node}`, demand - supply, `its pool of ${supply}`));
      continue;
    }
    reportPool(items, demand - supply, (at, guests, related) =>
      ctx.report(at.on, {
        range: at.element.startTag,
        messageId: 'nodeShort',
        data: {
          node,
          supply,
          size: sizeName,
          supplySize: formatKiB(supply * size),
          guests: guestsPhrase(guests),
          // The host's only node with memory takes every guest's memory, bound by <numatune> or not.
          where: soleMemoryNode(host) === node ? 'on it' : 'bound to it',
          need: guests === 1 ? 'needs' : 'need',
          demand,
          demandSize: formatKiB(demand * size),
          sizeKiB: size,
        },
        related,
      }),
    );
  }

  for (const { nodes, items } of b.perSet.values()) {
    // A set naming a node the host does not have is pin-target-offline's root cause (libvirt refuses to
    // start the guest: virNumaNodesetIsAvailable), as for a single node above.
    if (host.nodes.reduce((n, node) => (nodes.has(node.id) ? n + 1 : n), 0) < nodes.size) continue;
    // Only nodes the plan or the host has can contribute: never enumerate the nodeset itself (it may be 0-16383).
    const fixed = [...b.perNode].reduce((a, [n, list]) => (nodes.has(n) ? a + sum(list) : a), 0);
    const demand = sum(items) + fixed;
    const supply = host.nodes.reduce((a, n) => (nodes.has(n.id) ? a + pool(n.id) : a), 0);
    if (demand <= supply) continue;
    const inSet = [...b.perNode].flatMap(([n, list]) => (nodes.has(n) ? list : []));
    const setNodes = host.nodes.filter((n) => nodes.has(n.id)).map((n) => n.id);
    if (hookCovers([...items, ...inSet], demand - supply, setNodes, `host ${describeNodes(nodes)}`)) continue;
    if (surplusCovers(demand - supply)) {
      reportPool(
        items,
        demand - supply,
        (at, guests, related) => reportSurplus(at, guests, related, `bound to host ${describeNodes(nodes)}`, demand - supply, `their pools of ${supply}`),
        [...b.perNode].flatMap(([n, list]) => (nodes.has(n) ? list : [])),
      );
      continue;
    }
    reportPool(
      items,
      demand - supply,
      (at, guests, related) =>
        ctx.report(at.on, {
          range: at.element.startTag,
          messageId: 'setShort',
          data: { guests: guestsPhrase(guests), nodes: describeNodes(nodes), need: guests === 1 ? 'needs' : 'need', demand, size: sizeName, supply },
          related,
        }),
      [...b.perNode].flatMap(([n, list]) => (nodes.has(n) ? list : [])),
    );
  }

  if (b.unbound.length > 0) {
    const all = [...b.perNode.values(), ...[...b.perSet.values()].map((s) => s.items), b.unbound].flat();
    const demand = sum(all);
    const supply = host.nodes.reduce((a, n) => a + pool(n.id), 0);
    const allNodes = host.nodes.filter((n) => !hostNodeSets(host).memoryless.has(n.id)).map((n) => n.id);
    if (demand > supply && hookCovers(all, demand - supply, allNodes, 'the host')) {
      // reported by hookCovers
    } else if (demand > supply && surplusCovers(demand - supply)) {
      reportPool(b.unbound, demand - supply, (at, guests, related) => reportSurplus(at, guests, related, 'on the host', demand - supply, `its pools of ${supply}`), all.filter((c) => !b.unbound.includes(c)));
    } else if (demand > supply) {
      reportPool(
        b.unbound,
        demand - supply,
        (at, _guests, related) =>
          ctx.report(at.on, { range: at.element.startTag, messageId: 'unboundShort', data: { demand, size: sizeName, supply }, related }),
        all.filter((c) => !b.unbound.includes(c)),
      );
    }
  }
  for (const [n, kib] of sizeTaken) ledger.take([n], kib);
}
