import { defineRule } from '../../src/engine/types.ts';
import { isPinned, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeNodes, describeVcpus } from '../../src/model/describe.ts';
import { guestCellIds, memoryBinding, numatunePlacement, type MemoryBinding } from '../../src/model/numa.ts';
import type { XmlElement } from '../../src/xml/types.ts';
import { soleMemoryNode } from '../../src/model/host-nodes.ts';
import { insertAfter, replaceAttributeValue } from '../../src/engine/edit.ts';

export default defineRule({
  meta: {
    id: 'pin-crosses-nodeset',
    name: 'PinCrossesNodeset',
    severity: 'warning',
    type: 'problem',
    needs: 'host',
    fixable: false,
    hasSuggestions: true,
    summary: 'vCPUs pinned to one host NUMA node while <numatune> binds their memory to another (or no <numatune> at all).',
    tags: ['numa', 'pinning', 'memory'],
  },
  checkDomain({ domain, host, source, report }) {
    if (!host || !isPinned(domain)) return;
    const groups = vcpuAffinityGroups(domain, host.model).filter(
      (g) => (g.affinity.source === 'vcpupin' || g.affinity.source === 'vcpu-cpuset') && g.affinity.cpus && g.affinity.element,
    );
    // Only the no-<numatune> message needs these.
    const pinNodesOf = () => groups.reduce((acc, g) => acc.union(host.model.nodesOfCpus(g.affinity.cpus!)), CpuSet.empty);

    // numa_conf.c virDomainNumatuneParseXML: with <vcpu placement='auto'> and no <numatune><memory>,
    // libvirt binds memory strictly to numad's nodeset, so a missing <numatune> is not a gap there.
    if (numatunePlacement(domain) === 'auto') {
      report({
        range: (domain.numatune?.memory ?? domain.numatune ?? domain.vcpu)?.element.startTag ?? domain.element.startTag,
        severity: 'info',
        message: 'numatune placement is auto: numad chooses the nodes at start-up, so whether the vCPU pins match them is not checkable offline',
      });
      return;
    }
    if (!domain.numatune) {
      // One node that can hold memory: there is no other node for it to land on (rules.md §1).
      if (soleMemoryNode(host.model) !== undefined) return;
      const pinNodes = pinNodesOf();
      const add = pinNodes.size > 1
        ? `bind each guest NUMA cell with <memnode> to the node its vCPUs run on, or add <numatune><memory mode='strict' nodeset='${pinNodes.toString()}'/></numatune>`
        : `add <numatune><memory mode='strict' nodeset='${pinNodes.toString() || '…'}'/></numatune>`;
      // A suggestion, not a fix: strict binding is a policy a person chooses (rules.md §1).
      const anchor = domain.cputune?.element ?? domain.vcpu?.element;
      report({
        range: (domain.cputune ?? domain.vcpu)?.element.startTag ?? domain.element.startTag,
        message:
          `vCPUs are pinned (to host ${describeNodes(pinNodes)}) but there is no <numatune>: memory placement is left to the kernel, ` +
          `which may allocate it on another node; ${add}`,
        suggestions:
          pinNodes.size === 1 && anchor
            ? [
                {
                  message: `add <numatune><memory mode='strict' nodeset='${pinNodes.toString()}'/></numatune>`,
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
      checked.push({ cellId, vcpus, cpus: affinity.cpus!, hostNodes, affinity, binding });
      if (!hostNodes.isSubsetOf(binding.nodes)) crossing = true;
    };
    for (const { vcpus, affinity } of groups) {
      const hostNodes = host.model.nodesOfCpus(affinity.cpus!);
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

    for (const { cellId, vcpus, cpus, hostNodes, affinity, binding } of checked) {
      const outside = hostNodes.subtract(binding.nodes!);
      if (outside.isEmpty) continue;
      const one = vcpus.size === 1;
      const its = one ? 'its' : 'their';
      const bound = describeNodes(binding.nodes!);
      const by = binding.element.name === 'memnode' ? `<memnode cellid='${cellId}'>` : '<memory>';
      const how =
        binding.mode === 'interleave' ? `interleaves ${its} memory over host ${bound}`
        : binding.mode === 'preferred' ? `prefers host ${bound} for ${its} memory`
        : `binds ${its} memory ${binding.mode === 'strict' ? 'strictly' : `(mode ${binding.mode})`} to host ${bound}`;
      // Prefer isolated CPUs when the host declares them, so the advice does not collide with housekeeping-overlap.
      const nodeCpus = host.model.cpusOfNodes(binding.nodes!);
      const useIsolated = isolated !== undefined && isolated.intersects(nodeCpus);
      const target = useIsolated ? isolated.intersect(nodeCpus) : nodeCpus;
      const matching = nodesByBinding.get(binding.element) ?? hostNodes;
      const cell = cellId !== undefined && cells.length > 0 ? ` (guest cell ${cellId})` : '';
      report({
        range: affinity.source === 'vcpupin' ? affinity.element!.startTag : (affinity.attr?.range ?? affinity.element!.startTag),
        severity: binding.mode === 'interleave' ? 'info' : undefined,
        message:
          `${describeVcpus(vcpus)}${cell} ${one ? 'runs' : 'run'} on ${describeCpus(cpus)} (host ${describeNodes(hostNodes)}), but ${by} ${how}: ` +
          `every memory access from ${describeNodes(outside)} crosses the interconnect; ` +
          `pin ${one ? 'it' : 'them'} to ${useIsolated ? 'isolated ' : ''}CPUs of ${bound} (${target.toString()}) ` +
          `or set nodeset='${matching.toString()}' on ${by}`,
        suggestions:
          matching.size === 1 && binding.nodesetAttr
            ? [{ message: `set nodeset='${matching.toString()}' on ${by}`, fix: replaceAttributeValue(binding.nodesetAttr, matching.toString()) }]
            : undefined,
      });
    }
  },
});
