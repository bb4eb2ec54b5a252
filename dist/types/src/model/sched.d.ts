import type { CpuSet } from './cpuset.js';
import type { DomainModel } from './domain.js';
import type { HostModel } from './host.js';
/** True when any of `vcpus` has a realtime (fifo or rr) `<vcpusched>`. */
export declare function hasRealtimeVcpu(d: DomainModel, vcpus: CpuSet): boolean;
/** The realtime policy (`fifo` or `rr`) of the first `<vcpusched>` covering any of `vcpus`, for messages; undefined when none is realtime. */
export declare function realtimeScheduler(d: DomainModel, vcpus: CpuSet): 'fifo' | 'rr' | undefined;
/**
 * What a busy fifo/rr thread leaves the ordinary (SCHED_OTHER) tasks of its CPU, from the snapshot:
 * - Linux 6.12 and later: the fair server (kernel/sched/deadline.c dl_server, "sched/rt: Remove default
 *   bandwidth control") runs them 50 ms of every second whatever sched_rt_runtime_us says: 5%;
 * - before: realtime throttling (kernel/sched/rt.c) leaves them period - runtime of each period
 *   (5% by default), and nothing with sched_rt_runtime_us = -1, which tuned's realtime profiles set.
 * Undefined when the snapshot records neither the release nor the sysctl: then nothing is assumed.
 */
export declare function rtLeftover(host: HostModel | undefined): {
    percent: number;
    source: string;
} | undefined;
