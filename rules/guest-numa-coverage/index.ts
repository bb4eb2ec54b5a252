import { defineRule } from '../../src/engine/types.ts';
import { insertAttribute, replaceAttributeValue } from '../../src/engine/edit.ts';
import { describeVcpus } from '../../src/model/describe.ts';
import { guestCellById, guestNumaLayout } from '../../src/model/guest-numa.ts';
import { formatLibvirtCpuset } from '../../src/model/libvirt-cpuset.ts';

export default defineRule({
  meta: {
    id: 'guest-numa-coverage',
    name: 'GuestNumaCoverage',
    severity: 'error',
    severities: ['error', 'warning'],
    type: 'problem',
    needs: 'domain',
    fixable: true,
    hasSuggestions: false,
    summary: 'Guest NUMA cells with bad ids, shared or nonexistent vCPUs (error), or vCPUs left out of every cell, which libvirt moves to cell 0 (warning).',
    tags: ['numa', 'topology'],
  },
  checkDomain({ domain, source, report }) {
    const layout = guestNumaLayout(domain);
    if (!layout) return;
    const n = layout.cells.length;
    const span = n === 1 ? '0' : `0-${n - 1}`;
    const ids = `${n === 1 ? 'id' : 'ids'} ${span}`;
    for (const { cell, id, kind } of layout.badIds) {
      report({
        range: cell.idAttr?.valueRange ?? cell.element.startTag,
        message:
          kind === 'beyond'
            ? `guest cell id ${id}, but there ${n === 1 ? 'is 1 cell' : `are ${n} cells`}: libvirt requires ${ids}, each once, and rejects the domain`
            : `guest cell id ${id} is used twice${cell.idAttr ? '' : ' (a cell without id takes its position as id)'}: libvirt rejects the domain ("Duplicate NUMA cell info"); number the cells ${span}`,
      });
    }
    const maxKnown = domain.vcpu ? domain.vcpu.maxKnown : true;
    const max = domain.maxVcpus;
    if (maxKnown) {
      for (const { cell, vcpus } of layout.beyondMax) {
        report({
          range: cell.cpus!.attr.valueRange,
          message: `guest cell ${cell.id ?? cell.index} names ${describeVcpus(vcpus)}, but <vcpu> is ${max} (vCPUs 0-${max - 1}): libvirt rejects the domain ("CPU IDs in <numa> exceed the <vcpu> count")`,
        });
      }
    }
    for (const { cell, other, vcpus } of layout.overlaps) {
      report({
        range: cell.cpus!.attr.valueRange,
        message: `guest cells ${other.id ?? other.index} and ${cell.id ?? cell.index} both name ${describeVcpus(vcpus)}: a vCPU belongs to one cell, and libvirt rejects the domain ("NUMA cells … have overlapping vCPU ids")`,
      });
    }
    // The cells are only comparable with <vcpu> once libvirt would accept them.
    if (!layout.complete || !maxKnown || layout.badIds.length > 0 || layout.beyondMax.length > 0 || layout.overlaps.length > 0) return;
    const unnamed = layout.unnamed;
    if (unnamed.isEmpty) return;
    const cell0 = guestCellById(domain, 0);
    if (!cell0) return;
    const own = cell0.cpus?.set;
    const filled = (own ?? unnamed).union(unnamed);
    const text = formatLibvirtCpuset(filled);
    report({
      range: cell0.cpus?.attr.valueRange ?? cell0.element.startTag,
      severity: 'warning',
      // qemu_domain.c qemuDomainDefNumaCPUsRectify → virDomainNumaFillCPUsInNode(numa, 0, maxvcpus).
      message:
        `${describeVcpus(unnamed)} ${unnamed.size === 1 ? 'is' : 'are'} in no guest NUMA cell: libvirt's QEMU driver adds ${unnamed.size === 1 ? 'it' : 'them'} to cell 0, ` +
        `which becomes cpus='${text}', so the guest's cell 0 is larger than written; name every vCPU in a cell (QEMU calls partial mappings obsolete)`,
      // One right answer: write down what libvirt does anyway.
      fix: cell0.cpus
        ? replaceAttributeValue(cell0.cpus.attr, text)
        : insertAttribute(source.text, cell0.element, 'cpus', text, cell0.idAttr),
    });
  },
});
