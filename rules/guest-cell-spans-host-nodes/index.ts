import { defineHostRule } from '../../src/engine/types.ts';
import { vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeNodes, describeVcpus } from '../../src/model/describe.ts';
import { hostNodeSets } from '../../src/model/host-nodes.ts';

/** At most this many "vCPUs … on node …" pieces in one message. */
const MAX_PIECES = 2;

export default defineHostRule({
  meta: {
    id: 'guest-cell-spans-host-nodes',
    name: 'GuestCellSpansHostNodes',
    severity: 'warning',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A guest NUMA cell whose vCPUs are pinned across several host nodes, or more guest cells with vCPUs than host nodes with CPUs.',
    tags: ['numa', 'pinning', 'topology'],
    messages: {
      moreCellsThanNodes: {
        message: 'the guest has {{cells}} NUMA cells with vCPUs but the host has {{nodes}} with CPUs ({{hostNodes}}): some share a host node',
        help: 'give the guest at most {{most}} with vCPUs, one per host node',
      },
      cellSpans: {
        message: 'guest NUMA cell {{cell}} ({{vcpus}}) is pinned across host {{nodes}}: {{pieces}}',
        help: "pin cell {{cell}}'s vCPUs to CPUs of one host node and bind its memory there with <memnode>",
      },
    },
  },
  check({ domain, host, report }) {
    const cells = domain.cpu?.cells ?? [];
    if (cells.length === 0 || !domain.cpu?.numa) return;
    const h = host.model;

    // Guest cells that hold vCPUs (libvirt allows memory-only cells, which mirror CPU-less host nodes).
    const cpuCells = cells.filter((c) => c.cpus?.set && !c.cpus.set.isEmpty);
    // Unpinned vCPUs (and numad's placement) are not known offline: an unpinned guest makes no claim about
    // host nodes whatever its cells, like a multi-cell test guest on a one-node desktop.
    if (domain.vcpu?.placement === 'auto') return;
    const pinned = vcpuAffinityGroups(domain, h).filter(
      (g) => (g.affinity.source === 'vcpupin' || g.affinity.source === 'vcpu-cpuset') && g.affinity.cpus !== undefined,
    );
    if (pinned.length === 0) return;
    const hostCpuNodes = hostNodeSets(h).withCpus;
    if (hostCpuNodes.size > 0 && cpuCells.length > hostCpuNodes.size) {
      // Guest cells sharing a host node: the locality the guest's NUMA topology promises does not exist.
      const n = hostCpuNodes.size;
      report({
        range: domain.cpu.numa.startTag,
        messageId: 'moreCellsThanNodes',
        data: { cells: cpuCells.length, nodes: `${n} node${n === 1 ? '' : 's'}`, hostNodes: hostCpuNodes.toString(), most: `${n} cell${n === 1 ? '' : 's'}` },
      });
    }

    // With one cell the guest claims no locality between cells: spanning host nodes is then like a guest
    // without cells (pin-crosses-nodeset weighs its memory). numad's placement is not known offline.
    if (cpuCells.length < 2) return;
    const nodesOfGroup = pinned.map((g) => h.nodesOfCpus(g.affinity.cpus!));

    for (const cell of cpuCells) {
      const cellVcpus = cell.cpus!.set!;
      let nodes = CpuSet.empty;
      const pieces: Array<{ vcpus: CpuSet; cpus: CpuSet; nodes: CpuSet }> = [];
      const lo = cellVcpus.min!;
      const hi = cellVcpus.max!;
      pinned.forEach((g, i) => {
        // Cheap bounds test first: with 1:1 pins there is one group per vCPU and most miss the cell.
        if (g.vcpus.max! < lo || g.vcpus.min! > hi) return;
        const vcpus = g.vcpus.intersect(cellVcpus);
        if (vcpus.isEmpty || nodesOfGroup[i]!.isEmpty) return;
        nodes = nodes.union(nodesOfGroup[i]!);
        pieces.push({ vcpus, cpus: g.affinity.cpus!, nodes: nodesOfGroup[i]! });
      });
      if (nodes.size < 2) continue;
      // Merge the pieces by host node set, so 1:1 pins read "vCPUs 0-1 on node 0", not one piece per vCPU.
      const merged = new Map<string, { vcpus: CpuSet; cpus: CpuSet; nodes: CpuSet }>();
      for (const p of pieces) {
        const key = p.nodes.toString();
        const m = merged.get(key);
        if (m) {
          m.vcpus = m.vcpus.union(p.vcpus);
          m.cpus = m.cpus.union(p.cpus);
        } else merged.set(key, { ...p });
      }
      const list = [...merged.values()];
      const shown = list
        .slice(0, MAX_PIECES)
        .map((p) => `${describeVcpus(p.vcpus)} on ${describeNodes(p.nodes)} (${describeCpus(p.cpus)})`)
        .join(', ');
      const more = list.length > MAX_PIECES ? ` and ${list.length - MAX_PIECES} more` : '';
      // The guest treats the cell's vCPUs as one node sharing local memory, but they sit on different host nodes.
      report({
        range: cell.element.startTag,
        messageId: 'cellSpans',
        data: { cell: cell.id ?? '?', vcpus: describeVcpus(cellVcpus), nodes: describeNodes(nodes), pieces: `${shown}${more}` },
      });
    }
  },
});
