import { defineRule } from '../../src/engine/types.ts';
import { effectiveEmulatorAffinity, isPinned, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeNodes } from '../../src/model/describe.ts';
import type { HostModel } from '../../src/model/host.ts';

export default defineRule({
  meta: {
    id: 'missing-emulatorpin',
    name: 'MissingEmulatorpin',
    severity: 'warning',
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'A domain pins its vCPUs but leaves QEMU\'s emulator threads floating over every host CPU.',
    tags: ['pinning', 'latency'],
  },
  checkDomain({ domain, host, report }) {
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
      ? `every online host CPU (${host.model.online.toString()}), including the vCPUs' own CPUs${isolated && !isolated.isEmpty ? ` and the isolated CPUs ${isolated.toString()}` : ''}`
      : "every online host CPU, including the vCPUs' own CPUs and any isolated cores";
    report({
      range: at,
      message: `vCPUs are pinned${pinned} but there is no <emulatorpin> and no <vcpu cpuset>: QEMU's emulator threads float over ${over}; ${advice(vcpuCpus, host?.model)}`,
    });
  },
});

/**
 * rules.md: the housekeeping CPUs on the host node(s) of the vCPU pins, or all
 * of HK when those nodes have none. Without a host (or with HK unknown) the choice
 * between a spare dedicated CPU and a shared pool is a person's.
 */
function advice(vcpuCpus: CpuSet, host: HostModel | undefined): string {
  const hk = host?.housekeeping;
  if (!host || !hk || hk.isEmpty) {
    return "add <emulatorpin cpuset='…'/> to <cputune> naming the host's housekeeping CPUs (or one spare CPU reserved for the emulator)";
  }
  const nodes = host.nodesOfCpus(vcpuCpus);
  const local = hk.intersect(host.cpusOfNodes(nodes));
  const target = local.isEmpty ? hk : local;
  const where = local.isEmpty ? `housekeeping ${describeCpus(hk)}` : `housekeeping ${describeCpus(local)} on host ${describeNodes(nodes)}`;
  return `pin them to ${where}: <emulatorpin cpuset='${target.toString()}'/>`;
}
