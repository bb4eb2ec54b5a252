import { mapPacked } from '../../src/packed-arrays.ts';
import { pinTargetsOnline } from '../../src/model/root-cause.ts';
import { defineHostRule } from '../../src/engine/types.ts';
import type { Range } from '../../src/xml/types.ts';
import { isDedicated, isPinned, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import type { HostCpuClasses } from '../../src/model/cpu-capacity.ts';
import { describeCpus, describeVcpus } from '../../src/model/describe.ts';

/**
 * vCPUs pinned 1:1 to CPUs of more than one speed class: one finding, at the first pin on the slowest class
 * (the one to move), the first pin of each other class related.
 */
function mixedClasses(pinned: readonly PinnedVcpu[], classes: HostCpuClasses, online: CpuSet) {
  const byClass = new Map<number, PinnedVcpu[]>();
  for (const p of pinned) {
    const k = classes.classOf(p.cpu);
    // A CPU the host does not have online is pin-target-offline's.
    if (k === undefined || !online.has(p.cpu)) continue;
    const list = byClass.get(k);
    if (list) list.push(p);
    else byClass.set(k, [p]);
  }
  if (byClass.size < 2) return undefined;
  const order = [...byClass.keys()].sort((a, b) => a - b);
  const vcpusOf = (ps: readonly PinnedVcpu[]) => describeVcpus(CpuSet.ofList(ps.map((p) => p.vcpu)));
  // "cores of capacity 1024 (vCPUs 2-3) and 414 (vCPUs 0-1)": the shared words once.
  const prefix = 'cores of capacity ';
  const split = order.map((k, i) => `${i > 0 && classes.source === 'capacity' ? classes.classes[k]!.label.slice(prefix.length) : classes.classes[k]!.label} (${vcpusOf(byClass.get(k)!)})`);
  const slowest = byClass.get(order[order.length - 1]!)!;
  const fastest = classes.classes[0]!;
  return {
    range: slowest[0]!.range,
    severity: 'warning' as const,
    data: {
      vcpus: vcpusOf(order.flatMap((k) => byClass.get(k)!)),
      split: split.length === 2 ? split.join(' and ') : `${split.slice(0, -1).join(', ')} and ${split[split.length - 1]}`,
      fastest: fastest.label,
      fastestCpus: describeCpus(fastest.cpus),
    },
    related: order.slice(0, -1).map((k) => {
      const p = byClass.get(k)![0]!;
      return { range: p.range, message: `vCPU ${p.vcpu} on CPU ${p.cpu} (${classes.classes[k]!.label}) here` };
    }),
  };
}

/** A vCPU dedicated to one host CPU by its own pin. */
interface PinnedVcpu {
  vcpu: number;
  cpu: number;
  range: Range;
}

export default defineHostRule({
  meta: {
    id: 'guest-smt-topology-mismatch',
    name: 'GuestSmtTopologyMismatch',
    severity: 'warning',
    severities: ['warning', 'info'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'The guest\'s CPU topology does not match the host CPUs its vCPUs are pinned to: SMT threads per core, or identical cores on hybrid host cores of unequal speed.',
    tags: ['pinning', 'smt', 'topology'],
    messages: {
      noTopology: { message: 'the snapshot has no SMT topology (thread siblings): guest-smt-topology-mismatch is not checked' },
      notSiblings: {
        message: "<topology threads='{{threads}}'>, but vCPUs {{vcpus}} are pinned to CPUs {{cpus}}, not SMT siblings of one host core{{more}}",
        help: "pin each guest core's vCPUs to one host core's thread siblings ({{core}}), or declare threads='1'",
      },
      mixedCoreTypes: {
        message: '{{vcpus}} are pinned 1:1 to {{split}}, but the guest sees identical cores',
        help: 'pin every vCPU to one kind of core ({{fastest}}: {{fastestCpus}}): the guest spreads work as if its vCPUs were equally fast and waits on the slow ones',
      },
      siblingsAsCores: {
        message: 'vCPUs {{a}} and {{b}} are on SMT siblings (CPUs {{cpuA}} and {{cpuB}}) but the guest sees separate cores ({{topology}}){{more}}',
        help: "declare <topology threads='2'> with each sibling pair on consecutive vCPUs, or pin the vCPUs to separate cores",
      },
    },
  },
  check({ domain, host, report, reportHostOnce }) {
    if (!isPinned(domain)) return;
    const model = host.model;
    // vCPUs dedicated 1:1 by their own vcpupin (a shared <vcpu cpuset> of one CPU is a collision, not a topology).
    const pinned: PinnedVcpu[] = [];
    for (const g of vcpuAffinityGroups(domain, model)) {
      const a = g.affinity;
      if (a.source !== 'vcpupin' || !isDedicated(a) || g.vcpus.size !== 1 || !a.element) continue;
      pinned.push({ vcpu: g.vcpus.min!, cpu: a.cpus!.min!, range: a.attr?.valueRange ?? a.element.startTag });
    }
    if (pinned.length < 2) return;
    // A hybrid host (src/model/cpu-capacity.ts): undefined on every host whose CPUs are alike, so this costs them nothing.
    if (model.cpuClasses) {
      const mixed = mixedClasses(pinned, model.cpuClasses, model.online);
      if (mixed) report({ ...mixed, messageId: 'mixedCoreTypes' });
    }
    const missingTopology = (): void =>
      reportHostOnce('no-topology', { unchecked: true, messageId: 'noTopology' });

    // QEMU numbers vCPUs with the thread id varying fastest (include/hw/i386/topology.h x86_topo_ids_from_idx:
    // smt_id = index % threads): vCPUs k·t … k·t+t−1 are the threads of one guest core.
    const threads = domain.cpu?.topology?.threads ?? 1;
    // SMT8 (POWER) is the most any host has; a larger count is invalid XML, for another rule.
    if (threads > 8) return;
    const byVcpu = new Map(pinned.map((p) => [p.vcpu, p] as const));

    if (threads > 1) {
      const bad: Array<{ first: PinnedVcpu; cpus: number[]; siblings: CpuSet }> = [];
      const groups = new Set(pinned.map((p) => Math.floor(p.vcpu / threads)));
      for (const k of [...groups].sort((a, b) => a - b)) {
        const members: PinnedVcpu[] = [];
        for (let v = k * threads; v < (k + 1) * threads; v++) {
          const p = byVcpu.get(v);
          if (p) members.push(p);
        }
        const cpus = mapPacked(members, (m) => m.cpu);
        // Only whole groups pinned 1:1 to distinct CPUs can be judged; anything else is another rule's finding.
        if (members.length !== threads || new Set(cpus).size !== threads) continue;
        if (!pinTargetsOnline(model, cpus)) continue;
        const siblings = model.siblingsOf(members[0]!.cpu);
        if (siblings === undefined) return missingTopology();
        if (members.every((m) => siblings.has(m.cpu))) continue;
        bad.push({ first: members[0]!, cpus, siblings });
      }
      if (bad.length === 0) return;
      // The guest scheduler then packs work onto "siblings" that are separate cores (or shares a host core it thinks is free).
      const [first, ...rest] = bad;
      const v = first!.first.vcpu;
      report({
        range: first!.first.range,
        messageId: 'notSiblings',
        data: {
          threads,
          vcpus: `${v}-${v + threads - 1}`,
          cpus: first!.cpus.join(','),
          more: rest.length === 0 ? '' : ` (and ${rest.length} more guest core${rest.length === 1 ? '' : 's'})`,
          core: `CPU ${first!.first.cpu}'s core: ${first!.siblings.size === 1 ? 'no SMT sibling' : first!.siblings.toString()}`,
        },
        related: rest.map((b) => ({ range: b.first.range, message: `vCPUs ${b.first.vcpu}-${b.first.vcpu + threads - 1} on CPUs ${b.cpus.join(',')} here` })),
      });
      return;
    }

    // threads = 1: does the guest pin two of its vCPUs to the two threads of one host core?
    // A host without SMT has no such pair (and one without topology gets no note for an info hint).
    if (model.smt !== true) return;
    const byCpu = new Map(pinned.map((p) => [p.cpu, p] as const));
    const pairs: Array<[PinnedVcpu, PinnedVcpu]> = [];
    for (const p of pinned) {
      const siblings = model.siblingsOf(p.cpu);
      // An info-level hint: without topology it is simply not given (no note about a note).
      if (siblings === undefined) return;
      if (siblings.size < 2 || siblings.size > 64) continue;
      for (const s of siblings.toArray(64)) {
        const q = byCpu.get(s);
        if (q && q.cpu > p.cpu) pairs.push([p, q]);
      }
    }
    if (pairs.length === 0) return;
    // The guest scheduler treats them as independent cores and loads both, though they share one core's execution units.
    const [[p, q], ...rest] = pairs as [[PinnedVcpu, PinnedVcpu], ...Array<[PinnedVcpu, PinnedVcpu]>];
    report({
      range: p.range,
      severity: 'info',
      messageId: 'siblingsAsCores',
      data: {
        a: p.vcpu,
        b: q.vcpu,
        cpuA: p.cpu,
        cpuB: q.cpu,
        topology: domain.cpu?.topology ? "threads='1'" : 'no <topology>',
        more: rest.length === 0 ? '' : `; ${rest.length} more pair${rest.length === 1 ? '' : 's'}`,
      },
      related: rest.map(([a, b]) => ({ range: a.range, message: `vCPUs ${a.vcpu} and ${b.vcpu} on siblings CPUs ${a.cpu} and ${b.cpu} here` })),
    });
  },
});
