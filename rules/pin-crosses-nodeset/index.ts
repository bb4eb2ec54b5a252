import { defineHostRule } from '../../src/engine/types.ts';
import { hostNodeSets } from '../../src/model/host-nodes.ts';
import { isPinned, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeNodes, describeVcpus } from '../../src/model/describe.ts';
import { guestCellIds, memoryBinding, numatunePlacement, type MemoryBinding } from '../../src/model/numa.ts';
import type { XmlElement } from '../../src/xml/types.ts';
import { soleMemoryNode } from '../../src/model/host-nodes.ts';
import { insertAfter, replaceAttributeValue } from '../../src/engine/edit.ts';

export default defineHostRule({
  meta: {
    id: 'pin-crosses-nodeset',
    name: 'PinCrossesNodeset',
    severity: 'warning',
    severities: ['warning', 'info'],
    type: 'problem',
    fixable: false,
    hasSuggestions: true,
    summary: 'vCPUs pinned to one host NUMA node while <numatune> binds their memory to another (or no <numatune> at all).',
    tags: ['numa', 'pinning', 'memory'],
    messages: {
      placementAuto: {
        message: 'numatune placement is auto: numad picks the nodes at start-up, so the vCPU pins cannot be checked against them',
      },
      noNumatune: {
        message: 'vCPUs are pinned to host {{nodes}} but there is no <numatune>: the kernel may place their memory on another node',
        help: '{{advice}}',
      },
      addNumatune: { message: "add <numatune><memory mode='strict' nodeset='{{nodeset}}'/></numatune>" },
      crosses: {
        message: '{{vcpus}} {{run}} on {{cpus}} (host {{hostNodes}}) but {{by}} {{how}}',
        help: "pin {{them}} to {{isolated}}CPUs of {{bound}} ({{target}}) or set nodeset='{{matching}}' on {{by}}",
      },
      setNodeset: { message: "set nodeset='{{nodeset}}' on {{by}}" },
    },
  },
  check({ domain, host, source, report }) {
    if (!isPinned(domain)) return;
    const groups = vcpuAffinityGroups(domain, host.model).filter(
      (g) => (g.affinity.source === 'vcpupin' || g.affinity.source === 'vcpu-cpuset') && g.affinity.cpus && g.affinity.element,
    );
    // A vCPU's local memory is on its CPUs' nodes that can hold memory: a memoryless node's CPUs take
    // theirs from another node whatever the binding (and cpuset.mems refuses a memoryless node).
    const withMemory = hostNodeSets(host.model).withMemory;
    const memoryNodesOf = (cpus: CpuSet) => host.model.nodesOfCpus(cpus).intersect(withMemory);
    // Only the no-<numatune> message needs these.
    const pinNodesOf = () => groups.reduce((acc, g) => acc.union(memoryNodesOf(g.affinity.cpus!)), CpuSet.empty);

    // numa_conf.c virDomainNumatuneParseXML: with <vcpu placement='auto'> and no <numatune><memory>,
    // libvirt binds memory strictly to numad's nodeset, so a missing <numatune> is not a gap there.
    if (numatunePlacement(domain) === 'auto') {
      report({
        range: (domain.numatune?.memory ?? domain.numatune ?? domain.vcpu)?.element.startTag ?? domain.element.startTag,
        unchecked: true,
        messageId: 'placementAuto',
      });
      return;
    }
    if (!domain.numatune) {
      // One node that can hold memory: there is no other node for it to land on (rules.md §1).
      if (soleMemoryNode(host.model) !== undefined) return;
      const pinNodes = pinNodesOf();
      // Pins that reach every node that can hold memory (libvirt's tests' `<vcpu cpuset='1-4,8-20'>` on a
      // small host): there is no "other" node either, and the memory lands as for an unpinned guest.
      // Pins on memoryless nodes alone have no local memory to bind to.
      if (pinNodes.isEmpty || withMemory.isSubsetOf(pinNodes)) return;
      const advice = pinNodes.size > 1
        ? `bind each guest NUMA cell with <memnode> to the node its vCPUs run on, or add <numatune><memory mode='strict' nodeset='${pinNodes.toString()}'/></numatune>`
        : `add <numatune><memory mode='strict' nodeset='${pinNodes.toString() || '…'}'/></numatune>`;
      // A suggestion, not a fix: strict binding is a policy a person chooses (rules.md §1).
      const anchor = domain.cputune?.element ?? domain.vcpu?.element;
      report({
        range: (domain.cputune ?? domain.vcpu)?.element.startTag ?? domain.element.startTag,
        messageId: 'noNumatune',
        data: { nodes: describeNodes(pinNodes), advice },
        suggestions:
          pinNodes.size === 1 && anchor
            ? [
                {
                  messageId: 'addNumatune',
                  data: { nodeset: pinNodes.toString() },
                  fix: insertAfter(source.text, anchor, {
                    name: 'numatune',
                    attributes: [],
                    children: [{ name: 'memory', attributes: [['mode', 'strict'], ['nodeset', pinNodes.toString()]] }],
                  }),
                },
              ]
            : undefined,
      });
      return;
    }

    const cells = domain.cpu?.cells ?? [];
    const cellIds = cells.length > 0 ? guestCellIds(domain) : CpuSet.empty;
    interface Part { cellId: number | undefined; vcpus: CpuSet; cpus: CpuSet; hostNodes: CpuSet; affinity: (typeof groups)[number]['affinity']; binding: MemoryBinding }
    // One lookup per guest cell, not per vCPU; only the pieces that cross a nodeset are kept.
    const bindings = new Map<number | undefined, MemoryBinding | undefined>();
    const bindingOf = (cellId: number | undefined) => {
      if (!bindings.has(cellId)) bindings.set(cellId, memoryBinding(domain, cellId));
      return bindings.get(cellId);
    };
    const checked: Part[] = [];
    let crossing = false;
    const consider = (cellId: number | undefined, vcpus: CpuSet, affinity: Part['affinity'], hostNodes: CpuSet) => {
      const binding = bindingOf(cellId);
      if (!binding || !binding.nodes) return;
      // Memory bound only to nodes without CPUs (CXL memory, KNL's MCDRAM in flat mode, an HMAT memory tier) is remote
      // to every pin by design: no pin could match it. A binding that also names a node with CPUs is still checked.
      if (host.model.cpusOfNodes(binding.nodes).isEmpty) return;
      checked.push({ cellId, vcpus, cpus: affinity.cpus!, hostNodes, affinity, binding });
      if (!hostNodes.isSubsetOf(binding.nodes)) crossing = true;
    };
    for (const { vcpus, affinity } of groups) {
      const hostNodes = memoryNodesOf(affinity.cpus!);
      if (cells.length === 0) {
        consider(undefined, vcpus, affinity, hostNodes);
        continue;
      }
      // Split the group by guest cell: each cell may have its own memnode.
      // vCPUs in no cell belong to the lowest cell (libvirt adds them to cell 0).
      let inNoCell = vcpus;
      for (const c of cells) {
        const set = c.cpus?.set;
        if (!set) continue;
        inNoCell = inNoCell.subtract(set);
        if (c.id !== undefined && set.intersects(vcpus)) consider(c.id, set.intersect(vcpus), affinity, hostNodes);
      }
      if (!inNoCell.isEmpty) consider(cellIds.min, inNoCell, affinity, hostNodes);
    }

    // Most domains are fine: stop before building what only a message needs.
    if (!crossing) return;
    // The nodes every vCPU governed by one binding element runs on: the nodeset that would match them all.
    const nodesByBinding = new Map<XmlElement, CpuSet>();
    for (const p of checked) nodesByBinding.set(p.binding.element, (nodesByBinding.get(p.binding.element) ?? CpuSet.empty).union(p.hostNodes));
    const hk = host.model.housekeeping;
    const isolated = hk ? host.model.online.subtract(hk) : undefined;

    // A nodeset naming nodes the host does not have is pin-target-offline's root cause: nothing here follows from it.
    const hostNodes = hostNodeSets(host.model).all;
    // One finding per binding element (one cause: the nodeset and the pins disagree), at its first crossing pin.
    const crossingByBinding = new Map<XmlElement, Part[]>();
    for (const p of checked) {
      if (p.hostNodes.isSubsetOf(p.binding.nodes!) || !p.binding.nodes!.isSubsetOf(hostNodes)) continue;
      const list = crossingByBinding.get(p.binding.element);
      if (list) list.push(p);
      else crossingByBinding.set(p.binding.element, [p]);
    }
    for (const parts of crossingByBinding.values()) {
      const { binding, cellId } = parts[0]!;
      let vcpus = CpuSet.empty;
      let cpus = CpuSet.empty;
      let onNodes = CpuSet.empty;
      for (const p of parts) {
        vcpus = vcpus.union(p.vcpus);
        cpus = cpus.union(p.cpus);
        onNodes = onNodes.union(p.hostNodes);
      }
      const bound = describeNodes(binding.nodes!);
      const by = binding.element.name === 'memnode' ? `<memnode cellid='${cellId}'>` : '<memory>';
      const how =
        binding.mode === 'interleave' ? `interleaves memory over host ${bound}`
        : binding.mode === 'preferred' ? `prefers host ${bound} for memory`
        : `binds memory ${binding.mode === 'strict' ? 'strictly' : `(mode ${binding.mode})`} to host ${bound}`;
      // Prefer isolated CPUs when the host declares them, so the advice does not collide with housekeeping-overlap.
      const nodeCpus = host.model.cpusOfNodes(binding.nodes!);
      const useIsolated = isolated !== undefined && isolated.intersects(nodeCpus);
      const target = useIsolated ? isolated.intersect(nodeCpus) : nodeCpus;
      const matching = nodesByBinding.get(binding.element) ?? onNodes;
      const rangeOf = (p: Part) => (p.affinity.source === 'vcpupin' ? p.affinity.element!.startTag : (p.affinity.attr?.range ?? p.affinity.element!.startTag));
      report({
        range: rangeOf(parts[0]!),
        severity: binding.mode === 'interleave' ? 'info' : undefined,
        messageId: 'crosses',
        data: {
          vcpus: describeVcpus(vcpus),
          run: vcpus.size === 1 ? 'runs' : 'run',
          cpus: describeCpus(cpus),
          hostNodes: describeNodes(host.model.nodesOfCpus(cpus)),
          by,
          how,
          them: vcpus.size === 1 ? 'it' : 'them',
          isolated: useIsolated ? 'isolated ' : '',
          bound,
          target: target.toString() || 'none',
          matching: matching.toString(),
        },
        related: parts.slice(1).map((p) => ({ range: rangeOf(p), message: `${describeVcpus(p.vcpus)} on ${describeCpus(p.cpus)} here` })),
        suggestions:
          matching.size === 1 && binding.nodesetAttr
            ? [{ messageId: 'setNodeset', data: { nodeset: matching.toString(), by }, fix: replaceAttributeValue(binding.nodesetAttr, matching.toString()) }]
            : undefined,
      });
    }
  },
});
