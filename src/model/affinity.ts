import type { XmlAttribute, XmlElement } from '../xml/types.ts';
import { CpuSet } from './cpuset.ts';
import type { CpusetAttr, DomainModel } from './domain.ts';
import type { HostModel } from './host.ts';
import { memoPerDomain } from './memo.ts';
import { defaultThreadAffinity } from './libvirt-version.ts';

/**
 * Where a thread's CPU affinity comes from, in the order libvirt applies them
 * (formatdomain §CPU Tuning; qemu_process.c qemuProcessSetupVcpu /
 * qemuProcessSetupEmulator / qemuProcessSetupIOThread): the thread's own pin,
 * else `<vcpu cpuset>`, else numad's advice (placement auto), else every
 * online host CPU: isolated ones included before libvirt 10.4.0, left out
 * from then on (`defaultThreadAffinity`, src/model/libvirt-version.ts).
 */
export type AffinitySource = 'vcpupin' | 'emulatorpin' | 'iothreadpin' | 'vcpu-cpuset' | 'placement-auto' | 'all-online';

export interface Affinity {
  source: AffinitySource;
  /** undefined when not known statically: numad's advice, an invalid cpuset, or all online CPUs without a host. */
  cpus: CpuSet | undefined;
  /** The element whose attribute decided the affinity (vcpupin, emulatorpin, iothreadpin or vcpu). */
  element: XmlElement | undefined;
  attr: XmlAttribute | undefined;
}

/** A domain is pinned when it has any `vcpupin` or a `<vcpu cpuset>` (rules.md §0). */
export function isPinned(d: DomainModel): boolean {
  return (d.cputune?.vcpupins.length ?? 0) > 0 || d.vcpu?.cpuset !== undefined;
}

function fromPin(source: AffinitySource, element: XmlElement, cpuset: CpusetAttr | undefined): Affinity {
  return { source, cpus: cpuset?.set, element, attr: cpuset?.attr };
}

/** The chain shared by every thread without a pin of its own. */
function inheritedAffinity(d: DomainModel, host: HostModel | undefined): Affinity {
  const vcpu = d.vcpu;
  if (vcpu?.cpuset) return fromPin('vcpu-cpuset', vcpu.element, vcpu.cpuset);
  if (vcpu?.placement === 'auto') return { source: 'placement-auto', cpus: undefined, element: vcpu.element, attr: undefined };
  return { source: 'all-online', cpus: host ? defaultThreadAffinity(host).cpus : undefined, element: undefined, attr: undefined };
}

/** libvirt rejects a second vcpupin for one vCPU; the first is the one that counts here. */
export function vcpupinFor(d: DomainModel, vcpu: number) {
  return d.cputune?.vcpupins.find((p) => p.vcpu === vcpu);
}

export function effectiveVcpuAffinity(d: DomainModel, vcpu: number, host?: HostModel): Affinity {
  const pin = vcpupinFor(d, vcpu);
  return pin ? fromPin('vcpupin', pin.element, pin.cpuset) : inheritedAffinity(d, host);
}

export function effectiveEmulatorAffinity(d: DomainModel, host?: HostModel): Affinity {
  const pin = d.cputune?.emulatorpin;
  return pin ? fromPin('emulatorpin', pin.element, pin.cpuset) : inheritedAffinity(d, host);
}

export function effectiveIothreadAffinity(d: DomainModel, iothread: number, host?: HostModel): Affinity {
  const pin = d.cputune?.iothreadpins.find((p) => p.iothread === iothread);
  return pin ? fromPin('iothreadpin', pin.element, pin.cpuset) : inheritedAffinity(d, host);
}

export interface VcpuAffinityGroup {
  /** The vCPUs (0..max-1) sharing this affinity. */
  vcpus: CpuSet;
  affinity: Affinity;
}

/**
 * Effective affinity of every vCPU 0..max-1, grouped: one group per valid
 * vcpupin, plus one for the unpinned vCPUs that start online. An unpinned vCPU
 * that starts offline (`DomainModel.offlineVcpus`) runs nowhere until it is
 * hot-plugged, so it is in no group (rules.md §0); a pinned one keeps its pin,
 * which is where it will run once plugged. Never enumerates vCPUs one by one,
 * so a huge `<vcpu>` costs nothing.
 */
export const vcpuAffinityGroups: (d: DomainModel, host?: HostModel) => VcpuAffinityGroup[] = memoPerDomain(computeVcpuAffinityGroups);

function computeVcpuAffinityGroups(d: DomainModel, host: HostModel | undefined): VcpuAffinityGroup[] {
  const max = d.maxVcpus;
  const groups: VcpuAffinityGroup[] = [];
  const seen = new Set<number>();
  for (const pin of d.cputune?.vcpupins ?? []) {
    if (pin.vcpu === undefined || pin.vcpu >= max || seen.has(pin.vcpu)) continue;
    seen.add(pin.vcpu);
    groups.push({ vcpus: CpuSet.of(pin.vcpu), affinity: fromPin('vcpupin', pin.element, pin.cpuset) });
  }
  // seen holds ids below max (at most 16,384 vCPUs, MAX_PLAUSIBLE_VCPUS): a safe spread on this hot path.
  const rest = CpuSet.range(0, max - 1).subtract(CpuSet.of(...seen)).subtract(d.offlineVcpus);
  if (!rest.isEmpty) groups.push({ vcpus: rest, affinity: inheritedAffinity(d, host) });
  return groups;
}

/** The vCPUs with no vcpupin that start offline: they take the inherited affinity once hot-plugged. */
export function offlineUnpinnedVcpus(d: DomainModel): CpuSet {
  if (d.offlineVcpus.isEmpty) return CpuSet.empty;
  const pinned = CpuSet.ofList((d.cputune?.vcpupins ?? []).flatMap((p) => (p.vcpu === undefined ? [] : [p.vcpu])));
  return d.offlineVcpus.subtract(pinned);
}

/** A thread pinned to exactly one CPU is dedicated; more is floating (rules.md §0). */
export function isDedicated(a: Affinity): boolean {
  return a.cpus !== undefined && a.cpus.size === 1;
}

/**
 * Where the emulator (and IOThreads) of a pinned guest belong (rules.md §1
 * missing-emulatorpin): the housekeeping CPUs on the host nodes of the vCPU
 * pins, or all of them when those nodes have none. undefined when housekeeping
 * is unknown or empty: then the choice is a person's.
 */
export function housekeepingTargetFor(vcpuCpus: CpuSet, host: HostModel | undefined): { cpus: CpuSet; nodes: CpuSet | undefined } | undefined {
  const hk = host?.housekeeping;
  if (!host || !hk || hk.isEmpty) return undefined;
  const nodes = host.nodesOfCpus(vcpuCpus);
  const local = hk.intersect(host.cpusOfNodes(nodes));
  return local.isEmpty ? { cpus: hk, nodes: undefined } : { cpus: local, nodes };
}
