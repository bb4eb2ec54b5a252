/**
 * The running side of a host snapshot (`running`, `libvirt.definitions`) as the
 * drift rules see it: which running guest and which host definition a domain file
 * is, and each running thread's allowed CPUs as a set.
 */
import { CpuSet } from './cpuset.ts';
import type { DomainModel } from './domain.ts';
import type { HostModel, SnapshotCpuList, SnapshotDefinition, SnapshotGuest, SnapshotGuestThread } from './host.ts';
import { parseSnapshotCpuList } from './host-model.ts';
import { exactName, uuidKey } from './domain-identity.ts';

/** A snapshot CPU list the loader already checked, as a set (empty if it somehow does not parse). */
export function snapshotCpus(list: SnapshotCpuList): CpuSet {
  const r = parseSnapshotCpuList(list, 'kernel');
  return r.ok ? r.value : CpuSet.empty;
}


/** libvirt matches a domain by uuid first; the name is only unique per host (virDomainObjListFindByUUID/ByName). */
function matchByUuidThenName<T extends { uuid?: string; name?: string }>(items: readonly T[], d: DomainModel): T | undefined {
  const uuid = uuidKey(d.uuid);
  if (uuid) {
    const byUuid = items.find((i) => uuidKey(i.uuid) === uuid);
    if (byUuid) return byUuid;
  }
  // The name as libvirt compares it, exactly (domain-identity.ts): `web-7 ` is another domain than web-7.
  const name = exactName(d);
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

/**
 * Tasks the kernel creates in the QEMU process: vhost workers (vhost_task, `vhost-<pid>`, Linux 6.4) and KVM's
 * NX hugepage recovery (`kvm-nx-lpage-recovery`, comm cut to 15 characters, a vhost_task since 6.13, cloned
 * from the first vCPU that runs). They take the affinity of the thread they are cloned from; libvirt pins none.
 */
const KERNEL_TASK = /^(?:vhost-\d+|kvm-nx-lpage-re\w*)$/;

/**
 * The threads `<emulatorpin>` governs: every QEMU thread that is not a vCPU or an IOThread, less the kernel's
 * tasks and the thread-pool workers an IOThread spawned. QEMU's thread pools start their `worker` threads from the
 * IOThread they serve, which inherit its affinity and cgroup (util/thread-pool.c; iothread.c: "This assumes we
 * are called from a thread with useful CPU affinity for us to inherit"): a `worker` allowed exactly an IOThread's
 * CPUs is that IOThread's. Any other helper (call_rcu, a worker) on a vCPU's CPUs is an emulator thread astray.
 */
export function emulatorThreads(g: SnapshotGuest): SnapshotGuestThread[] {
  const iothreadSets = new Set(g.threads.filter((t) => t.role === 'iothread').map((t) => snapshotCpus(t.allowedCpus).toString()));
  const iothreadWorker = (t: SnapshotGuestThread): boolean => t.name === 'worker' && iothreadSets.has(snapshotCpus(t.allowedCpus).toString());
  return g.threads.filter((t) => t.role === 'main' || (t.role === 'worker' && !KERNEL_TASK.test(t.name ?? '') && !iothreadWorker(t)));
}
