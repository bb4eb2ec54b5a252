import { defineRule } from '../../src/engine/types.ts';
import type { Range } from '../../src/xml/types.ts';
import { isDedicated, isPinned, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';

/** A vCPU dedicated to one host CPU by its own pin. */
interface PinnedVcpu {
  vcpu: number;
  cpu: number;
  range: Range;
}

export default defineRule({
  meta: {
    id: 'guest-smt-topology-mismatch',
    name: 'GuestSmtTopologyMismatch',
    severity: 'warning',
    severities: ['warning', 'info'],
    type: 'problem',
    needs: 'host',
    fixable: false,
    hasSuggestions: false,
    summary: 'The guest\'s SMT topology (threads per core) does not match how its vCPUs are pinned to the host\'s SMT siblings.',
    tags: ['pinning', 'smt', 'topology'],
  },
  checkDomain({ domain, host, report, reportHostOnce }) {
    if (!host || !isPinned(domain)) return;
    const model = host.model;
    // vCPUs dedicated 1:1 by their own vcpupin (a shared <vcpu cpuset> of one CPU is a collision, not a topology).
    const pinned: PinnedVcpu[] = [];
    for (const g of vcpuAffinityGroups(domain, model)) {
      const a = g.affinity;
      if (a.source !== 'vcpupin' || !isDedicated(a) || g.vcpus.size !== 1 || !a.element) continue;
      pinned.push({ vcpu: g.vcpus.min!, cpu: a.cpus!.min!, range: a.attr?.valueRange ?? a.element.startTag });
    }
    if (pinned.length < 2) return;
    const missingTopology = (): void =>
      reportHostOnce('no-topology', {
        severity: 'info',
        message: 'the snapshot has no SMT topology (thread siblings): guest-smt-topology-mismatch is not checked',
      });

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
        // Only whole groups pinned 1:1 to distinct CPUs can be judged; anything else is another rule's finding.
        if (members.length !== threads || new Set(members.map((m) => m.cpu)).size !== threads) continue;
        const siblings = model.siblingsOf(members[0]!.cpu);
        if (siblings === undefined) return missingTopology();
        if (members.every((m) => siblings.has(m.cpu))) continue;
        bad.push({ first: members[0]!, cpus: members.map((m) => m.cpu), siblings });
      }
      if (bad.length === 0) return;
      const shown = bad.slice(0, 3).map((b) => {
        const v = b.first.vcpu;
        return `vCPUs ${v}-${v + threads - 1} on CPUs ${b.cpus.join(',')} (CPU ${b.first.cpu}'s core: ${b.siblings.size === 1 ? 'no SMT sibling' : b.siblings.toString()})`;
      });
      if (bad.length > 3) shown.push(`${bad.length - 3} more guest cores`);
      report({
        range: bad[0]!.first.range,
        message:
          `<topology threads='${threads}'> tells the guest that each ${threads} consecutive vCPUs are hardware threads of one core, ` +
          `but ${shown.join('; ')} are not SMT siblings of one host core: the guest scheduler then packs work onto "siblings" that are separate cores (or shares a host core it thinks is free); ` +
          `pin each guest core's vCPUs to the thread siblings of one host core, or declare threads='1'`,
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
    const shown = pairs.slice(0, 3).map(([p, q]) => `vCPUs ${p.vcpu} and ${q.vcpu} on CPUs ${p.cpu} and ${q.cpu}`);
    if (pairs.length > 3) shown.push(`${pairs.length - 3} more pairs`);
    report({
      range: pairs[0]![0].range,
      severity: 'info',
      message:
        `the guest sees one thread per core (${domain.cpu?.topology ? "<topology threads='1'>" : 'no <topology>'}), but ${shown.join('; ')} are SMT siblings of one host core: ` +
        `the guest scheduler treats them as independent cores and loads both, though they share one core's execution units; ` +
        `declare <topology threads='2'> with each sibling pair on consecutive vCPUs, or pin the vCPUs to separate cores`,
    });
  },
});
