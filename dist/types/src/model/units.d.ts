/**
 * libvirt memory sizes: a decimal value plus an optional unit attribute, scaled by
 * virScaleInteger (src/util/virutil.c) after virParseScaledValue (src/util/virxml.c)
 * read the value with virStrToLong_ullp, then rounded UP to whole KiB by
 * virDomainParseMemory (src/conf/domain_conf.c: `VIR_DIV_UP(bytes, 1024)`).
 * All arithmetic is BigInt, so no value is ever silently rounded.
 */
import { type Parsed } from './parsed.js';
/** virMemoryMaxValue on 64-bit hosts: LLONG_MAX bytes (memory, currentMemory, cell memory). */
export declare const LIBVIRT_MEMORY_MAX_BYTES: bigint;
/** ULLONG_MAX: what virScaleInteger itself can hold (hugepage sizes are parsed with this bound). */
export declare const ULLONG_MAX: bigint;
export interface ScaleOptions {
    /** Largest byte count accepted; default LIBVIRT_MEMORY_MAX_BYTES. */
    maxBytes?: bigint;
}
/**
 * Bytes per unit as virScaleInteger reads the suffix, case-insensitively:
 * `b`, `byte`, `bytes` = 1; one letter or letter + `iB` (k, KiB, m, MiB, ... e, EiB)
 * = powers of 1024; letter + `B` (KB, MB, ... EB) = powers of 1000.
 * undefined for anything else, including the empty string and surrounding spaces.
 */
export declare function unitBytes(unit: string): bigint | undefined;
/** True for the power-of-1000 units (`KB`, `MB`, `GB`, `TB`, `PB`, `EB`, any case). */
export declare function isDecimalUnit(unit: string): boolean;
/**
 * Scales `value` by `unit` (or `defaultUnit` when the unit is absent or empty, as
 * virScaleInteger does for a NULL or "" suffix) and returns whole KiB, rounded up.
 *
 * The value must be what virStrToLong_ullp accepts: optional leading whitespace, an
 * optional '+', decimal digits, nothing after them (not even whitespace), no '-'
 * anywhere, at most ULLONG_MAX. Errors locate the fault in `value`; a unit error has
 * offset 0, length 0 (the caller points at the unit attribute).
 */
export declare function scaleToKiB(value: string, unit: string | undefined, defaultUnit?: string, opts?: ScaleOptions): Parsed<number>;
/** A KiB count for messages, in the largest binary unit that holds it exactly: `16 GiB`, `1536 MiB`, `1023 KiB`. */
export declare function formatKiB(kib: number): string;
/**
 * `kib` written in `unit` (as virScaleInteger reads it) when that is exact, e.g.
 * 16777216 KiB in `GiB` → '16', in `GB` → undefined (17.18 GB is not whole).
 * undefined also for a unit libvirt does not know.
 */
export declare function sizeInUnit(kib: number, unit: string): string | undefined;
/** The binary unit a decimal one was probably meant as: `GB` → `G`, `mb` → `m`; undefined for a unit that is not decimal. */
export declare function binaryCounterpart(unit: string): string | undefined;
