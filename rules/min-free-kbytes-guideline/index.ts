import { defineRule } from '../../src/engine/types.ts';
import { formatKiB } from '../../src/model/units.ts';
import { locateJsonKey } from '../../src/json/document.ts';

/** Documentation/admin-guide/sysctl/vm.rst: "Setting this too low will ... render the system subtly broken" below 1024 KB. */
const KERNEL_FLOOR_KB = 1024;

export default defineRule({
  meta: {
    id: 'min-free-kbytes-guideline',
    name: 'MinFreeKbytesGuideline',
    severity: 'warning',
    severities: ['warning', 'error'],
    type: 'suggestion',
    needs: 'host',
    fixable: false,
    hasSuggestions: false,
    summary: 'vm.min_free_kbytes above the tuning guide\'s 2% of RAM (warning), or below the kernel\'s 1024 KB floor (error).',
    tags: ['memory', 'sysctl'],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { maxPercent: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'Warn above this share of total memory (default 2).' } },
    },
  },
  checkPlan(ctx) {
    const host = ctx.host.model;
    const value = host.minFreeKbytes;
    if (value === undefined) return;
    const maxPercent = typeof ctx.options.maxPercent === 'number' ? ctx.options.maxPercent : 2;
    // Located only for a finding: most hosts of a fleet have none.
    const range = () => locateJsonKey(ctx.host.text, 'vm.minFreeKbytes');
    const totalKiB = host.nodes.reduce((a, n) => a + (n.memTotalKiB ?? 0), 0);
    if (value < KERNEL_FLOOR_KB) {
      const range1to2 = totalKiB > 0 ? `, ${Math.floor(totalKiB / 100)}–${Math.floor((totalKiB * maxPercent) / 100)} KiB on this host` : '';
      ctx.reportHost({
        range: range(),
        severity: 'error',
        message:
          `vm.min_free_kbytes=${value} is below ${KERNEL_FLOOR_KB}: the kernel documentation (sysctl/vm) warns that the system becomes subtly broken ` +
          `and prone to deadlock under high load; raise it to at least ${KERNEL_FLOOR_KB} (the tuning guide suggests 1–${maxPercent}% of RAM${range1to2})`,
      });
      return;
    }
    if (totalKiB === 0) return;
    const limit = Math.floor((totalKiB * maxPercent) / 100);
    if (value > limit) {
      ctx.reportHost({
        range: range(),
        message:
          `vm.min_free_kbytes=${value} (${formatKiB(value)}) is ${((value / totalKiB) * 100).toFixed(1)}% of the host's ${formatKiB(totalKiB)}, above the ${maxPercent}% guideline (${limit} KiB): ` +
          `that memory is held back from guests and raises every node's watermarks; 1–${maxPercent}% of RAM is the tuning guide's advice (not a kernel limit)`,
      });
    }
  },
});
