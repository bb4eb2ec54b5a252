import { defaultThreadAffinity, describeDefaultCpus } from '../../src/model/libvirt-version.ts';
import { defineDomainRule } from '../../src/engine/types.ts';
import { offlineUnpinnedVcpus, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeVcpus } from '../../src/model/describe.ts';
import { realtimeVcpus, vcpupinCpus } from '../../src/model/threads.ts';
import { hasValueProblem, textRange } from '../../src/model/domain.ts';

export default defineDomainRule({
  meta: {
    id: 'vcpu-partially-pinned',
    name: 'VcpuPartiallyPinned',
    severity: 'warning',
    severities: ['warning', 'info'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Some vCPUs are pinned and others are not, with no vcpu cpuset to bound them: the unpinned ones float over every host CPU.',
    tags: ['pinning', 'latency'],
    messages: {
      floating: {
        message: '{{pinned}} but {{unpinned}} {{are}} not{{nor}}: {{they}} over {{over}}{{included}}',
        help: "add a <vcpupin> for each{{later}}, or bound them with <vcpu cpuset='…'>",
      },
      offlineOnly: {
        message: '{{offline}} {{start}} offline with no <vcpupin>: once hot-plugged {{they}} over {{over}}',
        help: 'add a <vcpupin> for each if they will be plugged, as {{pinned}}',
      },
    },
  },
  check({ domain, host, report }) {
    const vcpu = domain.vcpu;
    // <vcpu cpuset> bounds the unpinned vCPUs; with placement='auto' numad does (formatdomain §CPU Allocation).
    if (!vcpu || vcpu.cpuset !== undefined || vcpu.placement === 'auto' || (domain.cputune?.vcpupins.length ?? 0) === 0) return;
    // A vcpupin whose vcpu id does not parse names some vCPU we cannot tell, and a <vcpu> count that does not
    // parse or is implausible leaves the unpinned count unknown: value-invalid reports both.
    if (domain.cputune!.vcpupins.some((p) => p.vcpu === undefined) || hasValueProblem(domain, textRange(vcpu.element))) return;
    const model = host?.model;
    const groups = vcpuAffinityGroups(domain, model);
    if (!groups.some((g) => g.affinity.source === 'vcpupin')) return;
    // Unpinned vCPUs that start offline (ids ≥ current, or <vcpus><vcpu enabled='no'>) are in no group: they run nowhere yet.
    const online = groups.find((g) => g.affinity.source === 'all-online')?.vcpus ?? CpuSet.empty;
    const offline = offlineUnpinnedVcpus(domain);
    // A realtime vCPU left floating is realtime-sched-unsafe's finding (an error there).
    const realtime = realtimeVcpus(domain, model);
    const unpinned = online.subtract(realtime);
    const floatingRealtime = online.intersect(realtime);
    const offlineUnpinned = offline.subtract(realtime);
    if (unpinned.isEmpty && offlineUnpinned.isEmpty) return;
    const pinned = CpuSet.range(0, domain.maxVcpus - 1).subtract(online).subtract(offline);
    const cpus = vcpupinCpus(domain, model);
    // Where libvirt puts unpinned vCPUs: every online CPU, or from 10.4.0 the non-isolated ones (libvirt-version.ts).
    const over = model ? describeDefaultCpus(model) : 'every host CPU';
    const reach = model ? defaultThreadAffinity(model).cpus : undefined;
    const pinnedPart = `${describeVcpus(pinned)} ${pinned.size === 1 ? 'is' : 'are'} pinned${cpus.isEmpty ? '' : ` to ${describeCpus(cpus)}`}`;
    if (unpinned.isEmpty) {
      // Only offline vCPUs are unpinned: nothing floats now, only once someone hot-plugs them.
      report({
        range: vcpu.element.startTag,
        severity: 'info',
        messageId: 'offlineOnly',
        data: {
          offline: describeVcpus(offlineUnpinned),
          start: offlineUnpinned.size === 1 ? 'starts' : 'start',
          they: offlineUnpinned.size === 1 ? 'it floats' : 'they float',
          over,
          pinned: pinnedPart,
        },
      });
      return;
    }
    // vCPUs offline at start float the same way once hot-plugged.
    const later = offlineUnpinned.isEmpty ? '' : ` (and for ${describeVcpus(offlineUnpinned)}, offline at start)`;
    report({
      range: vcpu.element.startTag,
      messageId: 'floating',
      data: {
        pinned: pinnedPart,
        unpinned: describeVcpus(unpinned),
        are: unpinned.size === 1 ? 'is' : 'are',
        // Named so the sentence does not read as if they were pinned; the finding is realtime-sched-unsafe's.
        nor: floatingRealtime.isEmpty ? '' : `, nor ${floatingRealtime.size === 1 ? 'is' : 'are'} realtime ${describeVcpus(floatingRealtime)}`,
        they: unpinned.size === 1 && floatingRealtime.isEmpty ? 'it floats' : 'they float',
        over,
        included: cpus.isEmpty || (reach && !cpus.intersects(reach)) ? '' : `, ${describeCpus(reach ? cpus.intersect(reach) : cpus)} included`,
        later,
      },
    });
  },
});
