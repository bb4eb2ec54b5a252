import type { CpuSet } from './cpuset.js';
/** "CPU 2" / "CPUs 0-3,8" — for messages. */
export declare function describeCpus(set: CpuSet): string;
/** "node 1" / "nodes 0-1". */
export declare function describeNodes(set: CpuSet): string;
/** "vCPU 3" / "vCPUs 0-7". */
export declare function describeVcpus(set: CpuSet): string;
/**
 * A value quoted in a message, cut to about `max` characters: a 1 MB attribute
 * must not turn into a 1 MB diagnostic. Never splits a surrogate pair.
 */
export declare function excerpt(value: string, max?: number): string;
/** Joins names for a message: "a", "a and b", "a, b and c". */
export declare function listNames(names: readonly string[]): string;
/** A planned domain named for a message: "web-02 (hv01/web-02.xml)", or the path alone when it has no name. */
export declare function describeDomain(on: {
    domain: {
        name: string | undefined;
    };
    source: {
        path: string;
    };
}): string;
/** Names at most `max` items, then "and N more …": bounded messages however many domains collide. */
export declare function listBounded(names: readonly string[], total: number, max?: number, more?: string | readonly [one: string, many: string]): string;
