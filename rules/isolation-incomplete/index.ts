import { defineRule } from '../../src/engine/types.ts';
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

export default defineRule({
  meta: {
    id: 'isolation-incomplete',
    name: 'IsolationIncomplete',
    severity: 'warning',
    type: 'problem',
    needs: 'host',
    fixable: false,
    hasSuggestions: false,
    summary: 'A dedicated vCPU runs on an isolated CPU that the kernel still ticks on (no nohz_full) or whose RCU callbacks it does not offload.',
    tags: ['isolation', 'kernel', 'latency'],
  },
  checkDomain({ domain, host, report, reportHostOnce }) {
    if (!host || !isPinned(domain)) return;
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
        reportHostOnce('no-nohz', {
          severity: 'info',
          message: 'the snapshot has neither the kernel command line nor /sys/devices/system/cpu/nohz_full: isolation-incomplete is not checked',
        });
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
      report({ range: gap.range, message: message(gap, isolated, layers.isolcpusFlags, layers.rcuNocbs?.param) });
    }
  },
});

function message(gap: Gap, isolated: CpuSet, isolcpusFlags: string[] | undefined, rcuNocbsParam: string | undefined): string {
  const { missing, vcpus, cpus } = gap;
  const subject = `${describeVcpus(vcpus)} ${vcpus.size === 1 ? 'is' : 'are'} dedicated to isolated ${describeCpus(cpus)}`;
  const [them, their] = cpus.size === 1 ? ['it', 'its'] : ['them', 'their'];
  const lacks: string[] = [];
  if (missing.includes('isolcpus')) {
    lacks.push(
      `only tuned's isolated_cores lists ${them}: the booted kernel neither keeps the scheduler off (isolcpus) ` +
        `nor stops the tick (nohz_full)${missing.includes('rcu_nocbs') ? ' nor offloads RCU callbacks (rcu_nocbs)' : ''} there, as after a profile change without a reboot`,
    );
  } else if (missing.includes('rcu_nocbs')) {
    lacks.push(`the kernel keeps the scheduler tick on ${them} (not in nohz_full) and runs ${their} RCU callbacks there (not in rcu_nocbs)`);
  } else {
    lacks.push(`the kernel keeps the scheduler tick on ${them} (not in nohz_full; ${rcuNocbsParam ?? 'rcu_nocbs'} already offloads ${their} RCU callbacks)`);
  }
  // isolcpus=nohz,… already sets up the nohz_full isolation: a nohz_full= with other CPUs would be
  // ignored ("nohz_full= must match isolcpus=", kernel/sched/isolation.c), so widen isolcpus instead.
  const value = isolated.toString();
  const change = isolcpusFlags?.includes('nohz') ? `isolcpus=${isolcpusFlags.join(',')},${value}` : `nohz_full=${value}`;
  const rcu = missing.includes('rcu_nocbs') ? ` (nohz_full also offloads RCU callbacks, as rcu_nocbs=${value} would)` : '';
  const how = missing.includes('isolcpus') ? `reboot so the profile's command line applies, or set ${change}${rcu}` : `set ${change} on the kernel command line${rcu} and reboot`;
  return `${subject}, but ${lacks.join('; ')}: timer ticks and RCU work keep interrupting the vCPU${vcpus.size === 1 ? '' : 's'}; ${how}`;
}
