import { defineRule } from '../../src/engine/types.ts';
import { replaceAttributeValue } from '../../src/engine/edit.ts';
import { excerpt } from '../../src/model/describe.ts';
import { binaryCounterpart, formatKiB, scaleToKiB } from '../../src/model/units.ts';

export default defineRule({
  meta: {
    id: 'hugepage-size-decimal-unit',
    name: 'HugepageSizeDecimalUnit',
    severity: 'error',
    type: 'problem',
    needs: 'domain',
    fixable: true,
    hasSuggestions: true,
    summary: "A hugepage size in a decimal unit (GB, MB, KB): size='1' unit='GB' is 976,563 KiB, which is no page size.",
    tags: ['hugepages', 'units'],
  },
  checkDomain({ domain, report }) {
    for (const page of domain.memoryBacking?.hugepages?.pages ?? []) {
      if (!page.decimalUnit || !page.unitAttr || !page.sizeAttr || page.sizeKiB === undefined) continue;
      const unit = page.unitAttr.value;
      const binary = binaryCounterpart(unit)!;
      const meant = scaleToKiB(page.sizeAttr.value, binary);
      const meantKiB = meant.ok ? meant.value : undefined;
      // A decimal size is never a power of two; the binary reading is the page size only when it is one.
      const isPageSize = meantKiB !== undefined && meantKiB >= 4 && (BigInt(meantKiB) & BigInt(meantKiB - 1)) === 0n;
      const change = replaceAttributeValue(page.unitAttr, binary);
      report({
        range: page.unitAttr.valueRange,
        message:
          `page size='${excerpt(page.sizeAttr.value, 16)}' unit='${excerpt(unit, 8)}' is ${formatKiB(page.sizeKiB)}, not a page size: libvirt reads KB, MB and GB as powers of 1000, ` +
          `so the domain fails to start (no hugetlbfs mount has ${page.sizeKiB} KiB pages); ` +
          (isPageSize ? `write unit='${binary}' for ${formatKiB(meantKiB!)} pages` : `give the size of a real page (2048 KiB or 1 GiB on x86) in KiB, M or G`),
        // Safe only when the binary reading is a page size: then it is the one thing the author can have meant.
        fix: isPageSize ? change : undefined,
        suggestions: isPageSize || meantKiB === undefined ? undefined : [{ message: `use unit='${binary}' (${formatKiB(meantKiB)}, not a power of two)`, fix: change }],
      });
    }
  },
});
