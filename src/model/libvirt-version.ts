/**
 * libvirt behaviour that changed between releases, chosen by the host's
 * libvirt version (HostModel.libvirtVersion: the snapshot's libvirtVersion, or
 * the config's hosts[].libvirtVersion). When the version is unknown the older
 * behaviour is assumed, and rules say so once per host.
 */
import type { CpuSet } from './cpuset.ts';
import type { DomainModel, ThreadSched } from './domain.ts';
import type { HostModel } from './host.ts';
import { memoPerHost } from './memo.ts';

/** Parses `10.4.0` / `10.4` into [major, minor, micro]; undefined when it is not a release number. */
export function parseLibvirtVersion(text: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

/** True when `version` is `since` or later; undefined when `version` is unknown or does not parse. */
export function libvirtAtLeast(version: string | undefined, since: string): boolean | undefined {
  if (version === undefined) return undefined;
  const v = parseLibvirtVersion(version);
  if (!v) return undefined;
  const s = parseLibvirtVersion(since)!;
  for (let i = 0; i < 3; i++) if (v[i] !== s[i]) return v[i]! > s[i]!;
  return true;
}

/**
 * The release from which `qemuProcessGetAllCpuAffinity` (src/qemu/qemu_process.c)
 * leaves the kernel's isolated CPUs (/sys/devices/system/cpu/isolated, the
 * isolcpus domain set) out of the affinity it gives a QEMU thread that has no
 * pin, no `<vcpu cpuset>` and no numad placement: libvirt commit da95bcb6
 * "qemu: Substract isolcpus from all online affinity", NEWS v10.4.0 (2024-06-03)
 * "qemu: Don't set affinity for isolcpus unless explicitly requested". Before
 * it, such a thread got every online CPU, isolated ones included.
 */
export const DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE = '10.4.0';

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
export const defaultThreadAffinity: (host: HostModel) => DefaultThreadAffinity = memoPerHost((host) => {
  const isolated = host.isolationLayers.domain?.cpus.intersect(host.online);
  const differs = isolated !== undefined && !isolated.isEmpty && !isolated.equals(host.online);
  if (!differs) return { cpus: host.online, excludesIsolated: false, assumed: false, isolated };
  const newer = libvirtAtLeast(host.libvirtVersion, DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE);
  if (newer === true) return { cpus: host.online.subtract(isolated), excludesIsolated: true, assumed: false, isolated };
  return { cpus: host.online, excludesIsolated: false, assumed: newer === undefined, isolated };
});

/**
 * Where an unpinned thread runs on this host, for messages: "every online host CPU (0-31)", or, where the
 * host's libvirt (10.4.0 or later) leaves isolated CPUs out, "non-isolated CPUs 0-3 (libvirt 10.4.0)".
 */
export function describeDefaultCpus(host: HostModel): string {
  const d = defaultThreadAffinity(host);
  if (d.excludesIsolated) return `non-isolated CPUs ${d.cpus.toString()} (libvirt ${host.libvirtVersion})`;
  return `every online host CPU (${host.online.toString()})`;
}

/** One sentence for messages: which libvirt behaviour the default affinity follows on this host. */
export function describeDefaultAffinityBasis(host: HostModel): string {
  const d = defaultThreadAffinity(host);
  const v = host.libvirtVersion;
  if (d.excludesIsolated) return `libvirt ${v} (≥ ${DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE}) leaves the isolated CPUs ${d.isolated!.toString()} out of unpinned threads' affinity`;
  if (d.assumed)
    return `the host's libvirt version is unknown: assumed older than ${DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE}, which gives unpinned threads every online CPU, isolated ones included (set libvirtVersion in the snapshot or the config's hosts[] to be sure)`;
  return v !== undefined ? `libvirt ${v}` : 'libvirt';
}

/**
 * The release that brought `<cputune><emulatorsched>` (libvirt NEWS v5.3.0, "qemu: Add support for setting
 * the emulator scheduler parameters"; formatdomain "emulatorsched since 5.3.0"). An older libvirt does not
 * know the element: its parser (virDomainDefParseXML) reads only the elements it knows and `virsh define`
 * validates against the schema only when asked (--validate), so the element is dropped and the emulator
 * keeps the normal (SCHED_OTHER) policy. `<vcpusched>` and `<iothreadsched>` are older (1.2.13).
 */
export const EMULATORSCHED_SINCE = '5.3.0';

/**
 * The `<emulatorsched>` libvirt applies to the emulator on `host`: the element, or undefined when there is
 * none or the host's libvirt is known to predate it (EMULATORSCHED_SINCE). Unknown version: the element counts.
 */
export function appliedEmulatorsched(d: DomainModel, host: HostModel | undefined): ThreadSched | undefined {
  const sched = d.cputune?.emulatorsched;
  if (!sched) return undefined;
  return libvirtAtLeast(host?.libvirtVersion, EMULATORSCHED_SINCE) === false ? undefined : sched;
}
