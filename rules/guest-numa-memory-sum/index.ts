import { defineDomainRule } from '../../src/engine/types.ts';
import { characterDataRange, setSize } from '../../src/engine/edit.ts';
import { numaMemoryTotal } from '../../src/model/guest-numa.ts';
import { formatKiB } from '../../src/model/units.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';
import { attribute } from '../../src/xml/query.ts';

export default defineDomainRule({
  meta: {
    id: 'guest-numa-memory-sum',
    name: 'GuestNumaMemorySum',
    severity: 'warning',
    type: 'problem',
    fixable: true,
    hasSuggestions: false,
    summary: 'With guest NUMA cells, <memory> differs from the cells\' memory plus memory devices, the total libvirt replaces it with.',
    tags: ['numa', 'memory'],
    messages: {
      differs: {
        message: "<memory> is {{memory}}, not the NUMA cells' {{cells}}{{devices}}: libvirt sets it to {{total}} on define",
        help: 'set <memory> to {{total}}, or resize the cells if {{memory}} was meant',
      },
    },
  },
  check({ domain, source, report }) {
    const memory = domain.memory;
    if (!memory || (domain.cpu?.cells.length ?? 0) === 0) return;
    // Only the QEMU driver defines with ABI update (qemuDomainDefineXMLFlags: VIR_DOMAIN_DEF_PARSE_ABI_UPDATE), the
    // flag under which virDomainDefPostParseMemory replaces a given <memory>. libxl, LXC and bhyve define with
    // VIR_DOMAIN_DEF_PARSE_INACTIVE alone (libxlDomainDefineXMLFlags, lxcDomainDefineXMLFlags,
    // bhyveDomainDefineXMLFlags): their <memory> is kept as written, and "libvirt sets it on define" would be false.
    if (!runsOnQemu(domain)) return;
    const total = numaMemoryTotal(domain);
    if (!total || total.kib === memory.kib || total.cellsKiB === 0) return;
    // The number's own characters: a comment beside it stays (undefined when the value is split: no fix).
    const fixAt = characterDataRange(memory.element);
    const devices = total.deviceCount > 0 ? ` + ${formatKiB(total.devicesKiB)} of devices` : '';
    report({
      range: memory.range,
      messageId: 'differs',
      data: { memory: formatKiB(memory.kib), cells: formatKiB(total.cellsKiB), devices, total: formatKiB(total.kib) },
      // domain_postparse.c virDomainDefPostParseMemory computes exactly this total: one right answer.
      fix: fixAt && setSize(source.text, fixAt, attribute(memory.element, 'unit'), total.kib),
    });
  },
});
