import { defineRule } from '../../src/engine/types.ts';
import type { CpusetAttr, DomainModel } from '../../src/model/domain.ts';
import { describeThread, domainThreads, type ThreadGroup } from '../../src/model/threads.ts';
import type { AffinitySource } from '../../src/model/affinity.ts';
import type { XmlAttribute } from '../../src/xml/types.ts';
import { cpuAvailability } from '../../src/model/cpu-availability.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeNodes, describeVcpus, excerpt, listNames } from '../../src/model/describe.ts';
import { hostNodeSets } from '../../src/model/host-nodes.ts';
import type { HostModel } from '../../src/model/host.ts';
import { numatunePlacement } from '../../src/model/numa.ts';

/** A CPU affinity written in the domain, and the threads that take it. */
interface PinAttr {
  source: AffinitySource;
  attr: XmlAttribute;
  cpus: CpuSet;
  threads: ThreadGroup[];
}

/**
 * Every pin libvirt applies to a thread when the guest starts (qemu_process.c qemuProcessSetupPid, via
 * qemuDomainEvaluateCPUMask): each thread's own vcpupin, emulatorpin or iothreadpin, else `<vcpu cpuset>`.
 * A `<vcpu cpuset>` that no thread inherits is not applied, and pins libvirt rejects for another reason
 * (a vCPU id out of range, a second pin of one vCPU, an IOThread that does not exist) are vcpu-id-range's:
 * domainThreads leaves both out.
 */
function pinAttrs(d: DomainModel, host: HostModel): PinAttr[] {
  const byAttr = new Map<XmlAttribute, PinAttr>();
  for (const t of domainThreads(d, host)) {
    const a = t.affinity;
    if (a.source === 'all-online' || a.source === 'placement-auto' || !a.attr || !a.cpus) continue;
    const entry = byAttr.get(a.attr);
    if (entry) entry.threads.push(t);
    else byAttr.set(a.attr, { source: a.source, attr: a.attr, cpus: a.cpus, threads: [t] });
  }
  return [...byAttr.values()];
}

/** "the vcpupin of vCPU 3", "the emulatorpin", "<vcpu cpuset> (taken by vCPUs 2-3 and the emulator)". */
function describePin(p: PinAttr): string {
  const owner = p.source;
  if (owner === 'vcpupin') return `the vcpupin of ${describeThread(p.threads[0]!)}`;
  if (owner === 'emulatorpin') return 'the emulatorpin';
  if (owner === 'iothreadpin') return `the iothreadpin of ${describeThread(p.threads[0]!)}`;
  // Ids merged per kind: thousands of IOThreads inheriting the set make one short phrase.
  const ids = (kind: ThreadGroup['kind']) => p.threads.filter((t) => t.kind === kind).reduce((acc, t) => acc.union(t.ids), CpuSet.empty);
  const vcpus = ids('vcpu');
  const iothreads = ids('iothread');
  const takers = [
    ...(vcpus.isEmpty ? [] : [describeVcpus(vcpus)]),
    ...(p.threads.some((t) => t.kind === 'emulator') ? ['the emulator'] : []),
    ...(iothreads.isEmpty ? [] : [`${iothreads.size === 1 ? 'IOThread' : 'IOThreads'} ${iothreads.toString()}`]),
  ];
  return `<vcpu cpuset> (taken by ${listNames(takers)})`;
}

function hostCpuLists(h: HostModel): string {
  if (h.present) return `present CPUs ${h.present.toString()}`;
  if (h.possible) return `possible CPUs ${h.possible.toString()}`;
  return `online CPUs ${h.online.toString()}`;
}

export default defineRule({
  meta: {
    id: 'pin-target-offline',
    name: 'PinTargetOffline',
    severity: 'error',
    type: 'problem',
    needs: 'host',
    fixable: false,
    hasSuggestions: false,
    summary: 'A CPU pin or numatune nodeset names CPUs or NUMA nodes the host does not have, or CPUs that are offline.',
    tags: ['pinning', 'numa', 'host'],
  },
  checkDomain({ domain, host, report }) {
    if (!host) return;
    // Unpinned domains without <numatune> write no CPU or node id: nothing to look up.
    if (!domain.cputune && !domain.vcpu?.cpuset && !domain.numatune) return;
    const h = host.model;

    for (const pin of pinAttrs(domain, h)) {
      const { attr, cpus } = pin;
      // The usual case, answered without building the split below.
      if (cpus.isSubsetOf(h.online)) continue;
      const a = cpuAvailability(h, cpus);
      const notOnline = a.offline.union(a.absent).union(a.unlisted);
      if (notOnline.isEmpty) continue;
      const parts: string[] = [];
      if (!a.absent.isEmpty) parts.push(`${describeCpus(a.absent)} ${a.absent.size === 1 ? 'does' : 'do'} not exist on the host (${hostCpuLists(h)})`);
      if (!a.offline.isEmpty) parts.push(`${describeCpus(a.offline)} ${a.offline.size === 1 ? 'is' : 'are'} offline`);
      if (!a.unlisted.isEmpty) {
        parts.push(`${describeCpus(a.unlisted)} ${a.unlisted.size === 1 ? 'is' : 'are'} not online (the snapshot records no possible or present CPUs to tell offline from absent)`);
      }
      const facts = parts.join(' and ');
      const what = describePin(pin);
      const several = pin.threads.length > 1 || pin.threads[0]!.ids.size > 1;
      if (a.online.isEmpty) {
        // sched_setaffinity() with no active CPU in the mask fails with EINVAL (kernel/sched/core.c
        // __set_cpus_allowed_ptr); libvirt's virProcessSetAffinity() then fails the start.
        report({
          range: attr.valueRange,
          message:
            `${what} cpuset='${excerpt(attr.value)}' leaves no online CPU: ${facts}; ` +
            `setting the affinity fails and the guest does not start: pin ${several ? 'them' : 'it'} to online CPUs (${h.online.toString() || 'none'})`,
        });
      } else if (!a.absent.isEmpty) {
        // cpuset.cpus must be a subset of the possible CPUs (cgroup v2) or of the online ones (v1):
        // kernel/cgroup/cpuset.c update_cpumask() returns EINVAL, and libvirt's cgroup setup fails the start.
        report({
          range: attr.valueRange,
          message:
            `${what} names CPUs the host does not have: ${facts}; libvirt's cpuset cgroup rejects the set ` +
            `and the guest does not start: drop ${a.absent.size === 1 ? 'it' : 'them'} from the set, whose online CPUs are ${a.online.toString()}`,
        });
      } else {
        report({
          range: attr.valueRange,
          severity: 'warning',
          message:
            `${what} includes CPUs that are not running: ${facts}; ${several ? 'the threads run' : 'the thread runs'} only on ${describeCpus(a.online)} until they come online, ` +
            `and on a cgroup v1 host libvirt cannot write offline CPUs to cpuset.cpus, so the guest does not start there: ` +
            `bring them online or drop them from the pin`,
        });
      }
    }

    const nt = domain.numatune;
    if (!nt) return;
    const nodes = hostNodeSets(h).all;
    // A snapshot without nodes says nothing about them (the loader normally refuses one).
    if (nodes.isEmpty) return;
    const checkNodeset = (label: string, c: CpusetAttr | undefined) => {
      const set = c?.set;
      if (!set) return;
      const absent = set.subtract(nodes);
      if (absent.isEmpty) return;
      // virnuma.c virNumaNodesetIsAvailable(): "NUMA node N is unavailable" when libvirt builds the memory backend
      // or sets the process memory policy; cpuset.mems must be a subset of the host's nodes as well.
      report({
        range: c.attr.valueRange,
        message:
          `${label} nodeset names host ${describeNodes(absent)}, which the host does not have (its nodes: ${nodes.toString() || 'none'}); ` +
          `libvirt reports the node unavailable and the guest does not start: name existing nodes`,
      });
    };
    // With placement auto numad chooses the nodes: a written nodeset, or a memnode, is numatune-invalid's concern.
    if (numatunePlacement(domain) !== 'static') return;
    if (nt.memory) checkNodeset('<numatune><memory>', nt.memory.nodeset);
    for (const m of nt.memnodes) checkNodeset(`<memnode cellid='${m.cellid ?? '?'}'>`, m.nodeset);
  },
});
