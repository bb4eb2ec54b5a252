import type { Fix } from '../engine/types.js';
import { CpuSet } from '../model/cpuset.js';
import type { DomainModel } from '../model/domain.js';
export interface GuestLayout {
    /** vCPU → host CPU. */
    pins: Map<number, number>;
    /** Where the emulator and IOThreads go. */
    housekeeping: CpuSet;
    /** Guest cell id (undefined: whole guest) → host nodes (one, or several when interleaved). */
    cellNodes: Array<{
        cellId: number | undefined;
        nodes: CpuSet;
    }>;
    interleave: boolean;
}
/** The fixes that give domain `d` (text `text`) the layout; empty when it already has it. */
export declare function layoutFixes(text: string, d: DomainModel, layout: GuestLayout): Fix[];
/** Applies a guest's fixes: all of them at once (they never overlap), or throws. */
export declare function applyLayout(text: string, fixes: readonly Fix[]): string;
