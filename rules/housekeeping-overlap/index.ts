import { defineHostRule, type RelatedDescriptor } from '../../src/engine/types.ts';
import type { Range } from '../../src/xml/types.ts';
import { isPinned, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeNodes, describeVcpus } from '../../src/model/describe.ts';
import { realtimeScheduler } from '../../src/model/sched.ts';
import { realtimeVcpus } from '../../src/model/threads.ts';

export default defineHostRule({
  meta: {
    id: 'housekeeping-overlap',
    name: 'HousekeepingOverlap',
    severity: 'warning',
    severities: ['warning', 'error'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A pinned vCPU can run on the host\'s housekeeping CPUs, where IRQs, kernel threads and QEMU\'s own threads run.',
    tags: ['pinning', 'isolation', 'latency'],
    messages: {
      onHousekeeping: {
        message: '{{vcpus}} can run on housekeeping {{cpus}} (housekeeping set {{housekeeping}})',
        help: "pin them to isolated CPUs {{instead}}: housekeeping CPUs carry IRQs, kernel threads and QEMU's own threads",
      },
      realtimeOnHousekeeping: {
        message: "{{vcpus}} with scheduler='{{policy}}' can run on housekeeping {{cpus}} and starve the host's kernel threads there",
        help: 'pin them to isolated CPUs {{instead}}',
      },
      noIsolation: {
        message: '{{why}}: housekeeping CPUs unknown, not checked',
        help: 'capture the host with `kvmlint snapshot` or set `housekeeping` in the config',
      },
    },
  },
  check({ domain, host, report, reportHostOnce }) {
    if (!isPinned(domain)) return;
    const hk = host.model.housekeeping;
    if (!hk) {
      // A capabilities or numactl snapshot cannot say whether the host isolates CPUs; a capture can say it does not.
      const why = host.model.missing.has('isolation')
        ? `a ${host.model.snapshot.source ?? 'hand-written'} snapshot does not record the host's isolation`
        : 'the host declares no isolation (isolcpus, nohz_full, tuned isolated_cores)';
      reportHostOnce('no-isolation', { unchecked: true, messageId: 'noIsolation', data: { why } });
      return;
    }
    // One finding per domain: every pin reaching housekeeping CPUs is one mistake, reported at the first, the others related.
    const hits: Array<{ vcpus: CpuSet; rt: CpuSet; cpus: CpuSet; pinned: CpuSet; range: Range; realtime: string | undefined }> = [];
    for (const { vcpus, affinity } of vcpuAffinityGroups(domain, host.model)) {
      // Only the domain's own pins are at fault; unpinned vCPUs of a partially pinned domain are another rule's.
      if ((affinity.source !== 'vcpupin' && affinity.source !== 'vcpu-cpuset') || !affinity.cpus || !affinity.element) continue;
      const hit = affinity.cpus.intersect(hk);
      if (hit.isEmpty) continue;
      const rt = vcpus.intersect(realtimeVcpus(domain, host.model));
      hits.push({ vcpus, rt, cpus: hit, pinned: affinity.cpus, range: affinity.attr?.range ?? affinity.element.startTag, realtime: rt.isEmpty ? undefined : realtimeScheduler(domain, rt) });
    }
    if (hits.length === 0) return;
    // A realtime vCPU on housekeeping CPUs is the error; the message names those vCPUs alone, so a guest with
    // Nova's hw:cpu_realtime_mask layout (vCPUs 0-1 normal, 2-3 fifo) is not said to run vCPUs 0-1 with fifo.
    // The other hits stay related places of the same finding.
    const realtimeHits = hits.filter((h) => h.realtime);
    const named = realtimeHits.length > 0 ? realtimeHits : hits;
    const ordered = [...named, ...hits.filter((h) => !named.includes(h))];
    let vcpus = CpuSet.empty;
    let cpus = CpuSet.empty;
    let pinned = CpuSet.empty;
    for (const h of named) {
      // Of a group sharing one affinity (<vcpu cpuset>), only the realtime vCPUs are named.
      vcpus = vcpus.union(h.realtime ? h.rt : h.vcpus);
      cpus = cpus.union(h.cpus);
    }
    for (const h of hits) pinned = pinned.union(h.pinned);
    // Suggest isolated CPUs on the same host node(s), so the advice does not move the vCPUs away from their memory.
    const isolated = host.model.online.subtract(hk);
    const nodes = host.model.nodesOfCpus(pinned);
    const local = isolated.intersect(host.model.cpusOfNodes(nodes));
    const instead = local.isEmpty ? `(${isolated.isEmpty ? 'none declared' : isolated.toString()})` : `of host ${describeNodes(nodes)} (${local.toString()})`;
    const realtime = realtimeHits[0]?.realtime;
    const related: RelatedDescriptor[] = ordered.slice(1).map((h) => ({
      range: h.range,
      message: `${describeVcpus(h.vcpus)}${realtime && !h.realtime ? ' (normal scheduling)' : ''} on ${describeCpus(h.cpus)} here`,
    }));
    const data = { vcpus: describeVcpus(vcpus), cpus: describeCpus(cpus), housekeeping: hk.toString(), instead };
    if (realtime) report({ range: ordered[0]!.range, severity: 'error', messageId: 'realtimeOnHousekeeping', data: { ...data, policy: realtime }, related });
    else report({ range: ordered[0]!.range, messageId: 'onHousekeeping', data, related });
  },
});
