import { defineRule } from '../../src/engine/types.ts';
import { isDedicated, isPinned } from '../../src/model/affinity.ts';
import { describeCpus, listNames } from '../../src/model/describe.ts';
import { dedicatedCpuSet, describeThread, domainThreads, isRealtimePolicy, threadsOnCpu, type ThreadGroup } from '../../src/model/threads.ts';
import { attribute } from '../../src/xml/query.ts';
import type { DomainModel } from '../../src/model/domain.ts';
import type { HostModel } from '../../src/model/host.ts';

export default defineRule({
  meta: {
    id: 'realtime-sched-unsafe',
    name: 'RealtimeSchedUnsafe',
    severity: 'error',
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'A thread with realtime scheduling (fifo or rr) can run on several CPUs, shares its CPU with another thread of the guest, or runs on housekeeping CPUs.',
    tags: ['realtime', 'pinning', 'latency'],
  },
  checkDomain({ domain, host, report }) {
    if (!domain.cputune || !hasRealtimeSched(domain)) return;
    const model = host?.model;
    const hk = model?.housekeeping;
    const pinned = isPinned(domain);
    const dedicated = dedicatedCpuSet(domain, model);

    for (const t of domainThreads(domain, model)) {
      if (!isRealtimePolicy(t.policy) || ownedElsewhere(t, pinned, dedicated)) continue;
      const a = t.affinity;
      const plural = t.ids.size > 1;
      const [it, its, has] = plural ? ['they', 'their', 'have'] : ['it', 'its', 'has'];
      const reasons: string[] = [];
      if (a.source === 'all-online') {
        reasons.push(`${it} ${has} no pin, so ${it} may run on every online host CPU${model ? ` (${model.online.toString()})` : ''}`);
      } else if (a.source === 'placement-auto') {
        reasons.push(`${it} follow${plural ? '' : 's'} numad's placement (<vcpu placement='auto'>), which spans whole host nodes`);
      } else if (!a.cpus) {
        continue; // A cpuset that does not parse is cpuset-syntax's.
      } else if (!isDedicated(a)) {
        reasons.push(`${its} affinity spans ${describeCpus(a.cpus)} instead of one CPU`);
      } else {
        const shared = boundedNames(sharingThreads(domain, t, model).map(describeThread));
        // vCPUs that follow one single-CPU <vcpu cpuset> all share that CPU.
        if (t.ids.size > 1 && t.kind === 'vcpu') reasons.push(`they all run on ${describeCpus(a.cpus)}${shared.length > 0 ? `, shared with ${listNames(shared)} too` : ''}`);
        else if (shared.length > 0) reasons.push(`it shares ${describeCpus(a.cpus)} with ${listNames(shared)}`);
      }
      // A realtime vCPU on housekeeping CPUs is housekeeping-overlap's (an error there); the emulator and
      // IOThreads are checked here. CPUs neither isolated nor housekeeping are offline: pin-target-offline's.
      if (t.kind !== 'vcpu' && hk && a.cpus) {
        const onHk = a.cpus.intersect(hk);
        if (!onHk.isEmpty) reasons.push(`it may run on housekeeping ${describeCpus(onHk)}, outside the isolated CPUs, where IRQ work and kernel threads must run`);
      }
      if (reasons.length === 0) continue;

      const sched = t.sched!;
      const pin = a.source === 'vcpupin' || a.source === 'emulatorpin' || a.source === 'iothreadpin' ? a.attr : undefined;
      const subject = describeThread(t);
      report({
        range: (pin ?? attribute(sched.element, 'scheduler'))?.valueRange ?? sched.element.startTag,
        message:
          `${subject.replace(/^the /, 'The ')} ${has} scheduler='${t.policy}'${t.priority !== undefined ? ` priority='${t.priority}'` : ''} but ${reasons.join('; ')}: ` +
          `a busy SCHED_${t.policy.toUpperCase()} thread is never preempted by ordinary threads, so whatever else needs its CPU starves; ` +
          (t.kind === 'vcpu'
            ? `pin ${plural ? 'each vCPU' : 'it'} to one isolated CPU of its own`
            : "give it one isolated CPU of its own, or drop the realtime policy (kvm-realtime keeps QEMU's other threads on housekeeping CPUs with normal scheduling)"),
      });
    }
  },
});

/** Cheap pre-check before any thread is computed. */
function hasRealtimeSched(d: DomainModel): boolean {
  const ct = d.cputune!;
  const rt = (s: { scheduler: string | undefined } | undefined) => s?.scheduler === 'fifo' || s?.scheduler === 'rr';
  return ct.vcpusched.some(rt) || ct.iothreadsched.some(rt) || rt(ct.emulatorsched);
}

/**
 * Cases another rule reports, so one mistake gets one finding (see the README's table): an emulator or
 * IOThread left without a pin of its own in a pinned domain is missing-emulatorpin's or iothread-placement's.
 */
function ownedElsewhere(t: ThreadGroup, pinned: boolean, dedicated: ReturnType<typeof dedicatedCpuSet>): boolean {
  if (!pinned || t.kind === 'vcpu') return false;
  const source = t.affinity.source;
  if (t.kind === 'emulator') return source === 'all-online';
  // iothread-placement reports an unpinned IOThread that falls back to all CPUs or onto a dedicated vCPU CPU.
  return source === 'all-online' || (source === 'vcpu-cpuset' && t.affinity.cpus !== undefined && t.affinity.cpus.intersects(dedicated));
}

/**
 * Other threads of the domain that may run on `t`'s one CPU, leaving out pairs other rules own:
 * the emulator or an IOThread with a dedicated vCPU (emulatorpin-overlaps-vcpus, iothread-placement),
 * and threads without any pin (missing-emulatorpin, iothread-placement, vcpu-partially-pinned).
 */
function sharingThreads(d: DomainModel, t: ThreadGroup, model: HostModel | undefined): ThreadGroup[] {
  const out: ThreadGroup[] = [];
  for (const o of threadsOnCpu(d, t.affinity.cpus!.min!, model, { except: t, explicitOnly: true })) {
    const vcpuPair = t.kind === 'vcpu' || o.kind === 'vcpu';
    if (vcpuPair && t.kind !== o.kind) {
      const vcpu = t.kind === 'vcpu' ? t : o;
      if (isDedicated(vcpu.affinity)) continue;
    }
    out.push(o);
  }
  return out;
}

/** At most a few names in a message; a huge guest must not produce a huge diagnostic. */
function boundedNames(names: string[], max = 4): string[] {
  return names.length <= max ? names : [...names.slice(0, max - 1), `${names.length - max + 1} more threads`];
}
