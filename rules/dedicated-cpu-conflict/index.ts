import { mapPacked } from '../../src/packed-arrays.ts';
import { definePlanRule, type LintedDomain, type RelatedDescriptor } from '../../src/engine/types.ts';
import type { Range } from '../../src/xml/types.ts';
import { isDedicated, isPinned } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeVcpus, excerpt, listBounded } from '../../src/model/describe.ts';
import { affinityUses, describeUseThreads, SortedCpus, type AffinityUse } from '../../src/model/plan-cpus.ts';

/** A vCPU group of one domain dedicated to one host CPU, and the pin that dedicates it. */
interface Owner {
  on: LintedDomain;
  use: AffinityUse;
  vcpus: CpuSet;
}

export default definePlanRule({
  meta: {
    id: 'dedicated-cpu-conflict',
    name: 'DedicatedCpuConflict',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A host CPU dedicated to one guest\'s vCPU can also run threads of another guest planned on the same host.',
    tags: ['pinning', 'capacity', 'latency'],
    messages: {
      sharedDedicated: {
        message: 'CPU {{cpu}} is dedicated to {{count}} guests at once: {{owners}}',
        help: 'a dedicated CPU must run its own vCPU and nothing else: give each guest CPUs no other guest uses',
      },
      sharedDedicatedCpus: {
        message: '{{cpus}} are each dedicated to {{count}} guests at once: {{owners}}',
        help: 'a dedicated CPU must run its own vCPU and nothing else: give each guest CPUs no other guest uses',
      },
      reachesDedicated: {
        message: '{{threads}} can run on {{cpus}}{{unpinned}}, dedicated to {{owners}}',
        help: 'pin these threads to CPUs no other guest has dedicated (a dedicated CPU must run its own vCPU and nothing else)',
      },
    },
  },
  check(ctx) {
    const host = ctx.host.model;
    // Each domain's affinities, once (computed per domain: linear in the plan).
    const plan = mapPacked(ctx.domains, (on) => ({ on, uses: affinityUses(on.domain, host) }));

    // 1. Index the dedicated CPUs: CPU → the vCPU pins dedicating it (usually one).
    const owners = new Map<number, Owner[]>();
    for (const { on, uses } of plan) {
      for (const use of uses) {
        if (!use.explicit || !isDedicated(use.affinity)) continue;
        let vcpus = CpuSet.empty;
        for (const t of use.threads) if (t.kind === 'vcpu') vcpus = vcpus.union(t.ids);
        if (vcpus.isEmpty) continue;
        const cpu = use.affinity.cpus!.min!;
        const list = owners.get(cpu);
        const owner = { on, use, vcpus };
        if (list) list.push(owner);
        else owners.set(cpu, [owner]);
      }
    }
    if (owners.size === 0) return;
    const dedicated = new SortedCpus(owners.keys());
    // A vCPU "dedicated" to a housekeeping CPU is housekeeping-overlap's finding: that CPU is the shared
    // pool where every guest's emulator and IOThreads belong, so only other guests' vCPUs conflict there.
    const housekeeping = host.housekeeping;

    // 2. Every affinity of every domain against that index, O(log n + hits) per affinity: for an affinity
    // that dedicates nothing, whose dedicated CPUs it reaches (at most three named).
    const reaching: Array<{ on: LintedDomain; use: AffinityUse; threads: AffinityUse['threads']; cpus: number[]; others: Map<LintedDomain, CpuSet | null> }> = [];
    for (const { on, uses } of plan) {
      // The unpinned emulator of a guest with pinned vCPUs is missing-emulatorpin's finding: one cause (no
      // <emulatorpin>), one fix, whichever guests' CPUs it floats over.
      const emulatorIsMissingPin = isPinned(on.domain);
      for (const use of uses) {
        const hasVcpus = use.threads.some((t) => t.kind === 'vcpu');
        const dedicating = use.explicit && isDedicated(use.affinity) && hasVcpus;
        const reported = !use.explicit && emulatorIsMissingPin ? use.threads.filter((t) => t.kind !== 'emulator') : use.threads;
        let mine: (typeof reaching)[number] | undefined;
        dedicated.forEachIn(use.reach, (cpu) => {
          if (!hasVcpus && housekeeping?.has(cpu)) return;
          if (dedicating || reported.length === 0) return;
          for (const owner of owners.get(cpu)!) {
            if (owner.on === on) continue;
            if (!mine) reaching.push((mine = { on, use, threads: reported, cpus: [], others: new Map() }));
            if (mine.cpus[mine.cpus.length - 1] !== cpu) mine.cpus.push(cpu);
            // Only the first three domains are named, so only theirs are summed.
            const seen = mine.others.get(owner.on);
            if (seen === undefined) mine.others.set(owner.on, mine.others.size < 3 ? owner.vcpus : null);
            else if (seen !== null) mine.others.set(owner.on, seen.union(owner.vcpus));
          }
        });
      }
    }

    const where = (on: LintedDomain, use: AffinityUse) => use.range ?? fallbackRange(on);
    // One finding per cause: a CPU several guests dedicate is promised twice, and the CPUs the same guests
    // dedicate (a guest whose pins repeat another's) are one cause. The finding is at the last owner's pin of
    // the first such CPU, in plan order (the guest `kvmlint plan` moves: earlier guests keep their cores), the
    // other pins related (at most 20). Affinities that dedicate nothing but reach a dedicated CPU are reported
    // below, once per affinity: the place to change is theirs.
    const domainIndex = new Map(plan.map(({ on }, i) => [on, i]));
    const byCause = new Map<string, Array<{ cpu: number; list: Owner[]; domains: Set<LintedDomain> }>>();
    for (const [cpu, list] of [...owners].sort((a, b) => a[0] - b[0])) {
      // Most dedicated CPUs have one owner: no set of guests to build.
      if (list.length < 2) continue;
      const domains = new Set(list.map((o) => o.on));
      if (domains.size < 2) continue;
      const key = [list[list.length - 1]!.on, ...domains].map((d) => domainIndex.get(d)).join(',');
      const group = byCause.get(key);
      if (group) group.push({ cpu, list, domains });
      else byCause.set(key, [{ cpu, list, domains }]);
    }
    for (const group of byCause.values()) {
      const { cpu, list, domains } = group[0]!;
      const first = list[list.length - 1]!;
      const names = [...domains].slice(0, 3).map(guestName);
      const owners = listBounded(names, domains.size, 3, domains.size === 4 ? 'other guest' : 'other guests');
      const related: RelatedDescriptor[] = [];
      for (const [k, shared] of group.entries()) {
        const last = shared.list[shared.list.length - 1]!;
        if (k > 0) related.push({ range: where(last.on, last.use), message: `${describeVcpus(last.vcpus)} pinned to CPU ${shared.cpu} here` });
        for (const o of shared.list.slice(0, -1)) related.push({ file: o.on.source, range: where(o.on, o.use), message: `${describeVcpus(o.vcpus)} of ${o.on.domain.name ?? o.on.source.path} pinned to CPU ${shared.cpu} here` });
        if (related.length >= 20) break;
      }
      if (group.length === 1) {
        ctx.report(first.on, { range: where(first.on, first.use), messageId: 'sharedDedicated', data: { cpu, count: domains.size, owners }, related: related.slice(0, 20) });
      } else {
        ctx.report(first.on, {
          range: where(first.on, first.use),
          messageId: 'sharedDedicatedCpus',
          data: { cpus: describeCpus(CpuSet.ofList(group.map((g) => g.cpu))), count: domains.size, owners },
          related: related.slice(0, 20),
        });
      }
    }
    // The user side: an affinity that dedicates nothing reaching other guests' dedicated CPUs.
    for (const r of reaching) {
      const names: string[] = [];
      for (const [d, vcpus] of r.others) {
        if (vcpus === null) break;
        names.push(`${describeVcpus(vcpus)} of ${guestName(d)}`);
      }
      const related: RelatedDescriptor[] = [];
      // Twenty places, the engine's bound (core.ts MAX_RELATED): a CPU may be dedicated to hundreds of guests.
      places: for (const cpu of r.cpus.slice(0, 20)) {
        for (const o of owners.get(cpu) ?? []) {
          if (o.on === r.on) continue;
          if (related.length === 20) break places;
          related.push({ file: o.on.source, range: where(o.on, o.use), message: `CPU ${cpu} dedicated to ${describeVcpus(o.vcpus)} of ${o.on.domain.name ?? o.on.source.path} here` });
        }
      }
      ctx.report(r.on, {
        range: where(r.on, r.use),
        messageId: 'reachesDedicated',
        data: {
          threads: describeUseThreads({ ...r.use, threads: r.threads }),
          cpus: describeCpus(CpuSet.ofList(r.cpus)),
          unpinned: r.use.explicit ? '' : ' (not pinned)',
          owners: listBounded(names, r.others.size, 3, r.others.size === 4 ? 'other guest' : 'other guests'),
        },
        related,
      });
    }
  },
});


/** An unpinned thread has no pin to point at: the `<cputune>` where the pin belongs, else `<vcpu>`. */
function fallbackRange(on: LintedDomain): Range {
  const d = on.domain;
  return d.cputune?.element.startTag ?? d.vcpu?.element.startTag ?? d.element.startTag;
}

/** A guest named in a message: its <name>, else its file (the file itself is in the related locations). */
function guestName(on: LintedDomain): string {
  return excerpt(on.domain.name ?? on.source.path, 40);
}
