import type { HostModel } from './host.js';
import { type NodeWatermarkShare, type ZoneInput } from './watermarks.js';
export interface HostNodeWatermarks {
    /** The zones fed to the kernel's formula (zones with managed pages only). */
    zones: ZoneInput[];
    /** Nodes whose zones were approximated by one Normal zone of MemTotal (no /proc/zoneinfo). */
    approximatedNodes: number[];
    /** Each node's watermark shares, by node id. */
    shares: Map<number, NodeWatermarkShare>;
}
/**
 * The per-node watermarks of vm.min_free_kbytes on this host; undefined when the
 * snapshot has no vm.min_free_kbytes.
 */
export declare const hostNodeWatermarks: (host: HostModel) => HostNodeWatermarks | undefined;
export interface NodeMemoryState {
    /** MemFree of the node when the snapshot was captured. */
    freeKiB: number;
    /** Small-page memory the planned guests bind strictly to the node. */
    plannedKiB: number;
    /** Page cache and slab the kernel reclaims on the node before a bound allocation fails; undefined when unknown. */
    reclaimableKiB?: number;
    /** The node's min and high watermark shares; undefined without vm.min_free_kbytes. */
    minKiB: number | undefined;
    highKiB: number | undefined;
}
export type NodeMemoryVerdict = {
    rule: 'numa-memory-insufficient';
    level: 'exceeds-free' | 'after-reclaim' | 'below-high';
} | {
    rule: 'min-free-kbytes-exceeds-node-free';
    level: 'below-min' | 'below-high';
};
/** Which rule reports a node, and at what level; undefined when the node is fine. See the file comment. */
export declare function nodeMemoryVerdict(s: NodeMemoryState): NodeMemoryVerdict | undefined;
