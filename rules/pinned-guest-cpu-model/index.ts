import { defineDomainRule } from '../../src/engine/types.ts';
import { isPinned } from '../../src/model/affinity.ts';
import { excerpt } from '../../src/model/describe.ts';
import { commandlineCpu, enablesFeature, HOST_CPU_MODELS } from '../../src/model/qemu-commandline.ts';
import { attribute, firstChild } from '../../src/xml/query.ts';

// formatdomain §CPU model and topology: with hardware virtualization, 'maximum' is functionally host-passthrough.
const HOST_MODES: ReadonlySet<string> = new Set(['host-passthrough', 'host-model', 'maximum']);

export default defineDomainRule({
  meta: {
    id: 'pinned-guest-cpu-model',
    name: 'PinnedGuestCpuModel',
    severity: 'info',
    type: 'suggestion',
    fixable: false,
    hasSuggestions: false,
    summary: 'A pinned domain uses a named or default CPU model instead of host-passthrough or host-model.',
    tags: ['pinning', 'cpu-model'],
    messages: {
      noCpu: {
        message: "the pinned guest has no <cpu>, so it gets the hypervisor's default CPU model{{model}}",
        help: "use <cpu mode='host-passthrough'> (host-model if it migrates between different hosts), a <topology> matching the pins",
      },
      model: {
        message: "the pinned guest's CPU is {{what}}: it hides host CPU features such as invariant TSC",
        help: "use <cpu mode='host-passthrough'> (host-model if it migrates between different hosts), a <topology> matching the pins",
      },
      modelNotX86: {
        message: "the pinned guest's CPU is {{what}}: it hides host CPU features",
        help: "use <cpu mode='host-passthrough'> (host-model if it migrates between different hosts), a <topology> matching the pins",
      },
      commandlineModel: {
        message: "the pinned guest's CPU is the named model '{{model}}': the -cpu in <qemu:commandline> replaces <cpu>",
        help: "pass -cpu host with the properties the guest needs, or drop it and use <cpu mode='host-passthrough'>: the model hides host CPU features{{suchAs}}",
      },
    },
  },
  check({ domain, report }) {
    // host-passthrough and host-model need hardware virtualization: for TCG (type='qemu') and other drivers the advice does not apply.
    if (domain.type !== 'kvm' || !isPinned(domain)) return;
    // Invariant TSC is an x86 feature; an s390x or aarch64 guest loses others. No <os><type arch> means
    // the host's architecture, most often x86. Read only for a finding.
    const isX86 = () => {
      const arch = domain.devices.osType()?.arch;
      return arch === undefined || arch === 'x86_64' || arch === 'i686';
    };
    // A -cpu passed through <qemu:commandline> comes last on QEMU's command line and wins (src/model/qemu-commandline.ts).
    const passed = commandlineCpu(domain.element);
    if (passed) {
      if (HOST_CPU_MODELS.has(passed.model)) return;
      report({
        range: passed.attr.valueRange,
        messageId: 'commandlineModel',
        data: { model: excerpt(passed.model, 40), suchAs: isX86() && !enablesFeature(passed, 'invtsc') ? ' such as invariant TSC' : '' },
      });
      return;
    }
    const cpu = domain.cpu;
    const mode = cpu?.mode;
    if (mode !== undefined && HOST_MODES.has(mode)) return;
    if (!cpu) {
      // QEMU's default model is qemu64 for x86_64 and qemu32 for i386; libvirt also passes -cpu qemu32 for an i686
      // guest on qemu-system-x86_64 (qemu_command.c qemuBuildCpuCommandLine: "Need to force a 32-bit guest CPU type").
      const arch = domain.devices.osType()?.arch;
      const model = arch === 'i686' ? ' (qemu32 for an i686 guest)' : arch === undefined || arch === 'x86_64' ? ' (qemu64 on x86_64)' : '';
      report({
        range: (domain.vcpu?.element ?? domain.element).startTag,
        messageId: 'noCpu',
        data: { model },
      });
      return;
    }
    const modeAttr = attribute(cpu.element, 'mode');
    const named = firstChild(cpu.element, 'model')?.text.trim();
    const what = mode === undefined || mode === 'custom'
      ? named ? `the named model '${excerpt(named, 40)}'` : "mode 'custom' without <model> (the default)"
      : `mode '${excerpt(mode, 40)}'`;
    report({
      range: modeAttr?.valueRange ?? cpu.element.startTag,
      messageId: isX86() ? 'model' : 'modelNotX86',
      data: { what },
    });
  },
});
