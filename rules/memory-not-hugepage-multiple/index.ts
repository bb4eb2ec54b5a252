import { defineDomainRule } from '../../src/engine/types.ts';
import { characterDataRange, setSize } from '../../src/engine/edit.ts';
import type { XmlAttribute } from '../../src/xml/types.ts';
import { attribute } from '../../src/xml/query.ts';
import { memoryDevicesKiB } from '../../src/model/guest-numa.ts';
import { archPageSizes } from '../../src/model/hugepage-sizes.ts';
import { hugepageBacking } from '../../src/model/numa.ts';
import { formatKiB } from '../../src/model/units.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';

/** One hugepage-backed memory region: a guest cell, or the guest's initial memory when it has no cells. */
interface Region {
  what: string;
  kib: number;
  cellId: number | undefined;
  /** Where the size is written, and what the written value adds to `kib` (memory devices, for <memory>). */
  valueRange: { start: number; end: number };
  /** The value's own characters, for a fix (undefined: the value is split by a comment, no fix). */
  fixRange: { start: number; end: number } | undefined;
  unitAttr: XmlAttribute | undefined;
  extraKiB: number;
}

/** Below this share of the region, the unused part of the last page is an info note. */
const SMALL_WASTE_SHARE = 0.01;

export default defineDomainRule({
  meta: {
    id: 'memory-not-hugepage-multiple',
    name: 'MemoryNotHugepageMultiple',
    severity: 'warning',
    severities: ['warning', 'error', 'info'],
    type: 'problem',
    fixable: false,
    hasSuggestions: true,
    summary: 'Hugepage-backed guest memory (a cell, or the whole guest) that is not a whole number of pages; an error below one page, an info note when under 1% of it goes unused.',
    tags: ['hugepages', 'memory'],
    messages: {
      belowOnePage: {
        message: '{{what}} is {{size}}, less than one {{page}} hugepage{{hostDefault}}: QEMU refuses to start',
        help: 'use at least {{page}}, or smaller pages',
      },
      notMultiple: {
        message: '{{what}} is {{size}}: {{pages}} × {{page}} hugepages{{hostDefault}} and {{rest}}; QEMU takes {{next}} pages, {{waste}} unused',
        help: 'make it {{down}} or {{up}}',
      },
      setTo: { message: 'set {{what}} to {{size}} ({{pages}})' },
    },
  },
  check({ domain, host, source, report }) {
    // Rounding to whole pages is QEMU's (file_ram_alloc); libvirt's Xen and LXC drivers have no hugepage backing.
    if (!domain.memoryBacking?.hugepages || !runsOnQemu(domain)) return;
    for (const r of regions(domain)) {
      const backing = hugepageBacking(domain, r.cellId);
      if (!backing) continue;
      const spec = backing.spec;
      // A page without a (valid) size or in a decimal unit is another rule's finding; no multiple to check.
      if (spec && (!spec.sizeAttr || spec.sizeKiB === undefined || spec.decimalUnit)) continue;
      // <hugepages/> without <page>: the host's default size, known only with a host snapshot.
      const page = spec?.sizeKiB ?? host?.model.defaultHugepageSizeKiB;
      if (!page) continue;
      // A size the architecture lacks (5 MiB on x86) is hugepages-config-invalid's: the guest does not start at all.
      const archSizes = archPageSizes(domain.devices.osType()?.arch);
      if (archSizes && !archSizes.has(page)) continue;
      const rest = r.kib % page;
      if (rest === 0) continue;
      const pages = Math.floor(r.kib / page);
      const hostDefault = spec ? '' : " (the host's default)";
      const up = (pages + 1) * page;
      const fixRange = r.fixRange;
      const suggest = (kib: number) =>
        fixRange && {
          messageId: 'setTo' as const,
          data: { what: r.what, size: formatKiB(kib), pages: `${kib / page} page${kib === page ? '' : 's'}` },
          fix: setSize(source.text, fixRange, r.unitAttr, kib + r.extraKiB),
        };
      if (pages === 0) {
        report({
          range: r.valueRange,
          severity: 'error',
          // QEMU: "memory size … must be equal to or larger than page size".
          messageId: 'belowOnePage',
          data: { what: r.what, size: formatKiB(r.kib), page: formatKiB(page), hostDefault },
          suggestions: fixRange ? [suggest(up)!] : undefined,
        });
        continue;
      }
      report({
        range: r.valueRange,
        // The cost is the part of the extra page left unused: under 1% of the region (64 KiB of a 2 MiB page
        // behind an 8 GiB guest) it is a note, not a problem; a half-used 1 GiB page is.
        severity: (page - rest) / r.kib < SMALL_WASTE_SHARE ? 'info' : undefined,
        // QEMU's file_ram_alloc rounds a hugetlbfs-backed region up to whole pages.
        messageId: 'notMultiple',
        data: {
          what: r.what,
          size: formatKiB(r.kib),
          pages,
          page: formatKiB(page),
          hostDefault,
          rest: formatKiB(rest),
          next: pages + 1,
          waste: formatKiB(page - rest),
          down: formatKiB(pages * page),
          up: formatKiB(up),
        },
        suggestions: fixRange ? [suggest(up)!, suggest(pages * page)!] : undefined,
      });
    }
  },
});

function regions(d: Parameters<typeof hugepageBacking>[0]): Region[] {
  const cells = d.cpu?.cells ?? [];
  if (cells.length > 0) {
    return cells
      .filter((c) => c.memoryKiB !== undefined && c.memoryAttr !== undefined && c.id !== undefined)
      .map((c) => ({ what: `guest cell ${c.id}'s memory`, kib: c.memoryKiB!, cellId: c.id, valueRange: c.memoryAttr!.valueRange, fixRange: c.memoryAttr!.valueRange, unitAttr: c.unitAttr, extraKiB: 0 }));
  }
  const memory = d.memory;
  if (!memory) return [];
  // Memory devices (which need <maxMemory>) have backends of their own; the rest is the guest's initial memory.
  const devices = d.maxMemory ? memoryDevicesKiB(d) : { kib: 0, count: 0 };
  if (!devices || memory.kib <= devices.kib) return [];
  const what = devices.count > 0 ? "the guest's initial memory (without memory devices)" : '<memory>';
  return [{ what, kib: memory.kib - devices.kib, cellId: undefined, valueRange: memory.range, fixRange: characterDataRange(memory.element), unitAttr: attribute(memory.element, 'unit'), extraKiB: devices.kib }];
}
