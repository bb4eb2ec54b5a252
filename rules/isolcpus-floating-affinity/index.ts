import { defineRule } from '../../src/engine/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus } from '../../src/model/describe.ts';
import { affinityUses, describeUseThreads } from '../../src/model/plan-cpus.ts';

export default defineRule({
  meta: {
    id: 'isolcpus-floating-affinity',
    name: 'IsolcpusFloatingAffinity',
    severity: 'warning',
    type: 'problem',
    needs: 'host',
    fixable: false,
    hasSuggestions: false,
    summary: 'A thread may run on several CPUs the scheduler does not load-balance (isolcpus domain set), so threads stack on one of them.',
    tags: ['isolation', 'pinning', 'latency'],
  },
  checkDomain({ domain, host, report, reportHostOnce }) {
    // A snapshot with no isolation facts at all: housekeeping-overlap already says so, once.
    if (!host || host.model.missing.has('isolation')) return;
    const model = host.model;
    // The isolcpus domain set lies within the isolated set I: only affinities with 2+ CPUs of I can matter.
    const isolated = model.isolation?.isolated;
    const uses = affinityUses(domain, model).filter(
      (u) => u.explicit && u.range !== undefined && u.affinity.cpus!.size > 1 && (isolated === undefined || u.affinity.cpus!.intersect(isolated).size > 1),
    );
    if (uses.length === 0) return;
    const layers = model.isolationLayers;
    // CPUs outside every scheduler domain (isolcpus=domain, /sys/devices/system/cpu/isolated), and
    // tuned cpu-partitioning's no_balance_cores, which exist to turn load balancing off on those CPUs.
    const parts = [layers.domain, layers.tunedNoBalance].filter((l) => l !== undefined && !l.cpus.isEmpty);
    if (layers.domain === undefined && layers.tunedNoBalance === undefined) {
      reportHostOnce('no-domain-set', {
        severity: 'info',
        message: 'the snapshot has neither the kernel command line nor /sys/devices/system/cpu/isolated: isolcpus-floating-affinity is not checked',
      });
      return;
    }
    if (parts.length === 0) return;
    const unbalanced = parts.reduce((acc, l) => acc.union(l!.cpus), CpuSet.empty);
    const source = parts.map((l) => l!.source).join(' and ');
    for (const use of uses) {
      const cpus = use.affinity.cpus!;
      const hit = cpus.intersect(unbalanced);
      if (hit.size < 2) continue;
      const what = use.affinity.source === 'vcpu-cpuset' ? '<vcpu cpuset>' : `<${use.affinity.element!.name}>`;
      const threads = describeUseThreads(use);
      const several = use.threads.length > 1 || use.threads.some((t) => t.kind === 'emulator' || t.ids.size > 1);
      const within = hit.equals(cpus) ? describeCpus(cpus) : `${describeCpus(cpus)}, among them ${hit.toString()}`;
      const effect = several
        ? `the kernel never moves a thread between them, so the threads of ${threads} pile up on whichever CPU they start on while the others idle`
        : `the kernel never moves ${threads} off the CPU it starts on, however busy that CPU gets`;
      report({
        range: use.range!,
        message:
          `${what} lets ${threads} run on ${within}, which the scheduler does not load-balance (${source}): ${effect}; ` +
          `pin each thread to one isolated CPU, or put floating threads on housekeeping CPUs`,
      });
    }
  },
});
