import { defineHostRule } from '../../src/engine/types.ts';
import { archPageSizes, hostHasHugepageSize, hostHugepageSizes } from '../../src/model/hugepage-sizes.ts';
import { formatKiB } from '../../src/model/units.ts';
import { attribute } from '../../src/xml/query.ts';

export default defineHostRule({
  meta: {
    id: 'hugepage-size-unavailable',
    name: 'HugepageSizeUnavailable',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A domain asks for a hugepage size the host has no pool of at all, so libvirt finds no hugetlbfs mount for it.',
    tags: ['hugepages', 'memory', 'host'],
    messages: {
      noSizes: { message: 'the snapshot lists no hugepage sizes (its source cannot provide them): hugepage-size-unavailable is not checked' },
      noDefaultPool: {
        message: "<hugepages/> asks for the host's default hugepage size but the host has {{have}}: the guest does not start",
        help: 'reserve hugepages on the host, or drop <hugepages/>',
      },
      noPool: {
        message: '<page> asks for {{size}} hugepages but the host has {{have}}: the guest does not start',
        help: "use one of the host's sizes, or boot the host with {{cmdline}} (if the CPU supports it) and reserve pages",
      },
    },
  },
  check({ domain, host, report, reportHostOnce }) {
    const hp = domain.memoryBacking?.hugepages;
    if (!hp) return;
    const h = host.model;
    const sizes = hostHugepageSizes(h);
    if (sizes === undefined) {
      reportHostOnce('no-sizes', { unchecked: true, messageId: 'noSizes' });
      return;
    }
    // Worded only for a finding: most guests have none.
    const haveText = () => (sizes.size === 0 ? 'no hugepage sizes at all' : `pools of ${[...sizes].sort((a, b) => a - b).map(formatKiB).join(', ')}`);
    const cmdline = (kib: number) => `hugepagesz=${kib % 1048576 === 0 ? `${kib / 1048576}G` : kib % 1024 === 0 ? `${kib / 1024}M` : `${kib}K`}`;

    if (hp.pages.length === 0) {
      // <hugepages/> alone: libvirt's default hugetlbfs mount, i.e. the host's default hugepage size.
      if (sizes.size > 0) return;
      // libvirt finds no hugetlbfs mount for it.
      report({ range: hp.element.startTag, messageId: 'noDefaultPool', data: { have: haveText() } });
      return;
    }
    for (const page of hp.pages) {
      // A size in a decimal unit (1 GB = 976563 KiB) is hugepage-size-decimal-unit's; an unparsable size is value-invalid's.
      if (page.sizeKiB === undefined || page.decimalUnit) continue;
      // A size the architecture lacks altogether (5 MiB on x86) is hugepages-config-invalid's.
      const archSizes = archPageSizes(domain.devices.osType()?.arch);
      if (archSizes && !archSizes.has(page.sizeKiB)) continue;
      if (hostHasHugepageSize(h, page.sizeKiB) !== false) continue;
      const size = attribute(page.element, 'size');
      // The kernel has no pool of that size, so libvirt finds no hugetlbfs mount for it.
      report({
        range: size?.valueRange ?? page.element.startTag,
        messageId: 'noPool',
        data: { size: formatKiB(page.sizeKiB), have: haveText(), cmdline: cmdline(page.sizeKiB) },
      });
    }
  },
});
