import { appliedEmulatorsched, describeDefaultCpus } from '../../src/model/libvirt-version.ts';
import { defineDomainRule, type LintHost, type RelatedDescriptor } from '../../src/engine/types.ts';
import { isDedicated, isPinned } from '../../src/model/affinity.ts';
import { describeCpus, describeVcpus, listNames } from '../../src/model/describe.ts';
import { dedicatedCpuSet, describeThread, domainThreads, isRealtimePolicy, threadsOnCpu, threadsOverlapping, type ThreadGroup } from '../../src/model/threads.ts';
import { attribute } from '../../src/xml/query.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import type { Range } from '../../src/xml/types.ts';
import type { DomainModel } from '../../src/model/domain.ts';
import type { HostModel } from '../../src/model/host.ts';
import { rtLeftover } from '../../src/model/sched.ts';
import type { HostCpuClasses } from '../../src/model/cpu-capacity.ts';
import { locateJsonKey } from '../../src/json/document.ts';

export default defineDomainRule({
  meta: {
    id: 'realtime-sched-unsafe',
    name: 'RealtimeSchedUnsafe',
    severity: 'error',
    severities: ['error', 'warning'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A realtime (fifo or rr) thread can run on several CPUs, shares its CPU with another thread of the guest, or runs on housekeeping CPUs, on a host isolating no CPU, or on a slow hybrid core.',
    tags: ['realtime', 'pinning', 'latency'],
    messages: {
      vcpu: {
        message: "{{subject}} {{has}} scheduler='{{policy}}'{{priority}} but {{reasons}}",
        help: 'pin {{each}} to one isolated CPU of its own: a busy SCHED_{{POLICY}} thread starves whatever else needs its CPU',
      },
      thread: {
        message: "{{subject}} {{has}} scheduler='{{policy}}'{{priority}} but {{reasons}}",
        help: "give it one isolated CPU of its own, or drop the realtime policy (kvm-realtime keeps QEMU's other threads normal)",
      },
      slowCore: {
        message: "{{vcpus}} {{have}} scheduler='{{policy}}' on {{slow}} (CPUs {{cpus}}) though the host has faster {{fastest}} (CPUs {{fastestCpus}})",
        help: 'pin realtime vCPUs to isolated {{fastest}}: on a slower core every deadline the guest meets takes longer',
      },
      noIsolation: {
        message: '{{subject}} {{run}} {{policy}} on a host isolating no CPU: {{effect}}',
        help: 'isolate {{cpus}} (isolcpus= and nohz_full=, or tuned cpu-partitioning or realtime-virtual-host) and reboot, or drop the realtime policy: RCU, ksoftirqd and kworkers run on every CPU not isolated{{throttle}}',
      },
    },
  },
  check({ domain, host, report }) {
    const model = host?.model;
    if (!domain.cputune || !hasRealtimeSched(domain, model)) return;
    const hk = model?.housekeeping;
    // A host that isolates nothing (a capture whose command line, /sys and tuned declare no isolation, and no
    // configured housekeeping set): every CPU a realtime thread can hold runs the host's per-CPU kernel threads.
    if (host && !hk && !host.model.missing.has('isolation')) {
      const f = noIsolationFinding(domain, host);
      if (f) report({ ...f, messageId: 'noIsolation' });
    }
    if (model?.cpuClasses) {
      const f = slowCoreFinding(domain, model, model.cpuClasses);
      if (f) report({ ...f, severity: 'warning', messageId: 'slowCore' });
    }
    const pinned = isPinned(domain);
    const dedicated = dedicatedCpuSet(domain, model);
    // Two realtime threads sharing one CPU are one cause: the first finding names the CPU and the other
    // thread, and the other thread's own (same) finding becomes a related place of it.
    const sharing = new Map<number, { names: ReadonlySet<string>; related: RelatedDescriptor[] }>();
    // Reported after the loop, once every related place is known.
    const pending: Array<() => void> = [];

    for (const t of domainThreads(domain, model)) {
      if (!isRealtimePolicy(t.policy) || ownedElsewhere(t, pinned, dedicated)) continue;
      const a = t.affinity;
      const plural = t.ids.size > 1;
      const verb = (one: string, many: string) => (plural ? many : one);
      const reasons: string[] = [];
      let sharedCpu: number | undefined;
      let sharedWith: string[] = [];
      if (a.source === 'all-online') {
        reasons.push(`${verb('has', 'have')} no pin and may run on ${model ? describeDefaultCpus(model) : 'every online host CPU'}`);
      } else if (a.source === 'placement-auto') {
        reasons.push(`${verb('follows', 'follow')} numad's placement (<vcpu placement='auto'>), which spans whole host nodes`);
      } else if (!a.cpus) {
        continue; // A cpuset that does not parse is cpuset-syntax's.
      } else if (!isDedicated(a)) {
        // The other threads pinned within reach are the reason to name: a busy realtime thread never lets them
        // run on the CPU it holds, and narrowing it to one of those CPUs would not help them (the help says
        // "one CPU of its own", which covers the span too).
        const others = sharingThreads(domain, t, model);
        const shared = boundedNames(namesOf(others));
        if (shared.length === 0) reasons.push(`${verb('spans', 'span')} ${describeCpus(a.cpus)} (not one CPU)`);
        else {
          // The CPUs the others are pinned to, when they are not all of this pin's: "shares CPUs 1,3-4" for a
          // vCPU that meets the others on CPUs 1 and 3 only named CPU 4 as shared too.
          let met = CpuSet.empty;
          for (const o of others) if (o.affinity.cpus) met = met.union(o.affinity.cpus.intersect(a.cpus));
          reasons.push(met.isEmpty || met.equals(a.cpus)
            ? `${verb('shares', 'share')} ${describeCpus(a.cpus)} with ${listNames(shared)}`
            : `${verb('spans', 'span')} ${describeCpus(a.cpus)} and ${verb('shares', 'share')} ${describeCpus(met)} of them with ${listNames(shared)}`);
        }
      } else {
        // A vCPU on a CPU an earlier finding already names it on: only a related place of that finding. Decided
        // before listing the CPU's threads again, which for n realtime vCPUs on one CPU was O(n²).
        const known = sharing.get(a.cpus.min!);
        if (t.kind === 'vcpu' && known?.names.has(describeThread(t))) {
          if (known.related.length < MAX_RELATED) known.related.push({ range: relatedRange(t), message: `${describeThread(t)} (scheduler='${t.policy}') on ${describeCpus(a.cpus)} here` });
          continue;
        }
        const threads = sharingThreads(domain, t, model).map(describeThread);
        const shared = boundedNames(threads);
        // vCPUs that follow one single-CPU <vcpu cpuset> all share that CPU.
        if (t.ids.size > 1 && t.kind === 'vcpu') reasons.push(`all run on ${describeCpus(a.cpus)}${shared.length > 0 ? `, shared with ${listNames(shared)} too` : ''}`);
        else if (shared.length > 0) {
          reasons.push(`${verb('shares', 'share')} ${describeCpus(a.cpus)} with ${listNames(shared)}`);
          sharedCpu = a.cpus.min!;
          sharedWith = threads;
        }
      }
      // A realtime vCPU on housekeeping CPUs is housekeeping-overlap's (an error there); the emulator and
      // IOThreads are checked here. CPUs neither isolated nor housekeeping are offline: pin-target-offline's.
      if (t.kind !== 'vcpu' && hk && a.cpus) {
        const onHk = a.cpus.intersect(hk);
        if (!onHk.isEmpty) reasons.push(`may run on housekeeping ${describeCpus(onHk)}`);
      }
      if (reasons.length === 0) continue;

      const range = relatedRange(t);
      const subject = describeThread(t);
      const earlier = sharedCpu !== undefined ? sharing.get(sharedCpu) : undefined;
      if (earlier && reasons.length === 1 && earlier.names.has(subject)) {
        if (earlier.related.length < MAX_RELATED) earlier.related.push({ range, message: `${subject} (scheduler='${t.policy}') on ${describeCpus(a.cpus!)} here` });
        continue;
      }
      const related: RelatedDescriptor[] = [];
      if (sharedCpu !== undefined && !sharing.has(sharedCpu)) sharing.set(sharedCpu, { names: new Set(sharedWith), related });
      const data = {
        subject,
        has: verb('has', 'have'),
        policy: t.policy,
        priority: t.priority !== undefined ? ` priority='${t.priority}'` : '',
        reasons: reasons.join(' and '),
      };
      if (t.kind === 'vcpu') {
        const vcpuData = { ...data, each: plural ? 'each vCPU' : 'it', POLICY: t.policy.toUpperCase() };
        pending.push(() => report({ range, messageId: 'vcpu', data: vcpuData, related }));
      } else {
        pending.push(() => report({ range, messageId: 'thread', data, related }));
      }
    }
    for (const r of pending) r();
  },
});

/**
 * Realtime vCPUs dedicated to a CPU of a slower class on a hybrid host (an E-core, a LITTLE core) while faster
 * CPUs exist: one warning per domain, at the first such pin. A pin on housekeeping CPUs is housekeeping-overlap's
 * (its fix, an isolated CPU, is where the faster cores are named); floating pins are this rule's other finding.
 */
function slowCoreFinding(domain: DomainModel, model: HostModel, classes: HostCpuClasses) {
  const hk = model.housekeeping;
  const hits: Array<{ t: ThreadGroup; cpu: number; k: number }> = [];
  for (const t of domainThreads(domain, model)) {
    if (t.kind !== 'vcpu' || !isRealtimePolicy(t.policy) || !isDedicated(t.affinity)) continue;
    const cpu = t.affinity.cpus!.min!;
    const k = classes.classOf(cpu);
    // A CPU the host does not have online is pin-target-offline's.
    if (k === undefined || k === 0 || hk?.has(cpu) || !model.online.has(cpu)) continue;
    hits.push({ t, cpu, k });
  }
  if (hits.length === 0) return undefined;
  const fastest = classes.classes[0]!;
  const fastOnline = fastest.cpus.intersect(model.online);
  if (fastOnline.isEmpty) return undefined;
  const vcpus = CpuSet.fromIntervals(hits.flatMap((h) => h.t.ids.intervals()));
  const slow = [...new Set(hits.map((h) => h.k))].sort((a, b) => a - b).map((k) => classes.classes[k]!.label);
  const first = hits[0]!;
  return {
    range: relatedRange(first.t),
    data: {
      vcpus: describeVcpus(vcpus),
      have: vcpus.size === 1 ? 'has' : 'have',
      policy: first.t.policy,
      slow: slow.join(' and '),
      cpus: CpuSet.ofList(hits.map((h) => h.cpu)).toString(),
      fastest: fastest.label,
      fastestCpus: fastOnline.toString(),
    },
    related: hits.slice(1, MAX_RELATED + 1).map((h) => ({ range: relatedRange(h.t), message: `${describeThread(h.t)} on CPU ${h.cpu} (${classes.classes[h.k]!.label}) here` })),
  };
}

/**
 * One finding per domain for its realtime threads on a host without isolation: the per-CPU kernel threads of
 * every CPU they may hold (RCU, ksoftirqd, kworkers) get only what RT throttling or the fair server leaves
 * (src/model/sched.ts rtLeftover), and nothing with sched_rt_runtime_us = -1 before Linux 6.12.
 */
function noIsolationFinding(domain: DomainModel, host: LintHost) {
  const model = host.model;
  const threads = domainThreads(domain, model).filter((t) => isRealtimePolicy(t.policy));
  if (threads.length === 0) return undefined;
  let cpus = CpuSet.empty;
  let known = true;
  for (const t of threads) {
    if (t.affinity.cpus) cpus = cpus.union(t.affinity.cpus.intersect(model.online));
    else known = false; // numad's placement: not known statically
  }
  const where = known && !cpus.isEmpty ? describeCpus(cpus) : 'their CPUs';
  const policies = [...new Set(threads.map((t) => `SCHED_${t.policy.toUpperCase()}`))];
  // The vCPUs as one set ("vCPUs 0-3", not one name per pin), then the emulator and the IOThreads.
  const vcpus = CpuSet.fromIntervals(threads.flatMap((t) => (t.kind === 'vcpu' ? t.ids.intervals() : [])));
  const names = [...(vcpus.isEmpty ? [] : [describeVcpus(vcpus)]), ...namesOf(threads.filter((t) => t.kind !== 'vcpu'))];
  const plural = names.length > 1 || vcpus.size > 1 || threads.some((t) => t.kind === 'iothread' && t.ids.size > 1);
  const left = rtLeftover(model);
  let effect: string;
  let throttle = '';
  if (left === undefined) effect = `kernel threads on ${where} can starve`;
  else if (left.percent === 0) {
    effect = `RT throttling is off (-1): ${where} can hang`;
    throttle = '; sched_rt_runtime_us=-1 also turned off the RT throttling that would leave them 5%';
  } else if (left.source.startsWith('the fair server')) {
    effect = `the fair server leaves kernel threads on ${where} only ${left.percent}%`;
    throttle = `; ${left.source} is all that keeps them running`;
  } else {
    effect = `RT throttling leaves kernel threads on ${where} only ${left.percent}%`;
    throttle = `; RT throttling (${left.source}) is all that keeps them running`;
  }
  const first = threads.find((t) => t.sched) ?? threads[0]!;
  const rangeOf = (t: ThreadGroup): Range => (t.sched ? (attribute(t.sched.element, 'scheduler')?.valueRange ?? t.sched.element.startTag) : relatedRange(t));
  const related: RelatedDescriptor[] = [];
  const seen = new Set<unknown>([first.sched]);
  for (const t of threads) {
    if (related.length >= MAX_RELATED - 1) break;
    if (!t.sched || seen.has(t.sched)) continue;
    seen.add(t.sched);
    related.push({ range: rangeOf(t), message: `${describeThread(t)} with scheduler='${t.policy}' here` });
  }
  // The host side of the cause: RT throttling turned off, else the command line that isolates nothing.
  const runtimeAt = left?.percent === 0 ? locateJsonKey(host.text, 'kernel.rtRuntimeUs') : undefined;
  const cmdlineAt = runtimeAt ? undefined : locateJsonKey(host.text, 'kernel.cmdline');
  if (runtimeAt) related.push({ file: host, range: runtimeAt, message: 'sched_rt_runtime_us=-1 here' });
  else if (cmdlineAt) related.push({ file: host, range: cmdlineAt, message: 'the booted command line, with no isolcpus= or nohz_full=' });
  return {
    range: rangeOf(first),
    data: { subject: listNames(names), run: plural ? 'run' : 'runs', policy: policies.join(' and '), effect, cpus: where, throttle },
    related,
  };
}

/** Related places one finding lists at most. */
const MAX_RELATED = 20;

/** Where a thread's finding points: its pin, else its scheduler attribute, else the scheduling element. */
function relatedRange(t: ThreadGroup): Range {
  const a = t.affinity;
  const pin = a.source === 'vcpupin' || a.source === 'emulatorpin' || a.source === 'iothreadpin' ? a.attr : undefined;
  return (pin ?? attribute(t.sched!.element, 'scheduler'))?.valueRange ?? t.sched!.element.startTag;
}

/** Cheap pre-check before any thread is computed. */
function hasRealtimeSched(d: DomainModel, host: HostModel | undefined): boolean {
  const ct = d.cputune!;
  const rt = (s: { scheduler: string | undefined } | undefined) => s?.scheduler === 'fifo' || s?.scheduler === 'rr';
  // An <emulatorsched> that the host's libvirt (before 5.3.0) drops leaves the emulator normal.
  return ct.vcpusched.some(rt) || ct.iothreadsched.some(rt) || rt(appliedEmulatorsched(d, host));
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
 * Other threads of the domain that may run on `t`'s CPUs (its one CPU, or any of several), leaving out pairs other rules own:
 * the emulator or an IOThread with a dedicated vCPU (emulatorpin-overlaps-vcpus, iothread-placement),
 * and threads without any pin (missing-emulatorpin, iothread-placement, vcpu-partially-pinned).
 */
function sharingThreads(d: DomainModel, t: ThreadGroup, model: HostModel | undefined): ThreadGroup[] {
  const out: ThreadGroup[] = [];
  const cpus = t.affinity.cpus!;
  const others = cpus.size === 1 ? threadsOnCpu(d, cpus.min!, model, { except: t, explicitOnly: true }) : threadsOverlapping(d, cpus, model, { except: t, explicitOnly: true });
  for (const o of others) {
    const vcpuPair = t.kind === 'vcpu' || o.kind === 'vcpu';
    if (vcpuPair && t.kind !== o.kind) {
      const vcpu = t.kind === 'vcpu' ? t : o;
      if (isDedicated(vcpu.affinity)) continue;
    }
    out.push(o);
  }
  return out;
}

/** Thread names for a message, the IOThreads as one range ("IOThreads 5-8") after the others. */
function namesOf(threads: readonly ThreadGroup[]): string[] {
  const iothreads = CpuSet.fromIntervals(threads.flatMap((t) => (t.kind === 'iothread' ? t.ids.intervals() : [])));
  const names = threads.filter((t) => t.kind !== 'iothread').map(describeThread);
  if (!iothreads.isEmpty) names.push(`${iothreads.size === 1 ? 'IOThread' : 'IOThreads'} ${iothreads.toString()}`);
  return names;
}

/** At most a few names in a message; a huge guest must not produce a huge diagnostic. */
function boundedNames(names: string[], max = 4): string[] {
  return names.length <= max ? names : [...names.slice(0, max - 1), `${names.length - max + 1} more threads`];
}
