import type { XmlElement } from '../xml/types.ts';
import { CpuSet } from './cpuset.ts';
import { LIBVIRT_CPUMASK_LEN } from './libvirt-cpuset.ts';
import type { DomainModel } from './domain.ts';
import { memoPerDomain } from './memo.ts';
import { guestMemorySlices, hugepageBacking, memoryBinding, type MemoryBinding } from './numa.ts';

/** Which host nodes a slice of guest memory lands on, as far as the XML says. */
export type NodeTarget =
  | { kind: 'node'; node: number }
  /** mode interleave over several nodes: pages spread round-robin, i.e. evenly. */
  | { kind: 'interleave'; nodes: CpuSet }
  /** strict/restrictive/preferred over several nodes: the split is up to the kernel. */
  | { kind: 'set'; nodes: CpuSet }
  /** No numatune for it, placement auto, or an unparsable nodeset: any node. */
  | { kind: 'unbound' };

export interface MemoryDemand {
  /** Guest cell id, undefined for a guest without cells. */
  cellId: number | undefined;
  kib: number;
  target: NodeTarget;
  /** NUMA mode of the binding (undefined when unbound). */
  mode: string | undefined;
  /** Hugepage backing; undefined means ordinary (small) pages. sizeKiB undefined = the host's default size. */
  hugepages: { sizeKiB: number | undefined; element: XmlElement } | undefined;
  /** The `<memnode>` or `<memory>` binding it (undefined when `<numatune>` says nothing about it). */
  binding: MemoryBinding | undefined;
  /**
   * The nodes its pages may come from when the nodes it is bound to run short: `target` for a strict or
   * restrictive binding; for preferred and interleave, only the domain's cpuset.mems (a strict or
   * restrictive `<memory>` nodeset), else any node. libvirt confines cpuset.mems for strict and
   * restrictive alone (qemu_process.c qemuProcessSetupPid), and the kernel gives MPOL_PREFERRED and
   * MPOL_INTERLEAVE allocations, hugetlb's included, no nodemask: they fall back to other nodes'
   * free pages (mm/mempolicy.c policy_nodemask, mm/hugetlb.c dequeue_hugetlb_folio_nodemask).
   */
  confinedTo: NodeTarget;
}

/** Every slice of a domain's memory with its node target and page backing (rules.md §1 insufficient-hugepages). */
// Both plan rules ask for every domain: computed once.
export const memoryDemands: (d: DomainModel) => MemoryDemand[] = memoPerDomain((d) => computeMemoryDemands(d));

const UNBOUND: NodeTarget = Object.freeze({ kind: 'unbound' });

function targetOf(b: MemoryBinding | undefined): NodeTarget {
  if (!b || b.placement !== 'static' || !b.nodes || b.nodes.isEmpty) return UNBOUND;
  if (b.nodes.size === 1) return { kind: 'node', node: b.nodes.min! };
  return b.mode === 'interleave' ? { kind: 'interleave', nodes: b.nodes } : { kind: 'set', nodes: b.nodes };
}

const confines = (b: MemoryBinding | undefined): boolean => b !== undefined && (b.mode === 'strict' || b.mode === 'restrictive');

function computeMemoryDemands(d: DomainModel): MemoryDemand[] {
  let domainWide: NodeTarget | undefined;
  return guestMemorySlices(d).map((slice) => {
    const b = slice.binding;
    const target = targetOf(b);
    let confinedTo = target;
    if (b && !confines(b)) {
      if (domainWide === undefined) {
        const whole = memoryBinding(d, undefined);
        const t = confines(whole) ? targetOf(whole) : UNBOUND;
        // Interleaving over cpuset.mems is still only confined to it: the split is the kernel's.
        domainWide = t.kind === 'interleave' ? { kind: 'set', nodes: t.nodes } : t;
      }
      confinedTo = domainWide;
    }
    const backing = hugepageBacking(d, slice.cell?.id);
    return {
      cellId: slice.cell?.id,
      kib: slice.memoryKiB,
      target,
      mode: b?.mode,
      hugepages: backing ? { sizeKiB: backing.spec?.sizeKiB, element: backing.element } : undefined,
      binding: b,
      confinedTo,
    };
  });
}

/**
 * Splits `amount` over `nodes` as round-robin interleaving does: evenly, the remainder to the lowest nodes.
 * A parsed nodeset holds ids below LIBVIRT_CPUMASK_LEN only, so enumerating up to that bound never throws
 * (a nodeset of 0-16383 is valid syntax, however few nodes the host has).
 */
export function spreadEvenly(amount: number, nodes: CpuSet): Map<number, number> {
  const ids = nodes.toArray(LIBVIRT_CPUMASK_LEN);
  const out = new Map<number, number>();
  const base = Math.floor(amount / ids.length);
  const extra = amount - base * ids.length;
  ids.forEach((n, i) => out.set(n, base + (i < extra ? 1 : 0)));
  return out;
}

/** One domain's small-page memory that a strict (or restrictive) binding pins to one host node. */
export interface StrictSmallPageShare {
  node: number;
  kib: number;
  /** True when the share is an even split of a binding over several nodes (the kernel's split is not known offline). */
  spread: boolean;
  demand: MemoryDemand;
}

/**
 * Small-page memory that strict (or restrictive) bindings of one domain pin to
 * each host node: what the guest takes from the node's free memory. Multi-node
 * strict bindings are spread evenly (the kernel's split is not known offline);
 * preferred and interleave allocations may fall back to other nodes, so they
 * are not counted. Computed once per domain.
 */
export const strictSmallPageShares: (d: DomainModel) => StrictSmallPageShare[] = memoPerDomain((d) => {
  const shares: StrictSmallPageShare[] = [];
  for (const m of memoryDemands(d)) {
    if (m.hugepages || (m.mode !== 'strict' && m.mode !== 'restrictive')) continue;
    if (m.target.kind === 'node') shares.push({ node: m.target.node, kib: m.kib, spread: false, demand: m });
    else if (m.target.kind === 'set') for (const [n, k] of spreadEvenly(m.kib, m.target.nodes)) shares.push({ node: n, kib: k, spread: true, demand: m });
  }
  return shares;
});

/** `strictSmallPageShares` of every domain, summed per host node. */
export function strictSmallPageKiBPerNode(domains: readonly DomainModel[]): Map<number, number> {
  const perNode = new Map<number, number>();
  for (const d of domains) for (const s of strictSmallPageShares(d)) perNode.set(s.node, (perNode.get(s.node) ?? 0) + s.kib);
  return perNode;
}
