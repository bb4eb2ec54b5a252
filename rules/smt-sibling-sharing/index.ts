import { mapPacked } from '../../src/packed-arrays.ts';
import { onHousekeeping, pinTargetsOnline } from '../../src/model/root-cause.ts';
import { definePlanRule, type LintedDomain, type RelatedDescriptor } from '../../src/engine/types.ts';
import { isDedicated } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeVcpus, excerpt, listBounded, listNames } from '../../src/model/describe.ts';
import { affinityUses, siblingUseOwnedBySmtRule, SortedCpus, type AffinityUse } from '../../src/model/plan-cpus.ts';

/** A vCPU group dedicated to one host CPU that has SMT siblings, and what else lands on those siblings. */
interface DedicatedPin {
  on: LintedDomain;
  use: AffinityUse;
  cpu: number;
  vcpus: CpuSet;
  /** The other hardware threads of the CPU's core. */
  siblings: CpuSet;
  /** Sibling CPUs reached by this domain's emulator or IOThreads, and which of those threads. */
  own: { cpus: CpuSet; threads: Set<string> };
  /** Other domains reaching a sibling: for the first three, the affinity and the siblings reached (null after: only counted). */
  others: Map<LintedDomain, { cpus: CpuSet; use: AffinityUse } | null>;
}

export default definePlanRule({
  meta: {
    id: 'smt-sibling-sharing',
    name: 'SmtSiblingSharing',
    severity: 'warning',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'The SMT sibling of a dedicated vCPU\'s CPU runs other work: another guest, host housekeeping, or this guest\'s emulator or IOThreads.',
    tags: ['pinning', 'smt', 'latency'],
    messages: {
      siblingBusy: {
        message: 'CPU {{cpu}} ({{vcpus}} of {{guest}}) shares a core with {{siblings}}: {{uses}}',
        help: "leave the sibling idle, or give it to this guest's own vCPUs (with <topology threads='2'>): SMT siblings share execution units",
      },
      siblingsBusy: {
        message: '{{cpus}} ({{vcpus}} of {{guest}}) share cores with {{siblings}}: {{uses}}',
        help: "leave the siblings idle, or give them to this guest's own vCPUs (with <topology threads='2'>): SMT siblings share execution units",
      },
      siblingsHousekeeping: {
        message: '{{cpus}} ({{vcpus}} of {{guest}}) share cores with {{siblings}}, which are housekeeping',
        help: 'isolate the siblings too (isolcpus, nohz_full or tuned isolated_cores list whole cores), or pin to cores whose siblings are isolated',
      },
      noTopology: { message: 'the snapshot has no SMT topology (thread siblings) for dedicated {{cpus}}: smt-sibling-sharing is not checked for them' },
    },
  },
  check(ctx) {
    const host = ctx.host.model;
    // SMT off (every CPU its own core): no CPU has a sibling to share.
    if (host.smt === false) return;
    const plan = mapPacked(ctx.domains, (on) => ({ on, uses: affinityUses(on.domain, host) }));

    // 1. Dedicated vCPU pins whose CPU has SMT siblings; index sibling CPU → pins.
    const pins: DedicatedPin[] = [];
    const bySibling = new Map<number, DedicatedPin[]>();
    let unknown = CpuSet.empty;
    /** Per guest, the housekeeping CPUs its own vCPUs are dedicated to: housekeeping-overlap's findings. */
    const ownHousekeeping = new Map<LintedDomain, CpuSet>();
    for (const { on, uses } of plan) {
      for (const use of uses) {
        if (!use.explicit || !isDedicated(use.affinity)) continue;
        const vcpus = use.threads.filter((t) => t.kind === 'vcpu').reduce((acc, t) => acc.union(t.ids), CpuSet.empty);
        if (vcpus.isEmpty) continue;
        const cpu = use.affinity.cpus!.min!;
        // A CPU the host does not have online has no siblings to share: pin-target-offline reports it.
        if (!pinTargetsOnline(host, [cpu])) continue;
        // A vCPU dedicated to a housekeeping CPU is housekeeping-overlap's cause; its sibling adds nothing.
        if (onHousekeeping(host, cpu)) {
          ownHousekeeping.set(on, (ownHousekeeping.get(on) ?? CpuSet.empty).union(CpuSet.of(cpu)));
          continue;
        }
        const core = host.siblingsOf(cpu);
        if (core === undefined) {
          unknown = unknown.union(CpuSet.of(cpu));
          continue;
        }
        const siblings = core.subtract(CpuSet.of(cpu));
        // No SMT; or a sibling list no real core has (SMT8 is the most): not a topology to reason about.
        if (siblings.isEmpty || siblings.size > 63) continue;
        const pin: DedicatedPin = { on, use, cpu, vcpus, siblings, own: { cpus: CpuSet.empty, threads: new Set() }, others: new Map() };
        pins.push(pin);
        for (const s of siblings.toArray(64)) {
          const list = bySibling.get(s);
          if (list) list.push(pin);
          else bySibling.set(s, [pin]);
        }
      }
    }
    if (!unknown.isEmpty) {
      ctx.reportHost({ unchecked: true, messageId: 'noTopology', data: { cpus: describeCpus(unknown) } });
    }
    if (pins.length === 0) return;

    const usesByDomain = new Map(plan.map(({ on, uses }) => [on, uses]));
    const domainIndex = new Map(plan.map(({ on }, i) => [on, i]));
    // 2. Every affinity of the plan against the sibling index.
    const siblingIndex = new SortedCpus(bySibling.keys());
    for (const { on, uses } of plan) {
      for (const use of uses) {
        siblingIndex.forEachIn(use.reach, (s) => {
          for (const pin of bySibling.get(s)!) {
            if (pin.on === on) {
              // This guest's own vCPUs on the sibling are its own business (guest-smt-topology-mismatch);
              // its emulator and IOThreads are not.
              const helpers = use.threads.filter((t) => t.kind !== 'vcpu');
              if (helpers.length === 0) continue;
              // One finding per cause: an emulator or IOThread with no pin is missing-emulatorpin's and
              // iothread-placement's, and one allowed on the dedicated CPU itself is emulatorpin-overlaps-vcpus'
              // and iothread-placement's. Only a pin that keeps them off the vCPU's CPU but on its sibling is this rule's.
              if (!use.explicit || use.reach.has(pin.cpu)) continue;
              pin.own.cpus = pin.own.cpus.union(CpuSet.of(s));
              for (const t of helpers) pin.own.threads.add(t.kind === 'emulator' ? 'emulator' : `IOThread ${t.ids.toString()}`);
              continue;
            }
            // A guest that can also run on the dedicated CPU itself is dedicated-cpu-conflict's (src/model/plan-cpus.ts).
            if (!siblingUseOwnedBySmtRule(usesByDomain.get(on)!, pin.cpu)) continue;
            // Strings and sets only for the three named in the message: a sibling may be reached by the whole plan.
            const seen = pin.others.get(on);
            if (seen === undefined) pin.others.set(on, pin.others.size < 3 ? { cpus: CpuSet.of(s), use } : null);
            else if (seen !== null) seen.cpus = seen.cpus.union(CpuSet.of(s));
          }
        });
      }
    }

    const housekeeping = host.housekeeping;
    const guestName = (on: LintedDomain) => excerpt(on.domain.name ?? on.source.path, 40);
    // One finding per core (one resource): two guests dedicated to sibling threads of one core are one cause.
    const reportedCores = new Map<string, { related: RelatedDescriptor[] }>();
    /** The other guests named in a pin's finding (the first three; the rest are counted). */
    const otherNames = (pin: DedicatedPin): string[] => {
      const names: string[] = [];
      for (const [d, o] of pin.others) {
        if (o === null) break;
        names.push(`${guestName(d)}${o.use.explicit ? '' : ' (not pinned)'}`);
      }
      return names;
    };
    /** Pins of one guest whose cores share the same work: whether housekeeping, which kinds of its threads, which guests. */
    const causeKey = (pin: DedicatedPin, hk: CpuSet): string =>
      [domainIndex.get(pin.on), hk.isEmpty ? '' : 'housekeeping', [...new Set([...pin.own.threads].map((t) => t.split(' ')[0]))].sort().join(','), otherNames(pin).join('\0'), pin.others.size].join('\u0001');
    /** What shares a pin's core, in words: `hk` (its housekeeping siblings), its own helper threads, other guests. */
    const usesOf = (pin: DedicatedPin, hk: CpuSet, ownThreads = pin.own.threads): string[] => {
      const uses: string[] = [];
      if (!hk.isEmpty) uses.push(`${describeCpus(hk)} ${hk.size === 1 ? 'is' : 'are'} housekeeping`);
      if (ownThreads.size > 0) uses.push(`its ${listNames([...ownThreads])} ${ownThreads.size === 1 ? 'runs' : 'run'} there`);
      if (pin.others.size > 0) uses.push(`${listBounded(otherNames(pin), pin.others.size, 3, ['other guest', 'other guests'])} can run there`);
      return uses;
    };
    const findings: Array<{ pin: DedicatedPin; hk: CpuSet; uses: string[]; core: string; housekeepingOnly: boolean }> = [];
    for (const pin of pins) {
      // A housekeeping sibling that holds this guest's own dedicated vCPU is that vCPU's housekeeping-overlap
      // finding (an isolcpus list that left the siblings out): one cause, one finding.
      const hk = (housekeeping?.intersect(pin.siblings) ?? CpuSet.empty).subtract(ownHousekeeping.get(pin.on) ?? CpuSet.empty);
      const uses = usesOf(pin, hk);
      if (uses.length === 0) continue;
      findings.push({ pin, hk, uses, core: pin.siblings.union(CpuSet.of(pin.cpu)).toString(), housekeepingOnly: uses.length === 1 && hk.equals(pin.siblings) });
    }
    // One cause, one finding: a guest whose dedicated vCPUs each have only housekeeping siblings (an isolcpus
    // list that names one thread of each core) gets one finding for all of them, the other pins related.
    const housekeepingOnly = new Map<LintedDomain, typeof findings>();
    for (const f of findings) {
      if (!f.housekeepingOnly) continue;
      const list = housekeepingOnly.get(f.pin.on) ?? [];
      list.push(f);
      housekeepingOnly.set(f.pin.on, list);
    }
    const grouped = new Set<(typeof findings)[number]>();
    for (const [on, list] of housekeepingOnly) {
      if (list.length < 2) continue;
      for (const f of list) grouped.add(f);
      const first = list[0]!;
      const cpus = list.reduce((acc, f) => acc.union(CpuSet.of(f.pin.cpu)), CpuSet.empty);
      ctx.report(on, {
        range: first.pin.use.range!,
        messageId: 'siblingsHousekeeping',
        data: {
          cpus: describeCpus(cpus),
          vcpus: describeVcpus(list.reduce((acc, f) => acc.union(f.pin.vcpus), CpuSet.empty)),
          guest: guestName(on),
          siblings: describeCpus(list.reduce((acc, f) => acc.union(f.pin.siblings), CpuSet.empty)),
        },
        related: list.slice(1).map((f) => ({ range: f.pin.use.range!, message: `CPU ${f.pin.cpu} (${describeVcpus(f.pin.vcpus)}) shares a core with housekeeping ${describeCpus(f.pin.siblings)} here` })),
      });
    }
    // One finding per core (one resource), on the first guest's pin in plan order, the core's other pins related.
    const representatives: Array<{ finding: (typeof findings)[number]; sameCore: RelatedDescriptor[] }> = [];
    for (const finding of findings) {
      if (grouped.has(finding)) continue;
      const { pin, core } = finding;
      if (reportedCores.has(core)) continue;
      const sameCore: RelatedDescriptor[] = findings
        .filter((f) => f.core === core && f.pin !== pin)
        .map((f) => ({ file: f.pin.on.source, range: f.pin.use.range!, message: `CPU ${f.pin.cpu} of the same core dedicated to ${describeVcpus(f.pin.vcpus)} of ${guestName(f.pin.on)} here` }));
      reportedCores.set(core, { related: sameCore });
      representatives.push({ finding, sameCore });
    }
    // One cause, one finding: a guest whose dedicated vCPUs share their cores with the same work (another guest
    // pinned onto the siblings, say: the usual N/N+16 numbering mistake) gets one finding for all of them, at the
    // first pin, the other pins and the other guests' pins related (at most 20, the engine's bound).
    const byCause = new Map<string, typeof representatives>();
    for (const r of representatives) {
      const key = causeKey(r.finding.pin, r.finding.hk);
      const list = byCause.get(key);
      if (list) list.push(r);
      else byCause.set(key, [r]);
    }
    for (const group of byCause.values()) {
      const { pin, uses } = group[0]!.finding;
      if (group.length === 1) {
        ctx.report(pin.on, {
          range: pin.use.range!,
          messageId: 'siblingBusy',
          data: { cpu: pin.cpu, vcpus: describeVcpus(pin.vcpus), guest: guestName(pin.on), siblings: describeCpus(pin.siblings), uses: uses.join('; ') },
          related: group[0]!.sameCore,
        });
        continue;
      }
      const pins = group.map((r) => r.finding.pin);
      const union = (f: (p: DedicatedPin) => CpuSet) => pins.reduce((acc, p) => acc.union(f(p)), CpuSet.empty);
      const hk = group.reduce((acc, r) => acc.union(r.finding.hk), CpuSet.empty);
      const related: RelatedDescriptor[] = [...group[0]!.sameCore];
      for (const r of group.slice(1)) {
        related.push({ range: r.finding.pin.use.range!, message: `CPU ${r.finding.pin.cpu} (${describeVcpus(r.finding.pin.vcpus)}) shares a core with ${describeCpus(r.finding.pin.siblings)} here` });
        related.push(...r.sameCore);
      }
      ctx.report(pin.on, {
        range: pin.use.range!,
        messageId: 'siblingsBusy',
        data: {
          cpus: describeCpus(union((p) => CpuSet.of(p.cpu))),
          vcpus: describeVcpus(union((p) => p.vcpus)),
          guest: guestName(pin.on),
          siblings: describeCpus(union((p) => p.siblings)),
          uses: usesOf(pin, hk, new Set(pins.flatMap((p) => [...p.own.threads]))).join('; '),
        },
        related: related.slice(0, 20),
      });
    }
  },
});
