import { defineRule } from '../../src/engine/types.ts';
import { setSize } from '../../src/engine/edit.ts';
import { numaMemoryTotal } from '../../src/model/guest-numa.ts';
import { formatKiB } from '../../src/model/units.ts';
import { attribute } from '../../src/xml/query.ts';

export default defineRule({
  meta: {
    id: 'guest-numa-memory-sum',
    name: 'GuestNumaMemorySum',
    severity: 'warning',
    type: 'problem',
    needs: 'domain',
    fixable: true,
    hasSuggestions: false,
    summary: 'With guest NUMA cells, <memory> differs from the cells\' memory plus memory devices, the total libvirt replaces it with.',
    tags: ['numa', 'memory'],
  },
  checkDomain({ domain, source, report }) {
    const memory = domain.memory;
    if (!memory || (domain.cpu?.cells.length ?? 0) === 0) return;
    const total = numaMemoryTotal(domain);
    if (!total || total.kib === memory.kib || total.cellsKiB === 0) return;
    const devices = total.deviceCount > 0 ? ` plus ${formatKiB(total.devicesKiB)} of memory devices, ${formatKiB(total.kib)} in all` : '';
    report({
      range: memory.range,
      message:
        `<memory> is ${formatKiB(memory.kib)}, but the guest NUMA cells hold ${formatKiB(total.cellsKiB)}${devices}: ` +
        `libvirt sizes the guest from the cells and rewrites <memory> to ${formatKiB(total.kib)} when the domain is defined; ` +
        `set <memory> to ${formatKiB(total.kib)}, or resize the cells if ${formatKiB(memory.kib)} was meant`,
      // domain_postparse.c virDomainDefPostParseMemory computes exactly this total: one right answer.
      fix: setSize(source.text, memory.range, attribute(memory.element, 'unit'), total.kib),
    });
  },
});
