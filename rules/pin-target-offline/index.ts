import { defineRule } from '../../src/engine/types.ts';
import type { CpusetAttr, DomainModel } from '../../src/model/domain.ts';
import type { XmlAttribute } from '../../src/xml/types.ts';
import { cpuAvailability } from '../../src/model/cpu-availability.ts';
import type { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeNodes, excerpt } from '../../src/model/describe.ts';
import { hostNodeSets } from '../../src/model/host-nodes.ts';
import type { HostModel } from '../../src/model/host.ts';
import { numatunePlacement } from '../../src/model/numa.ts';

/** A CPU affinity written in the domain, with a name for messages. */
interface PinAttr {
  what: string;
  attr: XmlAttribute;
  cpus: CpuSet;
}

/**
 * Every CPU affinity the domain writes: each vcpupin, emulatorpin and iothreadpin, and
 * `<vcpu cpuset>`. The last is applied to the whole QEMU process before it runs
 * (qemu_process.c qemuProcessInitCpuAffinity) even when every thread has a pin of its own,
 * so it always counts. Pins libvirt rejects for another reason (a vCPU id out of range,
 * an IOThread that does not exist) are vcpu-id-range's.
 */
function pinAttrs(d: DomainModel): PinAttr[] {
  const out: PinAttr[] = [];
  const add = (what: string, c: CpusetAttr | undefined) => {
    if (c?.set) out.push({ what, attr: c.attr, cpus: c.set });
  };
  add('<vcpu cpuset>', d.vcpu?.cpuset);
  const ct = d.cputune;
  if (!ct) return out;
  const seen = new Set<number>();
  for (const p of ct.vcpupins) {
    if (p.vcpu === undefined || p.vcpu >= d.maxVcpus || seen.has(p.vcpu)) continue;
    seen.add(p.vcpu);
    add(`the vcpupin of vCPU ${p.vcpu}`, p.cpuset);
  }
  add('the emulatorpin', ct.emulatorpin?.cpuset);
  const iothreads = new Set(d.iothreadIds);
  for (const p of ct.iothreadpins) if (p.iothread !== undefined && iothreads.has(p.iothread)) add(`the iothreadpin of IOThread ${p.iothread}`, p.cpuset);
  return out;
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

    for (const { what, attr, cpus } of pinAttrs(domain)) {
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
      if (a.online.isEmpty) {
        // sched_setaffinity() with no active CPU in the mask fails with EINVAL (kernel/sched/core.c
        // __set_cpus_allowed_ptr); libvirt's virProcessSetAffinity() then fails the start.
        report({
          range: attr.valueRange,
          message:
            `${what} cpuset='${excerpt(attr.value)}' leaves no online CPU: ${facts}; ` +
            `setting the thread's affinity fails and the guest does not start: pin it to online CPUs (${h.online.toString() || 'none'})`,
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
            `${what} includes CPUs that are not running: ${facts}; the thread runs only on ${describeCpus(a.online)} until they come online, ` +
            `and on a cgroup v1 host libvirt cannot write offline CPUs to cpuset.cpus, so the guest does not start there: ` +
            `bring them online or drop them from the pin`,
        });
      }
    }

    const nt = domain.numatune;
    if (!nt) return;
    const nodes = hostNodeSets(h).all;
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
