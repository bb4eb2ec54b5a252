/**
 * The running side of a host snapshot (`running`, `libvirt.definitions`) as the
 * drift rules see it: which running guest and which host definition a domain file
 * is, and each running thread's allowed CPUs as a set.
 */
import { CpuSet } from './cpuset.ts';
import type { DomainModel } from './domain.ts';
import type { HostModel, SnapshotCpuList, SnapshotDefinition, SnapshotGuest, SnapshotGuestThread } from './host.ts';
import { parseSnapshotCpuList } from './host-model.ts';

/** A snapshot CPU list the loader already checked, as a set (empty if it somehow does not parse). */
export function snapshotCpus(list: SnapshotCpuList): CpuSet {
  const r = parseSnapshotCpuList(list, 'kernel');
  return r.ok ? r.value : CpuSet.empty;
}

/** libvirt matches a domain by uuid first; the name is only unique per host (virDomainObjListFindByUUID/ByName). */
function matchByUuidThenName<T extends { uuid?: string; name?: string }>(items: readonly T[], d: DomainModel): T | undefined {
  const uuid = d.uuid?.trim().toLowerCase();
  if (uuid) {
    const byUuid = items.find((i) => i.uuid?.toLowerCase() === uuid);
    if (byUuid) return byUuid;
  }
  const name = d.name?.trim();
  return name ? items.find((i) => i.name === name && (i.uuid === undefined || uuid === undefined)) : undefined;
}

/** Whether the snapshot says what runs on the host (a capture that could read /proc). */
export function hasRunningGuests(host: HostModel): boolean {
  return host.snapshot.running?.guests !== undefined;
}

export function runningGuestOf(host: HostModel, d: DomainModel): SnapshotGuest | undefined {
  return matchByUuidThenName(host.snapshot.running?.guests ?? [], d);
}

export function hostDefinitionOf(host: HostModel, d: DomainModel): SnapshotDefinition | undefined {
  return matchByUuidThenName(host.snapshot.libvirt?.definitions ?? [], d);
}

/** Whether a running guest is the one a domain describes (same rule as runningGuestOf). */
export function guestMatches(g: SnapshotGuest, d: DomainModel): boolean {
  return matchByUuidThenName([g], d) !== undefined;
}

/** The threads `<emulatorpin>` governs: every QEMU thread that is not a vCPU or an IOThread. */
export function emulatorThreads(g: SnapshotGuest): SnapshotGuestThread[] {
  return g.threads.filter((t) => t.role === 'main' || t.role === 'worker');
}
