import { defineHostRule } from '../../src/engine/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus } from '../../src/model/describe.ts';
import { affinityUses, describeUseThreads, type AffinityUse } from '../../src/model/plan-cpus.ts';
import { isRealtimePolicy, type ThreadGroup } from '../../src/model/threads.ts';

export default defineHostRule({
  meta: {
    id: 'isolcpus-floating-affinity',
    name: 'IsolcpusFloatingAffinity',
    severity: 'warning',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A thread may run on several CPUs the scheduler does not load-balance (isolcpus domain set), so threads stack on one of them.',
    tags: ['isolation', 'pinning', 'latency'],
    messages: {
      noDomainSet: { message: 'no kernel command line or /sys/devices/system/cpu/isolated in the snapshot: isolcpus-floating-affinity is not checked' },
      pileUp: {
        message: '{{threads}} can float over {{cpus}}, {{which}} not load-balanced ({{source}})',
        help: 'pin each thread to one isolated CPU, or put floating threads on housekeeping CPUs',
      },
      stuck: {
        message: '{{threads}} can run on {{cpus}}, {{which}} not load-balanced ({{source}}): it stays on its first CPU',
        help: 'pin it to one isolated CPU, or to housekeeping CPUs if it may float',
      },
      stuckMany: {
        message: '{{threads}} each stay on their first CPU: {{cpus}} are not load-balanced ({{source}})',
        help: 'pin each to one isolated CPU, or to housekeeping CPUs if they may float',
      },
    },
  },
  check({ domain, host, report, reportHostOnce }) {
    // A snapshot with no isolation facts at all: housekeeping-overlap already says so, once.
    if (host.model.missing.has('isolation')) return;
    const model = host.model;
    // The isolcpus domain set lies within the isolated set I: only affinities with 2+ CPUs of I can matter.
    const isolated = model.isolation?.isolated;
    // A floating realtime thread is realtime-sched-unsafe's finding (its README: which rule reports what).
    const uses = affinityUses(domain, model).filter(
      (u) =>
        u.explicit &&
        u.range !== undefined &&
        u.affinity.cpus!.size > 1 &&
        (isolated === undefined || u.affinity.cpus!.intersect(isolated).size > 1) &&
        u.threads.some((t) => !isRealtimePolicy(t.policy)),
    );
    if (uses.length === 0) return;
    const ordinary = (u: AffinityUse) => u.threads.filter((t) => !isRealtimePolicy(t.policy));
    const layers = model.isolationLayers;
    // CPUs outside every scheduler domain (isolcpus=domain, /sys/devices/system/cpu/isolated), and
    // tuned cpu-partitioning's no_balance_cores, which exist to turn load balancing off on those CPUs.
    const parts = [layers.domain, layers.tunedNoBalance].filter((l) => l !== undefined && !l.cpus.isEmpty);
    if (layers.domain === undefined && layers.tunedNoBalance === undefined) {
      reportHostOnce('no-domain-set', { unchecked: true, messageId: 'noDomainSet' });
      return;
    }
    if (parts.length === 0) return;
    const unbalanced = parts.reduce((acc, l) => acc.union(l!.cpus), CpuSet.empty);
    const source = parts.map((l) => l!.source).join(' and ');
    // One finding per pool (one cause): pins naming the same CPUs are one set of threads floating together,
    // reported at the first pin with the others related.
    const pools = new Map<string, AffinityUse[]>();
    for (const use of uses) {
      const key = use.affinity.cpus!.toString();
      const pool = pools.get(key);
      if (pool) pool.push(use);
      else pools.set(key, [use]);
    }
    /** Single threads each stuck on its own pool: one cause (each pinned to several isolated CPUs), reported once below. */
    const stuck: Array<{ use: AffinityUse; threads: ThreadGroup[]; cpus: CpuSet; hit: CpuSet }> = [];
    for (const pool of pools.values()) {
      const first = pool[0]!;
      const cpus = first.affinity.cpus!;
      const hit = cpus.intersect(unbalanced);
      if (hit.size < 2) continue;
      const threads = mergeThreadKinds(pool.flatMap(ordinary));
      const several = threads.length > 1 || threads.some((t) => t.kind === 'emulator' || t.ids.size > 1);
      const which = hit.equals(cpus) ? 'which are' : `of which ${hit.toString()} are`;
      // Several threads: the kernel never moves one between these CPUs, so they pile up where they start while the
      // others idle. One thread: it never leaves the CPU it starts on, however busy that CPU gets.
      if (!several) {
        stuck.push({ use: first, threads, cpus, hit });
        continue;
      }
      report({
        range: first.range!,
        messageId: several ? 'pileUp' : 'stuck',
        data: { threads: describeUseThreads({ ...first, threads }), cpus: describeCpus(cpus), which, source },
        related: pool.slice(1).map((u) => ({ range: u.range!, message: `${describeUseThreads({ ...u, threads: ordinary(u) })} on the same CPUs here` })),
      });
    }
    if (stuck.length === 1) {
      const { use, threads, cpus, hit } = stuck[0]!;
      report({
        range: use.range!,
        messageId: 'stuck',
        data: { threads: describeUseThreads({ ...use, threads }), cpus: describeCpus(cpus), which: hit.equals(cpus) ? 'which are' : `of which ${hit.toString()} are`, source },
      });
    } else if (stuck.length > 1) {
      // Threads each pinned to its own few isolated CPUs (an IOThread per pair of SMT siblings) are one cause.
      const hit = stuck.reduce((acc, s) => acc.union(s.hit), CpuSet.empty);
      report({
        range: stuck[0]!.use.range!,
        messageId: 'stuckMany',
        data: {
          threads: describeUseThreads({ ...stuck[0]!.use, threads: mergeThreadKinds(stuck.flatMap((s) => s.threads)) }),
          cpus: describeCpus(hit),
          source,
        },
        related: stuck.slice(1).map((s) => ({ range: s.use.range!, message: `${describeUseThreads({ ...s.use, threads: s.threads })} on ${describeCpus(s.cpus)} here` })),
      });
    }
  },
});

/** Thread groups of one kind merged (vCPU 0, vCPU 1 … → vCPUs 0-3), for one message about a pool. */
function mergeThreadKinds(groups: readonly ThreadGroup[]): ThreadGroup[] {
  const byKind = new Map<string, ThreadGroup>();
  for (const g of groups) {
    const seen = byKind.get(g.kind);
    byKind.set(g.kind, seen ? { ...seen, ids: seen.ids.union(g.ids) } : g);
  }
  return [...byKind.values()];
}
