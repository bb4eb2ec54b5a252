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

/** Everything one affinity (one pin element, or a domain's all-online default) collides with. */
interface Finding {
  on: LintedDomain;
  use: AffinityUse;
  /** This use dedicates its one CPU to vCPUs of its own domain. */
  owner: Owner | undefined;
  cpus: Set<number>;
  /**
   * Other domains involved, in first-seen order: their vCPUs dedicated to CPUs this use
   * reaches, or what of theirs reaches this dedicated CPU. Bounded by the CPUs of the use
   * (user side) or by the plan (owner side).
   */
  others: Map<LintedDomain, { vcpus: CpuSet; threads: string | undefined }>;
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
        const vcpus = use.threads.filter((t) => t.kind === 'vcpu').reduce((acc, t) => acc.union(t.ids), CpuSet.empty);
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

    // 2. Every affinity of every domain against that index: O(log n + hits) per affinity.
    const findings = new Map<AffinityUse, Finding>();
    const findingFor = (on: LintedDomain, use: AffinityUse): Finding => {
      let f = findings.get(use);
      if (!f) {
        const owner = owners.get(use.affinity.cpus?.size === 1 && use.explicit ? use.affinity.cpus.min! : -1)?.find((o) => o.use === use);
        findings.set(use, (f = { on, use, owner, cpus: new Set(), others: new Map() }));
      }
      return f;
    };
    for (const { on, uses } of plan) {
      for (const use of uses) {
        const hasVcpus = use.threads.some((t) => t.kind === 'vcpu');
        dedicated.forEachIn(use.reach, (cpu) => {
          if (!hasVcpus && housekeeping?.has(cpu)) return;
          for (const owner of owners.get(cpu)!) {
            if (owner.on === on) continue;
            // The user side: this affinity reaches another guest's dedicated CPU.
            const mine = findingFor(on, use);
            mine.cpus.add(cpu);
            const seen = mine.others.get(owner.on);
            if (seen) seen.vcpus = seen.vcpus.union(owner.vcpus);
            else mine.others.set(owner.on, { vcpus: owner.vcpus, threads: undefined });
            // The owner side: the dedicating pin, naming who else can run there.
            const theirs = findingFor(owner.on, owner.use);
            theirs.cpus.add(cpu);
            if (!theirs.others.has(on)) theirs.others.set(on, { vcpus: CpuSet.empty, threads: `${describeUseThreads(use)}${use.explicit ? '' : ' (not pinned)'}` });
          }
        });
      }
    }

    for (const f of findings.values()) {
      const range = f.use.range ?? fallbackRange(f.on);
      const cpus = CpuSet.of(...f.cpus);
      const names = [...f.others].map(([d, o]) => `${o.threads ?? describeVcpus(o.vcpus)} of ${label(d)}`);
      const others = listBounded(names, names.length);
      const advice = 'a dedicated CPU must run its own vCPU and nothing else: give each guest CPUs no other guest can use';
      const message = f.owner
        ? `${describeCpus(cpus)}, dedicated to ${describeVcpus(f.owner.vcpus)} of this domain, can also run ${others}: ${advice}`
        : `${describeUseThreads(f.use)} of this domain can run on ${describeCpus(cpus)}${f.use.explicit ? '' : ' (no pin: libvirt allows every online CPU)'}, ` +
          `dedicated to ${others}: ${advice}`;
      ctx.report(f.on, { range, message });
    }
  },
});

function label(on: LintedDomain): string {
  return describeDomain(on.domain.name, on.source.path);
}

/** An unpinned thread has no pin to point at: the `<cputune>` where the pin belongs, else `<vcpu>`. */
function fallbackRange(on: LintedDomain): Range {
  const d = on.domain;
  return d.cputune?.element.startTag ?? d.vcpu?.element.startTag ?? d.element.startTag;
}
