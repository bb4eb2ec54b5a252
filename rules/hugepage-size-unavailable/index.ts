import { defineRule } from '../../src/engine/types.ts';
import { hostHasHugepageSize, hostHugepageSizes } from '../../src/model/hugepage-sizes.ts';
import { formatKiB } from '../../src/model/units.ts';
import { attribute } from '../../src/xml/query.ts';

export default defineRule({
  meta: {
    id: 'hugepage-size-unavailable',
    name: 'HugepageSizeUnavailable',
    severity: 'error',
    type: 'problem',
    needs: 'host',
    fixable: false,
    hasSuggestions: false,
    summary: 'A domain asks for a hugepage size the host has no pool of at all, so libvirt finds no hugetlbfs mount for it.',
    tags: ['hugepages', 'memory', 'host'],
  },
  checkDomain({ domain, host, report, reportHostOnce }) {
    const hp = domain.memoryBacking?.hugepages;
    if (!host || !hp) return;
    const h = host.model;
    const sizes = hostHugepageSizes(h);
    if (sizes === undefined) {
      reportHostOnce('no-sizes', { severity: 'info', message: 'the snapshot lists no hugepage sizes (its source cannot provide them): hugepage-size-unavailable is not checked' });
      return;
    }
    const have = [...sizes].sort((a, b) => a - b);
    const haveText = have.length === 0 ? 'no hugepage sizes at all' : `pools of ${have.map(formatKiB).join(', ')}`;
    const cmdline = (kib: number) => `hugepagesz=${kib % 1048576 === 0 ? `${kib / 1048576}G` : kib % 1024 === 0 ? `${kib / 1024}M` : `${kib}K`}`;

    if (hp.pages.length === 0) {
      // <hugepages/> alone: libvirt's default hugetlbfs mount, i.e. the host's default hugepage size.
      if (have.length > 0) return;
      report({
        range: hp.element.startTag,
        message:
          `<hugepages/> asks for the host's default hugepage size, but the host has ${haveText}: libvirt finds no hugetlbfs mount ` +
          `and the guest does not start; reserve hugepages on the host or drop <hugepages/>`,
      });
      return;
    }
    for (const page of hp.pages) {
      // A size in a decimal unit (1 GB = 976563 KiB) is hugepage-size-decimal-unit's; an unparsable size is value-invalid's.
      if (page.sizeKiB === undefined || page.decimalUnit) continue;
      if (hostHasHugepageSize(h, page.sizeKiB) !== false) continue;
      const size = attribute(page.element, 'size');
      report({
        range: size?.valueRange ?? page.element.startTag,
        message:
          `<page> asks for ${formatKiB(page.sizeKiB)} hugepages, but the host has ${haveText}: the kernel has no pool of that size, ` +
          `so libvirt finds no hugetlbfs mount for it and the guest does not start; ` +
          `use one of the host's sizes, or boot the host with ${cmdline(page.sizeKiB)} (if the CPU supports that size) and reserve pages of it`,
      });
    }
  },
});
