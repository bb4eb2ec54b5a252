import { defineRule } from '../../src/engine/types.ts';
import { isPinned, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { describeCpus, describeNodes, describeVcpus } from '../../src/model/describe.ts';
import { realtimeScheduler } from '../../src/model/sched.ts';

export default defineRule({
  meta: {
    id: 'housekeeping-overlap',
    name: 'HousekeepingOverlap',
    severity: 'warning',
    type: 'problem',
    needs: 'host',
    fixable: false,
    hasSuggestions: false,
    summary: 'A pinned vCPU can run on the host\'s housekeeping CPUs, where IRQs, kernel threads and QEMU\'s own threads run.',
    tags: ['pinning', 'isolation', 'latency'],
  },
  checkDomain({ domain, host, report, reportHostOnce }) {
    if (!host || !isPinned(domain)) return;
    const hk = host.model.housekeeping;
    if (!hk) {
      // A capabilities or numactl snapshot cannot say whether the host isolates CPUs; a capture can say it does not.
      const why = host.model.missing.has('isolation')
        ? `the snapshot does not record the host's isolation (a ${host.model.snapshot.source ?? 'hand-written'} snapshot has no kernel command line, /sys isolation files or tuned profile; capture one with kvmlint snapshot)`
        : 'the host declares no isolation (isolcpus, nohz_full, tuned isolated_cores)';
      reportHostOnce('no-isolation', {
        severity: 'info',
        message: `housekeeping CPUs are unknown: ${why} and the config sets none; housekeeping-overlap is not checked`,
      });
      return;
    }
    for (const { vcpus, affinity } of vcpuAffinityGroups(domain, host.model)) {
      // Only the domain's own pins are at fault; unpinned vCPUs of a partially pinned domain are another rule's.
      if ((affinity.source !== 'vcpupin' && affinity.source !== 'vcpu-cpuset') || !affinity.cpus || !affinity.element) continue;
      const hit = affinity.cpus.intersect(hk);
      if (hit.isEmpty) continue;
      const realtime = realtimeScheduler(domain, vcpus);
      const what = affinity.source === 'vcpupin' ? `is pinned to` : 'is confined by <vcpu cpuset> to';
      const subject = `${describeVcpus(vcpus)} ${vcpus.size === 1 ? what : what.replace(/^is/, 'are')}`;
      const onHk = hit.equals(affinity.cpus)
        ? `${describeCpus(hit)}, ${hit.size === 1 ? 'a housekeeping CPU' : 'housekeeping CPUs'}`
        : `${describeCpus(affinity.cpus)}, which include${affinity.cpus.size === 1 ? 's' : ''} housekeeping ${describeCpus(hit)}`;
      // Suggest isolated CPUs on the same host node(s), so the fix does not move the vCPU away from its memory.
      // online − HK: the isolated CPUs, also when the configuration sets HK explicitly.
      const isolated = host.model.online.subtract(hk);
      const nodes = host.model.nodesOfCpus(affinity.cpus);
      const local = isolated.intersect(host.model.cpusOfNodes(nodes));
      const instead = local.isEmpty
        ? `pin vCPUs to isolated CPUs only (${isolated.isEmpty ? 'none declared' : isolated.toString()})`
        : `pin ${vcpus.size === 1 ? 'it' : 'them'} to isolated CPUs of host ${describeNodes(nodes)} (${local.toString()})`;
      report({
        range: affinity.attr?.range ?? affinity.element.startTag,
        severity: realtime ? 'error' : undefined,
        message:
          `${subject} ${onHk} (housekeeping set ${hk.toString()}), which is reserved for IRQs, kernel threads and QEMU's emulator and I/O threads` +
          `${realtime ? `; with scheduler='${realtime}' (SCHED_${realtime.toUpperCase()}) the vCPU can starve them` : ''}: ${instead}`,
      });
    }
  },
});
