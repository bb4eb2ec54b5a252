import { definePlanRule, type PlanRuleContext, type RelatedDescriptor } from '../../src/engine/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, excerpt, listBounded } from '../../src/model/describe.ts';
import type { HostModel, IsolationFact } from '../../src/model/host.ts';
import { vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { locateJsonKey, locateTokenInJsonString } from '../../src/json/document.ts';

const messages = {
  irqOnIsolated: {
    message: '{{source}} includes isolated {{cpus}}: interrupts without an affinity of their own land there',
    help: 'limit irqaffinity to housekeeping CPUs ({{housekeeping}})',
  },
  beyondPossible: {
    message: '{{param}}={{value}} names CPU {{cpu}}, beyond the possible CPUs {{possible}}: the kernel may then {{effect}}',
    help: 'list only CPUs {{possible}}',
  },
  unparseable: {
    message: '{{param}}={{value}} is not a valid CPU list ({{error}}): the kernel will {{effect}}',
    help: 'write a CPU list the kernel parses, e.g. 2-15,18-31',
  },
  missingValue: {
    message: '{{param}} without a value is not the {{param}}= parameter: the kernel isolates nothing with it',
    help: 'give it a CPU list: {{param}}=…',
  },
  ignoredMismatch: {
    message: '{{param}}={{value}} is ignored: the kernel requires it to match the earlier {{earlier}}',
    help: 'make the two CPU lists equal, or drop one of them',
  },
  bootCpuKept: {
    message: '{{param}}={{value}} covers every present CPU: the kernel keeps the boot CPU for all housekeeping',
    help: 'leave at least one core per NUMA node out of the list',
  },
  cmdlineVsRunning: {
    message: "the running kernel's {{file}} shows {{running}}, the command line's {{what}} {{commandLine}}",
    help: "find why the kernel did not apply it (a rejected value, a missing feature, cpuset partitions); kvmlint uses what runs",
  },
  tunedVsBooted: {
    message: 'tuned isolated_cores {{tuned}} differs from what the booted kernel isolates ({{booted}}, from the {{bootedBy}})',
    help: "reboot so the profile's kernel parameters apply, or restore isolated_cores",
  },
  nodeWithoutHousekeeping: {
    message: 'host node {{node}} has no housekeeping CPU ({{cpus}} all isolated), yet {{guests}} {{pin}} vCPUs there',
    help: "keep a core of every node for housekeeping: kswapd, kcompactd and the guests' emulator threads run there",
  },
} as const;

type Ctx = PlanRuleContext<typeof messages>;

export default definePlanRule({
  meta: {
    id: 'isolation-params-consistency',
    name: 'IsolationParamsConsistency',
    severity: 'warning',
    severities: ['warning', 'error'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'The host\'s isolation parameters contradict each other, the running kernel, tuned, or the NUMA layout.',
    tags: ['isolation', 'kernel', 'host'],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { housekeepingPerNode: { type: 'boolean', description: 'Also warn about a NUMA node with CPUs but no housekeeping CPU.' } },
    },
    messages,
  },
  // A host-level rule: run once per host (plan), never once per domain.
  check(ctx) {
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
        // They interrupt the vCPUs there.
        ctx.reportHost({
          range: locateTokenInJsonString(ctx.host.text, 'kernel.cmdline', irq.param),
          messageId: 'irqOnIsolated',
          data: { source: irq.source, cpus: describeCpus(inside), housekeeping: housekeeping.toString() || 'none' },
        });
      }
    }

    // Opt-in: the tuning guide's own host keeps every housekeeping CPU on node 0 (see README).
    if (ctx.options.housekeepingPerNode === true) reportNodesWithoutHousekeeping(ctx, host, housekeeping);
  },
});

function cmdlineRange(ctx: Ctx, param: string, value: string) {
  return locateTokenInJsonString(ctx.host.text, 'kernel.cmdline', `${param}=${value}`) ?? locateJsonKey(ctx.host.text, 'kernel.cmdline');
}

/**
 * The kernel's response to a CPU list it cannot use, per parameter (each has its own setup function):
 * housekeeping_setup() ignores the whole parameter ("Housekeeping: nohz_full= or isolcpus= incorrect CPU range");
 * rcu_nocb_setup() offloads every CPU ("rcu_nocbs= bad CPU range, all CPUs set"); irq_affinity_setup() keeps the
 * CPUs listed before the error, plus the boot CPU.
 */
function rejection(param: string): string {
  switch (param) {
    case 'rcu_nocbs':
      return "offload every CPU's RCU callbacks";
    case 'irqaffinity':
      return 'keep only the CPUs listed before the error, plus the boot CPU';
    default:
      return 'ignore it and isolate nothing';
  }
}

function reportFact(ctx: Ctx, f: IsolationFact): void {
  const text = ctx.host.text;
  switch (f.kind) {
    case 'beyond-possible': {
      const isolating = f.param === 'isolcpus' || f.param === 'nohz_full';
      // Current kernels parse CPU lists only up to nr_cpu_ids-1 and may reject the value.
      ctx.reportHost({
        range: cmdlineRange(ctx, f.param, f.value),
        // Losing isolcpus/nohz_full loses the whole isolation: an error. The others degrade.
        severity: isolating ? 'error' : 'warning',
        messageId: 'beyondPossible',
        data: { param: f.param, value: f.value, cpu: f.cpu, possible: f.possible.toString(), effect: rejection(f.param) },
      });
      return;
    }
    case 'unparseable':
      ctx.reportHost({
        range: cmdlineRange(ctx, f.param, f.value),
        messageId: 'unparseable',
        data: { param: f.param, value: f.value, error: f.error, effect: rejection(f.param) },
      });
      return;
    case 'missing-value':
      // The kernel passes it on to init.
      ctx.reportHost({ range: locateTokenInJsonString(text, 'kernel.cmdline', f.param), messageId: 'missingValue', data: { param: f.param } });
      return;
    case 'ignored-mismatch':
      // The earlier parameter already set up the same isolation (nohz, the tick-less set) with other CPUs:
      // "Housekeeping: nohz_full= must match isolcpus=".
      ctx.reportHost({
        range: cmdlineRange(ctx, f.param, f.value),
        messageId: 'ignoredMismatch',
        data: { param: f.param, value: f.value, earlier: `${f.earlier.param}=${f.earlier.value}` },
      });
      return;
    case 'boot-cpu-kept':
      // "must include one present CPU": all interrupts, kernel threads and emulator threads share that one CPU.
      ctx.reportHost({ range: cmdlineRange(ctx, f.param, f.value), messageId: 'bootCpuKept', data: { param: f.param, value: f.value } });
      return;
    case 'cmdline-vs-running': {
      const file = f.layer === 'domain' ? '/sys/devices/system/cpu/isolated' : '/sys/devices/system/cpu/nohz_full';
      // The nohz_full set comes from nohz_full= and isolcpus=nohz.
      const what = f.layer === 'domain' ? 'isolcpus domain set' : 'nohz_full set';
      // The kernel did not apply the command line as written (a rejected value, a kernel without that feature,
      // or isolated cpuset partitions); kvmlint uses the running kernel's view.
      ctx.reportHost({
        range: locateJsonKey(text, f.runningPath),
        messageId: 'cmdlineVsRunning',
        data: { file, running: f.running.toString() || 'no CPUs', what, commandLine: f.commandLine.toString() || 'empty' },
      });
      return;
    }
    case 'tuned-vs-booted': {
      // The profile or its variables changed without a reboot, so its kernel parameters (nohz_full, rcu_nocbs,
      // isolcpus) do not match yet.
      ctx.reportHost({
        range: locateJsonKey(text, 'tuned.isolatedCores.raw') ?? locateJsonKey(text, 'tuned.isolatedCores'),
        messageId: 'tunedVsBooted',
        data: { tuned: f.tuned.toString(), booted: f.booted.toString() || 'nothing', bootedBy: f.bootedBy },
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
function reportNodesWithoutHousekeeping(ctx: Ctx, host: HostModel, housekeeping: CpuSet): void {
  const bare = host.nodes.filter((n) => {
    const online = n.cpus.intersect(host.online);
    return !online.isEmpty && !online.intersects(housekeeping);
  });
  if (bare.length === 0) return;
  const users = new Map<number, string[]>();
  const related = new Map<number, RelatedDescriptor[]>();
  for (const ld of ctx.domains) {
    const pins = vcpuAffinityGroups(ld.domain, host).filter((g) => (g.affinity.source === 'vcpupin' || g.affinity.source === 'vcpu-cpuset') && g.affinity.cpus);
    if (pins.length === 0) continue;
    const name = ld.domain.name ? excerpt(ld.domain.name, 32) : ld.source.path;
    for (const n of bare) {
      const pin = pins.find((g) => g.affinity.cpus!.intersects(n.cpus));
      if (!pin) continue;
      users.set(n.id, [...(users.get(n.id) ?? []), name]);
      const range = pin.affinity.attr?.valueRange ?? pin.affinity.element?.startTag ?? ld.domain.element.startTag;
      related.set(n.id, [...(related.get(n.id) ?? []), { file: ld.source, range, message: `${name} pins vCPUs to node ${n.id} here` }]);
    }
  }
  const snapshotNodes = ctx.host.model.snapshot.nodes ?? [];
  for (const n of bare) {
    const names = users.get(n.id);
    if (!names) continue;
    const index = snapshotNodes.findIndex((s) => s.id === n.id);
    const path = index < 0 ? undefined : typeof snapshotNodes[index]!.cpus === 'string' ? `nodes[${index}].cpus` : `nodes[${index}].cpus.raw`;
    // Node-bound kernel threads (kswapd, kcompactd) either run on its isolated CPUs or away from its memory, and
    // those guests' emulator and I/O threads must run on another node. Every guest pinned there is related.
    ctx.reportHost({
      range: path === undefined ? undefined : locateJsonKey(ctx.host.text, path),
      messageId: 'nodeWithoutHousekeeping',
      data: {
        node: n.id,
        cpus: describeCpus(n.cpus.intersect(host.online)),
        guests: listBounded(names, names.length, 2, ['other guest', 'other guests']),
        pin: names.length === 1 ? 'pins' : 'pin',
      },
      related: related.get(n.id),
    });
  }
}
