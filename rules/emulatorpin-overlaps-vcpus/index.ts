import { defineDomainRule } from '../../src/engine/types.ts';
import { effectiveEmulatorAffinity, isPinned, type Affinity } from '../../src/model/affinity.ts';
import type { DomainModel } from '../../src/model/domain.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeCpus, describeNodes, describeVcpus } from '../../src/model/describe.ts';
import { dedicatedCpuSet, domainThreads, emulatorTargetFor, isRealtimePolicy, realtimeVcpus, vcpusDedicatedWithin, vcpusThatCanStarve } from '../../src/model/threads.ts';
import { CPUTUNE_CHILD_ORDER, formatterPredecessor } from '../../src/model/libvirt-order.ts';
import { insertChild, replaceAttributeValue } from '../../src/engine/edit.ts';
import type { Fix } from '../../src/engine/types.ts';

export default defineDomainRule({
  meta: {
    id: 'emulatorpin-overlaps-vcpus',
    name: 'EmulatorpinOverlapsVcpus',
    severity: 'warning',
    severities: ['warning', 'error', 'info'],
    type: 'problem',
    fixable: true,
    hasSuggestions: true,
    summary: "QEMU's emulator threads may run on a host CPU that is dedicated to one of the guest's vCPUs.",
    tags: ['pinning', 'latency', 'realtime'],
    messages: {
      overlaps: {
        message: '{{via}} lets the emulator run on {{cpus}}, dedicated to {{vcpus}}: it preempts {{them}}',
        help: '{{advice}}',
      },
      realtimeVcpus: {
        message: '{{via}} lets the emulator run on {{cpus}}, dedicated to {{vcpus}}; realtime {{rt}} can starve it',
        help: '{{advice}}',
      },
      realtimeEmulator: {
        message: '{{via}} lets the {{policy}} emulator run on {{cpus}}, dedicated to {{vcpus}}: it can starve {{them}}',
        help: '{{advice}}',
      },
      realtimeMask: {
        message:
          '{{via}}: emulator on {{cpus}} of non-realtime {{vcpus}}, off realtime {{rt}}: the realtime-mask layout',
        help: '{{advice}}, to leave {{them}} free of it too',
      },
      dropDedicated: { message: "drop the dedicated CPUs from <emulatorpin>: cpuset='{{cpuset}}'" },
      moveEmulator: { message: "pin the emulator to housekeeping CPUs: cpuset='{{cpuset}}'" },
    },
  },
  check({ domain, host, source, report }) {
    if (!isPinned(domain)) return;
    const model = host?.model;
    const emulator = effectiveEmulatorAffinity(domain, model);
    // No pin at all (all online CPUs) is missing-emulatorpin's finding; numad's advice is not known offline.
    if ((emulator.source !== 'emulatorpin' && emulator.source !== 'vcpu-cpuset') || !emulator.cpus || !emulator.attr) return;
    const allDedicated = dedicatedCpuSet(domain, model);
    const hitCpus = allDedicated.intersect(emulator.cpus);
    if (hitCpus.isEmpty) return;
    const hitVcpus = vcpusDedicatedWithin(domain, hitCpus, model);

    // Realtime on either side makes it an error: a fifo/rr vCPU starves the emulator thread that lands on its
    // CPU, and a fifo/rr emulator starves the vCPU; which one starves which follows the priorities (canStarve).
    const emulatorThread = domainThreads(domain, model).find((t) => t.kind === 'emulator')!;
    const rtEmulator = isRealtimePolicy(emulatorThread.policy) ? emulatorThread : undefined;
    const rtVcpus = realtimeVcpus(domain, model).intersect(hitVcpus);
    const starvingVcpus = rtVcpus.isEmpty ? rtVcpus : vcpusThatCanStarve(domain, model, rtVcpus, emulatorThread);
    const via = emulator.source === 'emulatorpin' ? '<emulatorpin>' : '<vcpu cpuset> (no <emulatorpin>)';
    // A guest confined whole by a one-CPU <vcpu cpuset> and no vcpupin (a one-vCPU appliance): its vCPU
    // and emulator share that CPU by the one setting that places both. Nothing was dedicated; only
    // realtime makes the sharing a hazard.
    if (emulator.source === 'vcpu-cpuset' && (domain.cputune?.vcpupins.length ?? 0) === 0 && rtVcpus.isEmpty && !rtEmulator) return;

    // Safe only when the host names its housekeeping CPUs: then the target is not a guess (as missing-emulatorpin).
    const target = emulatorTargetFor(domain, model);
    const targetCpus = target?.cpus;
    const fix = targetCpus && !targetCpus.isEmpty ? emulatorFix(source.text, domain, emulator, targetCpus) : undefined;
    const remainder = emulator.cpus.subtract(allDedicated);
    const suggestions =
      !fix && emulator.source === 'emulatorpin' && !remainder.isEmpty
        ? [{ messageId: 'dropDedicated' as const, data: { cpuset: remainder.toString() }, fix: replaceAttributeValue(emulator.attr, remainder.toString()) }]
        : undefined;

    let advice: string;
    if (targetCpus && !targetCpus.isEmpty) {
      const where = target!.nodes ? `housekeeping ${describeCpus(targetCpus)} on host ${describeNodes(target!.nodes)}` : `housekeeping ${describeCpus(targetCpus)}`;
      advice = `pin the emulator to ${where}: <emulatorpin cpuset='${targetCpus.toString()}'/>`;
    } else if (!remainder.isEmpty && emulator.source === 'emulatorpin') {
      advice = `pin the emulator to CPUs no vCPU is dedicated to, e.g. ${describeCpus(remainder)} or the host's housekeeping CPUs`;
    } else {
      const what = emulator.source === 'emulatorpin' ? 'set <emulatorpin cpuset> to' : "add <emulatorpin cpuset='…'/> naming";
      advice = `${what} the host's housekeeping CPUs, or one spare CPU kept for the emulator`;
    }
    // Realtime on either side stalls device emulation and I/O for the whole guest, or starves the vCPUs outright.
    const data = { cpus: describeCpus(hitCpus), via, vcpus: describeVcpus(hitVcpus), them: hitVcpus.size === 1 ? 'that vCPU' : 'those vCPUs', advice };
    const common = { range: emulator.attr.valueRange, fix, suggestions };
    if (!starvingVcpus.isEmpty) report({ ...common, severity: 'error', messageId: 'realtimeVcpus', data: { ...data, rt: describeVcpus(starvingVcpus) } });
    else if (rtEmulator) report({ ...common, severity: 'error', messageId: 'realtimeEmulator', data: { ...data, policy: rtEmulator.policy } });
    else if (emulator.source === 'emulatorpin' && !realtimeVcpus(domain, model).isEmpty) {
      // A realtime guest whose normal emulator is pinned among its normal vCPUs only (every realtime vCPU is
      // elsewhere): OpenStack Nova's hw:cpu_realtime_mask layout, which puts the emulator on the non-realtime
      // vCPUs' CPUs on purpose ("leaving the remainder ... to handle overhead processes"), as libvirt's
      // kvm-realtime page keeps one non-realtime vCPU for the guest's own I/O. A choice, not a mistake: an
      // info, its move offered as a suggestion rather than a --fix.
      const moves = fix && targetCpus ? [{ messageId: 'moveEmulator' as const, data: { cpuset: targetCpus.toString() }, fix }] : suggestions;
      report({ range: emulator.attr.valueRange, suggestions: moves, severity: 'info', messageId: 'realtimeMask', data: { ...data, rt: describeVcpus(realtimeVcpus(domain, model)) } });
    } else report({ ...common, messageId: 'overlaps', data });
  },
});

/** Replace the emulatorpin's cpuset, or add an <emulatorpin> where libvirt's formatter puts it (after the vcpupins). */
function emulatorFix(text: string, domain: DomainModel, emulator: Affinity, cpus: CpuSet): Fix | undefined {
  if (emulator.source === 'emulatorpin') return replaceAttributeValue(emulator.attr!, cpus.toString());
  const cputune = domain.cputune?.element;
  if (!cputune) return undefined;
  return insertChild(text, cputune, { name: 'emulatorpin', attributes: [['cpuset', cpus.toString()]] }, formatterPredecessor(cputune, 'emulatorpin', CPUTUNE_CHILD_ORDER));
}
