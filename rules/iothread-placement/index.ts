import { defineDomainRule, type Fix } from '../../src/engine/types.ts';
import { effectiveEmulatorAffinity, effectiveIothreadAffinity, isPinned, vcpuAffinityGroups } from '../../src/model/affinity.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeVcpus, excerpt } from '../../src/model/describe.ts';
import { canStarveAnyVcpu, dedicatedCpuSet, domainThreads, isRealtimePolicy, realtimeVcpus, vcpusDedicatedWithin, vcpusThatCanStarve, type ThreadGroup } from '../../src/model/threads.ts';
import { hasValueProblem } from '../../src/model/domain.ts';
import { CPUTUNE_CHILD_ORDER, formatterPredecessor } from '../../src/model/libvirt-order.ts';
import { combineEdits, insertChild, replaceAttributeValue } from '../../src/engine/edit.ts';
import { defaultThreadAffinity } from '../../src/model/libvirt-version.ts';
import type { Range, XmlElement } from '../../src/xml/types.ts';

/** Where a realtime (fifo/rr) IOThread belongs: no shared CPU is safe for it or for what it shares with. */
const REALTIME_IOTHREAD_ADVICE = 'give a realtime IOThread an isolated CPU of its own, away from the vCPUs and the emulator';

/** A fix never writes more pins than this in one go; a larger count is left to a person. */
const MAX_PINS_PER_FIX = 64;

export default defineDomainRule({
  meta: {
    id: 'iothread-placement',
    name: 'IothreadPlacement',
    severity: 'warning',
    severities: ['warning', 'error'],
    type: 'problem',
    fixable: true,
    hasSuggestions: false,
    summary: 'An IOThread of a pinned domain has no iothreadpin, or is pinned onto a CPU dedicated to a vCPU.',
    tags: ['pinning', 'latency', 'io'],
    messages: {
      pinnedOnDedicated: {
        message: 'IOThread {{id}} is pinned to {{cpus}}, dedicated to {{vcpus}}: they compete for {{them}}',
        help: '{{advice}}',
      },
      pinnedOnDedicatedRealtime: {
        message: 'IOThread {{id}} is pinned to {{cpus}}, dedicated to {{vcpus}}: {{rt}}',
        help: '{{advice}} (a starved IOThread stalls the disk I/O it serves; a starved vCPU stalls the guest)',
      },
      pinnedOnDedicatedMany: {
        message: 'IOThreads {{ids}} are pinned to {{cpus}}, dedicated to {{vcpus}}: they compete for those CPUs',
        help: '{{advice}}',
      },
      unpinned: {
        message: '{{iothreads}} {{have}} no <iothreadpin>: {{they}} can run on {{where}}, including {{hit}}',
        help: '{{advice}}',
      },
      unpinnedRealtime: {
        message: '{{iothreads}} {{have}} no <iothreadpin>: {{they}} can run on {{hit}}; {{rt}}',
        help: '{{advice}} (a starved IOThread stalls the disk I/O it serves; a starved vCPU stalls the guest)',
      },
    },
  },
  check({ domain, host, source, report }) {
    if (domain.iothreadIds.length === 0 || !isPinned(domain)) return;
    const model = host?.model;
    const dedicatedSet = dedicatedCpuSet(domain, model);
    const vcpusOn = (cpus: CpuSet) => vcpusDedicatedWithin(domain, cpus, model);

    // Realtime on either side makes a finding an error (as emulatorpin-overlaps-vcpus): a fifo/rr vCPU starves
    // the IOThread that lands on its CPU, stalling the guest's disk I/O; a fifo/rr IOThread starves the vCPU.
    // Which side starves which follows the priorities (canStarve): an IOThread given a higher realtime priority
    // than the vCPUs is not starved by them.
    const rtVcpus = realtimeVcpus(domain, model);
    const iothreadThreads = new Map<number, ThreadGroup>();
    for (const t of domainThreads(domain, model)) if (t.kind === 'iothread') iothreadThreads.set(t.ids.min!, t);
    // What makes a finding an error, said briefly; `it`: the IOThread(s) named by the message.
    const realtimeNote = (vcpus: CpuSet, iothreads: readonly number[], it: string): string | undefined => {
      if (vcpus.intersects(rtVcpus)) {
        let starving = CpuSet.empty;
        const starved: number[] = [];
        for (const id of iothreads) {
          const by = vcpusThatCanStarve(domain, model, vcpus, iothreadThreads.get(id)!);
          if (by.isEmpty) continue;
          starving = starving.union(by);
          starved.push(id);
        }
        if (starved.length > 0) {
          const whom = starved.length === iothreads.length ? it : `IOThread${starved.length === 1 ? '' : 's'} ${CpuSet.ofList(starved).toString()}`;
          return `realtime ${describeVcpus(starving)} can starve ${whom}`;
        }
      }
      for (const id of iothreads) {
        const t = iothreadThreads.get(id)!;
        if (isRealtimePolicy(t.policy) && canStarveAnyVcpu(domain, model, vcpus, t)) return `IOThread ${id}'s ${t.policy} policy can starve the vCPU${vcpus.size === 1 ? '' : 's'} outright`;
      }
      return undefined;
    };

    // The one safe target (rules.md §2): the emulator's explicit set, when no vCPU may run there and the
    // emulator is not realtime itself (<emulatorsched fifo|rr>): a busy realtime emulator starves an
    // IOThread beside it just as a realtime vCPU would.
    const emulator = effectiveEmulatorAffinity(domain, model);
    const realtimeEmulator = domainThreads(domain, model).some((t) => t.kind === 'emulator' && isRealtimePolicy(t.policy));
    const target =
      !realtimeEmulator &&
      emulator.source === 'emulatorpin' &&
      emulator.cpus &&
      vcpuAffinityGroups(domain, model).every((g) => g.affinity.cpus !== undefined && g.affinity.source !== 'placement-auto' && !g.affinity.cpus.intersects(emulator.cpus!))
        ? emulator.cpus
        : undefined;
    const pinTo = target
      ? `pin it to the emulator's CPUs (${target.toString()})`
      : realtimeEmulator
        ? 'pin it to housekeeping CPUs away from the vCPUs and from the realtime emulator'
        : 'pin it to housekeeping CPUs, with the emulator, away from the vCPUs';

    const ids = new Set(domain.iothreadIds);
    const pinned = new Set<number>();
    /** Plain (not realtime) pins onto dedicated CPUs: one cause for all of a guest's, reported once below. */
    const plain: Array<{ id: number; range: Range; cpus: CpuSet; hit: CpuSet; on: CpuSet; advice: string; fix: Fix | undefined }> = [];
    for (const pin of domain.cputune?.iothreadpins ?? []) {
      // A pin for an IOThread that does not exist is vcpu-id-range's; a second pin for one id is rejected by libvirt.
      if (pin.iothread === undefined || pinned.has(pin.iothread) || !ids.has(pin.iothread)) continue;
      pinned.add(pin.iothread);
      const cpus = pin.cpuset?.set;
      if (!cpus || !pin.cpuset) continue;
      const hit = cpus.intersect(dedicatedSet);
      if (hit.isEmpty) continue;
      const on = vcpusOn(hit);
      // A realtime IOThread moved onto the emulator's CPUs would starve the emulator (realtime-sched-unsafe):
      // it needs a CPU of its own, which is a capacity decision.
      const realtimeIothread = isRealtimePolicy(iothreadThreads.get(pin.iothread)!.policy);
      const pinTarget = realtimeIothread ? undefined : target;
      const rt = realtimeNote(on, [pin.iothread], 'it');
      // Its I/O processing competes with the vCPU for the CPU, delaying both.
      const data = {
        id: pin.iothread,
        cpus: hit.equals(cpus) ? describeCpus(cpus) : `${describeCpus(cpus)}, including ${describeCpus(hit)}`,
        vcpus: describeVcpus(on),
        them: hit.size === 1 ? 'the CPU' : 'those CPUs',
        advice: pinTarget ? `set cpuset='${pinTarget.toString()}', the emulator's CPUs` : realtimeIothread ? REALTIME_IOTHREAD_ADVICE : pinTo,
      };
      const fix = pinTarget ? replaceAttributeValue(pin.cpuset.attr, pinTarget.toString()) : undefined;
      // An IOThread allowed a CPU no vCPU holds is woken there or pulled there by the load balancer while a
      // realtime vCPU keeps its own CPU (kernel/sched/fair.c select_idle_sibling, load_balance): added latency,
      // not starvation. Not on an isolcpus CPU, which has no scheduling domain to balance in; and not when
      // the IOThread is the realtime side, which preempts the vCPU wherever they meet.
      const escape = cpus.subtract(dedicatedSet);
      const balanced = !escape.isEmpty && (!model?.housekeeping || escape.intersects(model.housekeeping));
      const starvedOnly = vcpusThatCanStarve(domain, model, on, iothreadThreads.get(pin.iothread)!).size > 0 && !isRealtimePolicy(iothreadThreads.get(pin.iothread)!.policy);
      if (rt) report({ range: pin.cpuset.attr.valueRange, severity: balanced && starvedOnly ? 'warning' : 'error', messageId: 'pinnedOnDedicatedRealtime', data: { ...data, rt }, fix });
      else plain.push({ id: pin.iothread, range: pin.cpuset.attr.valueRange, cpus, hit, on, advice: data.advice, fix });
    }
    if (plain.length === 1) {
      const [p] = plain;
      report({
        range: p!.range,
        messageId: 'pinnedOnDedicated',
        data: { id: p!.id, cpus: p!.hit.equals(p!.cpus) ? describeCpus(p!.cpus) : `${describeCpus(p!.cpus)}, including ${describeCpus(p!.hit)}`, vcpus: describeVcpus(p!.on), them: p!.hit.size === 1 ? 'the CPU' : 'those CPUs', advice: p!.advice },
        fix: p!.fix,
      });
    } else if (plain.length > 1) {
      // IOThreads pinned among the vCPUs (one per pair of vCPUs, as some passthrough guides do) are one cause, one
      // finding, at the first pin, the others related; the fix moves them all, when each has one.
      const union = (f: (p: (typeof plain)[number]) => CpuSet) => plain.reduce((acc, p) => acc.union(f(p)), CpuSet.empty);
      const hit = union((p) => p.hit);
      const all = union((p) => p.cpus);
      const fixes = plain.map((p) => p.fix);
      const same = plain.every((p) => p.advice === plain[0]!.advice) ? plain[0]!.advice : pinTo;
      const advice = same.startsWith('set cpuset=') ? same.replace('set cpuset=', 'set each cpuset=') : same.replace(/\bit\b/, 'them');
      report({
        range: plain[0]!.range,
        messageId: 'pinnedOnDedicatedMany',
        data: {
          ids: CpuSet.ofList(plain.map((p) => p.id)).toString(),
          cpus: hit.equals(all) ? describeCpus(all) : `${describeCpus(all)}, including ${describeCpus(hit)}`,
          vcpus: describeVcpus(union((p) => p.on)),
          advice,
        },
        related: plain.slice(1).map((p) => ({ range: p.range, message: `IOThread ${p.id} pinned to ${describeCpus(p.cpus)} here` })),
        fix: fixes.every((f) => f !== undefined) ? combineEdits(source.text, fixes as Fix[]) : undefined,
      });
    }

    const unpinned = domain.iothreadIds.filter((id) => !pinned.has(id));
    // An <iothreads> count that does not parse or is implausible is value-invalid's; which IOThreads exist is then unknown.
    if (unpinned.length === 0 || hasValueProblem(domain, domain.iothreadsElement?.range)) return;
    // Every IOThread without a pin shares one fallback: <vcpu cpuset>, numad's advice, or all online CPUs.
    const fallback = effectiveIothreadAffinity(domain, unpinned[0]!, model);
    if (fallback.source === 'placement-auto') return;
    let where: string;
    let hitText: string;
    let covered = dedicatedSet;
    // The vCPUs the unpinned IOThreads share CPUs with: those dedicated within their reach; on every online
    // CPU with nothing dedicated (pins of several CPUs each), every vCPU.
    let meets: CpuSet | undefined;
    if (fallback.source === 'vcpu-cpuset') {
      // A <vcpu cpuset> kept apart from the dedicated vCPU CPUs is a deliberate pool for the other threads.
      if (!fallback.cpus || !fallback.attr) return;
      const hit = fallback.cpus.intersect(dedicatedSet);
      if (hit.isEmpty) return;
      covered = hit;
      where = `<vcpu cpuset='${excerpt(fallback.attr.value)}'>`;
      hitText = `${describeCpus(hit)} dedicated to ${describeVcpus(vcpusOn(hit))}`;
    } else if (model && defaultThreadAffinity(model).excludesIsolated && fallback.cpus) {
      // libvirt ≥ 10.4.0: the default leaves the isolated CPUs out; only dedicated CPUs outside them are hit.
      const hit = fallback.cpus.intersect(dedicatedSet);
      if (hit.isEmpty) return;
      covered = hit;
      where = `${describeCpus(fallback.cpus)} (libvirt ${model.libvirtVersion ?? ''} leaves isolated CPUs out)`;
      hitText = `${describeCpus(hit)} dedicated to ${describeVcpus(vcpusOn(hit))}`;
    } else {
      // Every online CPU, the isolated ones included.
      hitText = dedicatedSet.isEmpty ? "the vCPUs' CPUs" : `${describeCpus(dedicatedSet)} dedicated to ${describeVcpus(vcpusOn(dedicatedSet))}`;
      if (dedicatedSet.isEmpty) meets = CpuSet.range(0, domain.maxVcpus - 1);
      where = model ? `every online CPU (${model.online.toString()})` : 'every online CPU';
    }

    const cputune = domain.cputune?.element;
    // A fix is offered for a handful of pins only; beyond that (or with no safe target) one finding names them all.
    // Not for realtime IOThreads, which would starve the emulator on its CPUs.
    const anyRealtime = unpinned.some((id) => isRealtimePolicy(iothreadThreads.get(id)!.policy));
    const fixable = target !== undefined && !anyRealtime && cputune !== undefined && unpinned.length <= MAX_PINS_PER_FIX;
    for (const group of fixable ? byInsertionPoint(cputune, unpinned) : [{ after: undefined, ids: unpinned }]) {
      const set = CpuSet.ofList(group.ids);
      const one = group.ids.length === 1;
      const example = `<iothreadpin iothread='${set.min}' cpuset='${target ? target.toString() : '…'}'/>`;
      const they = one ? 'it' : 'they';
      const rt = realtimeNote(meets ?? vcpusOn(covered), group.ids, one ? 'it' : 'them');
      const data = {
        iothreads: `${one ? 'IOThread' : 'IOThreads'} ${set.toString()}`,
        have: one ? 'has' : 'have',
        they,
        hit: hitText,
        advice: anyRealtime ? REALTIME_IOTHREAD_ADVICE : `${one ? pinTo : pinTo.replace(' it ', ' them ')}: ${example}${one ? '' : ' for each'}`,
      };
      report({
        range: (domain.iothreadsElement ?? domain.element).startTag,
        ...(rt ? { severity: 'error' as const, messageId: 'unpinnedRealtime' as const, data: { ...data, rt } } : { messageId: 'unpinned' as const, data: { ...data, where } }),
        fix: fixable ? insertPins(source.text, cputune!, group.after, group.ids, target!) : undefined,
      });
    }
  },
});

/**
 * Groups IOThread ids by where libvirt's formatter would write their pins
 * (after the vcpupins and emulatorpin, among the other iothreadpins by id), so
 * each group is one insertion.
 */
function byInsertionPoint(cputune: XmlElement, ids: readonly number[]): Array<{ after: XmlElement | undefined; ids: number[] }> {
  const groups: Array<{ after: XmlElement | undefined; ids: number[] }> = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const after = formatterPredecessor(cputune, 'iothreadpin', CPUTUNE_CHILD_ORDER, (s) => Number(s.attributeValues['iothread']) < id);
    const last = groups[groups.length - 1];
    if (last && last.after === after) last.ids.push(id);
    else groups.push({ after, ids: [id] });
  }
  return groups;
}

/** One insertion holding a pin per IOThread, in id order (each insertion at the same point adds one line). */
function insertPins(text: string, cputune: XmlElement, after: XmlElement | undefined, ids: readonly number[], cpus: CpuSet): Fix {
  const parts = ids.map((id) => insertChild(text, cputune, { name: 'iothreadpin', attributes: [['iothread', String(id)], ['cpuset', cpus.toString()]] }, after));
  return { range: parts[0]!.range, text: parts.map((p) => p.text).join('') };
}
