/**
 * The running side of a host snapshot (`running`, `libvirt.definitions`) as the
 * drift rules see it: which running guest and which host definition a domain file
 * is, and each running thread's allowed CPUs as a set.
 */
import { CpuSet } from './cpuset.js';
import type { DomainModel } from './domain.js';
import type { HostModel, SnapshotCpuList, SnapshotDefinition, SnapshotGuest, SnapshotGuestThread } from './host.js';
/** A snapshot CPU list the loader already checked, as a set (empty if it somehow does not parse). */
export declare function snapshotCpus(list: SnapshotCpuList): CpuSet;
/** Whether the snapshot says what runs on the host (a capture that could read /proc). */
export declare function hasRunningGuests(host: HostModel): boolean;
export declare function runningGuestOf(host: HostModel, d: DomainModel): SnapshotGuest | undefined;
export declare function hostDefinitionOf(host: HostModel, d: DomainModel): SnapshotDefinition | undefined;
/** Whether a running guest is the one a domain describes (same rule as runningGuestOf). */
export declare function guestMatches(g: SnapshotGuest, d: DomainModel): boolean;
/**
 * The threads `<emulatorpin>` governs: every QEMU thread that is not a vCPU or an IOThread, less the kernel's
 * tasks and the thread-pool workers an IOThread spawned. QEMU's thread pools start their `worker` threads from the
 * IOThread they serve, which inherit its affinity and cgroup (util/thread-pool.c; iothread.c: "This assumes we
 * are called from a thread with useful CPU affinity for us to inherit"): a `worker` allowed exactly an IOThread's
 * CPUs is that IOThread's. Any other helper (call_rcu, a worker) on a vCPU's CPUs is an emulator thread astray.
 */
export declare function emulatorThreads(g: SnapshotGuest): SnapshotGuestThread[];
