import { defineDomainRule } from '../../src/engine/types.ts';
import { replaceAttributeValue } from '../../src/engine/edit.ts';
import { excerpt } from '../../src/model/describe.ts';
import { binaryCounterpart, formatKiB, scaleToKiB } from '../../src/model/units.ts';

export default defineDomainRule({
  meta: {
    id: 'hugepage-size-decimal-unit',
    name: 'HugepageSizeDecimalUnit',
    severity: 'error',
    type: 'problem',
    fixable: true,
    hasSuggestions: true,
    summary: "A hugepage size in a decimal unit (GB, MB, KB): size='1' unit='GB' is 976,563 KiB, which is no page size.",
    tags: ['hugepages', 'units'],
    messages: {
      decimalUnit: {
        message: "page size='{{size}}' unit='{{unit}}' is {{kib}} ({{unit}} is a power of 1000), no page size: the domain fails to start",
        help: "write unit='{{binary}}' for {{meant}} pages",
      },
      notAPageSize: {
        message: "page size='{{size}}' unit='{{unit}}' is {{kib}} ({{unit}} is a power of 1000), no page size: the domain fails to start",
        help: 'give the size of a real page (2048 KiB or 1 GiB on x86) in KiB, M or G',
      },
      useBinary: { message: "use unit='{{binary}}' ({{meant}}, not a power of two)" },
    },
  },
  check({ domain, report }) {
    for (const page of domain.memoryBacking?.hugepages?.pages ?? []) {
      if (!page.decimalUnit || !page.unitAttr || !page.sizeAttr || page.sizeKiB === undefined) continue;
      const unit = page.unitAttr.value;
      const binary = binaryCounterpart(unit)!;
      const meant = scaleToKiB(page.sizeAttr.value, binary);
      const meantKiB = meant.ok ? meant.value : undefined;
      // A decimal size is never a power of two; the binary reading is the page size only when it is one.
      const isPageSize = meantKiB !== undefined && meantKiB >= 4 && (BigInt(meantKiB) & BigInt(meantKiB - 1)) === 0n;
      const change = replaceAttributeValue(page.unitAttr, binary);
      const at = { size: excerpt(page.sizeAttr.value, 16), unit: excerpt(unit, 8), kib: formatKiB(page.sizeKiB) };
      if (isPageSize) {
        // Safe only when the binary reading is a page size: then it is the one thing the author can have meant.
        report({ range: page.unitAttr.valueRange, messageId: 'decimalUnit', data: { ...at, binary, meant: formatKiB(meantKiB!) }, fix: change });
      } else {
        report({
          range: page.unitAttr.valueRange,
          messageId: 'notAPageSize',
          data: at,
          suggestions: meantKiB === undefined ? undefined : [{ messageId: 'useBinary', data: { binary, meant: formatKiB(meantKiB) }, fix: change }],
        });
      }
    }
  },
});
