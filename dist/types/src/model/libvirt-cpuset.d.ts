/**
 * libvirt's cpuset / nodeset grammar, as parsed by virBitmapParse
 * (src/util/virbitmap.c, virBitmapParseInternal with limited=true).
 *
 * Items are separated by commas and applied left to right:
 *   `N`    set bit N
 *   `N-M`  set bits N..M (M >= N)
 *   `^N`   clear bit N (only a single number: `^N-M` is rejected)
 * so `^2,1-4` is {1,2,3,4} and `1-4,^2` is {1,3,4}.
 */
import { CpuSet } from './cpuset.js';
import { type Parsed } from './parsed.js';
/** VIR_DOMAIN_CPUMASK_LEN (src/conf/domain_conf.h): the bitmap size libvirt passes to virBitmapParse for cpusets and nodesets. */
export declare const LIBVIRT_CPUMASK_LEN = 16384;
export interface LibvirtCpusetOptions {
    /** Bitmap size: every id must be below it, as virBitmapSetBit/ClearBit fail at `b >= nbits`. Default LIBVIRT_CPUMASK_LEN. */
    maxLen?: number;
}
/**
 * Why a valid value is not in the form virBitmapFormat writes, in ways a reader
 * can misjudge: `order` — an item starts below the item before it (`8-11,0-3`);
 * `repeat` — an item adds ids the set already holds (`0-3,2`, `1,1`); `sign` — a
 * range end written with a sign (`0-+3`), which strtol accepts. Merely listing
 * ids one by one (`1,2,3` for `1-3`) is not reported: it reads the same.
 */
export type CpusetUntidiness = 'order' | 'repeat' | 'sign';
/** A parse result; on success it may also say how the text strays from the canonical form. */
export type LibvirtCpusetParse = Parsed<CpuSet> & {
    /** Set when the value parsed but is untidy (see CpusetUntidiness). */
    untidy?: CpusetUntidiness[];
    /** Ids of `^N` items that removed nothing yet are in the result (the `^N`-before-its-range case). */
    idleExclusions?: number[];
};
/**
 * Parses a libvirt cpuset or nodeset value. Errors point at the offending item.
 * An empty result is an error: virBitmapParse itself accepts it, but every caller
 * in domain_conf.c rejects an all-clear bitmap ("Invalid value of 'cpuset'").
 */
export declare function parseLibvirtCpuset(text: string, opts?: LibvirtCpusetOptions): LibvirtCpusetParse;
/** The canonical form virBitmapFormat prints: ascending, runs as `N-M`, e.g. `0-3,8,10-11`; empty for an empty set. */
export declare function formatLibvirtCpuset(set: CpuSet): string;
