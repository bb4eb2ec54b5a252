import { defineDomainRule, type MessageSpecs, type ReportDescriptor } from '../../src/engine/types.ts';
import { attribute, childrenNamed, firstChild } from '../../src/xml/query.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';
import { isArmVirt, isKnownNotQ35, isPpc64Arch, isPSeries, isS390Arch, isX86Arch } from '../../src/model/qemu-machine.ts';
import { scaleToKiB } from '../../src/model/units.ts';
import { excerpt } from '../../src/model/describe.ts';
import type { DomainModel } from '../../src/model/domain.ts';
import type { XmlElement } from '../../src/xml/types.ts';
import { descendantTags, mayContainElement, mayContainElements, TAG_DEEP, TAG_DEPTH_BITS, tagIs, tagNameKey } from '../../src/xml/element.ts';

const messages = {
  timerPlatform: {
    message: "<timer name='platform'>: libvirt's QEMU driver rejects this timer",
    help: 'remove the platform timer',
  },
  timerNotX86: {
    message: "<timer name='{{name}}' present='yes'> on arch '{{arch}}': libvirt allows this timer on x86 only",
    help: "remove the timer, or set present='no'",
  },
  rtcTrackBoot: {
    message: "<timer name='rtc' track='boot'>: libvirt's QEMU driver rejects this track",
    help: "use track='guest', 'wall' or 'realtime'",
  },
  timerTickpolicy: {
    message: "<timer name='{{name}}' tickpolicy='{{policy}}'>: libvirt's QEMU driver rejects this tick policy",
    help: '{{allowed}}',
  },
  armvtimerNotArmVirt: {
    message: "<timer name='armvtimer'> on {{what}}: libvirt allows it only for KVM guests of ARM 'virt' machines",
    help: 'remove the armvtimer timer',
  },
  armvtimerDisabled: {
    message: "<timer name='armvtimer' present='no'>: libvirt rejects disabling this timer",
    help: "remove present='no' (or the whole timer)",
  },
  tsegNotQ35: {
    message: "an SMM <tseg> size on machine '{{machine}}': libvirt supports it on q35 machine types only",
    help: 'remove <tseg>, or use a q35 machine type',
  },
  tsegNotMiB: {
    message: 'SMM <tseg> size {{size}} is not a multiple of 1 MiB: libvirt rejects it',
    help: "give a whole number of MiB, e.g. <tseg unit='MiB'>48</tseg>",
  },
  lifecycleRenameRestart: {
    message: "<{{element}}>rename-restart</{{element}}>: libvirt's QEMU driver does not support this action",
    help: "use 'restart' or 'destroy'",
  },
  lifecyclePreserve: {
    message: "<{{element}}>preserve</{{element}}>: libvirt's QEMU driver supports 'preserve' only for <on_crash>",
    help: "use 'restart' or 'destroy'",
  },
  lifecycleRestartOnPoweroff: {
    message: '<on_poweroff>restart</on_poweroff> with <on_reboot>destroy</on_reboot>: libvirt\'s QEMU driver rejects this pair',
    help: "set <on_reboot> to 'restart', or <on_poweroff> to 'destroy'",
  },
  featureNotHere: {
    message: '<{{feature}}> on {{what}}: libvirt allows this feature on {{allowed}} only',
    help: 'remove <{{feature}}> from <features>',
  },
  eoiNotX86: {
    message: "<apic eoi='…'> on arch '{{arch}}': libvirt allows the eoi attribute on x86 only",
    help: 'remove the eoi attribute',
  },
  pmuOffPpc64: {
    message: "<pmu state='off'> on arch '{{arch}}': the PMU is always on there, libvirt rejects turning it off",
    help: 'remove <pmu>',
  },
  tcgNotQemu: {
    message: "<tcg> in <features> of a type='{{type}}' domain: libvirt allows TCG features only with type='qemu'",
    help: "remove <tcg>, or use <domain type='qemu'>",
  },
  vmportPs2Off: {
    message: "<vmport state='on'> with <ps2 state='off'>: libvirt's QEMU driver rejects this pair",
    help: "vmport needs the PS/2 (i8042) controller: remove <ps2 state='off'/>, or set <vmport state='off'/>",
  },
  ps2InputPs2Off: {
    message: "a PS/2 <input> with <ps2 state='off'>: libvirt rejects PS/2 inputs once the PS/2 controller is off",
    help: "put the input on bus='usb' or bus='virtio', or remove <ps2 state='off'/>",
  },
  gicVersionNone: {
    message: "<gic version='none'>: libvirt rejects this GIC version when it reads the definition",
    help: "use version='2', '3' or 'host', or leave the version out for libvirt's default",
  },
  parallelNotHere: {
    message: 'a <parallel> port on {{what}}: libvirt\'s QEMU driver rejects parallel ports there',
    help: 'remove the <parallel> device; a <serial> port or a virtio <channel> can take its place',
  },
  serialNotHere: {
    message: 'serial target {{which}} on {{what}}: libvirt allows it on {{allowed}} only',
    help: "remove the target's type and model and let libvirt pick this machine's own serial device",
  },
  virtioIommuMachine: {
    message: "<iommu model='virtio'> on {{what}}: libvirt allows it on q35 and ARM 'virt' only",
    help: "remove the <iommu>, or use a q35 (x86) or 'virt' (ARM) machine type",
  },
} as const satisfies MessageSpecs;

type Report = (d: ReportDescriptor<typeof messages>) => void;

/** The pSeries-only features (qemu_validate.c qemuValidateDomainDefPSeriesFeature). */
const PSERIES_FEATURES: ReadonlySet<string> = new Set(['hpt', 'htm', 'nested-hv', 'ccf-assist', 'cfpc', 'sbbc', 'ibs']);
/**
 * The features checked here; <features> children are only looked at when one of them may be there. On x86 (most
 * guests) the common apic, hyperv, pmu, ioapic and pvspinlock entries are valid, so only the others are looked for.
 */
const CHECKED_FEATURES = ['hpt', 'htm', 'nested-hv', 'ccf-assist', 'cfpc', 'sbbc', 'ibs', 'ioapic', 'gic', 'apic', 'pvspinlock', 'hyperv', 'pmu', 'tcg', 'ps2'];
const CHECKED_FEATURES_X86 = ['hpt', 'htm', 'nested-hv', 'ccf-assist', 'cfpc', 'sbbc', 'ibs', 'gic', 'tcg', 'ps2'];
/** The devices checkMachineDevices looks at; <devices> is read only when one of them may be there. */
/** Bits 1, 2 and 4 of mayContainElements' answer, in this order. */
const MACHINE_DEVICES = ['parallel', 'serial', 'iommu'];

export default defineDomainRule({
  meta: {
    id: 'platform-config-invalid',
    name: 'PlatformConfigInvalid',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: "Features, timers, SMM sizes, lifecycle actions and machine devices libvirt's QEMU driver rejects: a feature or timer for another arch, a bad <tseg>, rename-restart, a parallel port on pSeries.",
    tags: ['clock', 'features', 'machine'],
    messages,
  },
  check({ domain, report }) {
    if (!runsOnQemu(domain)) return;
    const clock = firstChild(domain.element, 'clock');
    if (clock && mayContainElement(clock, 'timer') && timersMayBeReported(clock, domain.devices.osType()?.arch)) checkTimers(domain, clock, report);
    const features = domain.devices.features();
    if (features && mayContainElement(features, 'tseg')) checkTseg(domain, features, report);
    if (features) {
      const arch = domain.devices.osType()?.arch;
      if (mayContainElements(features, arch !== undefined && isX86Arch(arch) ? CHECKED_FEATURES_X86 : CHECKED_FEATURES) !== 0) checkFeatures(domain, features, report);
    }
    checkLifecycle(domain, report);
    const devices = firstChild(domain.element, 'devices');
    if (devices && machineDevicesMayBeReported(domain, devices)) checkMachineDevices(domain, devices, report);
  },
});

/**
 * What a serial finding needs in <devices>: a pl011, spapr-vty/spapr-vio-serial or SCLP model or type; a `&` may
 * spell one. Most guests have virt-manager's isa-serial <serial> and a <console>, and walking every device of each
 * for them was ~5 µs a guest (the bench's fleet); so was a regular expression of these four words over the devices'
 * text, against ~0.5 µs for four plain searches.
 */
const SERIAL_WORDS = ['pl011', 'spapr', 'sclp', '&'];

/**
 * Whether checkMachineDevices can report anything here: from the tag table, an <iommu> (rare: always checked), a
 * <parallel> on s390 or pSeries, or a <serial> whose own text holds one of SERIAL_WORDS; without a table, any of them.
 */
function machineDevicesMayBeReported(domain: DomainModel, devices: XmlElement): boolean {
  const tags = descendantTags(devices);
  if (tags === undefined) return mayContainElements(devices, MACHINE_DEVICES) !== 0;
  const { text, end } = devices.contentSpan();
  const { table, from, to } = tags;
  const childDepth = tags.depth + 1;
  for (let k = from; k < to; k += 2) {
    const info = table[k + 1]!;
    if ((info & TAG_DEEP) !== childDepth) continue;
    const key = info >>> TAG_DEPTH_BITS;
    const at = table[k]!;
    if (key === IOMMU_KEY && tagIs(text, at, 'iommu')) return true;
    if (key === PARALLEL_KEY && tagIs(text, at, 'parallel')) {
      const type = domain.devices.osType();
      if (isS390Arch(type?.arch) || isPSeries(type?.arch, type?.machine) === true) return true;
    } else if (key === SERIAL_KEY && tagIs(text, at, 'serial')) {
      // The serial's own text: up to the next child of <devices>, or the end of <devices>.
      let next = k + 2;
      while (next < to && (table[next + 1]! & TAG_DEEP) > childDepth) next += 2;
      const stop = next < to ? table[next]! : end;
      for (const word of SERIAL_WORDS) {
        const found = text.indexOf(word, at);
        if (found >= 0 && found < stop) return true;
      }
    }
  }
  return false;
}

const IOMMU_KEY = tagNameKey('iommu');
const PARALLEL_KEY = tagNameKey('parallel');
const SERIAL_KEY = tagNameKey('serial');

/**
 * What checkTimers can report needs one of these words in <clock>: the platform or armvtimer timer, rtc
 * track='boot', a merge or discard tick policy, and off x86 present='yes'. A character reference may spell any of
 * them, so a `&` sends the timers to the check too. Most guests have virt-manager's rtc, pit and hpet timers.
 */
const TIMER_WORDS = /platform|armvtimer|boot|merge|discard|&/;
const TIMER_WORDS_OFF_X86 = /platform|armvtimer|boot|merge|discard|yes|&/;

function timersMayBeReported(clock: XmlElement, arch: string | undefined): boolean {
  const { text, start, end } = clock.contentSpan();
  return (arch === undefined || isX86Arch(arch) ? TIMER_WORDS : TIMER_WORDS_OFF_X86).test(text.slice(start, end));
}

/** qemu_validate.c qemuValidateDomainDefClockTimers: the checks that do not depend on the QEMU binary. */
function checkTimers(domain: DomainModel, clock: XmlElement, report: Report): void {
  const type = domain.devices.osType();
  const arch = type?.arch;
  for (const timer of childrenNamed(clock, 'timer')) {
    const nameAttr = attribute(timer, 'name');
    const name = nameAttr?.value;
    const present = attribute(timer, 'present');
    const tickpolicy = attribute(timer, 'tickpolicy');
    const policy = tickpolicy?.value;
    switch (name) {
      case 'platform':
        report({ range: nameAttr!.valueRange, messageId: 'timerPlatform', data: {} });
        break;
      case 'tsc':
      case 'kvmclock':
      case 'hypervclock':
      case 'hpet':
        // hpet: "hpet timer is not supported by this architecture"; the others: "Configuring the '…' timer is
        // not supported for virtType=… arch=… machine=… guests". An unwritten arch is the host's.
        if (present?.value === 'yes' && arch !== undefined && !isX86Arch(arch)) {
          report({ range: present.valueRange, messageId: 'timerNotX86', data: { name, arch: excerpt(arch) } });
        }
        break;
      case 'rtc': {
        const track = attribute(timer, 'track');
        if (track?.value === 'boot') report({ range: track.valueRange, messageId: 'rtcTrackBoot', data: {} });
        else if (policy === 'merge' || policy === 'discard') {
          report({ range: tickpolicy!.valueRange, messageId: 'timerTickpolicy', data: { name, policy, allowed: "use tickpolicy='delay' or 'catchup'" } });
        }
        break;
      }
      case 'pit':
        if (policy === 'merge') report({ range: tickpolicy!.valueRange, messageId: 'timerTickpolicy', data: { name, policy, allowed: "use tickpolicy='delay', 'discard' or 'catchup'" } });
        break;
      case 'armvtimer':
        // Both the machine and the domain type must be known to tell.
        if (domain.type !== undefined && arch !== undefined && type?.machine !== undefined && (domain.type !== 'kvm' || isArmVirt(arch, type.machine) !== true)) {
          const what = domain.type !== 'kvm' ? `a type='${excerpt(domain.type)}' domain` : `machine '${excerpt(type.machine)}' (${excerpt(arch)})`;
          report({ range: nameAttr!.valueRange, messageId: 'armvtimerNotArmVirt', data: { what } });
        } else if (present?.value === 'no') {
          report({ range: present.valueRange, messageId: 'armvtimerDisabled', data: {} });
        } else if (policy === 'catchup' || policy === 'merge') {
          report({ range: tickpolicy!.valueRange, messageId: 'timerTickpolicy', data: { name, policy, allowed: "use tickpolicy='delay' or 'discard'" } });
        }
        break;
    }
  }
}

/**
 * qemu_domain.c qemuDomainDefTsegPostParse: a <tseg> (read only with SMM on; domain_conf.c
 * virDomainFeaturesDefParse, default unit MiB) is for q35 only and must be a whole number of MiB. The check
 * between the two (the QEMU binary's extended TSEG support) holds for every QEMU libvirt still runs.
 */
function checkTseg(domain: DomainModel, features: XmlElement, report: Report): void {
  const smm = firstChild(features, 'smm');
  const tseg = smm ? firstChild(smm, 'tseg') : undefined;
  // <smm/> without state is on.
  if (!tseg || attribute(smm!, 'state')?.value === 'off') return;
  const machine = domain.devices.osType()?.machine;
  // A machine alias (`ubuntu-q35`) may be q35 once libvirt makes it canonical: only a known other family counts.
  if (machine !== undefined && isKnownNotQ35(domain.devices.osType()?.arch, machine)) {
    report({ range: tseg.startTag, messageId: 'tsegNotQ35', data: { machine: excerpt(machine) } });
    return;
  }
  const unit = attribute(tseg, 'unit')?.value;
  const size = scaleToKiB(tseg.text, unit, 'MiB', { maxBytes: 2n ** 64n - 1n });
  // A size libvirt cannot read is a parse error of its own (value-invalid's kind of finding).
  if (!size.ok || size.value % 1024 === 0) return;
  report({ range: tseg.contentRange, messageId: 'tsegNotMiB', data: { size: `${excerpt(tseg.text.trim())} ${unit ?? 'MiB'}` } });
}

/**
 * qemu_validate.c qemuValidateLifecycleAction: no rename-restart anywhere, no preserve on power-off or reboot, and
 * not power-off restarting while reboot destroys. Unset actions are libvirt's defaults (destroy, restart, destroy).
 */
function checkLifecycle(domain: DomainModel, report: Report): void {
  let poweroff: XmlElement | undefined;
  let reboot: XmlElement | undefined;
  for (const child of domain.element.children) {
    if (child.name !== 'on_poweroff' && child.name !== 'on_reboot' && child.name !== 'on_crash') continue;
    // virDomainEventActionParseXML reads the first of each (string(./on_poweroff[1])).
    if (child.name === 'on_poweroff') {
      if (poweroff) continue;
      poweroff = child;
    } else if (child.name === 'on_reboot') {
      if (reboot) continue;
      reboot = child;
    }
    const action = child.text;
    if (action === 'rename-restart') report({ range: child.contentRange, messageId: 'lifecycleRenameRestart', data: { element: child.name } });
    else if (action === 'preserve' && child.name !== 'on_crash') report({ range: child.contentRange, messageId: 'lifecyclePreserve', data: { element: child.name } });
  }
  if (poweroff?.text === 'restart' && reboot?.text === 'destroy') {
    report({ range: poweroff.contentRange, messageId: 'lifecycleRestartOnPoweroff', data: {}, related: [{ range: reboot.contentRange, message: '<on_reboot> destroys' }] });
  }
}

/**
 * qemu_validate.c qemuValidateDomainDefFeatures: features QEMU has only on some architectures or machine types,
 * checked when <os><type> writes what decides it. The checks there that depend on the QEMU binary (vmport,
 * vmcoreinfo, async teardown) are not made.
 */
function checkFeatures(domain: DomainModel, features: XmlElement, report: Report): void {
  const type = domain.devices.osType();
  const arch = type?.arch;
  const machine = type?.machine;
  const where = () => (machine === undefined ? `arch '${excerpt(arch ?? '')}'` : `arch '${excerpt(arch ?? '')}', machine '${excerpt(machine)}'`);
  for (const f of features.children) {
    const name = f.name;
    if (PSERIES_FEATURES.has(name)) {
      if (isPSeries(arch, machine) === false) report({ range: f.startTag, messageId: 'featureNotHere', data: { feature: name, what: where(), allowed: "ppc64 'pseries' machines" } });
    } else if (name === 'ioapic' || name === 'pvspinlock') {
      if (arch !== undefined && !isX86Arch(arch)) report({ range: f.startTag, messageId: 'featureNotHere', data: { feature: name, what: where(), allowed: 'x86' } });
    } else if (name === 'gic') {
      // virDomainFeaturesDefParse reads the version as a non-zero enum value: 'none' (0) is refused ("Invalid value for
      // attribute 'version' in element 'gic': 'none'."; libvirt's test aarch64-gic-invalid has always been a parse error).
      const version = attribute(f, 'version');
      if (version?.value === 'none') report({ range: version.valueRange, messageId: 'gicVersionNone', data: {} });
      // virDomainFeaturesDefParse: <gic> turns the feature on.
      if (isArmVirt(arch, machine) === false) report({ range: f.startTag, messageId: 'featureNotHere', data: { feature: name, what: where(), allowed: "ARM 'virt' machines" } });
    } else if (name === 'hyperv') {
      if (arch !== undefined && !isX86Arch(arch) && isArmVirt(arch, machine) === false) {
        report({ range: f.startTag, messageId: 'featureNotHere', data: { feature: name, what: where(), allowed: "x86 and ARM 'virt' machines" } });
      }
    } else if (name === 'apic') {
      const eoi = attribute(f, 'eoi');
      if (eoi && arch !== undefined && !isX86Arch(arch)) report({ range: eoi.range, messageId: 'eoiNotX86', data: { arch: excerpt(arch) } });
    } else if (name === 'pmu') {
      const state = attribute(f, 'state');
      if (state?.value === 'off' && arch !== undefined && isPpc64Arch(arch)) report({ range: state.valueRange, messageId: 'pmuOffPpc64', data: { arch } });
    } else if (name === 'tcg') {
      // virDomainFeaturesTCGDefParse turns the feature on with its settings (<tb-cache>).
      if (f.children.length > 0 && domain.type !== undefined && domain.type !== 'qemu') report({ range: f.startTag, messageId: 'tcgNotQemu', data: { type: excerpt(domain.type) } });
    } else if (name === 'ps2' && attribute(f, 'state')?.value === 'off') {
      checkPs2Off(domain, features, f, report);
    }
  }
}

/**
 * The PS/2 (i8042) controller turned off (<ps2 state='off'/>, QEMU's i8042 machine option). qemu_validate.c
 * qemuValidateDomainDefFeatures: "vmport feature requires the ps2 feature not to be disabled"; and libvirt's QEMU
 * driver refuses PS/2 inputs then ("ps2 bus inputs require the ps2 feature not to be disabled", libvirt's test
 * machine-i8042-off-explicit-ps2-inputs). A libvirt without the ps2 feature refuses the element itself: either way the
 * definition is refused. Both are reported with the <ps2> element as the related place.
 */
function checkPs2Off(domain: DomainModel, features: XmlElement, ps2: XmlElement, report: Report): void {
  const related = [{ range: ps2.startTag, message: 'the PS/2 controller is turned off here' }];
  for (const vmport of childrenNamed(features, 'vmport')) {
    const state = attribute(vmport, 'state');
    if (state?.value === 'on') report({ range: state.valueRange, messageId: 'vmportPs2Off', data: {}, related });
  }
  const devices = firstChild(domain.element, 'devices');
  for (const input of devices ? childrenNamed(devices, 'input') : []) {
    const bus = attribute(input, 'bus');
    if (bus?.value === 'ps2') report({ range: bus.valueRange, messageId: 'ps2InputPs2Off', data: {}, related });
  }
}

/** The SCLP serial target models, s390 only (qemu_validate.c qemuValidateDomainChrDef). */
const SCLP_MODELS: ReadonlySet<string> = new Set(['sclpconsole', 'sclplmconsole']);

/**
 * Devices the guest's machine type does not have, refused by libvirt's QEMU driver before it asks the QEMU binary
 * anything. qemu_validate.c qemuValidateDomainChrDef: "parallel ports are not supported" on s390 and pSeries; "Serial
 * device with target type '…' and target model '…' not compatible with guest architecture or machine type" for a
 * pl011 off ARM 'virt', a spapr-vio target off pSeries and an SCLP target off s390. qemuValidateDomainDeviceDefIOMMU:
 * "IOMMU device: 'virtio' is only supported with Q35 and ARM Virt machines". Each is checked only when <os><type>
 * names the machine's family (libvirt otherwise takes the host's default, or resolves an alias).
 */
function checkMachineDevices(domain: DomainModel, devices: XmlElement, report: Report): void {
  const type = domain.devices.osType();
  const arch = type?.arch;
  const machine = type?.machine;
  // The machine's name says which it is; without one, the arch that decided.
  const where = () => (machine === undefined ? `arch '${excerpt(arch ?? '')}'` : `machine '${excerpt(machine)}'`);
  const pseries = isPSeries(arch, machine);
  const armVirt = isArmVirt(arch, machine);
  for (const dev of devices.children) {
    if (dev.name === 'parallel') {
      if (isS390Arch(arch) || pseries === true) report({ range: dev.startTag, messageId: 'parallelNotHere', data: { what: where() } });
    } else if (dev.name === 'serial') {
      const target = firstChild(dev, 'target');
      if (!target) continue;
      const targetType = attribute(target, 'type');
      const modelEl = firstChild(target, 'model');
      const model = modelEl ? attribute(modelEl, 'name') : undefined;
      // A pl011, spapr-vty or SCLP model is refused off its machine whatever the target type: with another type
      // qemuValidateDomainChrTargetDef refuses the pair first ("Target model '…' requires target type '…'").
      if (model?.value === 'pl011' && armVirt === false) {
        report({ range: model.valueRange, messageId: 'serialNotHere', data: { which: "model 'pl011'", what: where(), allowed: "ARM 'virt'" } });
      } else if ((model?.value === 'spapr-vty' || targetType?.value === 'spapr-vio-serial') && pseries === false) {
        const at = model?.value === 'spapr-vty' ? model : targetType!;
        report({ range: at.valueRange, messageId: 'serialNotHere', data: { which: `${at === model ? 'model' : 'type'} '${at.value}'`, what: where(), allowed: 'pSeries' } });
      } else if ((SCLP_MODELS.has(model?.value ?? '') || targetType?.value === 'sclp-serial') && arch !== undefined && !isS390Arch(arch)) {
        const at = model !== undefined && SCLP_MODELS.has(model.value) ? model : targetType!;
        report({ range: at.valueRange, messageId: 'serialNotHere', data: { which: `${at === model ? 'model' : 'type'} '${at.value}'`, what: where(), allowed: 's390 and s390x' } });
      }
    } else if (dev.name === 'iommu') {
      const model = attribute(dev, 'model');
      // isKnownNotQ35: a non-x86 arch, or an x86 machine of another family (a distribution alias may be q35).
      if (model?.value === 'virtio' && isKnownNotQ35(arch, machine) && armVirt === false) {
        report({ range: model.valueRange, messageId: 'virtioIommuMachine', data: { what: where() } });
      }
    }
  }
}
