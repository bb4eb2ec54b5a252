import { defineDomainRule, type MessageSpecs, type ReportDescriptor } from '../../src/engine/types.ts';
import { attribute, childrenNamed, firstChild } from '../../src/xml/query.ts';
import { libvirtUint } from '../../src/model/domain.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';
import type { DomainModel } from '../../src/model/domain.ts';
import { libvirtAtLeast } from '../../src/model/libvirt-version.ts';
import { excerpt } from '../../src/model/describe.ts';
import type { XmlAttribute, XmlElement } from '../../src/xml/types.ts';
import { mayContainElement, mayContainElements } from '../../src/xml/element.ts';
import { isKnownNotQ35, isX86Arch } from '../../src/model/qemu-machine.ts';

/**
 * The firmware checks of domain_validate.c virDomainDefOSValidate belong to the firmware selection rework of
 * libvirt 9.2.0 (its "migration compatibility kludge" names 8.6.0-9.1.0 as the releases that wrote <firmware>
 * features without firmware='…'). kvmlint applies them from 9.2.0, and when the host's version is unknown.
 */
const FIRMWARE_CHECKS_SINCE = '9.2.0';
/** domain_validate.c virDomainDefBootValidate. */
const BOOT_MENU_TIMEOUT_MAX = 65535;
/** The device elements whose <boot order> libvirt parses (VIR_DOMAIN_DEF_PARSE_ALLOW_BOOT). */
const BOOTABLE_DEVICES = new Set(['disk', 'filesystem', 'interface', 'hostdev', 'redirdev']);
/** virDomainDefParseBootOptions: the OS types whose <loader>/<nvram> libvirt reads. */
const LOADER_OS_TYPES = new Set(['hvm', 'xen', 'xenpvh', 'uml']);

const messages = {
  bootDevWithOrder: {
    message: '<os><boot dev> and per-device <boot order> cannot be used together: libvirt rejects this at define time',
    help: "keep one style: remove the <os><boot dev='…'/> lines, or the devices' <boot order='…'/>",
  },
  bootOrderTwice: {
    message: 'boot order {{order}} is given to more than one device: libvirt rejects this at define time',
    help: 'give each device its own <boot order> (1, 2, 3, …)',
  },
  bootMenuTimeout: {
    message: '<bootmenu timeout> {{timeout}} is above 65535 ms: libvirt rejects this at define time',
    help: "use a timeout from 0 to 65535 milliseconds, e.g. timeout='3000'",
  },
  enrolledKeysNoSecureBoot: {
    message: "firmware feature 'enrolled-keys' is enabled while 'secure-boot' is disabled: libvirt {{version}}rejects this",
    help: "enable secure-boot, or set <feature enabled='no' name='enrolled-keys'/>",
  },
  nvramNotEfi: {
    message: "<nvram> with <os firmware='{{firmware}}'>: only EFI firmware has NVRAM, libvirt {{version}}rejects this",
    help: "remove <nvram>, or use firmware='efi'",
  },
  featuresNoFirmware: {
    message: "<os><firmware><feature> without firmware='…' on <os>: libvirt {{version}}rejects this at define time",
    help: "add firmware='efi' to <os> (feature-based selection needs it), or remove the <firmware> element",
  },
  loaderNoPath: {
    message: '{{what}} without a loader path or firmware autoselection: libvirt {{version}}rejects this at define time',
    help: "put the firmware path in <loader>, or add firmware='efi' to <os> and let libvirt pick one",
  },
  statelessNvram: {
    message: "<loader stateless='yes'> with {{what}}: a stateless loader has no NVRAM, libvirt {{version}}rejects this",
    help: "remove {{what}}, or drop stateless='yes'",
  },
  notStatelessNotPflash: {
    message: "<loader stateless='no'> needs a pflash loader (NVRAM): libvirt {{version}}rejects a {{type}} loader",
    help: "set type='pflash' on <loader>, or drop stateless='no'",
  },
  notStatelessNotEfi: {
    message: "<loader stateless='no'> with <os firmware='{{firmware}}'>: only EFI has NVRAM, libvirt {{version}}rejects this",
    help: "use firmware='efi', or drop stateless='no'",
  },
  uefiWithoutAcpi: {
    message: 'UEFI firmware on {{arch}} without <acpi/> in <features>: libvirt rejects this at define time',
    help: 'add <acpi/> to <features>: UEFI on x86 needs ACPI',
  },
  acpiWithoutUefi: {
    message: '<acpi/> on aarch64 without UEFI firmware: libvirt rejects this at define time',
    help: "add firmware='efi' to <os> (or a pflash <loader>), or remove <acpi/>",
  },
  secureBootMachine: {
    message: "<loader secure='yes'> on machine '{{machine}}': libvirt supports secure boot on q35 machine types only",
    help: "use a q35 machine type, or drop secure='yes'",
  },
  secureBootArch: {
    message: "<loader secure='yes'> on arch '{{arch}}': libvirt supports secure boot on x86_64 only",
    help: "drop secure='yes'",
  },
  secureBootNoSmm: {
    message: "<loader secure='yes'> without SMM: libvirt rejects secure boot unless <smm state='on'/> is in <features>",
    help: "add <smm state='on'/> to <features>, or use <os firmware='efi'> and let libvirt enable it",
  },
  biosSerialArch: {
    message: "<bios useserial='yes'> on arch '{{arch}}': libvirt supports the BIOS serial console on x86 only",
    help: "remove useserial='yes'",
  },
  biosSerialNoPort: {
    message: "<bios useserial='yes'> without a serial port: libvirt rejects this at define time",
    help: "add a <serial> device, or remove useserial='yes'",
  },
  smbiosDate: {
    message: "SMBIOS BIOS date '{{date}}' is not mm/dd/yy or mm/dd/yyyy: libvirt rejects it on define",
    help: 'write the date as mm/dd/yyyy with a year from 1900 (or two digits), e.g. 01/31/2024',
  },
  smbiosUuid: {
    message: "the SMBIOS system uuid {{sysinfo}} is not the domain's <uuid>: libvirt rejects it on define",
    help: "set the entry to {{uuid}}, the domain's <uuid>, or remove it (libvirt fills it in)",
  },
} as const satisfies MessageSpecs;

/** util/viruuid.c virUUIDParse: 32 hex digits, '-' or ' ' allowed between pairs, blanks around; the digits lowercased, or undefined. */
export function parseUuid(text: string): string | undefined {
  let i = 0;
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
  while (isSpace(text[i])) i++;
  let out = '';
  while (out.length < 32) {
    const c = text[i];
    if (c === undefined) return undefined;
    if (c === '-' || c === ' ') {
      i++;
      continue;
    }
    const d = text[i + 1];
    if (!/^[0-9a-fA-F]$/.test(c) || d === undefined || !/^[0-9a-fA-F]$/.test(d)) return undefined;
    out += (c + d).toLowerCase();
    i += 2;
  }
  for (; i < text.length; i++) if (!isSpace(text[i])) return undefined;
  return out;
}

const tristate = (el: XmlElement | undefined, name: string): 'yes' | 'no' | undefined => {
  const v = el ? attribute(el, name)?.value : undefined;
  return v === 'yes' || v === 'no' ? v : undefined;
};

export default defineDomainRule({
  meta: {
    id: 'boot-config-invalid',
    name: 'BootConfigInvalid',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Boot and firmware settings libvirt rejects: <boot dev> with <boot order>, boot order or menu errors, NVRAM/loader combinations, UEFI without ACPI, secure boot, SMBIOS uuid or date.',
    tags: ['boot', 'firmware'],
    messages,
  },
  check({ domain, host, report }) {
    checkSmbios(domain.element, report);
    const os = firstChild(domain.element, 'os');
    if (!os) return;
    const osType = firstChild(os, 'type')?.text.trim();
    const hvm = osType === 'hvm';
    if (hvm && runsOnQemu(domain)) checkQemuPlatform(domain, os, report);

    // domain_postparse.c virDomainDefBootOrderPostParse (HVM guests; drivers may opt out, so the QEMU driver only).
    if (hvm && runsOnQemu(domain)) {
      const devices = firstChild(domain.element, 'devices');
      const orders = new Map<number, XmlAttribute>();
      let firstOrder: XmlAttribute | undefined;
      // Most guests give no device a <boot>: the devices' elements are then not built (most of a guest's elements).
      for (const dev of devices && mayContainElement(devices, 'boot') ? devices.children : []) {
        if (!BOOTABLE_DEVICES.has(dev.name)) continue;
        const boot = firstChild(dev, 'boot');
        const orderAttr = boot ? attribute(boot, 'order') : undefined;
        // virXMLPropUInt(…, VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO): anything else is a parse error of its own.
        const order = orderAttr ? libvirtUint(orderAttr.value) : undefined;
        if (order === undefined || order === 0) continue;
        firstOrder ??= orderAttr;
        const first = orders.get(order);
        if (first) {
          report({ range: orderAttr!.valueRange, messageId: 'bootOrderTwice', data: { order }, related: [{ range: first.valueRange, message: `boot order ${order} is first given here` }] });
        } else orders.set(order, orderAttr!);
      }
      const bootDev = childrenNamed(os, 'boot')[0];
      if (bootDev && firstOrder) {
        report({ range: bootDev.startTag, messageId: 'bootDevWithOrder', data: {}, related: [{ range: firstOrder.range, message: 'a device boot order' }] });
      }
    }

    // domain_conf.c virDomainDefParseBootXML reads the timeout only with enable='yes'; virDomainDefBootValidate bounds it.
    const bootmenu = firstChild(os, 'bootmenu');
    if (hvm && bootmenu && attribute(bootmenu, 'enable')?.value === 'yes') {
      const timeoutAttr = attribute(bootmenu, 'timeout');
      const timeout = timeoutAttr ? libvirtUint(timeoutAttr.value) : undefined;
      if (timeout !== undefined && timeout > BOOT_MENU_TIMEOUT_MAX) report({ range: timeoutAttr!.valueRange, messageId: 'bootMenuTimeout', data: { timeout } });
    }

    if (osType === undefined || !LOADER_OS_TYPES.has(osType)) return;
    const applies = libvirtAtLeast(host?.model.libvirtVersion, FIRMWARE_CHECKS_SINCE);
    if (applies === false) return;
    const version = applies === true ? `${host!.model.libvirtVersion} ` : '';
    checkFirmware(os, hvm, version, report);
  },
});

type Report = (d: ReportDescriptor<typeof messages>) => void;

/** strtol as virStrToLong_i uses it: blanks, a sign, then at least one digit; the value and where it stopped. */
function strtolPrefix(text: string, from: number): { value: number; end: number } | undefined {
  let i = from;
  while (i < text.length && ' \t\n\v\f\r'.includes(text[i]!)) i++;
  let sign = 1;
  if (text[i] === '+' || text[i] === '-') sign = text[i++] === '-' ? -1 : 1;
  const start = i;
  while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++;
  if (i === start) return undefined;
  const value = sign * Number(text.slice(start, i));
  // virStrToLong_i: a value outside int is an error.
  if (value > 2147483647 || value < -2147483648) return undefined;
  return { value, end: i };
}

/**
 * domain_conf.c virSysinfoBIOSParseXML: the date is mm/dd/yy or mm/dd/yyyy, read with virStrToLong_i: month
 * 1-12, day 1-31, year 0-99 or from 1900 ("Invalid BIOS 'date' format").
 */
export function smbiosDateValid(text: string): boolean {
  const month = strtolPrefix(text, 0);
  if (!month || text[month.end] !== '/') return false;
  const day = strtolPrefix(text, month.end + 1);
  if (!day || text[day.end] !== '/') return false;
  const year = strtolPrefix(text, day.end + 1);
  if (!year || year.end !== text.length) return false;
  if (month.value < 1 || month.value > 12 || day.value < 1 || day.value > 31) return false;
  return !(year.value < 0 || (year.value >= 100 && year.value < 1900));
}

/** The SMBIOS checks of domain_conf.c virSysinfoParseXML (any driver), for each `<sysinfo type='smbios'>`. */
function checkSmbios(domainEl: XmlElement, report: Report): void {
  const sysinfos = childrenNamed(domainEl, 'sysinfo');
  if (sysinfos.length === 0) return;
  checkSmbiosUuid(domainEl, sysinfos, report);
  for (const sysinfo of sysinfos) {
    if (attribute(sysinfo, 'type')?.value !== 'smbios') continue;
    // virSysinfoParseXML reads ./bios[1]; virXPathString("string(entry[@name='date'])") takes the first such
    // entry, and an empty string is no date.
    const date = childrenNamed(firstChild(sysinfo, 'bios'), 'entry').find((e) => attribute(e, 'name')?.value === 'date');
    if (!date || date.text === '' || smbiosDateValid(date.text)) continue;
    report({ range: date.contentRange, messageId: 'smbiosDate', data: { date: excerpt(date.text) } });
  }
}


/**
 * qemu_validate.c qemuValidateDomainDef and qemuValidateDomainDefBoot: the firmware and platform checks the QEMU
 * driver makes whatever its QEMU binary can do. Each needs the architecture or machine written in the XML (an
 * absent one is the host's default).
 */
function checkQemuPlatform(domain: DomainModel, os: XmlElement, report: Report): void {
  const type = domain.devices.osType();
  const arch = type?.arch;
  const firmwareAttr = attribute(os, 'firmware');
  const loader = firstChild(os, 'loader');
  const pflash = loader ? attribute(loader, 'type') : undefined;
  // virDomainDefHasOldStyleUEFI: a <loader type='pflash'>; or firmware autoselection of EFI.
  const uefiMarker = firmwareAttr?.value === 'efi' ? firmwareAttr : pflash?.value === 'pflash' ? pflash : undefined;
  // virDomainFeaturesDefParse: <acpi/> turns ACPI on (its state is not read).
  // The tag table first: most guests' <features> need not be built to tell.
  const hasAcpi = () => {
    const features = domain.devices.features();
    return features !== undefined && mayContainElement(features, 'acpi') && firstChild(features, 'acpi') !== undefined;
  };
  if (uefiMarker && isX86Arch(arch) && !hasAcpi()) {
    report({ range: uefiMarker.valueRange, messageId: 'uefiWithoutAcpi', data: { arch: arch! } });
  } else if (arch === 'aarch64' && !uefiMarker && hasAcpi()) {
    report({ range: firstChild(domain.devices.features(), 'acpi')!.startTag, messageId: 'acpiWithoutUefi', data: {} });
  }

  // qemuValidateDomainDefBoot: QEMU's secure boot limits, in libvirt's order.
  const secure = loader ? attribute(loader, 'secure') : undefined;
  if (secure?.value === 'yes') {
    // A machine alias (`ubuntu-q35`) may be q35 once libvirt makes it canonical: only a known other family counts.
    if (type?.machine !== undefined && isKnownNotQ35(arch, type.machine)) {
      report({ range: secure.valueRange, messageId: 'secureBootMachine', data: { machine: excerpt(type.machine) }, related: [{ range: attribute(type.element, 'machine')!.valueRange, message: 'the machine type' }] });
    } else if (arch !== undefined && arch !== 'x86_64') {
      report({ range: secure.valueRange, messageId: 'secureBootArch', data: { arch: excerpt(arch) } });
    } else if (firmwareAttr === undefined) {
      // "SMM will be enabled by qemuFirmwareFillDomain() if needed": only without firmware autoselection.
      // virDomainFeaturesDefParse: <smm/> without state is on.
      const smm = firstChild(domain.devices.features(), 'smm');
      const state = smm ? attribute(smm, 'state')?.value : undefined;
      if (!smm || state === 'off') report({ range: secure.valueRange, messageId: 'secureBootNoSmm', data: {}, related: smm ? [{ range: smm.startTag, message: 'SMM turned off' }] : undefined });
    }
  }

  // qemuValidateDomainDef: the serial graphics adapter.
  const bios = firstChild(os, 'bios');
  const useserial = bios ? attribute(bios, 'useserial') : undefined;
  if (useserial?.value === 'yes') {
    if (arch !== undefined && !isX86Arch(arch)) {
      report({ range: useserial.valueRange, messageId: 'biosSerialArch', data: { arch: excerpt(arch) } });
    } else {
      // virDomainDefAddConsoleCompat makes a serial port of a serial console: either counts.
      const devices = firstChild(domain.element, 'devices');
      if (!devices || mayContainElements(devices, ['serial', 'console']) === 0) report({ range: useserial.valueRange, messageId: 'biosSerialNoPort', data: {} });
    }
  }
}

/**
 * domain_conf.c virSysinfoSystemParseXML (any driver): an SMBIOS <system> uuid entry must equal the domain's <uuid>
 * ("UUID mismatch between <uuid> and <sysinfo>"); without a <uuid> libvirt takes the entry's. A copied domain given
 * a new <uuid> keeps the old entry.
 */
function checkSmbiosUuid(domainEl: XmlElement, sysinfos: XmlElement[], report: Report): void {
  // virDomainDefParseIDs: virXPathString("string(./uuid[1])"), empty or absent means generated.
  const uuidEl = firstChild(domainEl, 'uuid');
  const uuid = uuidEl && uuidEl.text !== '' ? parseUuid(uuidEl.text) : undefined;
  if (uuid === undefined) return;
  for (const sysinfo of sysinfos) {
    if (attribute(sysinfo, 'type')?.value !== 'smbios') continue;
    const system = firstChild(sysinfo, 'system');
    const entry = childrenNamed(system, 'entry').find((e) => attribute(e, 'name')?.value === 'uuid');
    // string(entry[@name='uuid']): an empty entry is no entry; a malformed one is its own error.
    if (!entry || entry.text === '') continue;
    const given = parseUuid(entry.text);
    if (given === undefined || given === uuid) continue;
    report({
      range: entry.contentRange,
      messageId: 'smbiosUuid',
      data: { sysinfo: excerpt(entry.text.trim()), uuid: excerpt(uuidEl!.text.trim()) },
      related: [{ range: uuidEl!.contentRange, message: "the domain's <uuid>" }],
    });
  }
}

/** domain_validate.c virDomainDefOSValidate, in its order (one finding, as libvirt stops at the first). */
function checkFirmware(os: XmlElement, hvm: boolean, version: string, report: Report): void {
  const firmwareAttr = hvm ? attribute(os, 'firmware') : undefined;
  const firmware = firmwareAttr?.value;
  // An unknown firmware value is a parse error ("unknown firmware value"), the schema's finding.
  if (firmware !== undefined && firmware !== 'efi' && firmware !== 'bios') return;
  const loader = firstChild(os, 'loader');
  const nvram = firstChild(os, 'nvram');
  const features = hvm ? childrenNamed(firstChild(os, 'firmware'), 'feature') : [];
  // virDomainDefParseBootFirmwareOptions: a feature named twice keeps the last.
  const feature = (name: string) => features.filter((f) => attribute(f, 'name')?.value === name).at(-1);
  if (firmware !== undefined) {
    const enrolled = feature('enrolled-keys');
    const secure = feature('secure-boot');
    if (enrolled && tristate(enrolled, 'enabled') === 'yes' && secure && tristate(secure, 'enabled') === 'no') {
      report({ range: enrolled.startTag, messageId: 'enrolledKeysNoSecureBoot', data: { version } });
      return;
    }
    if (!loader && !nvram) return;
    if (nvram && firmware !== 'efi') {
      report({ range: nvram.startTag, messageId: 'nvramNotEfi', data: { firmware, version } });
      return;
    }
  } else {
    // virsh define parses with VIR_DOMAIN_DEF_PARSE_ABI_UPDATE, so the features are read even without firmware='…'.
    if (features.length > 0) {
      report({ range: firstChild(os, 'firmware')!.startTag, messageId: 'featuresNoFirmware', data: { version } });
      return;
    }
    if (!loader && !nvram) return;
    // virXMLNodeContentString: an empty <loader> is no path; <nvram> alone makes a loader without one.
    if (!loader || loader.text === '') {
      report({ range: (loader ?? nvram)!.startTag, messageId: 'loaderNoPath', data: { what: loader ? 'an empty <loader>' : '<nvram>', version } });
      return;
    }
  }
  const stateless = tristate(loader, 'stateless');
  if (stateless === 'yes') {
    const template = nvram ? attribute(nvram, 'template') : undefined;
    if (template) {
      report({ range: template.range, messageId: 'statelessNvram', data: { what: 'an NVRAM template', version } });
    } else if (nvram) {
      report({ range: nvram.startTag, messageId: 'statelessNvram', data: { what: '<nvram>', version } });
    }
  } else if (stateless === 'no') {
    if (firmware === undefined) {
      // domain_postparse.c virDomainDefPostParseOs: a loader with a path and no type is a ROM.
      const type = attribute(loader!, 'type')?.value ?? 'rom';
      if (type !== 'pflash') report({ range: attribute(loader!, 'stateless')!.valueRange, messageId: 'notStatelessNotPflash', data: { type: excerpt(type), version } });
    } else if (firmware !== 'efi') {
      report({ range: attribute(loader!, 'stateless')!.valueRange, messageId: 'notStatelessNotEfi', data: { firmware, version } });
    }
  }
}
