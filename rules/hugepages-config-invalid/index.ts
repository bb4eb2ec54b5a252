import { defineDomainRule } from '../../src/engine/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import type { HugepageSpec } from '../../src/model/domain.ts';
import { archPageSizes } from '../../src/model/hugepage-sizes.ts';
import { formatKiB } from '../../src/model/units.ts';
import { attribute } from '../../src/xml/query.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';

/** Domain types run by libvirt's QEMU driver (qemu_validate.c qemuValidateDomainDefMemory). */

export default defineDomainRule({
  meta: {
    id: 'hugepages-config-invalid',
    name: 'HugepagesConfigInvalid',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary:
      '<hugepages> that libvirt rejects: a page for a missing guest cell, overlapping or duplicate page sets, ondemand allocation or an anonymous memory source; or a page size the architecture lacks.',
    tags: ['hugepages', 'memory'],
    messages: {
      noSize: {
        message: '<page> has no size: libvirt rejects it at define time',
        help: "give the page size, e.g. size='2048' unit='KiB' (an empty <hugepages/> means the host's default size)",
      },
      noSuchSize: {
        message: '<page> asks for {{size}} hugepages, a size {{arch}} CPUs do not have: the guest does not start',
        help: 'use 2 MiB or 1 GiB pages (libvirt finds no hugetlbfs mount for any other size)',
      },
      secondGeneral: {
        message: 'a second <page> without nodeset: libvirt rejects this ("two master hugepages detected")',
        help: 'give each further <page> the nodeset of guest cells it backs',
      },
      missingCell: {
        message: '<page nodeset> names guest cell {{cell}}{{of}} but the guest has {{cells}}: libvirt rejects this ("hugepages: node {{cell}} not found")',
        help: 'name only cells the guest has',
      },
      noCells: {
        message: '<page nodeset> names guest cell {{cell}}{{of}} but the guest has no NUMA cells: libvirt rejects this ("hugepages: node {{cell}} not found")',
        help: 'the nodeset names guest cells, not host nodes: drop it, or give the guest NUMA cells',
      },
      missingCells: {
        message: '<page> nodesets name guest {{named}} but the guest has {{cells}}: libvirt rejects this ("hugepages: node {{cell}} not found")',
        help: 'name only cells the guest has',
      },
      noCellsMany: {
        message: '<page> nodesets name guest {{named}} but the guest has no NUMA cells: libvirt rejects this ("hugepages: node {{cell}} not found")',
        help: 'the nodesets name guest cells, not host nodes: drop them, or give the guest NUMA cells',
      },
      overlap: {
        message: 'two <page> elements both back guest {{cells}}: libvirt rejects this ("nodeset attribute of hugepages … intersect")',
        help: 'give each guest cell one page size',
      },
      ondemand: {
        message: "libvirt rejects <allocation mode='ondemand'> with hugepages: \"hugepages are not allowed with memory allocation ondemand\"",
        help: "drop <allocation> or use mode='immediate': libvirt preallocates hugepage-backed memory anyway",
      },
      anonymous: {
        message: "libvirt rejects <source type='anonymous'> with hugepages: \"hugepages are not allowed with anonymous memory source\"",
        help: "use type='file' or 'memfd', or drop <source>: hugepages need a file or memfd backing",
      },
    },
  },
  check({ domain, report }) {
    const mb = domain.memoryBacking;
    const hp = mb?.hugepages;
    if (!mb || !hp) return;
    const cells = domain.cpu?.cells.length ?? 0;
    const cellIds = cells === 0 ? undefined : CpuSet.range(0, cells - 1);
    // Pages that serve every cell. domain_postparse.c virDomainDefPostParseMemtune: without guest
    // cells a nodeset of exactly '0' is dropped, so that page serves the whole guest too.
    const nodesetOf = (p: HugepageSpec): CpuSet | undefined => {
      const set = p.nodeset?.set;
      return set && cellIds === undefined && set.equals(CpuSet.of(0)) ? undefined : set;
    };
    const arch = domain.devices.osType()?.arch;
    let general: HugepageSpec | undefined;
    const earlier: Array<{ page: HugepageSpec; set: CpuSet }> = [];
    const missingCells: Array<{ range: { start: number; end: number }; missing: CpuSet }> = [];
    for (const page of hp.pages) {
      // virDomainHugepagesParseXML: size is required.
      if (!page.sizeAttr) {
        report({ range: page.element.startTag, messageId: 'noSize' });
      }
      // qemu_conf.c qemuGetDomainHupageMemPath: no kernel has a hugetlbfs mount of a size the CPU lacks
      // ("Unable to find any usable hugetlbfs mount for N KiB"), whatever the host. Decimal units are hugepage-size-decimal-unit's.
      const archSizes = archPageSizes(arch);
      if (archSizes && page.sizeKiB !== undefined && !page.decimalUnit && !archSizes.has(page.sizeKiB)) {
        const size = attribute(page.element, 'size');
        report({ range: size?.valueRange ?? page.element.startTag, messageId: 'noSuchSize', data: { size: formatKiB(page.sizeKiB), arch: 'x86' } });
      }
      if (page.nodeset && !page.nodeset.set) continue; // cpuset-syntax reports it
      const set = nodesetOf(page);
      if (!set) {
        if (general) {
          report({ range: page.element.startTag, messageId: 'secondGeneral' });
        }
        general ??= page;
        continue;
      }
      // domain_validate.c virDomainDefMemtuneValidate: the nodeset names guest cells, which must exist and not be shared.
      const missing = cellIds ? set.subtract(cellIds) : set;
      if (!missing.isEmpty) {
        missingCells.push({ range: page.nodeset!.attr.valueRange, missing });
        continue;
      }
      const clash = earlier.find((e) => e.set.intersects(set));
      if (clash) {
        report({
          range: page.nodeset!.attr.valueRange,
          messageId: 'overlap',
          data: { cells: describeCells(clash.set.intersect(set)) },
        });
      }
      earlier.push({ page, set });
    }

    // Pages naming cells the guest lacks are one cause (cells removed, or host nodes written as guest cells), one
    // finding at the first, the others related: libvirt stops at the first.
    if (missingCells.length > 0) {
      const [first, ...rest] = missingCells;
      const have = cells === 1 ? 'one cell (0)' : `cells 0-${cells - 1}`;
      if (rest.length === 0) {
        const data = { cell: first!.missing.min!, of: first!.missing.size > 1 ? ` (of ${first!.missing.toString()})` : '' };
        if (cellIds) report({ range: first!.range, messageId: 'missingCell', data: { ...data, cells: have } });
        else report({ range: first!.range, messageId: 'noCells', data });
      } else {
        const all = missingCells.reduce((acc, m) => acc.union(m.missing), CpuSet.empty);
        // libvirt names the first cell it cannot find, in the first page's nodeset.
        const data = { named: describeCells(all), cell: first!.missing.min! };
        const related = rest.map((m) => ({ range: m.range, message: `<page nodeset> names ${describeCells(m.missing)} here` }));
        if (cellIds) report({ range: first!.range, messageId: 'missingCells', data: { ...data, cells: have }, related });
        else report({ range: first!.range, messageId: 'noCellsMany', data, related });
      }
    }

    if (!runsOnQemu(domain)) return;
    // qemu_validate.c qemuValidateDomainDefMemory. (memfd with hugepages is accepted by every QEMU since 4.0.)
    if (mb.allocation?.mode === 'ondemand') {
      const a = attribute(mb.allocation.element, 'mode')!;
      report({ range: a.valueRange, messageId: 'ondemand' });
    }
    if (mb.source?.type === 'anonymous') {
      const t = attribute(mb.source.element, 'type')!;
      report({ range: t.valueRange, messageId: 'anonymous' });
    }
  },
});

function describeCells(set: CpuSet): string {
  return `${set.size === 1 ? 'cell' : 'cells'} ${set.toString()}`;
}
