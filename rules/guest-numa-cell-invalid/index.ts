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
    summary: 'A guest NUMA <cell> libvirt rejects (a distance to a cell that does not exist or out of 10-255, a memAccess or discard value it does not know), or a PCI controller on a cell the guest does not have.',
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
    if (cells.length === 0) return;
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
      for (const s of childrenNamed(firstChild(c.element, 'distances'), 'sibling')) {
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
        }
      }
    }
  },
});
