import type { CpuSet } from './cpuset.js';
import type { DomainModel } from './domain.js';
/** True when any of `vcpus` has a realtime (fifo or rr) `<vcpusched>`. */
export declare function hasRealtimeVcpu(d: DomainModel, vcpus: CpuSet): boolean;
/** The realtime policy (`fifo` or `rr`) of the first `<vcpusched>` covering any of `vcpus`, for messages; undefined when none is realtime. */
export declare function realtimeScheduler(d: DomainModel, vcpus: CpuSet): 'fifo' | 'rr' | undefined;
