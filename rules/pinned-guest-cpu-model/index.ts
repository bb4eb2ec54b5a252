import { defineRule } from '../../src/engine/types.ts';
import { isPinned } from '../../src/model/affinity.ts';
import { excerpt } from '../../src/model/describe.ts';
import { attribute, firstChild } from '../../src/xml/query.ts';

// formatdomain §CPU model and topology: with hardware virtualization, 'maximum' is functionally host-passthrough.
const HOST_MODES: ReadonlySet<string> = new Set(['host-passthrough', 'host-model', 'maximum']);

export default defineRule({
  meta: {
    id: 'pinned-guest-cpu-model',
    name: 'PinnedGuestCpuModel',
    severity: 'info',
    type: 'suggestion',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'A pinned domain uses a named or default CPU model instead of host-passthrough or host-model.',
    tags: ['pinning', 'cpu-model'],
  },
  checkDomain({ domain, report }) {
    // host-passthrough and host-model need hardware virtualization: for TCG (type='qemu') and other drivers the advice does not apply.
    if (domain.type !== 'kvm' || !isPinned(domain)) return;
    const cpu = domain.cpu;
    const mode = cpu?.mode;
    if (mode !== undefined && HOST_MODES.has(mode)) return;
    const advice = "use <cpu mode='host-passthrough'> (or host-model where the guest must migrate between different hosts), with a <topology> matching the pins";
    if (!cpu) {
      report({
        range: (domain.vcpu?.element ?? domain.element).startTag,
        message: `vCPUs are pinned to host CPUs but there is no <cpu> element, so the guest gets the hypervisor's default CPU model (e.g. qemu64 on x86), which hides most host CPU features; ${advice}`,
      });
      return;
    }
    const modeAttr = attribute(cpu.element, 'mode');
    const named = firstChild(cpu.element, 'model')?.text.trim();
    const what = mode === undefined || mode === 'custom'
      ? named ? `the named CPU model '${excerpt(named)}'` : "mode 'custom' with no <model>, i.e. the hypervisor's default CPU model"
      : `mode '${excerpt(mode)}'`;
    report({
      range: modeAttr?.valueRange ?? cpu.element.startTag,
      message: `vCPUs are pinned to host CPUs but the guest CPU uses ${what}: it hides host CPU features the pinned guest could use (newer instruction sets, invariant TSC); ${advice}`,
    });
  },
});
