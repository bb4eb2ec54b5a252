import { defineDomainRule } from '../../src/engine/types.ts';
import { attribute, childrenNamed, firstChild } from '../../src/xml/query.ts';
import { excerpt } from '../../src/model/describe.ts';

/** numa_conf.c: memAccess and discard are parsed as non-zero enums, so 'default'/'absent' are refused too. */
const MEM_ACCESS = new Set(['shared', 'private']);
const DISCARD = new Set(['yes', 'no']);
/** numa_conf.c virDomainNumaDefNodeDistanceParseXML: LOCAL_DISTANCE 10 .. UNREACHABLE 255. */
const MIN_DISTANCE = 10;
const MAX_DISTANCE = 255;

export default defineDomainRule({
  meta: {
    id: 'guest-numa-cell-invalid',
    name: 'GuestNumaCellInvalid',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Guest NUMA <cell>s libvirt rejects (none, no memory, bad or empty distances, bad memAccess or discard), or a PCI controller on a missing cell.',
    tags: ['numa', 'memory'],
    messages: {
      siblingMissing: {
        message: 'cell {{cell}} gives a distance to sibling {{sibling}}, but the guest has only cell(s) {{cells}}: libvirt rejects this at define time',
        help: 'give distances only to the cells {{cells}} the domain defines',
      },
      distanceRange: {
        message: "cell {{cell}}'s distance to sibling {{sibling}} is {{value}}: libvirt rejects this at define time (distances are 10-255)",
        help: 'use 10 for a cell to itself and 11-255 to other cells (20 is a typical remote distance)',
      },
      controllerNodeMissing: {
        message: "the {{model}} controller (index {{index}}) is on guest NUMA node {{node}}, but the guest has {{cells}}: libvirt rejects this at define time",
        help: '{{advice}}',
      },
      noCells: {
        message: '<numa> has no <cell>: libvirt rejects this at define time ("NUMA topology defined without NUMA cells")',
        help: "add a <cell id='0' cpus='…' memory='…'/> per guest NUMA node, or remove <numa>",
      },
      noMemory: {
        message: "cell {{cell}} has no memory attribute: libvirt rejects this at define time (a cell's memory is required)",
        help: "add memory='…' unit='GiB' to the cell",
      },
      noSiblings: {
        message: "cell {{cell}}'s <distances> names no <sibling>: libvirt rejects this at define time",
        help: "add <sibling id='N' value='…'/> entries, or remove the empty <distances>",
      },
      localDistance: {
        message: "cell {{cell}}'s distance to itself is {{value}}: libvirt rejects this at define time (a cell's own distance is 10)",
        help: "use value='10' for the cell's own sibling entry",
      },
      remoteDistance: {
        message: "cell {{cell}}'s distance to cell {{sibling}} is 10, the local distance: libvirt rejects this at define time",
        help: 'use 11-255 between different cells (20 is typical)',
      },
      badValue: {
        message: "cell {{cell}} has {{attr}}='{{value}}', which libvirt does not know: it rejects this at define time",
        help: 'use {{allowed}}, or leave the attribute out',
      },
    },
  },
  check({ domain, source, report }) {
    const cells = domain.cpu?.cells ?? [];
    // qemu_domain.c qemuDomainControllerDefPostParse: a PCI controller's <target><node> must be below the
    // number of guest NUMA cells ("… is configured for a NUMA node (N) not present in the domain's <cpu><numa> array").
    // Looked for only in a file that has a <node> at all: reading every controller's attributes would keep
    // a few dozen more objects alive per domain for a whole plan.
    const controllers = source.text.includes('<node>') ? domain.devices.pciControllerNodes() : [];
    for (const c of controllers) {
      if (c.node === undefined || c.node < cells.length) continue;
      report({
        range: c.nodeElement.contentRange,
        messageId: 'controllerNodeMissing',
        data: {
          model: excerpt(c.model ?? 'pci'),
          index: excerpt(c.index ?? '?'),
          node: c.node,
          cells: cells.length === 0 ? 'no NUMA cells' : cells.length === 1 ? 'only cell 0' : `only cells 0-${cells.length - 1}`,
          advice:
            cells.length === 0
              ? 'define the guest NUMA cells under <cpu><numa>, or remove <node> from the controller\'s <target>'
              : `name one of the guest's cells (0-${cells.length - 1}) in <target><node>, or add the cell under <cpu><numa>`,
        },
      });
    }
    if (cells.length === 0) {
      // numa_conf.c virDomainNumaDefParseXML: "NUMA topology defined without NUMA cells".
      const numa = domain.cpu?.numa;
      if (numa) report({ range: numa.startTag, messageId: 'noCells', data: {} });
      return;
    }
    const last = cells.length - 1;
    for (const c of cells) {
      const cell = c.id ?? c.index;
      for (const [name, allowed] of [
        ['memAccess', MEM_ACCESS],
        ['discard', DISCARD],
      ] as const) {
        const a = attribute(c.element, name);
        if (a && !allowed.has(a.value)) {
          report({ range: a.valueRange, messageId: 'badValue', data: { cell, attr: name, value: excerpt(a.value), allowed: [...allowed].map((v) => `'${v}'`).join(' or ') } });
        }
      }
      // virDomainNumaDefParseXML reads memory with virDomainParseMemory(…, required): "missing element or attribute './@memory'".
      if (!c.memoryAttr) report({ range: c.element.startTag, messageId: 'noMemory', data: { cell } });
      const distances = firstChild(c.element, 'distances');
      const siblings = childrenNamed(distances, 'sibling');
      // virDomainNumaDefNodeDistanceParseXML: "NUMA distances defined without siblings".
      if (distances && siblings.length === 0) report({ range: distances.startTag, messageId: 'noSiblings', data: { cell } });
      for (const s of siblings) {
        const idAttr = attribute(s, 'id');
        const valueAttr = attribute(s, 'value');
        // Non-numeric ids and values are the schema's (value-invalid does not model them).
        const sibling = idAttr && /^\d+$/.test(idAttr.value.trim()) ? Number(idAttr.value) : undefined;
        if (sibling !== undefined && sibling > last) {
          report({ range: idAttr!.valueRange, messageId: 'siblingMissing', data: { cell, sibling, cells: last === 0 ? '0' : `0-${last}` } });
          continue;
        }
        const value = valueAttr && /^\d+$/.test(valueAttr.value.trim()) ? Number(valueAttr.value) : undefined;
        if (value !== undefined && sibling !== undefined && (value < MIN_DISTANCE || value > MAX_DISTANCE)) {
          report({ range: valueAttr!.valueRange, messageId: 'distanceRange', data: { cell, sibling, value } });
        } else if (value !== undefined && sibling !== undefined && typeof cell === 'number') {
          // The same check: a cell's own distance must be LOCAL_DISTANCE and no other may be
          // ("'value N' is invalid for 'sibling id M' under NUMA 'cell id C'").
          if (sibling === cell && value !== MIN_DISTANCE) report({ range: valueAttr!.valueRange, messageId: 'localDistance', data: { cell, value } });
          else if (sibling !== cell && value === MIN_DISTANCE) report({ range: valueAttr!.valueRange, messageId: 'remoteDistance', data: { cell, sibling } });
        }
      }
    }
  },
});
