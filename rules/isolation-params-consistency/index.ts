import { defineRule, type PlanRuleContext } from '../../src/engine/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeDomain, listBounded } from '../../src/model/describe.ts';
import type { HostModel, IsolationFact } from '../../src/model/host.ts';
import { vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { locateJsonKey, locateTokenInJsonString } from '../../src/json/document.ts';

export default defineRule({
  meta: {
    id: 'isolation-params-consistency',
    name: 'IsolationParamsConsistency',
    severity: 'warning',
    severities: ['warning', 'error'],
    type: 'problem',
    needs: 'host',
    fixable: false,
    hasSuggestions: false,
    summary: 'The host\'s isolation parameters contradict each other, the running kernel, tuned, or the NUMA layout.',
    tags: ['isolation', 'kernel', 'host'],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { housekeepingPerNode: { type: 'boolean', description: 'Also warn about a NUMA node with CPUs but no housekeeping CPU.' } },
    },
  },
  // A host-level rule: run once per host (plan), never once per domain.
  checkPlan(ctx) {
    const host = ctx.host.model;
    const layers = host.isolationLayers;
    const facts: IsolationFact[] = [...(host.isolation?.facts ?? []), ...layers.facts];
    for (const f of facts) reportFact(ctx, f);

    const isolated = host.isolation?.isolated;
    if (!isolated || isolated.isEmpty) return;
    // The kernel's housekeeping CPUs (online − I), whatever the configuration's own housekeeping set says.
    const housekeeping = host.online.subtract(isolated);

    // irqaffinity= sets the default affinity of every interrupt without one of its own (kernel/irq/irqdesc.c).
    const irq = layers.irqAffinity;
    if (irq) {
      const inside = irq.cpus.intersect(isolated);
      if (!inside.isEmpty) {
        ctx.reportHost({
          range: locateTokenInJsonString(ctx.host.text, 'kernel.cmdline', irq.param),
          message:
            `${irq.source} includes isolated ${describeCpus(inside)}: interrupts without an affinity of their own are delivered there and interrupt the vCPUs; ` +
            `limit irqaffinity to housekeeping CPUs (${housekeeping.toString() || 'none'})`,
        });
      }
    }

    // Opt-in: the tuning guide's own host keeps every housekeeping CPU on node 0 (see README).
    if (ctx.options.housekeepingPerNode === true) reportNodesWithoutHousekeeping(ctx, host, isolated, housekeeping);
  },
});

function cmdlineRange(ctx: PlanRuleContext, param: string, value: string) {
  return locateTokenInJsonString(ctx.host.text, 'kernel.cmdline', `${param}=${value}`) ?? locateJsonKey(ctx.host.text, 'kernel.cmdline');
}

/** The kernel's response to a CPU list it cannot use, per parameter (each has its own setup function). */
function rejection(param: string): string {
  switch (param) {
    case 'rcu_nocbs':
      return 'rcu_nocb_setup() then offloads the RCU callbacks of every CPU instead ("rcu_nocbs= bad CPU range, all CPUs set")';
    case 'irqaffinity':
      return 'irq_affinity_setup() then keeps only the CPUs listed before the error, plus the boot CPU';
    default:
      return 'housekeeping_setup() then ignores the whole parameter ("Housekeeping: nohz_full= or isolcpus= incorrect CPU range"), so it isolates nothing';
  }
}

function reportFact(ctx: PlanRuleContext, f: IsolationFact): void {
  const text = ctx.host.text;
  switch (f.kind) {
    case 'beyond-possible': {
      const isolating = f.param === 'isolcpus' || f.param === 'nohz_full';
      ctx.reportHost({
        range: cmdlineRange(ctx, f.param, f.value),
        // Losing isolcpus/nohz_full loses the whole isolation: an error. The others degrade.
        severity: isolating ? 'error' : 'warning',
        message:
          `${f.param}=${f.value} names CPU ${f.cpu}, beyond the possible CPUs ${f.possible.toString()}: current kernels parse CPU lists only up to nr_cpu_ids-1 and may reject the value; ` +
          `${rejection(f.param)}; list only CPUs ${f.possible.toString()}`,
      });
      return;
    }
    case 'unparseable':
      ctx.reportHost({
        range: cmdlineRange(ctx, f.param, f.value),
        message: `${f.param}=${f.value} is not a valid CPU list (${f.error}): ${rejection(f.param)}`,
      });
      return;
    case 'missing-value':
      ctx.reportHost({
        range: locateTokenInJsonString(text, 'kernel.cmdline', f.param),
        message: `${f.param} without a value is not the ${f.param}= parameter: the kernel passes it on to init and isolates nothing with it; give it a CPU list`,
      });
      return;
    case 'ignored-mismatch':
      ctx.reportHost({
        range: cmdlineRange(ctx, f.param, f.value),
        message:
          `${f.param}=${f.value} is ignored: the earlier ${f.earlier.param}=${f.earlier.value} already set up the same isolation (nohz, the tick-less set) with CPUs ${f.earlierCpus.toString()}, ` +
          `and the kernel requires both to name the same CPUs ("Housekeeping: nohz_full= must match isolcpus="); make the CPU lists equal, or drop one of them`,
      });
      return;
    case 'boot-cpu-kept':
      ctx.reportHost({
        range: cmdlineRange(ctx, f.param, f.value),
        message:
          `${f.param}=${f.value} covers every present CPU: the kernel keeps the boot CPU for housekeeping ("must include one present CPU"), ` +
          `so all interrupts, kernel threads and emulator threads share that one CPU; leave at least one core per NUMA node out of the list`,
      });
      return;
    case 'cmdline-vs-running': {
      const file = f.layer === 'domain' ? '/sys/devices/system/cpu/isolated' : '/sys/devices/system/cpu/nohz_full';
      const what = f.layer === 'domain' ? 'isolcpus domain set' : 'nohz_full set (nohz_full= and isolcpus=nohz)';
      ctx.reportHost({
        range: locateJsonKey(text, f.runningPath),
        message:
          `the running kernel's ${file} shows ${f.running.toString() || 'no CPUs'} but the booted command line's ${what} is ${f.commandLine.toString() || 'empty'}: ` +
          `the kernel did not apply the command line as written (a rejected value, a kernel without that feature, or isolated cpuset partitions); kvmlint uses the running kernel's view`,
      });
      return;
    }
    case 'tuned-vs-booted': {
      const onlyTuned = f.tuned.subtract(f.booted);
      const onlyBooted = f.booted.subtract(f.tuned);
      const diff = [
        onlyTuned.isEmpty ? '' : `${onlyTuned.toString()} only in tuned`,
        onlyBooted.isEmpty ? '' : `${onlyBooted.toString()} only in the booted kernel`,
      ].filter(Boolean).join(', ');
      ctx.reportHost({
        range: locateJsonKey(text, 'tuned.isolatedCores.raw') ?? locateJsonKey(text, 'tuned.isolatedCores'),
        message:
          `tuned isolated_cores ${f.tuned.toString()} differs from what the booted kernel isolates (${f.booted.toString() || 'nothing'}, from the ${f.bootedBy}; ${diff}): ` +
          `the profile or its variables changed without a reboot, so its kernel parameters (nohz_full, rcu_nocbs, isolcpus) do not match yet; reboot, or restore isolated_cores`,
      });
      return;
    }
    default:
      // not-isolating, tuned-profile-ignored, tuned-profile-unknown: notes about what counts as isolated, not contradictions.
      return;
  }
}

/**
 * A NUMA node with online CPUs, all isolated, where planned guests pin vCPUs: its
 * per-node kernel threads (kswapd, kcompactd) and node-affine work have no local
 * housekeeping CPU, and those guests' emulator and IOThreads must run on another node.
 * Only nodes the plan uses are reported, so an isolated node nobody runs on is left alone.
 */
function reportNodesWithoutHousekeeping(ctx: PlanRuleContext, host: HostModel, isolated: CpuSet, housekeeping: CpuSet): void {
  const bare = host.nodes.filter((n) => {
    const online = n.cpus.intersect(host.online);
    return !online.isEmpty && !online.intersects(housekeeping);
  });
  if (bare.length === 0) return;
  const users = new Map<number, string[]>();
  const counts = new Map<number, number>();
  for (const ld of ctx.domains) {
    let pinned = CpuSet.empty;
    for (const g of vcpuAffinityGroups(ld.domain, host)) {
      if ((g.affinity.source === 'vcpupin' || g.affinity.source === 'vcpu-cpuset') && g.affinity.cpus) pinned = pinned.union(g.affinity.cpus);
    }
    if (pinned.isEmpty) continue;
    for (const n of bare) {
      if (!pinned.intersects(n.cpus)) continue;
      counts.set(n.id, (counts.get(n.id) ?? 0) + 1);
      const list = users.get(n.id) ?? [];
      if (list.length < 3) list.push(describeDomain(ld));
      users.set(n.id, list);
    }
  }
  const snapshotNodes = ctx.host.model.snapshot.nodes ?? [];
  for (const n of bare) {
    const names = users.get(n.id);
    if (!names) continue;
    const index = snapshotNodes.findIndex((s) => s.id === n.id);
    const path = index < 0 ? undefined : typeof snapshotNodes[index]!.cpus === 'string' ? `nodes[${index}].cpus` : `nodes[${index}].cpus.raw`;
    ctx.reportHost({
      range: path === undefined ? undefined : locateJsonKey(ctx.host.text, path),
      message:
        `host node ${n.id} has no housekeeping CPU: all its online CPUs (${n.cpus.intersect(host.online).toString()}) are isolated (${isolated.toString()}), ` +
        `yet ${listBounded(names, counts.get(n.id)!)} ${counts.get(n.id) === 1 ? 'pins' : 'pin'} vCPUs there: node-bound kernel threads (kswapd, kcompactd) either run on its isolated CPUs or away from its memory, ` +
        `and those guests' emulator and I/O threads must run on another node; keep at least one core of every node for housekeeping`,
    });
  }
}
