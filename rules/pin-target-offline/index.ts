import { defineHostRule, type RelatedDescriptor } from '../../src/engine/types.ts';
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
 * Whether a thread group is vCPUs that all start offline (`<vcpu current>`, `<vcpus><vcpu enabled='no'>`):
 * qemu_process.c qemuProcessSetupVcpus skips them (`if (!vcpu->online) continue;`), so their pins are
 * applied only when they are hot-plugged (qemuDomainHotplugAddVcpu), where a bad one fails the hot-plug.
 */
function startsOffline(d: DomainModel, t: ThreadGroup): boolean {
  return t.kind === 'vcpu' && !d.offlineVcpus.isEmpty && t.ids.isSubsetOf(d.offlineVcpus);
}

/**
 * Every pin libvirt applies to a thread when the guest starts (qemu_process.c qemuProcessSetupPid, via
 * qemuDomainEvaluateCPUMask): each thread's own vcpupin, emulatorpin or iothreadpin, else `<vcpu cpuset>`.
 * A `<vcpu cpuset>` that no thread inherits is not applied, and pins libvirt rejects for another reason
 * (a vCPU id out of range, a second pin of one vCPU, an IOThread that does not exist) are vcpu-id-range's:
 * domainThreads leaves both out.
 */
function pinAttrs(d: DomainModel, host: HostModel): PinAttr[] {
  // By the attribute's offset: one attribute is one pin, however many objects stand for it.
  const byAttr = new Map<number, PinAttr>();
  for (const t of domainThreads(d, host)) {
    const a = t.affinity;
    if (a.source === 'all-online' || a.source === 'placement-auto' || !a.attr || !a.cpus) continue;
    const at = a.attr.valueRange.start;
    const entry = byAttr.get(at);
    if (entry) entry.threads.push(t);
    else byAttr.set(at, { source: a.source, attr: a.attr, cpus: a.cpus, threads: [t] });
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

/** What "does not have" was judged against: the possible CPUs (cpu-availability.ts). */
function hostCpuLists(h: HostModel): string {
  return h.possible ? `possible CPUs ${h.possible.toString()}` : `online CPUs ${h.online.toString()}`;
}

export default defineHostRule({
  meta: {
    id: 'pin-target-offline',
    name: 'PinTargetOffline',
    severity: 'error',
    severities: ['error', 'warning'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A CPU pin or numatune nodeset names CPUs or NUMA nodes the host does not have, or CPUs that are offline.',
    tags: ['pinning', 'numa', 'host'],
    messages: {
      hotplugFails: {
        message: '{{what}} {{name}} {{facts}}: hot-plugging {{vcpus}} fails ({{they}} {{start}} offline)',
        help: 'the guest starts (libvirt pins a vCPU when it comes online); pin {{them}} to online CPUs ({{online}}) before virsh setvcpus',
      },
      noOnlineCpu: {
        message: '{{what}} {{leave}} no online CPU: {{facts}}; the guest does not start',
        help: 'pin to online CPUs ({{online}}): setting an affinity with no online CPU fails with EINVAL',
      },
      absentCpus: {
        message: '{{what}} {{name}} {{cpus}}, which the host does not have ({{hostCpus}}); the guest does not start',
        help: "drop them from the pin{{keep}}: libvirt's cpuset cgroup rejects CPUs the host does not have",
      },
      offlineCpus: {
        message: '{{what}} {{name}} {{facts}}',
        help: 'bring them online or drop them from the pin: the threads run only on {{online}} meanwhile, and on cgroup v1 the guest does not start',
      },
      absentNodes: {
        message: '{{label}} names host {{nodes}}, which the host does not have (its nodes: {{hostNodes}}); the guest does not start',
        help: 'name existing nodes: libvirt reports "NUMA node {{first}} is unavailable"',
      },
    },
  },
  check({ domain, host, report }) {
    // Unpinned domains without <numatune> write no CPU or node id: nothing to look up.
    if (!domain.cputune && !domain.vcpu?.cpuset && !domain.numatune) return;
    const h = host.model;

    // One finding per kind of cause (no online CPU left, CPUs the host lacks, offline CPUs), at the first
    // pin with it, every other pin with the same cause related.
    type Hit = { pin: PinAttr; what: string; online: CpuSet; absent: CpuSet; notOnline: CpuSet; facts: string };
    const byKind = new Map<'none' | 'absent' | 'offline' | 'hotplug', Hit[]>();
    for (const pin of pinAttrs(domain, h)) {
      const { cpus } = pin;
      // The usual case, answered without building the split below.
      if (cpus.isSubsetOf(h.online)) continue;
      const a = cpuAvailability(h, cpus);
      const notOnline = a.offline.union(a.absent).union(a.unlisted);
      if (notOnline.isEmpty) continue;
      const parts: string[] = [];
      if (!a.absent.isEmpty) parts.push(`${describeCpus(a.absent)} not on the host`);
      // Possible but not present (a hotplug slot) is offline to the kernel too; named apart, as it cannot be onlined.
      const notPresent = h.present ? a.offline.subtract(h.present) : CpuSet.empty;
      const offline = a.offline.subtract(notPresent);
      if (!offline.isEmpty) parts.push(`${describeCpus(offline)} offline`);
      if (!notPresent.isEmpty) parts.push(`${describeCpus(notPresent)} not present`);
      if (!a.unlisted.isEmpty) parts.push(`${describeCpus(a.unlisted)} not online (the snapshot cannot tell offline from absent)`);
      // sched_setaffinity() with no active CPU fails with EINVAL (kernel/sched/core.c __set_cpus_allowed_ptr) and
      // libvirt fails the start; CPUs outside the possible set make kernel/cgroup/cpuset.c update_cpumask() fail
      // (cgroup v2; v1 also refuses CPUs that are not online, which the offline message says).
      let kind: 'none' | 'absent' | 'offline' | 'hotplug' = a.online.isEmpty ? 'none' : !a.absent.isEmpty ? 'absent' : 'offline';
      if (pin.threads.every((t) => startsOffline(domain, t))) {
        // Not applied at start. When hot-plugged, a vCPU pinned to some online CPUs runs there; one with none fails.
        if (kind === 'offline') continue;
        kind = 'hotplug';
      }
      const list = byKind.get(kind) ?? [];
      list.push({ pin, what: describePin(pin), online: a.online, absent: a.absent, notOnline, facts: parts.join(', ') });
      byKind.set(kind, list);
    }
    /** The facts of several pins at once: the CPUs the host lacks named apart from those merely not online. */
    const groupFacts = (hits: readonly Hit[]): string => {
      const absent = hits.reduce((acc, x) => acc.union(x.absent), CpuSet.empty);
      const rest = hits.reduce((acc, x) => acc.union(x.notOnline), CpuSet.empty).subtract(absent);
      return [...(absent.isEmpty ? [] : [`${describeCpus(absent)} not on the host`]), ...(rest.isEmpty ? [] : [`${describeCpus(rest)} not online`])].join(', ');
    };
    for (const [kind, hits] of byKind) {
      const first = hits[0]!;
      const related: RelatedDescriptor[] = hits.slice(1).map((x) => ({ range: x.pin.attr.valueRange, message: `${x.what}: ${x.facts}` }));
      const what = hits.length === 1 ? first.what : `${hits.length} pins (${first.what} and others)`;
      if (kind === 'hotplug') {
        const vcpus = hits.reduce((acc, x) => x.pin.threads.reduce((a2, t) => a2.union(t.ids), acc), CpuSet.empty);
        report({
          range: first.pin.attr.valueRange,
          severity: 'warning',
          messageId: 'hotplugFails',
          data: {
            what,
            name: hits.length === 1 ? 'names' : 'name',
            facts: hits.length === 1 ? first.facts : groupFacts(hits),
            vcpus: describeVcpus(vcpus),
            they: vcpus.size === 1 ? 'it' : 'they',
            them: vcpus.size === 1 ? 'it' : 'them',
            start: vcpus.size === 1 ? 'starts' : 'start',
            online: h.online.toString() || 'none',
          },
          related,
        });
      } else if (kind === 'none') {
        report({
          range: first.pin.attr.valueRange,
          messageId: 'noOnlineCpu',
          data: {
            what: hits.length === 1 ? `${first.what} cpuset='${excerpt(first.pin.attr.value)}'` : what,
            leave: hits.length === 1 ? 'leaves' : 'leave',
            facts: hits.length === 1 ? first.facts : groupFacts(hits),
            online: h.online.toString() || 'none',
          },
          related,
        });
      } else if (kind === 'absent') {
        const absent = hits.reduce((acc, x) => acc.union(x.absent), CpuSet.empty);
        const keep = hits.reduce((acc, x) => acc.union(x.online), CpuSet.empty);
        report({
          range: first.pin.attr.valueRange,
          messageId: 'absentCpus',
          data: { what, name: hits.length === 1 ? 'names' : 'name', cpus: describeCpus(absent), hostCpus: hostCpuLists(h), keep: keep.isEmpty ? '' : ` (online ones it names: ${keep.toString()})` },
          related,
        });
      } else {
        const online = hits.reduce((acc, x) => acc.union(x.online), CpuSet.empty);
        const facts = hits.reduce((acc, x) => acc.union(x.notOnline), CpuSet.empty);
        report({
          range: first.pin.attr.valueRange,
          severity: 'warning',
          messageId: 'offlineCpus',
          data: { what, name: hits.length === 1 ? 'includes' : 'include', facts: hits.length === 1 ? first.facts : `${describeCpus(facts)}, not online`, online: describeCpus(online) },
          related,
        });
      }
    }

    const nt = domain.numatune;
    if (!nt) return;
    const nodes = hostNodeSets(h).all;
    // A snapshot without nodes says nothing about them (the loader normally refuses one).
    if (nodes.isEmpty) return;
    // With placement auto numad chooses the nodes: a written nodeset, or a memnode, is numatune-invalid's concern.
    if (numatunePlacement(domain) !== 'static') return;
    // virnuma.c virNumaNodesetIsAvailable(): "NUMA node N is unavailable" when libvirt builds the memory backend
    // or sets the process memory policy; cpuset.mems must be a subset of the host's nodes as well.
    // One finding for the domain's nodesets naming absent nodes, at the first, the others related.
    const bad: Array<{ label: string; c: CpusetAttr; absent: CpuSet }> = [];
    const checkNodeset = (label: string, c: CpusetAttr | undefined) => {
      const set = c?.set;
      if (!set || !c) return;
      const absent = set.subtract(nodes);
      if (!absent.isEmpty) bad.push({ label, c, absent });
    };
    if (nt.memory) checkNodeset('<numatune><memory>', nt.memory.nodeset);
    for (const m of nt.memnodes) checkNodeset(`<memnode cellid='${m.cellid ?? '?'}'>`, m.nodeset);
    if (bad.length === 0) return;
    const absent = bad.reduce((acc, b) => acc.union(b.absent), CpuSet.empty);
    report({
      range: bad[0]!.c.attr.valueRange,
      messageId: 'absentNodes',
      data: { label: bad.length === 1 ? bad[0]!.label : `${bad[0]!.label} (and ${bad.length - 1} more)`, nodes: describeNodes(absent), hostNodes: nodes.toString() || 'none', first: absent.min! },
      related: bad.slice(1).map((b) => ({ range: b.c.attr.valueRange, message: `${b.label} names ${describeNodes(b.absent)} here` })),
    });
  },
});
