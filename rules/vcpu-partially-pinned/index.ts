import { defineRule } from '../../src/engine/types.ts';
import { vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeVcpus } from '../../src/model/describe.ts';
import { realtimeVcpus, vcpupinCpus } from '../../src/model/threads.ts';
import { hasValueProblem, textRange } from '../../src/model/domain.ts';

export default defineRule({
  meta: {
    id: 'vcpu-partially-pinned',
    name: 'VcpuPartiallyPinned',
    severity: 'warning',
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'Some vCPUs are pinned and others are not, with no vcpu cpuset to bound them: the unpinned ones float over every host CPU.',
    tags: ['pinning', 'latency'],
  },
  checkDomain({ domain, host, report }) {
    const vcpu = domain.vcpu;
    // <vcpu cpuset> bounds the unpinned vCPUs; with placement='auto' numad does (formatdomain §CPU Allocation).
    if (!vcpu || vcpu.cpuset !== undefined || vcpu.placement === 'auto' || (domain.cputune?.vcpupins.length ?? 0) === 0) return;
    // A vcpupin whose vcpu id does not parse names some vCPU we cannot tell, and a <vcpu> count that does not
    // parse or is implausible leaves the unpinned count unknown: value-invalid reports both.
    if (domain.cputune!.vcpupins.some((p) => p.vcpu === undefined) || hasValueProblem(domain, textRange(vcpu.element))) return;
    const model = host?.model;
    const groups = vcpuAffinityGroups(domain, model);
    const rest = groups.find((g) => g.affinity.source === 'all-online');
    if (!rest || !groups.some((g) => g.affinity.source === 'vcpupin')) return;
    // A realtime vCPU left floating is realtime-sched-unsafe's finding (an error there).
    const unpinned = rest.vcpus.subtract(realtimeVcpus(domain, model));
    if (unpinned.isEmpty) return;
    const pinned = CpuSet.range(0, domain.maxVcpus - 1).subtract(rest.vcpus);
    const cpus = vcpupinCpus(domain, model);
    // vCPUs above `current` start offline (formatdomain §CPU Allocation) but take the same affinity when hot-plugged.
    const offlineUnpinned = vcpu.current !== undefined ? unpinned.intersect(CpuSet.range(vcpu.current, domain.maxVcpus - 1)) : CpuSet.empty;
    const offline = offlineUnpinned.isEmpty ? '' : ` (${describeVcpus(offlineUnpinned)} start${offlineUnpinned.size === 1 ? 's' : ''} offline, but float${offlineUnpinned.size === 1 ? 's' : ''} the same way once hot-plugged)`;
    const over = model ? `every online host CPU (${model.online.toString()})` : 'every host CPU';
    report({
      range: vcpu.element.startTag,
      message:
        `${describeVcpus(pinned)} ${pinned.size === 1 ? 'is' : 'are'} pinned${cpus.isEmpty ? '' : ` (to ${describeCpus(cpus)})`} but ${describeVcpus(unpinned)} ${unpinned.size === 1 ? 'is' : 'are'} not, ` +
        `and there is no <vcpu cpuset>: ${unpinned.size === 1 ? 'it floats' : 'they float'} over ${over}, including the pinned vCPUs' CPUs${offline}; ` +
        `add a <vcpupin> for each, or bound them with <vcpu cpuset='…'>`,
    });
  },
});
