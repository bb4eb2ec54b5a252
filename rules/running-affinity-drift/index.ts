import { defineRule } from '../../src/engine/types.ts';
import { effectiveEmulatorAffinity, effectiveIothreadAffinity, effectiveVcpuAffinity, type Affinity } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { emulatorThreads, runningGuestOf, snapshotCpus } from '../../src/model/running.ts';
import type { SnapshotGuestThread } from '../../src/model/host.ts';

/** The running threads of one kind and id, with the CPUs they are allowed on (distinct sets, in order). */
function allowedSets(threads: readonly SnapshotGuestThread[]): CpuSet[] {
  const sets: CpuSet[] = [];
  for (const t of threads) {
    const s = snapshotCpus(t.allowedCpus);
    if (!sets.some((x) => x.equals(s))) sets.push(s);
  }
  return sets;
}

export default defineRule({
  meta: {
    id: 'running-affinity-drift',
    name: 'RunningAffinityDrift',
    severity: 'warning',
    type: 'problem',
    needs: 'host',
    fixable: false,
    hasSuggestions: false,
    summary: 'A running vCPU, emulator or IOThread of this guest is allowed on other CPUs than the XML gives it (pinning changed live and not persisted, or the XML changed since the guest started).',
    tags: ['drift', 'pinning', 'running'],
  },
  checkDomain(ctx) {
    const host = ctx.host?.model;
    if (!host) return;
    const guest = runningGuestOf(host, ctx.domain);
    if (!guest) return;
    const d = ctx.domain;

    const check = (what: string, threads: readonly SnapshotGuestThread[], affinity: Affinity): void => {
      if (threads.length === 0 || affinity.cpus === undefined || affinity.source === 'placement-auto') return;
      const want = affinity.cpus;
      // Unpinned threads get every online CPU; libvirt since 8.x leaves the isolated ones out (qemuProcessGetAllCpuAffinity).
      const accepted = affinity.source === 'all-online' && host.isolation ? [want, want.subtract(host.isolation.isolated)] : [want];
      const drifted = allowedSets(threads).filter((s) => !accepted.some((a) => a.equals(s)));
      if (drifted.length === 0) return;
      const runs = drifted.map((s) => s.toString() || 'none').join(' and ');
      const range = affinity.attr?.range ?? (affinity.element ?? d.vcpu?.element ?? d.element).startTag;
      const xmlSays = affinity.source === 'all-online' ? `all online CPUs (${want.toString()})` : `CPUs ${want.toString()}`;
      ctx.report({ range, message: `${what} of running guest ${guest.name} is allowed on CPUs ${runs}; the XML gives it ${xmlSays}` });
    };

    const vcpuIds = [...new Set(guest.threads.filter((t) => t.role === 'vcpu' && t.id !== undefined).map((t) => t.id!))].sort((a, b) => a - b);
    for (const id of vcpuIds) {
      if (id >= d.maxVcpus) continue;
      check(`vCPU ${id}`, guest.threads.filter((t) => t.role === 'vcpu' && t.id === id), effectiveVcpuAffinity(d, id, host));
    }
    check('the emulator', emulatorThreads(guest), effectiveEmulatorAffinity(d, host));
    const ioIds = [...new Set(guest.threads.filter((t) => t.role === 'iothread' && t.id !== undefined).map((t) => t.id!))].sort((a, b) => a - b);
    for (const id of ioIds) {
      if (!d.iothreadIds.includes(id)) continue;
      check(`IOThread ${id}`, guest.threads.filter((t) => t.role === 'iothread' && t.id === id), effectiveIothreadAffinity(d, id, host));
    }
  },
});
