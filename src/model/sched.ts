import type { CpuSet } from './cpuset.ts';
import type { DomainModel } from './domain.ts';

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
