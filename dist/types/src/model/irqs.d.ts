import type { CpuSet } from './cpuset.js';
/** True for an IRQ that only NVMe I/O queues use, with a mask of isolated CPUs only. */
export declare function isQuietManagedQueue(actionNames: string | undefined, affinity: CpuSet, isolated: CpuSet): boolean;
