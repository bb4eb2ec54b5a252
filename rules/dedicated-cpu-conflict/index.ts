import { defineRule, type LintedDomain } from '../../src/engine/types.ts';
import type { Range } from '../../src/xml/types.ts';
import { isDedicated } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeDomain, describeVcpus, listBounded } from '../../src/model/describe.ts';
import { affinityUses, describeUseThreads, SortedCpus, type AffinityUse } from '../../src/model/plan-cpus.ts';

/** A vCPU group of one domain dedicated to one host CPU, and the pin that dedicates it. */
interface Owner {
  on: LintedDomain;
  use: AffinityUse;
  vcpus: CpuSet;
}

/** An affinity that reaches a CPU, for the index of who can run where. */
interface User {
  on: LintedDomain;
  use: AffinityUse;
}

export default defineRule({
  meta: {
    id: 'dedicated-cpu-conflict',
    name: 'DedicatedCpuConflict',
    severity: 'error',
    type: 'problem',
    needs: 'plan',
    fixable: false,
    hasSuggestions: false,
    summary: 'A host CPU dedicated to one guest\'s vCPU can also run threads of another guest planned on the same host.',
    tags: ['pinning', 'capacity', 'latency'],
  },
  checkPlan(ctx) {
    const host = ctx.host.model;
    // Each domain's affinities, once (computed per domain: linear in the plan).
    const plan = ctx.domains.map((on) => ({ on, uses: affinityUses(on.domain, host) }));

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

    // 2. Every affinity of every domain against that index, O(log n + hits) per affinity: who can run on
    // each dedicated CPU (entries of one domain are contiguous: the plan is walked domain by domain), and,
    // for an affinity that dedicates nothing, whose dedicated CPUs it reaches (at most three named).
    const users = new Map<number, User[]>();
    const reaching: Array<{ on: LintedDomain; use: AffinityUse; cpus: number[]; others: Map<LintedDomain, CpuSet | null> }> = [];
    for (const { on, uses } of plan) {
      for (const use of uses) {
        const hasVcpus = use.threads.some((t) => t.kind === 'vcpu');
        const dedicating = use.explicit && isDedicated(use.affinity) && hasVcpus;
        let mine: (typeof reaching)[number] | undefined;
        dedicated.forEachIn(use.reach, (cpu) => {
          if (!hasVcpus && housekeeping?.has(cpu)) return;
          const list = users.get(cpu);
          if (list) list.push({ on, use });
          else users.set(cpu, [{ on, use }]);
          if (dedicating) return;
          for (const owner of owners.get(cpu)!) {
            if (owner.on === on) continue;
            if (!mine) reaching.push((mine = { on, use, cpus: [], others: new Map() }));
            if (mine.cpus[mine.cpus.length - 1] !== cpu) mine.cpus.push(cpu);
            // Only the first three domains are named, so only theirs are summed.
            const seen = mine.others.get(owner.on);
            if (seen === undefined) mine.others.set(owner.on, mine.others.size < 3 ? owner.vcpus : null);
            else if (seen !== null) mine.others.set(owner.on, seen.union(owner.vcpus));
          }
        });
      }
    }

    const advice = 'a dedicated CPU must run its own vCPU and nothing else: give each guest CPUs no other guest can use';
    // The owner side: each dedicating pin, naming who else can run on its CPU.
    for (const [cpu, list] of owners) {
      const here = users.get(cpu) ?? [];
      let domains = 0;
      for (let i = 0; i < here.length; i++) if (i === 0 || here[i]!.on !== here[i - 1]!.on) domains++;
      for (const owner of list) {
        // The owner's own pin is among the users of its CPU.
        const total = domains - 1;
        if (total <= 0) continue;
        const names: string[] = [];
        for (let i = 0; i < here.length && names.length < 3; i++) {
          const u = here[i]!;
          if (u.on === owner.on || (i > 0 && here[i - 1]!.on === u.on)) continue;
          names.push(`${describeUseThreads(u.use)}${u.use.explicit ? '' : ' (not pinned)'} of ${describeDomain(u.on)}`);
        }
        ctx.report(owner.on, {
          range: owner.use.range!,
          message: `CPU ${cpu}, dedicated to ${describeVcpus(owner.vcpus)} of this domain, can also run ${listBounded(names, total)}: ${advice}`,
        });
      }
    }
    // The user side: an affinity reaching other guests' dedicated CPUs.
    for (const r of reaching) {
      const names: string[] = [];
      for (const [d, vcpus] of r.others) {
        if (vcpus === null) break;
        names.push(`${describeVcpus(vcpus)} of ${describeDomain(d)}`);
      }
      ctx.report(r.on, {
        range: r.use.range ?? fallbackRange(r.on),
        message:
          `${describeUseThreads(r.use)} of this domain can run on ${describeCpus(CpuSet.of(...r.cpus))}${r.use.explicit ? '' : ' (no pin: libvirt allows every online CPU)'}, ` +
          `dedicated to ${listBounded(names, r.others.size)}: ${advice}`,
      });
    }
  },
});


/** An unpinned thread has no pin to point at: the `<cputune>` where the pin belongs, else `<vcpu>`. */
function fallbackRange(on: LintedDomain): Range {
  const d = on.domain;
  return d.cputune?.element.startTag ?? d.vcpu?.element.startTag ?? d.element.startTag;
}
