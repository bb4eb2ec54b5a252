import { defineHostRule } from '../../src/engine/types.ts';
import type { Range } from '../../src/xml/types.ts';
import { isDedicated, isPinned, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeVcpus } from '../../src/model/describe.ts';

/** A kernel isolation layer a dedicated vCPU's CPU can lack. */
type Layer = 'nohz_full' | 'rcu_nocbs' | 'isolcpus';

interface Gap {
  missing: Layer[];
  vcpus: CpuSet;
  cpus: CpuSet;
  range: Range;
}

export default defineHostRule({
  meta: {
    id: 'isolation-incomplete',
    name: 'IsolationIncomplete',
    severity: 'warning',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A dedicated vCPU runs on an isolated CPU that the kernel still ticks on (no nohz_full) or whose RCU callbacks it does not offload.',
    tags: ['isolation', 'kernel', 'latency'],
    messages: {
      noNohzFacts: { message: 'no kernel command line or /sys/devices/system/cpu/nohz_full in the snapshot: isolation-incomplete is not checked' },
      tick: {
        message: '{{vcpus}} {{are}} dedicated to isolated {{cpus}}, but the kernel still ticks there (not in nohz_full)',
        help: 'set {{change}} on the kernel command line and reboot',
      },
      tickAndRcu: {
        message: '{{vcpus}} {{are}} dedicated to isolated {{cpus}}, but the kernel still ticks and runs RCU callbacks there',
        help: 'set {{change}} on the kernel command line and reboot (nohz_full also offloads RCU callbacks)',
      },
      tunedOnly: {
        message: "{{vcpus}} {{are}} dedicated to {{cpus}}, isolated only by tuned's isolated_cores: the booted kernel does not isolate {{them}}",
        help: "reboot so the profile's command line applies, or set {{change}}",
      },
    },
  },
  check({ domain, host, report, reportHostOnce }) {
    if (!isPinned(domain)) return;
    const model = host.model;
    const isolated = model.isolation?.isolated;
    // Nothing isolated: a dedicated vCPU on a housekeeping CPU is housekeeping-overlap's finding, not a missing layer.
    if (!isolated || isolated.isEmpty) return;
    const layers = model.isolationLayers;

    const gaps = new Map<string, Gap>();
    for (const g of vcpuAffinityGroups(domain, model)) {
      const a = g.affinity;
      if ((a.source !== 'vcpupin' && a.source !== 'vcpu-cpuset') || !isDedicated(a) || !a.element) continue;
      const cpu = a.cpus!.min!;
      if (!isolated.has(cpu)) continue;
      if (layers.nohz === undefined) {
        reportHostOnce('no-nohz', { unchecked: true, messageId: 'noNohzFacts' });
        return;
      }
      // nohz_full CPUs have their RCU callbacks offloaded whatever rcu_nocbs says (kernel/rcu/tree_nocb.h rcu_init_nohz).
      const tickless = layers.nohz.cpus.has(cpu);
      const missing: Layer[] = [];
      if (!tickless) missing.push('nohz_full');
      if (!tickless && layers.rcuOffload !== undefined && !layers.rcuOffload.has(cpu)) missing.push('rcu_nocbs');
      // Isolated only by tuned: the booted kernel isolates it in no way (profile changed, no reboot yet).
      if (!tickless && !layers.domain?.cpus.has(cpu)) missing.push('isolcpus');
      if (missing.length === 0) continue;
      const key = missing.join(' ');
      const gap = gaps.get(key);
      if (gap) {
        gap.vcpus = gap.vcpus.union(g.vcpus);
        gap.cpus = gap.cpus.union(a.cpus!);
      } else gaps.set(key, { missing, vcpus: g.vcpus, cpus: a.cpus!, range: a.attr?.valueRange ?? a.element.startTag });
    }

    for (const gap of gaps.values()) {
      // Timer ticks and RCU work keep interrupting the vCPUs (README). isolcpus=nohz,… already sets up the nohz_full
      // isolation: a nohz_full= with other CPUs would be ignored ("nohz_full= must match isolcpus=",
      // kernel/sched/isolation.c), so widen isolcpus instead.
      const value = isolated.toString();
      const flags = layers.isolcpusFlags;
      const change = flags?.includes('nohz') ? `isolcpus=${flags.join(',')},${value}` : `nohz_full=${value}`;
      const data = { vcpus: describeVcpus(gap.vcpus), are: gap.vcpus.size === 1 ? 'is' : 'are', cpus: describeCpus(gap.cpus), change };
      if (gap.missing.includes('isolcpus')) report({ range: gap.range, messageId: 'tunedOnly', data: { ...data, them: gap.cpus.size === 1 ? 'it' : 'them' } });
      else if (gap.missing.includes('rcu_nocbs')) report({ range: gap.range, messageId: 'tickAndRcu', data });
      // rcu_nocbs (or nohz_full) already offloads their RCU callbacks: only the tick is left.
      else report({ range: gap.range, messageId: 'tick', data });
    }
  },
});
