import { defineDomainRule } from '../../src/engine/types.ts';
import { effectiveEmulatorAffinity, housekeepingTargetFor, isPinned, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { insertLastChild } from '../../src/engine/edit.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeNodes } from '../../src/model/describe.ts';

export default defineDomainRule({
  meta: {
    id: 'missing-emulatorpin',
    name: 'MissingEmulatorpin',
    severity: 'warning',
    type: 'problem',
    fixable: true,
    hasSuggestions: false,
    summary: 'A domain pins its vCPUs but leaves QEMU\'s emulator threads floating over every host CPU.',
    tags: ['pinning', 'latency'],
    messages: {
      floating: {
        message: "vCPUs are pinned{{pinned}} but QEMU's emulator threads can run on {{over}}",
        help: '{{advice}}',
      },
    },
  },
  check({ domain, host, source, report }) {
    if (!isPinned(domain)) return;
    const emulator = effectiveEmulatorAffinity(domain, host?.model);
    // Only the last link of libvirt's chain is the problem: an emulatorpin, a
    // <vcpu cpuset> or numad's advice all confine the emulator somewhere.
    if (emulator.source !== 'all-online') return;
    const vcpuCpus = vcpuAffinityGroups(domain, host?.model)
      .filter((g) => g.affinity.source === 'vcpupin' && g.affinity.cpus)
      .reduce((acc, g) => acc.union(g.affinity.cpus!), CpuSet.empty);
    const at = domain.cputune?.element.startTag ?? domain.vcpu?.element.startTag ?? domain.element.startTag;
    const pinned = vcpuCpus.isEmpty ? '' : ` (${describeCpus(vcpuCpus)})`;
    const isolated = host?.model.isolation?.isolated;
    const over = host
      ? `every online host CPU (${host.model.online.toString()})${isolated && !isolated.isEmpty ? `, isolated ${isolated.toString()} included` : ''}`
      : 'every online host CPU, the vCPUs\' own included';
    const target = housekeepingTargetFor(vcpuCpus, host?.model);
    report({
      range: at,
      messageId: 'floating',
      data: { pinned, over, advice: advice(target) },
      // Safe only with a known, non-empty housekeeping set: then the target is not a guess.
      fix: target && domain.cputune ? insertLastChild(source.text, domain.cputune.element, { name: 'emulatorpin', attributes: [['cpuset', target.cpus.toString()]] }) : undefined,
    });
  },
});

/** Without a host (or with HK unknown) the choice between a spare dedicated CPU and a shared pool is a person's. */
function advice(target: ReturnType<typeof housekeepingTargetFor>): string {
  if (!target) {
    return "add <emulatorpin cpuset='…'/> to <cputune> naming the host's housekeeping CPUs, or one spare CPU for the emulator";
  }
  const where = target.nodes ? `housekeeping ${describeCpus(target.cpus)} on host ${describeNodes(target.nodes)}` : `housekeeping ${describeCpus(target.cpus)}`;
  return `add <emulatorpin cpuset='${target.cpus.toString()}'/> to pin them to ${where}`;
}
