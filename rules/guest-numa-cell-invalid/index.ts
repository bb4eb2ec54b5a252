import { defineDomainRule } from '../../src/engine/types.ts';
import { attribute, childrenNamed, firstChild } from '../../src/xml/query.ts';
import { excerpt } from '../../src/model/describe.ts';
import { libvirtAtLeast } from '../../src/model/libvirt-version.ts';
import { libvirtNonNegativeInt, libvirtUint, type CpuConfig } from '../../src/model/domain.ts';
import type { DomainRuleContext } from '../../src/engine/types.ts';
import type { XmlAttribute, XmlElement } from '../../src/xml/types.ts';

/** numa_conf.c: memAccess and discard are parsed as non-zero enums, so 'default'/'absent' are refused too. */
const MEM_ACCESS = new Set(['shared', 'private']);
const DISCARD = new Set(['yes', 'no']);
/** numa_conf.c virDomainNumaDefNodeDistanceParseXML: LOCAL_DISTANCE 10 .. UNREACHABLE 255. */
const MIN_DISTANCE = 10;
const MAX_DISTANCE = 255;
/** NEWS v6.6.0 "Allow configuring of ACPI NUMA HMAT": older libvirt ignores <cache> and <interconnects>. */
const HMAT_SINCE = '6.6.0';
/** numa_conf.c virDomainNumaDefValidate: "Relax this if there's ever fourth layer of cache". */
const MAX_CACHE_LEVEL = 3;

const messages = {
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
  controllerNodeOnRoot: {
    message: 'the {{model}} controller with index 0 cannot be on a guest NUMA node: libvirt rejects this at define time',
    help: "remove <node> from its <target>; give a NUMA node to another PHB (index 1 and up) or an expander bus instead",
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
  cacheLevelZero: {
    message: "cell {{cell}} has a <cache level='0'>: libvirt rejects this at define time (cache levels start at 1)",
    help: 'number memory-side caches from 1 (the level nearest the memory)',
  },
  cacheLevel: {
    message: "cell {{cell}} has a <cache level='{{level}}'>: libvirt rejects this at define time (levels are 1-3)",
    help: 'describe at most three memory-side cache levels, numbered 1-3',
  },
  cacheLevelDup: {
    message: "cell {{cell}} defines cache level {{level}} twice: libvirt rejects this at define time",
    help: 'keep one <cache> per level in a cell',
  },
  initiatorMissing: {
    message: "<{{kind}}> initiator {{node}} is not a guest NUMA cell (the guest has {{cells}}): libvirt rejects this at define time",
    help: "name one of the guest's cells as initiator",
  },
  targetMissing: {
    message: "<{{kind}}> target {{node}} is not a guest NUMA cell (the guest has {{cells}}): libvirt rejects this at define time",
    help: "name one of the guest's cells as target",
  },
  initiatorNoCpus: {
    message: '<{{kind}}> initiator {{node}} is a cell without vCPUs: libvirt rejects this at define time',
    help: "give cell {{node}} cpus='…', or name a cell with vCPUs as initiator",
  },
  cacheMissing: {
    message: "<{{kind}}> cache='{{cache}}' but target cell {{node}} has no <cache level='{{cache}}'>: libvirt rejects this",
    help: "add <cache level='{{cache}}'> to cell {{node}}, or drop the cache attribute to describe the memory itself",
  },
  duplicateLink: {
    message: '<{{kind}}> {{initiator}}→{{target}} repeats an earlier one: libvirt rejects this at define time',
    help: 'keep one <{{kind}}> per initiator, target, cache and type',
  },
  reverseLink: {
    message: '<{{kind}}> {{initiator}}→{{target}} reverses an earlier {{target}}→{{initiator}}: libvirt rejects this ("Link already defined")',
    help: 'libvirt takes one direction per pair of cells: describe {{target}}→{{initiator}} only',
  },
} as const;

export default defineDomainRule({
  meta: {
    id: 'guest-numa-cell-invalid',
    name: 'GuestNumaCellInvalid',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Guest NUMA <cell>s libvirt rejects (none, no memory, bad distances, memAccess or discard, bad HMAT caches or links), or a PCI controller on a missing cell.',
    tags: ['numa', 'memory'],
    messages,
  },
  check({ domain, source, host, report }) {
    const cells = domain.cpu?.cells ?? [];
    // qemu_domain.c qemuDomainControllerDefPostParse: a PCI controller's <target><node> must be below the
    // number of guest NUMA cells ("… is configured for a NUMA node (N) not present in the domain's <cpu><numa> array").
    // Looked for only in a file that has a <node> at all: reading every controller's attributes would keep
    // a few dozen more objects alive per domain for a whole plan.
    const controllers = source.text.includes('<node>') ? domain.devices.pciControllerNodes() : [];
    for (const c of controllers) {
      if (c.node === undefined) continue;
      if (c.node < cells.length) {
        // domain_validate.c virDomainControllerDefValidate: "The PCI controller with index=0 can't be associated
        // with a NUMA node" (libvirt's test pseries-default-phb-numa-node), checked after the node count above.
        if (c.index !== undefined && libvirtNonNegativeInt(c.index) === 0) report({ range: c.nodeElement.contentRange, messageId: 'controllerNodeOnRoot', data: { model: excerpt(c.model ?? 'pci') } });
        continue;
      }
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
        const sibling = idAttr && libvirtUint(idAttr.value);
        if (sibling !== undefined && sibling > last) {
          report({ range: idAttr!.valueRange, messageId: 'siblingMissing', data: { cell, sibling, cells: last === 0 ? '0' : `0-${last}` } });
          continue;
        }
        const value = valueAttr && libvirtUint(valueAttr.value);
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
    if (libvirtAtLeast(host?.model.libvirtVersion, HMAT_SINCE) === false) return;
    checkHmat(domain.cpu!, report);
  },
});

interface HmatCell {
  /** vCPUs in `cpus` (numa_conf.c keeps a cpumask only when it is not all clear); undefined when unknown. */
  hasCpus: boolean | undefined;
  /** The cell's `<cache>` levels that parse (an invalid one too: it is reported on the cell, not again on a link). */
  cacheLevels: Set<number>;
}

interface HmatLink {
  element: XmlElement;
  initiator: number;
  target: number;
  cache: number;
  type: string | undefined;
}

/** A plain decimal attribute as libvirt's virXMLPropUInt reads it; undefined when absent or not a number (the schema's). */
function uintAttr(a: XmlAttribute | undefined): number | undefined {
  return a && libvirtUint(a.value);
}

/**
 * ACPI HMAT: the cells' memory-side `<cache>`s and `<numa><interconnects>`, as libvirt checks them in
 * numa_conf.c virDomainNumaDefValidate (after virDomainNumaDefNodeCacheParseXML and virDomainNumaDefParseXML read them).
 * libvirt stops at the first error; every one is reported here.
 */
function checkHmat(cpu: CpuConfig, report: DomainRuleContext<typeof messages>['report']): void {
  const numa = cpu.numa!;
  // One scan of <numa>'s text; a guest without HMAT builds nothing more.
  const found = numa.contentIncludesEach('<', ['cache', 'interconnects']);
  if (found === 0) return;
  const hasCaches = (found & 1) !== 0;
  const hasLinks = (found & 2) !== 0;
  const cells = new Map<number, HmatCell>();
  for (const c of cpu.cells) {
    const levels = new Map<number, XmlAttribute>();
    const allLevels = new Set<number>();
    for (const cache of hasCaches ? childrenNamed(c.element, 'cache') : []) {
      const levelAttr = attribute(cache, 'level');
      const level = uintAttr(levelAttr);
      if (level === undefined) continue;
      allLevels.add(level);
      const cell = c.id ?? c.index;
      // virDomainNumaDefNodeCacheParseXML reads level with VIR_XML_PROP_NONZERO:
      // "Invalid value for attribute 'level' in element 'cache': Zero is not permitted."
      if (level === 0) {
        report({ range: levelAttr!.valueRange, messageId: 'cacheLevelZero', data: { cell } });
      } else if (level > MAX_CACHE_LEVEL) {
        // virDomainNumaDefValidate: "Ain't nobody heard of that much cache level".
        report({ range: levelAttr!.valueRange, messageId: 'cacheLevel', data: { cell, level } });
      } else if (levels.has(level)) {
        // virDomainNumaDefValidate: "Cache level '%u' already defined".
        report({
          range: levelAttr!.valueRange,
          messageId: 'cacheLevelDup',
          data: { cell, level },
          related: [{ range: levels.get(level)!.valueRange, message: `cache level ${level} first defined here` }],
        });
      } else {
        levels.set(level, levelAttr!);
      }
    }
    // Cells are libvirt's mem_nodes[id]; a cell whose id does not parse or repeats is guest-numa-coverage's.
    if (c.id !== undefined && !cells.has(c.id)) {
      const hasCpus = c.cpus === undefined ? false : c.cpus.set === undefined ? undefined : !c.cpus.set.isEmpty;
      cells.set(c.id, { hasCpus, cacheLevels: allLevels });
    }
  }
  if (!hasLinks) return;
  // virDomainNumaDefParseXML reads ./cpu/numa[1]/interconnects[1]/latency|bandwidth, in document order.
  const n = cpu.cells.length;
  const seen: HmatLink[] = [];
  for (const el of firstChild(numa, 'interconnects')?.children ?? []) {
    if (el.name !== 'latency' && el.name !== 'bandwidth') continue;
    const initiatorAttr = attribute(el, 'initiator');
    const targetAttr = attribute(el, 'target');
    const cacheAttr = attribute(el, 'cache');
    const initiator = uintAttr(initiatorAttr);
    const target = uintAttr(targetAttr);
    const cache = cacheAttr ? uintAttr(cacheAttr) : 0;
    // Missing or non-numeric values are parse errors the schema reports.
    if (initiator === undefined || target === undefined || cache === undefined) continue;
    const link: HmatLink = { element: el, initiator, target, cache, type: attribute(el, 'type')?.value };
    const finding = linkProblem(link, { initiatorAttr: initiatorAttr!, targetAttr: targetAttr!, cacheAttr }, n, cells, seen);
    if (finding) report(finding);
    seen.push(link);
  }
}

type HmatReport = Parameters<DomainRuleContext<typeof messages>['report']>[0];

/** virDomainNumaDefValidate's checks of one link, in its order; the first that fails, as libvirt reports only that. */
function linkProblem(
  link: HmatLink,
  attrs: { initiatorAttr: XmlAttribute; targetAttr: XmlAttribute; cacheAttr: XmlAttribute | undefined },
  n: number,
  cells: ReadonlyMap<number, HmatCell>,
  earlier: readonly HmatLink[],
): HmatReport | undefined {
  const { element: el, initiator, target, cache } = link;
  const kind = el.name;
  const span = n === 1 ? 'only cell 0' : `cells 0-${n - 1}`;
  // "'initiator' refers to a non-existent NUMA node"
  if (initiator >= n) return { range: attrs.initiatorAttr.valueRange, messageId: 'initiatorMissing', data: { kind, node: initiator, cells: span } };
  // "'target' refers to a non-existent NUMA node"
  if (target >= n) return { range: attrs.targetAttr.valueRange, messageId: 'targetMissing', data: { kind, node: target, cells: span } };
  // "NUMA nodes without CPUs can't be initiator"
  if (cells.get(initiator)?.hasCpus === false) return { range: attrs.initiatorAttr.valueRange, messageId: 'initiatorNoCpus', data: { kind, node: initiator } };
  // "'cache' refers to a non-existent NUMA node cache"
  const targetCell = cells.get(target);
  if (cache > 0 && targetCell && !targetCell.cacheLevels.has(cache)) {
    return { range: attrs.cacheAttr!.valueRange, messageId: 'cacheMissing', data: { kind, cache, node: target } };
  }
  for (const prev of earlier) {
    // "Duplicate info for NUMA latencies" (bandwidths too): same element, initiator, target, cache and type.
    if (prev.element.name === kind && prev.initiator === initiator && prev.target === target && prev.cache === cache && prev.type === link.type) {
      return {
        range: el.startTag,
        messageId: 'duplicateLink',
        data: { kind, initiator, target },
        related: [{ range: prev.element.startTag, message: 'the same link, first described here' }],
      };
    }
    // "Link already defined": an earlier latency or bandwidth the other way, whatever its cache or type.
    if (initiator !== target && prev.initiator === target && prev.target === initiator) {
      return {
        range: el.startTag,
        messageId: 'reverseLink',
        data: { kind, initiator, target },
        related: [{ range: prev.element.startTag, message: `the ${target}→${initiator} link, described here` }],
      };
    }
  }
  return undefined;
}
