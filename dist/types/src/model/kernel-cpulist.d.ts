/**
 * The kernel's "cpu list" grammar (Documentation/admin-guide/kernel-parameters.rst
 * "cpu lists"; lib/bitmap-str.c bitmap_parselist), the isolcpus= flag prefix
 * (kernel/sched/isolation.c housekeeping_isolcpus_setup) and the command line
 * splitter (lib/cmdline.c next_arg, kernel/params.c parse_args).
 */
import { CpuSet } from './cpuset.js';
import { type Parsed } from './parsed.js';
/**
 * The largest CONFIG_NR_CPUS a mainstream architecture allows (x86_64 with MAXSMP).
 * Used as the bitmap width when the caller knows nothing about the host, so ids
 * no kernel could hold are rejected instead of expanded.
 */
export declare const KERNEL_MAX_NR_CPUS = 8192;
export interface KernelCpuListOptions {
    /** nr_cpu_ids of the host: `N` is nr_cpu_ids-1 and `all` is 0-N. */
    nrCpuIds?: number;
    /**
     * Width of the cpumask being parsed (nr_cpumask_bits). Ids at or above it make
     * bitmap_parselist fail with -ERANGE, and `N` is width-1. Current kernels use
     * nr_cpu_ids; kernels without CONFIG_CPUMASK_OFFSTACK used to use NR_CPUS.
     * Default: nrCpuIds, else KERNEL_MAX_NR_CPUS (with `N`/`all` then an error).
     */
    nbits?: number;
}
/**
 * Parses a kernel cpu list (isolcpus, nohz_full, rcu_nocbs, irqaffinity, sysfs lists)
 * exactly as bitmap_parselist does: regions `A`, `A-B`, `A-B:used/group`, `N`, `all`
 * (any case), separated by commas or whitespace; empty regions are skipped and an
 * empty list is an empty set. A newline right after a region ends the list.
 */
export declare function parseKernelCpuList(text: string, opts?: KernelCpuListOptions): Parsed<CpuSet>;
/** Flags isolcpus= understands (kernel/sched/isolation.c); `nohz` is the same isolation as nohz_full=. */
export type IsolcpusFlag = 'nohz' | 'domain' | 'managed_irq';
export interface IsolcpusValue {
    /** Recognised flags in the order given, without repeats; `['domain']` when none is given. */
    flags: string[];
    cpus: CpuSet;
}
/**
 * Parses an isolcpus= value: flags, each followed by a comma, then a cpu list.
 * Mirrors housekeeping_isolcpus_setup: while the text starts with a letter it is a
 * flag; an unknown flag made of letters and '_' is skipped (notes say so), one with
 * any other character makes the kernel ignore the whole parameter (error here).
 * So a list that starts with a letter (`all`, `N`) is eaten as an unknown flag:
 * reported as an error, since the kernel then reads past the value.
 */
export declare function parseIsolcpus(text: string, opts?: KernelCpuListOptions): Parsed<IsolcpusValue>;
export interface KernelParam {
    key: string;
    value: string | undefined;
}
/**
 * Splits a kernel command line into parameters as parse_args/next_arg do:
 * whitespace separates, double quotes protect spaces (`key="a b"` gives `a b`,
 * `"key=a b"` too) and cannot be escaped; `key` without `=` has value undefined;
 * a bare `--` ends the kernel's parameters (the rest goes to init).
 */
export declare function parseKernelCmdline(cmdline: string): KernelParam[];
/** Every value given for `key`, in command line order (undefined for a bare `key`). */
export declare function cmdlineParamValues(params: readonly KernelParam[], key: string): Array<string | undefined>;
/**
 * The value of the LAST `key` on the command line, undefined when absent or bare.
 *
 * Each occurrence runs the parameter's setup function again (init/main.c
 * obsolete_checksetup), so "last wins" holds for parameters whose setup simply
 * overwrites its mask (irqaffinity=, rcu_nocbs=). It does NOT hold for isolcpus=
 * and nohz_full=: housekeeping_setup (kernel/sched/isolation.c) keeps the first
 * value that parses, and a later one covering the same isolation type must give
 * the same CPUs or is ignored with "Housekeeping: nohz_full= must match isolcpus=".
 * For those use cmdlineParamValues and take the first value that parses.
 */
export declare function cmdlineParam(params: readonly KernelParam[], key: string): string | undefined;
