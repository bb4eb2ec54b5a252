import { defineRule } from '../../src/engine/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import type { HugepageSpec } from '../../src/model/domain.ts';
import { attribute } from '../../src/xml/query.ts';

/** Domain types run by libvirt's QEMU driver (qemu_validate.c qemuValidateDomainDefMemory). */
const QEMU_TYPES: ReadonlySet<string> = new Set(['kvm', 'qemu', 'hvf']);

export default defineRule({
  meta: {
    id: 'hugepages-config-invalid',
    name: 'HugepagesConfigInvalid',
    severity: 'error',
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: '<hugepages> that libvirt rejects: a page for a missing guest cell, overlapping or duplicate page sets, ondemand allocation or an anonymous memory source.',
    tags: ['hugepages', 'memory'],
  },
  checkDomain({ domain, report }) {
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
    let general: HugepageSpec | undefined;
    const earlier: Array<{ page: HugepageSpec; set: CpuSet }> = [];
    for (const page of hp.pages) {
      // virDomainHugepagesParseXML: size is required.
      if (!page.sizeAttr) {
        report({ range: page.element.startTag, message: "<page> has no size: libvirt rejects it; give the page size, e.g. size='2048' unit='KiB' (an empty <hugepages/> means the host's default size)" });
      }
      if (page.nodeset && !page.nodeset.set) continue; // cpuset-syntax reports it
      const set = nodesetOf(page);
      if (!set) {
        if (general) {
          report({ range: page.element.startTag, message: `a second <page> without nodeset: libvirt allows one page size for all cells ("two master hugepages detected") and rejects the domain; give each further <page> the nodeset of guest cells it backs` });
        }
        general ??= page;
        continue;
      }
      // domain_validate.c virDomainDefMemtuneValidate: the nodeset names guest cells, which must exist and not be shared.
      const missing = cellIds ? set.subtract(cellIds) : set;
      if (!missing.isEmpty) {
        report({
          range: page.nodeset!.attr.valueRange,
          message:
            `<page nodeset> names guest cell ${missing.min}${missing.size > 1 ? ` (of ${missing.toString()})` : ''}, but ` +
            (cellIds ? `the guest has ${cells === 1 ? 'one cell (0)' : `cells 0-${cells - 1}`}` : 'the guest has no NUMA cells (the nodeset names guest cells, not host nodes)') +
            `: libvirt rejects the domain ("hugepages: node ${missing.min} not found")`,
        });
        continue;
      }
      const clash = earlier.find((e) => e.set.intersects(set));
      if (clash) {
        report({
          range: page.nodeset!.attr.valueRange,
          message: `two <page> elements both back guest ${describeCells(clash.set.intersect(set))}: libvirt rejects overlapping page nodesets ("nodeset attribute of hugepages … intersect"); give each cell one page size`,
        });
      }
      earlier.push({ page, set });
    }

    if (domain.type !== undefined && !QEMU_TYPES.has(domain.type)) return;
    // qemu_validate.c qemuValidateDomainDefMemory. (memfd with hugepages is accepted by every QEMU since 4.0.)
    if (mb.allocation?.mode === 'ondemand') {
      const a = attribute(mb.allocation.element, 'mode')!;
      report({ range: a.valueRange, message: "hugepages with <allocation mode='ondemand'>: libvirt's QEMU driver rejects the domain (\"hugepages are not allowed with memory allocation ondemand\"); libvirt preallocates hugepage-backed memory anyway, so drop the allocation element or use mode='immediate'" });
    }
    if (mb.source?.type === 'anonymous') {
      const t = attribute(mb.source.element, 'type')!;
      report({ range: t.valueRange, message: "hugepages with <source type='anonymous'>: libvirt's QEMU driver rejects the domain (\"hugepages are not allowed with anonymous memory source\"); hugepages need a file or memfd backing, so use type='file' or 'memfd', or drop <source>" });
    }
  },
});

function describeCells(set: CpuSet): string {
  return `${set.size === 1 ? 'cell' : 'cells'} ${set.toString()}`;
}
