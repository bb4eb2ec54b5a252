import type { CpuSet } from './cpuset.ts';
import type { DomainModel } from './domain.ts';
import type { HostModel } from './host.ts';

const REALTIME = new Set(['fifo', 'rr']);

/** True when any of `vcpus` has a realtime (fifo or rr) `<vcpusched>`. */
export function hasRealtimeVcpu(d: DomainModel, vcpus: CpuSet): boolean {
  return (d.cputune?.vcpusched ?? []).some((s) => s.scheduler !== undefined && REALTIME.has(s.scheduler) && s.vcpus !== undefined && s.vcpus.intersects(vcpus));
}

/** The realtime policy (`fifo` or `rr`) of the first `<vcpusched>` covering any of `vcpus`, for messages; undefined when none is realtime. */
export function realtimeScheduler(d: DomainModel, vcpus: CpuSet): 'fifo' | 'rr' | undefined {
  const s = (d.cputune?.vcpusched ?? []).find((x) => x.scheduler !== undefined && REALTIME.has(x.scheduler) && x.vcpus !== undefined && x.vcpus.intersects(vcpus));
  return s?.scheduler as 'fifo' | 'rr' | undefined;
}

/**
 * What a busy fifo/rr thread leaves the ordinary (SCHED_OTHER) tasks of its CPU, from the snapshot:
 * - Linux 6.12 and later: the fair server (kernel/sched/deadline.c dl_server, "sched/rt: Remove default
 *   bandwidth control") runs them 50 ms of every second whatever sched_rt_runtime_us says: 5%;
 * - before: realtime throttling (kernel/sched/rt.c) leaves them period - runtime of each period
 *   (5% by default), and nothing with sched_rt_runtime_us = -1, which tuned's realtime profiles set.
 * Undefined when the snapshot records neither the release nor the sysctl: then nothing is assumed.
 */
export function rtLeftover(host: HostModel | undefined): { percent: number; source: string } | undefined {
  const snap = host?.snapshot;
  if (!snap) return undefined;
  const release = /^(\d+)\.(\d+)/.exec(snap.kernelRelease ?? '');
  if (release && (Number(release[1]) > 6 || (Number(release[1]) === 6 && Number(release[2]) >= 12))) {
    return { percent: 5, source: `the fair server of Linux ${release[1]}.${release[2]}` };
  }
  const runtime = snap.kernel?.rtRuntimeUs;
  if (runtime === undefined) return undefined;
  if (runtime === -1) return { percent: 0, source: 'sched_rt_runtime_us=-1' };
  const period = snap.kernel?.rtPeriodUs ?? 1_000_000;
  return { percent: Math.max(0, Math.round(((period - runtime) / period) * 1000) / 10), source: `sched_rt_runtime_us=${runtime}` };
}
