import { defineDomainRule } from '../../src/engine/types.ts';
import { libvirtAtLeast } from '../../src/model/libvirt-version.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';
import { isKnownNotQ35, isQ35Machine } from '../../src/model/qemu-machine.ts';
import { attribute, childPath, firstChild } from '../../src/xml/query.ts';

/** qemu_validate.h QEMU_MAX_VCPUS_WITHOUT_EIM: the most vCPUs an x86 guest has without x2APIC interrupt remapping. */
const MAX_VCPUS_WITHOUT_EIM = 255;
/**
 * From this release libvirt adds what the guest lacks when the domain is defined (qemu_postparse.c
 * qemuDomainDefAddDefaultDevices: an intel IOMMU with intremap and eim on; qemuDomainIOMMUDefPostParse: eim
 * and intremap on an intel IOMMU that leaves them unset; qemuDomainDefEnableDefaultFeatures: the split I/O
 * APIC), so only an explicit refusal is left. libvirt 10.10.0 (2024-12) per SUSE's documentation change
 * (SUSE/doc-sle#1789, "Starting with libvirt 10.10.0, an iommu and ioapic are configured automatically if
 * needed") and libvirt's own test suite update (autotest/tp-libvirt#6059).
 */
const AUTO_EIM_SINCE = '10.10.0';

export default defineDomainRule({
  meta: {
    id: 'x86-vcpus-over-255',
    name: 'X86VcpusOver255',
    severity: 'error',
    severities: ['error', 'warning'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'An x86 guest with more than 255 vCPUs on a machine type other than q35, or without the IOMMU extended interrupt mode libvirt requires.',
    tags: ['vcpu', 'machine', 'iommu'],
    messages: {
      notQ35: {
        message: "{{max}} vCPUs on machine '{{machine}}': libvirt allows more than 255 vCPUs only on q35 machine types",
        help: "use a q35 machine type (machine='q35'), or at most 255 vCPUs",
      },
      eimRefused: {
        message: '{{max}} vCPUs need the IOMMU\'s extended interrupt mode, but {{why}}: libvirt rejects it',
        help: "use <iommu model='intel'><driver intremap='on' eim='on'/></iommu> with <ioapic driver='qemu'/>",
      },
      noEim: {
        message: "{{max}} vCPUs need an intel IOMMU with eim='on', which {{what}}: libvirt {{before}} rejects it",
        help: "add <iommu model='intel'><driver intremap='on' eim='on'/></iommu> and <ioapic driver='qemu'/> ({{since}} adds them itself)",
      },
    },
  },
  check({ domain, host, report }) {
    const vcpu = domain.vcpu;
    if (!vcpu || !vcpu.maxKnown || vcpu.max <= MAX_VCPUS_WITHOUT_EIM || !runsOnQemu(domain)) return;
    const os = domain.devices.osType();
    // qemu_validate.c qemuValidateDomainDefCpuTopology: x86 only (ARCH_IS_X86), after the machine alias is
    // made canonical. An absent arch or machine is the host's default: not known here.
    if (!os || (os.arch !== 'x86_64' && os.arch !== 'i686') || os.machine === undefined) return;
    const max = vcpu.max;
    // A machine alias (`ubuntu-q35`) may be q35 once canonical: only a known other family is reported.
    if (!isQ35Machine(os.machine) && !isKnownNotQ35(os.arch, os.machine)) return;
    if (!isQ35Machine(os.machine)) {
      report({ range: attribute(os.element, 'machine')!.valueRange, messageId: 'notQ35', data: { max, machine: os.machine } });
      return;
    }
    // virDomainDefParseXML reads the first <iommu>.
    const iommu = firstChild(firstChild(domain.element, 'devices'), 'iommu');
    const model = iommu ? attribute(iommu, 'model')?.value : undefined;
    const driver = childPath(iommu, 'driver');
    const eim = driver ? attribute(driver, 'eim') : undefined;
    const intremap = driver ? attribute(driver, 'intremap') : undefined;
    if (iommu && model !== 'intel') {
      // Only the intel IOMMU has eim (domain_validate.c virDomainIOMMUDefValidate), and libvirt adds an IOMMU
      // only to a guest without one: qemuValidateDomainDefCpuTopology refuses it whatever the release.
      report({ range: iommu.startTag, messageId: 'eimRefused', data: { max, why: `IOMMU model '${model ?? ''}' has none` } });
      return;
    }
    if (eim && eim.value !== 'on') {
      report({ range: eim.valueRange, messageId: 'eimRefused', data: { max, why: `eim is '${eim.value}'` } });
      return;
    }
    if (intremap && intremap.value !== 'on') {
      // domain_validate.c virDomainDefIOMMUValidate: "IOMMU eim requires interrupt remapping to be enabled".
      report({ range: intremap.valueRange, messageId: 'eimRefused', data: { max, why: `intremap is '${intremap.value}', and eim needs it` } });
      return;
    }
    if (eim) return;
    const newer = libvirtAtLeast(host?.model.libvirtVersion, AUTO_EIM_SINCE);
    if (newer === true) return;
    const what = iommu ? 'the IOMMU leaves unset' : 'the guest lacks';
    const before = newer === false ? `${host!.model.libvirtVersion} (before ${AUTO_EIM_SINCE})` : `before ${AUTO_EIM_SINCE}`;
    report({
      range: (iommu ?? vcpu.element).startTag,
      // Unknown release: libvirt 10.10.0 and later define it fine.
      severity: newer === false ? 'error' : 'warning',
      messageId: 'noEim',
      data: { max, what, before, since: `libvirt ${AUTO_EIM_SINCE}` },
    });
  },
});
