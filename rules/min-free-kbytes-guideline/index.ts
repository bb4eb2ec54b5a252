import { definePlanRule } from '../../src/engine/types.ts';
import { formatKiB } from '../../src/model/units.ts';
import { locateJsonKey } from '../../src/json/document.ts';

/** Documentation/admin-guide/sysctl/vm.rst: "Setting this too low will ... render the system subtly broken" below 1024 KB. */
const KERNEL_FLOOR_KB = 1024;

// A finding about the host itself, once per host: a plan rule (a host rule would run once per domain).
export default definePlanRule({
  meta: {
    id: 'min-free-kbytes-guideline',
    name: 'MinFreeKbytesGuideline',
    severity: 'warning',
    severities: ['warning', 'error'],
    type: 'suggestion',
    fixable: false,
    hasSuggestions: false,
    summary: 'vm.min_free_kbytes above the tuning guide\'s 2% of RAM (warning), or below the kernel\'s 1024 KB floor (error).',
    tags: ['memory', 'sysctl'],
    messages: {
      belowFloor: {
        message: "vm.min_free_kbytes={{value}} is below the kernel's {{floor}} KB floor: the host can deadlock under high load",
        help: 'raise it to at least {{floor}} (the tuning guide suggests 1–{{maxPercent}}% of RAM{{range}})',
      },
      aboveGuideline: {
        message: "vm.min_free_kbytes={{value}} ({{size}}) is {{percent}}% of the host's {{total}}, above the {{maxPercent}}% guideline",
        help: "lower it to {{limit}} KiB or less: the excess is held back from guests and raises every node's watermarks",
      },
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { maxPercent: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'Warn above this share of total memory (default 2).' } },
    },
  },
  check(ctx) {
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
        messageId: 'belowFloor',
        data: { value, floor: KERNEL_FLOOR_KB, maxPercent, range: range1to2 },
      });
      return;
    }
    if (totalKiB === 0) return;
    const limit = Math.floor((totalKiB * maxPercent) / 100);
    if (value > limit) {
      ctx.reportHost({
        range: range(),
        messageId: 'aboveGuideline',
        data: { value, size: formatKiB(value), percent: ((value / totalKiB) * 100).toFixed(1), total: formatKiB(totalKiB), maxPercent, limit },
      });
    }
  },
});
