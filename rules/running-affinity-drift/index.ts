import { defineHostRule } from '../../src/engine/types.ts';
import { effectiveEmulatorAffinity, effectiveIothreadAffinity, effectiveVcpuAffinity, type Affinity } from '../../src/model/affinity.ts';
import type { CpuSet } from '../../src/model/cpuset.ts';
import type { SnapshotGuestThread } from '../../src/model/host.ts';
import { describeDefaultCpus } from '../../src/model/libvirt-version.ts';
import { emulatorThreads, runningGuestOf, snapshotCpus } from '../../src/model/running.ts';

/** The distinct sets of CPUs the threads are allowed on, in order. */
function allowedSets(threads: readonly SnapshotGuestThread[]): CpuSet[] {
  const sets: CpuSet[] = [];
  for (const t of threads) {
    const s = snapshotCpus(t.allowedCpus);
    if (!sets.some((x) => x.equals(s))) sets.push(s);
  }
  return sets;
}

/** Ids of the guest's threads of one role, ascending. */
function idsOf(threads: readonly SnapshotGuestThread[], role: 'vcpu' | 'iothread'): number[] {
  return [...new Set(threads.filter((t) => t.role === role && t.id !== undefined).map((t) => t.id!))].sort((a, b) => a - b);
}

export default defineHostRule({
  meta: {
    id: 'running-affinity-drift',
    name: 'RunningAffinityDrift',
    severity: 'warning',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A running vCPU, emulator or IOThread of this guest is allowed on other CPUs than the XML gives it (pinning changed live, or the XML since the start).',
    tags: ['drift', 'pinning', 'running'],
    messages: {
      drift: {
        message: '{{thread}} of running guest {{guest}} is allowed on CPUs {{running}}; the XML gives it {{xml}}',
        help: 'the file in git is the reviewed one: restart the guest or re-pin it live (virsh vcpupin/emulatorpin/iothreadpin --live), or put the live change in the file',
      },
    },
  },
  check({ domain: d, host, report }) {
    const model = host.model;
    const guest = runningGuestOf(model, d);
    if (!guest) return;

    const check = (thread: string, threads: readonly SnapshotGuestThread[], affinity: Affinity): void => {
      if (threads.length === 0 || affinity.cpus === undefined || affinity.source === 'placement-auto') return;
      const want = affinity.cpus;
      // Unpinned threads get every online CPU; libvirt from 10.4.0 leaves the isolated ones out (qemuProcessGetAllCpuAffinity,
      // src/model/libvirt-version.ts). Both are accepted: distributions backport the change into older releases.
      const accepted = affinity.source === 'all-online' && model.isolation ? [want, want.subtract(model.isolation.isolated)] : [want];
      const drifted = allowedSets(threads).filter((s) => !accepted.some((a) => a.equals(s)));
      if (drifted.length === 0) return;
      report({
        range: affinity.attr?.range ?? (affinity.element ?? d.vcpu?.element ?? d.element).startTag,
        messageId: 'drift',
        data: {
          thread,
          guest: guest.name,
          running: drifted.map((s) => s.toString() || 'none').join(' and '),
          xml: affinity.source === 'all-online' ? describeDefaultCpus(model) : `CPUs ${want.toString()}`,
        },
      });
    };

    for (const id of idsOf(guest.threads, 'vcpu')) {
      if (id >= d.maxVcpus) continue;
      check(`vCPU ${id}`, guest.threads.filter((t) => t.role === 'vcpu' && t.id === id), effectiveVcpuAffinity(d, id, model));
    }
    check('the emulator', emulatorThreads(guest), effectiveEmulatorAffinity(d, model));
    for (const id of idsOf(guest.threads, 'iothread')) {
      if (!d.iothreadIds.includes(id)) continue;
      check(`IOThread ${id}`, guest.threads.filter((t) => t.role === 'iothread' && t.id === id), effectiveIothreadAffinity(d, id, model));
    }
  },
});
