/**
 * tuned's cpu list grammar, as unpacked by cpulist_unpack (tuned/utils/commands.py),
 * which the cpu-partitioning and realtime profiles apply to `isolated_cores`.
 *
 * The value is split on commas; each item is
 *   `N` or `A-B`        decimal (Python int(): surrounding whitespace, '+', '_' between digits)
 *   `^N`, `!N`, `^A-B`  negation, only when '^' / '!' is the item's first character
 *   `0x...`             hex mask; the items after it are glued on (commas dropped)
 *                       until an empty item, so `0xf,0` is 0xf0 and `0xf,,6` is 0xf plus 6
 * Negations are subtracted after everything else, wherever they appear.
 */
import { CpuSet } from './cpuset.js';
import { type Parsed } from './parsed.js';
/**
 * Parses a tuned cpu list. Where tuned's cpulist_unpack gives up on the whole list
 * (a ValueError: it then returns no CPUs at all) this returns an error at that item.
 * Quirks that tuned survives are notes: an invalid hex mask is logged and ignored,
 * a descending range adds nothing, `A-B-C` ignores `-C`.
 * CPU ids at or above KERNEL_MAX_NR_CPUS are errors: no kernel has them, and tuned
 * would try to expand such a range into a list.
 */
export declare function parseTunedCpuList(text: string): Parsed<CpuSet>;
