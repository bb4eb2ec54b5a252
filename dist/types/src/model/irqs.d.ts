import type { CpuSet } from './cpuset.js';
/** True for an IRQ that only NVMe I/O queues use, with a mask of isolated CPUs only. */
export declare function isQuietManagedQueue(actionNames: string | undefined, affinity: CpuSet, isolated: CpuSet): boolean;
/** True for an IRQ whose every action is a per-CPU interrupt that cannot be steered (see PER_CPU_ACTIONS). */
export declare function isPerCpuInterrupt(actionNames: string | undefined): boolean;
