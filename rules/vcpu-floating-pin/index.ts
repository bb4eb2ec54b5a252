import { defineRule } from '../../src/engine/types.ts';
import { vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeVcpus, excerpt } from '../../src/model/describe.ts';
import { realtimeVcpus } from '../../src/model/threads.ts';

export default defineRule({
  meta: {
    id: 'vcpu-floating-pin',
    name: 'VcpuFloatingPin',
    severity: 'warning',
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'A vcpupin names several host CPUs in a domain laid out for dedicated 1:1 pinning.',
    tags: ['pinning', 'latency'],
  },
  checkDomain({ domain, host, report }) {
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

    for (const g of floating) {
      if (g.vcpus.isSubsetOf(realtime)) continue;
      const why = !dedicatedVcpus.isEmpty
        ? `while ${describeVcpus(dedicatedVcpus)} ${dedicatedVcpus.size === 1 ? 'has' : 'have'} one CPU each`
        : `in a domain that keeps its emulator apart (<emulatorpin cpuset='${excerpt(emulatorpin!.attr.value)}'>)`;
      report({
        range: g.affinity.attr!.valueRange,
        message:
          `${describeVcpus(g.vcpus)} is pinned to ${describeCpus(g.affinity.cpus!)} (a floating pin) ${why}: the scheduler moves it between those CPUs ` +
          `and can stack it with other threads there, which 1:1 pinning is meant to prevent; pin it to one host CPU of its own`,
      });
    }
  },
});
