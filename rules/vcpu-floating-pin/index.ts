import { defineDomainRule } from '../../src/engine/types.ts';
import { vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeVcpus, excerpt } from '../../src/model/describe.ts';
import { realtimeVcpus } from '../../src/model/threads.ts';

export default defineDomainRule({
  meta: {
    id: 'vcpu-floating-pin',
    name: 'VcpuFloatingPin',
    severity: 'warning',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A vcpupin names several host CPUs in a domain laid out for dedicated 1:1 pinning.',
    tags: ['pinning', 'latency'],
    messages: {
      besideDedicated: {
        message: '{{vcpus}} {{float}} over {{cpus}} while {{dedicated}} {{have}}: the scheduler moves {{them}} about',
        help: 'pin each vCPU to one host CPU of its own, as the others are',
      },
      emulatorApart: {
        message: "{{vcpus}} {{float}} over {{cpus}} though <emulatorpin cpuset='{{emulator}}'> keeps the emulator apart",
        help: 'pin each vCPU to one host CPU of its own; the scheduler moves a floating vCPU and can stack it with other threads',
      },
    },
  },
  check({ domain, host, report }) {
    if ((domain.cputune?.vcpupins.length ?? 0) === 0) return;
    const model = host?.model;
    const pins = vcpuAffinityGroups(domain, model).filter((g) => g.affinity.source === 'vcpupin' && g.affinity.cpus && g.affinity.attr);
    const floating = pins.filter((g) => g.affinity.cpus!.size > 1);
    if (floating.length === 0) return;

    // The guide's layout (1:1 vCPU pins, emulator apart) is what makes a floating pin a mistake. A domain
    // whose pins all float, with the emulator on the same CPUs (OpenStack's "shared" policy) or unpinned,
    // uses a pool on purpose: not this rule's concern.
    const pinnedCpus = CpuSet.fromIntervals(pins.flatMap((g) => g.affinity.cpus!.intervals()));
    const dedicatedVcpus = CpuSet.fromIntervals(pins.flatMap((g) => (g.affinity.cpus!.size === 1 ? g.vcpus.intervals() : [])));
    const emulatorpin = domain.cputune?.emulatorpin?.cpuset;
    const emulatorApart = emulatorpin?.set !== undefined && !emulatorpin.set.intersects(pinnedCpus);
    if (dedicatedVcpus.isEmpty && !emulatorApart) return;

    // A floating realtime vCPU is realtime-sched-unsafe's finding (an error there).
    const realtime = realtimeVcpus(domain, model);

    // vcpupins naming the same CPUs are one pool written out per vCPU (one cause): one finding at the first, the rest related.
    const byCpus = new Map<string, typeof floating>();
    for (const g of floating) {
      if (g.vcpus.isSubsetOf(realtime)) continue;
      const key = g.affinity.cpus!.toString();
      const list = byCpus.get(key);
      if (list) list.push(g);
      else byCpus.set(key, [g]);
    }
    for (const [, groups] of byCpus) {
      const at = groups[0]!;
      const cpus = at.affinity.cpus!;
      const vcpus = groups.reduce((acc, g) => acc.union(g.vcpus), CpuSet.empty);
      // Pins to exactly the hardware threads of one core (a snapshot says which), with no more vCPUs than threads:
      // each vCPU has a thread, and moving between siblings keeps L1/L2. A deliberate layout, not a floating pin.
      if (model && vcpus.size <= cpus.size && isOneCore(cpus, model)) continue;
      const one = vcpus.size === 1;
      const common = { vcpus: describeVcpus(vcpus), float: one ? 'floats' : 'float', cpus: describeCpus(cpus) };
      const related = groups.slice(1).map((g) => ({ range: g.affinity.attr!.valueRange, message: `${describeVcpus(g.vcpus)} on ${describeCpus(cpus)} here` }));
      if (!dedicatedVcpus.isEmpty) {
        report({
          range: at.affinity.attr!.valueRange,
          messageId: 'besideDedicated',
          data: { ...common, dedicated: describeVcpus(dedicatedVcpus), have: dedicatedVcpus.size === 1 ? 'has a CPU of its own' : 'have one CPU each', them: one ? 'it' : 'them' },
          related,
        });
      } else {
        report({ range: at.affinity.attr!.valueRange, messageId: 'emulatorApart', data: { ...common, emulator: excerpt(emulatorpin!.attr.value, 24) }, related });
      }
    }
  },
});

/** The CPUs are all the SMT siblings of one core, as the host's topology lists them (two or more). */
function isOneCore(cpus: CpuSet, host: NonNullable<Parameters<typeof vcpuAffinityGroups>[1]>): boolean {
  const core = host.siblingsOf(cpus.min!);
  return core !== undefined && core.size > 1 && core.equals(cpus);
}
