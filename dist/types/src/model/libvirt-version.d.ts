/**
 * libvirt behaviour that changed between releases, chosen by the host's
 * libvirt version (HostModel.libvirtVersion: the snapshot's libvirtVersion, or
 * the config's hosts[].libvirtVersion). When the version is unknown the older
 * behaviour is assumed, and rules say so once per host.
 */
import type { CpuSet } from './cpuset.js';
import type { DomainModel, ThreadSched } from './domain.js';
import type { HostModel } from './host.js';
/** Parses `10.4.0` / `10.4` into [major, minor, micro]; undefined when it is not a release number. */
export declare function parseLibvirtVersion(text: string): [number, number, number] | undefined;
/** True when `version` is `since` or later; undefined when `version` is unknown or does not parse. */
export declare function libvirtAtLeast(version: string | undefined, since: string): boolean | undefined;
/**
 * The release from which `qemuProcessGetAllCpuAffinity` (src/qemu/qemu_process.c)
 * leaves the kernel's isolated CPUs (/sys/devices/system/cpu/isolated, the
 * isolcpus domain set) out of the affinity it gives a QEMU thread that has no
 * pin, no `<vcpu cpuset>` and no numad placement: libvirt commit da95bcb6
 * "qemu: Substract isolcpus from all online affinity", NEWS v10.4.0 (2024-06-03)
 * "qemu: Don't set affinity for isolcpus unless explicitly requested". Before
 * it, such a thread got every online CPU, isolated ones included.
 */
export declare const DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE = "10.4.0";
/** What an unpinned QEMU thread (vCPU, emulator, IOThread) runs on by default on this host. */
export interface DefaultThreadAffinity {
    /** The CPUs: every online CPU, less the isolated ones when the host's libvirt leaves them out. */
    cpus: CpuSet;
    /** True when isolated CPUs are left out (libvirt ≥ 10.4.0 and some online CPU isolated). */
    excludesIsolated: boolean;
    /**
     * The behaviour was assumed, not known: the libvirt version is unknown and the answer
     * would differ between versions (the host isolates online CPUs with isolcpus).
     */
    assumed: boolean;
    /** The isolcpus domain set that libvirt ≥ 10.4.0 leaves out (empty when none is isolated). */
    isolated: CpuSet | undefined;
}
/**
 * The default affinity of unpinned QEMU threads on `host`. The isolated set is
 * the scheduler-domain isolation the running kernel reports (the
 * isolation layers' `domain`: /sys/devices/system/cpu/isolated, else isolcpus=
 * with the domain flag); nohz_full and tuned's isolated_cores alone do not
 * appear in that file, so libvirt does not leave them out.
 */
export declare const defaultThreadAffinity: (host: HostModel) => DefaultThreadAffinity;
/**
 * Where an unpinned thread runs on this host, for messages: "every online host CPU (0-31)", or, where the
 * host's libvirt (10.4.0 or later) leaves isolated CPUs out, "non-isolated CPUs 0-3 (libvirt 10.4.0)".
 */
export declare function describeDefaultCpus(host: HostModel): string;
/** One sentence for messages: which libvirt behaviour the default affinity follows on this host. */
export declare function describeDefaultAffinityBasis(host: HostModel): string;
/**
 * The release that brought `<cputune><emulatorsched>` (libvirt NEWS v5.3.0, "qemu: Add support for setting
 * the emulator scheduler parameters"; formatdomain "emulatorsched since 5.3.0"). An older libvirt does not
 * know the element: its parser (virDomainDefParseXML) reads only the elements it knows and `virsh define`
 * validates against the schema only when asked (--validate), so the element is dropped and the emulator
 * keeps the normal (SCHED_OTHER) policy. `<vcpusched>` and `<iothreadsched>` are older (1.2.13).
 */
export declare const EMULATORSCHED_SINCE = "5.3.0";
/**
 * The `<emulatorsched>` libvirt applies to the emulator on `host`: the element, or undefined when there is
 * none or the host's libvirt is known to predate it (EMULATORSCHED_SINCE). Unknown version: the element counts.
 */
export declare function appliedEmulatorsched(d: DomainModel, host: HostModel | undefined): ThreadSched | undefined;
