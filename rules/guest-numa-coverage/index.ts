import { defineDomainRule } from '../../src/engine/types.ts';
import { insertAttribute, replaceAttributeValue } from '../../src/engine/edit.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeVcpus } from '../../src/model/describe.ts';
import { guestCellById, guestNumaLayout } from '../../src/model/guest-numa.ts';
import { formatLibvirtCpuset } from '../../src/model/libvirt-cpuset.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';

export default defineDomainRule({
  meta: {
    id: 'guest-numa-coverage',
    name: 'GuestNumaCoverage',
    severity: 'error',
    severities: ['error', 'warning'],
    type: 'problem',
    fixable: true,
    hasSuggestions: false,
    summary: 'Guest NUMA cells with bad ids, shared or nonexistent vCPUs (error), or vCPUs left out of every cell, which libvirt moves to cell 0 (warning).',
    tags: ['numa', 'topology'],
    messages: {
      idBeyond: {
        message: 'guest cell id {{id}} but there {{cells}}: libvirt rejects this at define time (ids {{span}}, each once)',
        help: 'number the cells {{span}}',
      },
      idTwice: {
        message: 'guest cell id {{id}} is used twice{{implicit}}: libvirt rejects this ("Duplicate NUMA cell info")',
        help: 'number the cells {{span}}',
      },
      beyondMax: {
        message: 'guest cell {{cell}} names {{vcpus}} but <vcpu> is {{max}}: libvirt rejects this ("CPU IDs in <numa> exceed the <vcpu> count")',
        help: 'name only vCPUs {{valid}} in the cells, or raise <vcpu>',
      },
      beyondMaxCells: {
        message: 'guest cells {{cells}} name {{vcpus}} but <vcpu> is {{max}}: libvirt rejects this ("CPU IDs in <numa> exceed the <vcpu> count")',
        help: 'name only vCPUs {{valid}} in the cells, or raise <vcpu>',
      },
      overlap: {
        message: 'guest cells {{a}} and {{b}} both name {{vcpus}}: libvirt rejects this ("NUMA cells … have overlapping vCPU ids")',
        help: 'put each vCPU in one cell',
      },
      unnamed: {
        message: "{{vcpus}} {{are}} in no guest NUMA cell: libvirt's QEMU driver adds {{them}} to cell 0 (cpus='{{cpus}}')",
        help: 'name every vCPU in a cell (QEMU calls partial mappings obsolete)',
      },
    },
  },
  check({ domain, source, report }) {
    const layout = guestNumaLayout(domain);
    if (!layout) return;
    const n = layout.cells.length;
    const span = n === 1 ? '0' : `0-${n - 1}`;
    for (const { cell, id, kind } of layout.badIds) {
      const range = cell.idAttr?.valueRange ?? cell.element.startTag;
      if (kind === 'beyond') report({ range, messageId: 'idBeyond', data: { id, cells: n === 1 ? 'is 1 cell' : `are ${n} cells`, span } });
      else report({ range, messageId: 'idTwice', data: { id, implicit: cell.idAttr ? '' : ' (a cell without id takes its position)', span } });
    }
    const maxKnown = domain.vcpu ? domain.vcpu.maxKnown : true;
    const max = domain.maxVcpus;
    if (maxKnown) {
      const beyond = layout.beyondMax;
      const valid = max === 1 ? '0' : `0-${max - 1}`;
      if (beyond.length === 1) {
        const { cell, vcpus } = beyond[0]!;
        report({ range: cell.cpus!.attr.valueRange, messageId: 'beyondMax', data: { cell: cell.id ?? cell.index, vcpus: describeVcpus(vcpus), max, valid } });
      } else if (beyond.length > 1) {
        // One cause (a <vcpu> lower than the cells were written for), one finding: libvirt names no cell either.
        const [first, ...rest] = beyond;
        report({
          range: first!.cell.cpus!.attr.valueRange,
          messageId: 'beyondMaxCells',
          data: {
            cells: CpuSet.ofList(beyond.map(({ cell }) => cell.id ?? cell.index)).toString(),
            vcpus: describeVcpus(beyond.reduce((acc, b) => acc.union(b.vcpus), CpuSet.empty)),
            max,
            valid,
          },
          related: rest.map(({ cell, vcpus }) => ({ range: cell.cpus!.attr.valueRange, message: `cell ${cell.id ?? cell.index} names ${describeVcpus(vcpus)} here` })),
        });
      }
    }
    for (const { cell, other, vcpus } of layout.overlaps) {
      report({
        range: cell.cpus!.attr.valueRange,
        messageId: 'overlap',
        data: { a: other.id ?? other.index, b: cell.id ?? cell.index, vcpus: describeVcpus(vcpus) },
      });
    }
    // The cells are only comparable with <vcpu> once libvirt would accept them.
    if (!layout.complete || !maxKnown || layout.badIds.length > 0 || layout.beyondMax.length > 0 || layout.overlaps.length > 0) return;
    const unnamed = layout.unnamed;
    // Filling cell 0 is the QEMU driver's post-parse (qemu_domain.c qemuDomainDefNumaCPUsRectify); libxl, LXC and
    // bhyve do not, so no claim is made about where they put such vCPUs.
    if (unnamed.isEmpty || !runsOnQemu(domain)) return;
    const cell0 = guestCellById(domain, 0);
    if (!cell0) return;
    const own = cell0.cpus?.set;
    const filled = (own ?? unnamed).union(unnamed);
    const text = formatLibvirtCpuset(filled);
    report({
      range: cell0.cpus?.attr.valueRange ?? cell0.element.startTag,
      severity: 'warning',
      // qemu_domain.c qemuDomainDefNumaCPUsRectify → virDomainNumaFillCPUsInNode(numa, 0, maxvcpus).
      messageId: 'unnamed',
      data: { vcpus: describeVcpus(unnamed), are: unnamed.size === 1 ? 'is' : 'are', them: unnamed.size === 1 ? 'it' : 'them', cpus: text },
      // One right answer: write down what libvirt does anyway.
      fix: cell0.cpus
        ? replaceAttributeValue(cell0.cpus.attr, text)
        : insertAttribute(source.text, cell0.element, 'cpus', text, cell0.idAttr),
    });
  },
});
