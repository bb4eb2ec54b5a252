import { CpuSet } from './cpuset.js';
import type { HostModel, HostSnapshot, SnapshotCpuList } from './host.js';
import type { Parsed } from './parsed.js';
/** Which grammar a snapshot CPU list is written in (host-snapshot.md: parse each with its own). */
export type CpuListGrammar = 'kernel' | 'tuned';
export interface SnapshotCpuListField {
    /** JSON path of the text that is parsed, e.g. `nodes[1].cpus` or `cpus.online.raw`. */
    path: string;
    list: SnapshotCpuList;
    grammar: CpuListGrammar;
}
export declare function cpuListRaw(list: SnapshotCpuList): string;
/**
 * Parses one snapshot CPU list. An empty (or blank) list is the empty set: sysfs
 * prints an empty line for `isolated` and `nohz_full` when nothing is isolated.
 */
export declare function parseSnapshotCpuList(list: SnapshotCpuList, grammar: CpuListGrammar, nrCpuIds?: number): Parsed<CpuSet>;
/** Every CPU list in a snapshot with its JSON path and grammar (also used by the loader to name bad fields). */
export declare function snapshotCpuListFields(s: HostSnapshot): SnapshotCpuListField[];
/** nr_cpu_ids as the kernel derives it from the possible mask; what `N` (last CPU) in a kernel list refers to. */
export declare function nrCpuIdsOf(s: HostSnapshot): number | undefined;
/**
 * Kernel memparse() size (`2M`, `1G`, `2048k`, plain bytes) in KiB; used for
 * `default_hugepagesz=`. undefined when it does not parse.
 */
export declare function memparseKiB(text: string): number | undefined;
/** tuned profiles whose isolated_cores isolate CPUs (tuned: profiles/cpu-partitioning, profiles/realtime*). */
export declare function isIsolatingTunedProfile(profile: string): boolean;
/**
 * The active tuned profiles followed by every profile they include (`tuned.includes`),
 * space separated: a custom profile with `include=cpu-partitioning` isolates like
 * cpu-partitioning. undefined when the active profile is unknown.
 */
export declare function tunedProfileChain(s: HostSnapshot): string | undefined;
export interface BuildHostModelOptions {
    /** Display name; defaults to the snapshot's hostname. */
    name?: string;
    /** The config's explicit `housekeeping` set, which replaces online − I. */
    housekeepingOverride?: CpuSet;
    /** The config's libvirt version for this host, which replaces the snapshot's. */
    libvirtVersion?: string;
}
/**
 * True when two snapshots have the same CPU parts: CPU lists, node ids and CPUs, CPU topology,
 * command line, isolation and tuned, everything their CPU facts are derived from. Compared in
 * place (no key is built): a fleet's hosts are compared with the few distinct ones seen so far.
 */
export declare function sameCpuParts(a: HostSnapshot, b: HostSnapshot): boolean;
/**
 * The snapshot that stands for all those with the same CPU parts as `s` (sameCpuParts): what is
 * derived from the CPU parts is derived once for it. Found once per snapshot (the loader's
 * checks and the model then share the answer).
 */
export declare function cpuPartsRepresentative(s: HostSnapshot): HostSnapshot;
export declare function buildHostModel(snapshot: HostSnapshot, opts?: BuildHostModelOptions): HostModel;
