import { defineDomainRule, type MessageSpecs, type ReportDescriptor } from '../../src/engine/types.ts';
import { attribute, firstChild } from '../../src/xml/query.ts';
import { formatKiB, scaleToKiB } from '../../src/model/units.ts';
import { libvirtUint, type DomainModel, type MemoryDevice } from '../../src/model/domain.ts';
import type { HostModel } from '../../src/model/host.ts';
import type { XmlAttribute, XmlElement } from '../../src/xml/types.ts';
import { excerpt } from '../../src/model/describe.ts';
import { libvirtAtLeast } from '../../src/model/libvirt-version.ts';
import { memoryDevicesKiB, numaMemoryTotal } from '../../src/model/guest-numa.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';

/** Memory devices that take a slot of <maxMemory slots> (domain_conf.c virDomainDefHasMemoryHotplug; virtio-mem and virtio-pmem are PCI devices). */
const SLOT_MODELS = new Set(['dimm', 'nvdimm']);
/** From this release only DIMM-like devices take a slot and `slots` may be left out; before it every memory device did, and it could not. */
const SLOTS_FOR_DIMMS_ONLY_SINCE = '9.5.0';
/** The models whose fixed addresses libvirt checks for overlap (virDomainMemoryDefCheckConflict sets a start for no other). */
/** Devices whose address ranges are compared: a DIMM's range is its size; an NVDIMM's is not (label cut, aligned). */
const CONFLICT_CHECKED_MODELS = new Set(['virtio-mem', 'virtio-pmem', 'dimm']);
/** qemuDomainDefNumaAutoAdd: from this release libvirt adds a guest NUMA cell itself when a new definition enables memory hotplug. */
const NUMA_AUTO_ADD_SINCE = '9.6.0';
/** NEWS: virtio-pmem came in 7.1.0 and virtio-mem in 7.9.0 (older releases do not know the models); an NVDIMM <uuid> in 6.2.0 (pSeries NVDIMMs; ignored before). */
const VIRTIO_PMEM_SINCE = '7.1.0';
const VIRTIO_MEM_SINCE = '7.9.0';
const NVDIMM_UUID_SINCE = '6.2.0';
/** NEWS 9.8.0 "Various virtio-mem/virtio-pmem fixes": the address alignment checks of virDomainMemoryDefValidate. */
const ADDRESS_ALIGNMENT_SINCE = '9.8.0';
/** domain_conf.c virDomainMemoryTargetDefParseXML: "nvdimm label must be at least 128KiB". */
const NVDIMM_MIN_LABEL_KIB = 128;
/** x86_64's transparent hugepage (PMD) size, the virtio-mem block minimum when the host's is unknown. */
const X86_THP_KIB = 2048;
/** qemu_domain.c qemuDomainDefValidateMemoryHotplugDevice: the device address types each model takes (none is always fine). */
const ADDRESS_TYPES: Readonly<Record<string, readonly string[]>> = {
  dimm: ['dimm'],
  nvdimm: ['dimm'],
  'virtio-pmem': ['pci'],
  'virtio-mem': ['pci', 'ccw'],
};

const messages = {
  minGuarantee: {
    message: "<memtune><min_guarantee>: libvirt's QEMU driver rejects this parameter",
    help: 'remove <min_guarantee> (only some other drivers support it)',
  },
  noMemory: {
    message: 'the domain has no <memory> and no guest NUMA cell memory: libvirt rejects this at define time',
    help: "add <memory unit='GiB'>…</memory>, or memory='…' on each guest NUMA <cell>",
  },
  noInitialMemory: {
    message: '<memory> {{memory}} leaves the guest no initial memory ({{why}}): libvirt rejects this at define time',
    help: "give <memory> the guest's memory, memory devices included, or memory='…' to each guest NUMA <cell>",
  },
  targetNoCells: {
    message: 'a {{model}} memory device is plugged into guest NUMA node {{node}}, but the guest has no NUMA cells: libvirt rejects this at define time',
    help: "define guest NUMA cells under <cpu><numa>, or drop <node> from the device's <target>",
  },
  targetMissing: {
    message: 'a {{model}} memory device targets guest NUMA node {{node}}; the guest has only cell(s) {{cells}}: libvirt rejects it',
    help: 'set <node> to one of the cells {{cells}}',
  },
  addressOverlap: {
    message: 'the {{model}} device at [{{start}}:{{end}}] overlaps the memory device at {{other}}: the guest cannot start',
    help: 'move one device (its address base) past the other, or drop base and let QEMU place it',
  },
  maxBelowMemory: {
    message: '<maxMemory> is {{max}}, less than {{what}} {{memory}}: libvirt rejects this at define time',
    help: 'raise <maxMemory> to at least {{memory}} (it is the ceiling for memory hotplug)',
  },
  devicesExceedMemory: {
    message: 'the memory devices total {{devices}}, more than <memory> {{memory}}: libvirt rejects this at define time',
    help: '<memory> counts the devices too: raise it to at least {{devices}} plus the boot memory',
  },
  slotsExceeded: {
    message: '{{count}} {{what}} need a memory slot each, but <maxMemory slots> is {{slots}}: libvirt {{version}}rejects this at define time',
    help: "raise slots='{{count}}' or more on <maxMemory>",
  },
  slotsMissing: {
    message: '<maxMemory> has no slots: libvirt {{version}} rejects this ("memory slot count must be specified")',
    help: "add slots='{{count}}' (at least 1, one per DIMM or virtio-mem device); libvirt {{since}} and later need it only for DIMMs",
  },
  noMaxMemory: {
    message: 'the domain has {{count}} memory device(s) but no <maxMemory>: libvirt rejects this at define time',
    help: "add <maxMemory slots='{{slots}}' unit='GiB'>…</maxMemory> at or above <memory> (the ceiling memory devices plug under)",
  },
  addressType: {
    message: "a {{model}} memory device takes only {{allowed}} addresses, not type='{{type}}': libvirt rejects this at define time",
    help: "use <address type='{{first}}' …/>, or drop the <address> and let libvirt assign one",
  },
  slotBeyond: {
    message: "DIMM slot {{slot}} is not below <maxMemory slots='{{slots}}'>: libvirt rejects this at define time",
    help: "use a slot from 0 to {{last}}, or raise slots to {{need}} or more",
  },
  slotDuplicate: {
    message: 'DIMM slot {{slot}} is already used by another memory device: libvirt rejects this at define time',
    help: "give each DIMM and NVDIMM its own slot, or drop its <address type='dimm'> and let libvirt assign one",
  },
  targetNodeMissing: {
    message: 'a {{model}} memory device has no <target><node>; with guest NUMA cells libvirt rejects this at define time',
    help: 'add <node>N</node> to its <target>, N one of the guest cells {{cells}}',
  },
  pathMissing: {
    message: 'the {{model}} memory device has no <source><path>: libvirt rejects this at define time',
    help: 'add <source><path>…</path></source>: the file or device that backs it',
  },
  discardUnsupported: {
    message: "the {{model}} memory device has discard='yes', which libvirt does not support for it: it rejects this at define time",
    help: "remove discard='yes' from the <memory> element",
  },
  nvdimmUuid: {
    message: 'an NVDIMM <uuid> is supported only on ppc64 guests: libvirt rejects it on {{arch}} at define time',
    help: "remove the NVDIMM's <uuid>",
  },
  nvdimmLabelRequired: {
    message: 'a ppc64 NVDIMM needs a label size (<target><label><size>): libvirt rejects this at define time',
    help: "add <label><size unit='KiB'>128</size></label> (at least 128 KiB) to its <target>",
  },
  labelTooSmall: {
    message: "the NVDIMM label is {{label}}, below libvirt's 128 KiB minimum: it rejects this at define time",
    help: 'use a label of at least 128 KiB, or leave <label> out',
  },
  labelNotSmaller: {
    message: 'the NVDIMM label ({{label}}) is not smaller than the NVDIMM ({{size}}): libvirt rejects this at define time',
    help: 'the label is part of <size>: make <size> larger than the label',
  },
  pmemNotShared: {
    message: 'a virtio-pmem device needs access=\'shared\', not {{access}}: libvirt rejects this at define time',
    help: "set access='shared' on <memory model='virtio-pmem'>",
  },
  pmemNode: {
    message: 'a virtio-pmem device does not support <target><node>: libvirt rejects this at define time',
    help: "remove <node> from the device's <target>",
  },
  addressUnaligned: {
    message: 'the {{model}} address {{base}} is not a multiple of {{what}}: libvirt rejects this at define time',
    help: '{{assumed}}use a multiple of {{align}} bytes ({{alignHex}}), or drop base and let libvirt place it',
  },
  requestedAboveSize: {
    message: 'the virtio-mem device requests {{requested}}, more than its size {{size}}: libvirt rejects this at define time',
    help: 'lower <requested> to at most <size>, or raise <size>',
  },
  blockMissing: {
    message: 'the virtio-mem device has no <block> size: libvirt rejects this at define time ("block size must be a power of two")',
    help: "add <block unit='KiB'>2048</block> to its <target>: a power of two, at least the host's THP size (2 MiB on x86_64)",
  },
  blockNotPow2: {
    message: 'the virtio-mem block size {{block}} is not a power of two: libvirt rejects this at define time',
    help: "use a power of two at least the host's THP size (2 MiB on x86_64), e.g. <block unit='KiB'>2048</block>",
  },
  blockTooSmall: {
    message: "the virtio-mem block size {{block}} is below the host's THP size {{thp}}: libvirt rejects this at define time",
    help: '{{assumed}}use a block of at least {{thp}}',
  },
  requestedNotMultiple: {
    message: 'the virtio-mem device requests {{requested}}, not a multiple of its block size {{block}}: libvirt rejects this',
    help: 'make <requested> a whole number of blocks',
  },
  alignOverflow: {
    message: "{{what}} rounds up to {{aligned}} KiB, over libvirt's {{max}} KiB: the guest cannot start",
    help: 'libvirt rounds it up to a multiple of {{align}} KiB when it starts the guest: use at most {{largest}} KiB',
  },
  hotplugNoNuma: {
    message: '<maxMemory> enables memory hotplug without guest NUMA cells: {{who}}',
    help: "{{later}}add a guest NUMA cell holding every vCPU and the memory: <cell id='0' cpus='{{cpus}}' memory='{{memory}}' unit='KiB'/>",
  },
} as const satisfies MessageSpecs;

type Report = (d: ReportDescriptor<typeof messages>) => void;

export default defineDomainRule({
  meta: {
    id: 'memory-config-invalid',
    name: 'MemoryConfigInvalid',
    severity: 'error',
    severities: ['error', 'warning', 'info'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Memory sizing or memory devices libvirt rejects: no <memory>, <maxMemory> too small or missing, bad DIMM slots, hotplug without cells, bad NVDIMM, virtio-pmem or virtio-mem settings.',
    tags: ['memory', 'numa'],
    messages,
  },
  check({ domain, host, report }) {
    // qemu_validate.c qemuValidateDomainDef: "Parameter 'min_guarantee' not supported by QEMU." (a size of 0 is none).
    const memtune = firstChild(domain.element, 'memtune');
    const minGuarantee = memtune && runsOnQemu(domain) ? firstChild(memtune, 'min_guarantee') : undefined;
    if (minGuarantee) {
      const size = scaleToKiB(minGuarantee.text, attribute(minGuarantee, 'unit')?.value);
      if (size.ok && size.value > 0) report({ range: minGuarantee.startTag, messageId: 'minGuarantee', data: {} });
    }
    const cells = domain.cpu?.cells ?? [];
    const cellMemory = cells.some((c) => c.memoryKiB !== undefined || c.memoryAttr !== undefined);
    // numa_conf.c / domain_conf.c: "Memory size must be specified via <memory> or in the <numa> configuration".
    if (!domain.memory && !cellMemory && !domain.element.children.some((c) => c.name === 'memory')) {
      report({ range: domain.element.startTag, messageId: 'noMemory', data: {} });
    }

    // domain_validate.c virDomainMemoryDefValidate: guest NUMA nodes are contiguous and indexed from zero.
    const devices = domain.devices.memoryDevices();
    for (const m of devices) {
      if (m.targetNode === undefined) continue;
      const model = m.model ?? 'memory';
      if (cells.length === 0) report({ range: m.element.startTag, messageId: 'targetNoCells', data: { model, node: m.targetNode } });
      else if (m.targetNode >= cells.length) report({ range: m.element.startTag, messageId: 'targetMissing', data: { model, node: m.targetNode, cells: cells.length === 1 ? '0' : `0-${cells.length - 1}` } });
    }

    // domain_validate.c virDomainMemoryDefCheckConflict (libvirt 9.8.0 and later; QEMU refuses the same at start
    // before): a device whose range [base, base + size) holds another device's base is rejected ("memory device
    // address [0x…:0x…] overlaps with other memory device"). virtio-mem, virtio-pmem and DIMMs take part; NVDIMMs
    // are left out here, their mapped range is not their <size> (the label is cut off and the rest aligned).
    const addressChecked = devices.filter((m) => m.model !== undefined && CONFLICT_CHECKED_MODELS.has(m.model));
    for (const m of addressChecked) {
      if (!m.base || m.base.value === 0n || m.sizeKiB === undefined || !Number.isFinite(m.sizeKiB)) continue;
      const start = m.base.value;
      // libvirt keeps sizes in whole KiB, rounded up (virDomainParseMemory).
      const end = start + BigInt(Math.ceil(m.sizeKiB)) * 1024n;
      const other = addressChecked.find((o) => o !== m && o.base && o.base.value !== 0n && start <= o.base.value && end > o.base.value);
      if (!other) continue;
      report({
        range: m.base.attr.valueRange,
        messageId: 'addressOverlap',
        data: { model: m.model ?? 'memory', start: `0x${start.toString(16)}`, end: `0x${end.toString(16)}`, other: `0x${other.base!.value.toString(16)}` },
        related: [{ range: other.base!.attr.valueRange, message: `the ${other.model ?? 'memory'} device starts here` }],
      });
    }

    // domain_postparse.c virDomainDefPostParseMemory, as `virsh define` runs it (ABI update): with guest NUMA cells the
    // total becomes their sum plus the memory devices, whatever <memory> says; without, the devices must fit in <memory>
    // ("Total size of memory devices exceeds the total memory size"; qemuDomainDefNumaAutoAdd checks the same).
    const cellsTotal = cells.length > 0 && cellMemory ? numaMemoryTotal(domain) : undefined;
    if (cells.length === 0 && domain.memory && devices.length > 0) {
      const sum = memoryDevicesKiB(domain);
      if (sum && sum.kib > domain.memory.kib) {
        report({ range: domain.memory.range, messageId: 'devicesExceedMemory', data: { devices: formatKiB(sum.kib), memory: formatKiB(domain.memory.kib) } });
      }
    }

    // virDomainDefPostParseMemory: without cell memory to infer it from, the initial memory is <memory> less the
    // memory devices, and 0 is refused ("Memory size must be specified via <memory> or in the <numa> configuration").
    const cellSum = cells.reduce((sum, c) => sum + (c.memoryKiB ?? Number.NaN), 0);
    if (domain.memory && cellSum === 0) {
      const plugged = devices.length > 0 ? memoryDevicesKiB(domain)?.kib : 0;
      if (plugged !== undefined && domain.memory.kib === plugged) {
        const why = plugged === 0 ? 'it is 0' : 'its memory devices take all of it';
        report({ range: domain.memory.range, messageId: 'noInitialMemory', data: { memory: formatKiB(domain.memory.kib), why } });
      }
    }

    if (devices.length > 0) checkDevices(domain, host?.model, report);
    if (runsOnQemu(domain)) checkAlignment(domain, report);

    const max = domain.maxMemory;
    if (!max) return;
    const total = cells.length > 0 && cellMemory ? cellsTotal?.kib : domain.memory?.kib;
    if (total !== undefined && max.kib < total) {
      const what = cells.length > 0 && cellMemory ? (cellsTotal!.deviceCount > 0 ? "the NUMA cells' and memory devices'" : "the NUMA cells'") : '<memory>';
      report({ range: max.range, messageId: 'maxBelowMemory', data: { max: formatKiB(max.kib), memory: formatKiB(total), what } });
    }
    const slotsAttr = attribute(max.element, 'slots');
    // No slots attribute means 0 slots (domain_conf.c reads it with virXPathUInt); before 9.5.0 that is slotsMissing's.
    const slots = slotsAttr ? libvirtUint(slotsAttr.value) : 0;
    // Before 9.5.0 (NEWS "conf: Properly handle slots for non-DIMM <memory> devices") <maxMemory> needs slots
    // (domain_postparse.c) and every memory device takes one (qemu_domain.c qemuDomainDefValidateMemoryHotplug).
    const version = host?.model.libvirtVersion;
    const everyDeviceSlotted = libvirtAtLeast(version, SLOTS_FOR_DIMMS_ONLY_SINCE) === false;
    if (everyDeviceSlotted && !slotsAttr) {
      report({ range: max.element.startTag, messageId: 'slotsMissing', data: { version: version!, count: Math.max(1, devices.length), since: SLOTS_FOR_DIMMS_ONLY_SINCE } });
    }
    const needSlots = devices.filter((m) => everyDeviceSlotted || (m.model !== undefined && SLOT_MODELS.has(m.model))).length;
    if (slots !== undefined && needSlots > slots && !(everyDeviceSlotted && !slotsAttr)) {
      report({
        range: slotsAttr?.valueRange ?? max.element.startTag,
        messageId: 'slotsExceeded',
        data: { count: needSlots, slots: slotsAttr ? slots : 'absent (0)', what: everyDeviceSlotted ? 'memory devices' : 'DIMM/NVDIMM devices', version: everyDeviceSlotted ? `${version} ` : '' },
      });
    }
    // qemu_validate.c: "At least one numa node has to be configured when enabling memory hotplug" (every arch but ppc64).
    const arch = domain.devices.osType()?.arch;
    if (cells.length === 0 && !(arch ?? '').startsWith('ppc64')) {
      const newer = libvirtAtLeast(host?.model.libvirtVersion, NUMA_AUTO_ADD_SINCE);
      const v = host?.model.libvirtVersion;
      const who =
        newer === true ? `libvirt ${v} adds a cell itself on define` : newer === false ? `libvirt ${v} rejects this at define time` : `libvirt before ${NUMA_AUTO_ADD_SINCE} rejects this at define time`;
      const later =
        newer === true ? '' : `libvirt ${NUMA_AUTO_ADD_SINCE} and later add a cell when a new definition is defined, but reject an existing one loaded without that update; `;
      report({
        range: max.element.startTag,
        severity: newer === true ? 'info' : newer === false ? 'error' : 'warning',
        messageId: 'hotplugNoNuma',
        // One vCPU is cpus='0'; a domain without <memory> (its own finding, noMemory) has no size to offer.
        data: { who, later, cpus: domain.maxVcpus > 1 ? `0-${domain.maxVcpus - 1}` : '0', memory: domain.memory?.kib ?? '…' },
      });
    }
  },
});


/** virMemoryMaxValue(false) >> 10 (virutil.c; a 64-bit host): LLONG_MAX bytes in whole KiB. */
const MEMORY_MAX_KIB = (2n ** 63n - 1n) >> 10n;

/**
 * qemu_domain.c qemuDomainAlignMemorySizes, run when a new QEMU process is prepared (qemuProcessPrepareDomain):
 * each guest NUMA cell's memory, the initial memory and <maxMemory> are rounded up to 1 MiB (256 MiB on ppc64,
 * qemuDomainGetMemorySizeAlignment), and a result above virMemoryMaxValue fails the start ("memory size of NUMA
 * node '0' overflowed after alignment"; libvirt's test memory-align-fail).
 */
function checkAlignment(domain: DomainModel, report: Report): void {
  const arch = domain.devices.osType()?.arch;
  const align = arch === 'ppc64' || arch === 'ppc64le' ? 256n * 1024n : 1024n;
  const roundUp = (kib: number): bigint => {
    const whole = BigInt(Math.ceil(kib));
    return ((whole + align - 1n) / align) * align;
  };
  const data = (what: string, aligned: bigint) => ({ what, aligned: String(aligned), max: String(MEMORY_MAX_KIB), align: String(align), largest: String((MEMORY_MAX_KIB / align) * align) });
  const cells = domain.cpu?.cells ?? [];
  let initial = 0n;
  for (const c of cells) {
    if (c.memoryKiB === undefined || !Number.isFinite(c.memoryKiB)) return;
    const aligned = roundUp(c.memoryKiB);
    if (aligned > MEMORY_MAX_KIB) {
      report({ range: c.memoryAttr!.valueRange, messageId: 'alignOverflow', data: data(`NUMA cell ${c.id ?? c.index}'s memory`, aligned) });
      return;
    }
    initial += aligned;
  }
  const memory = domain.memory;
  if (cells.length === 0 && memory && Number.isFinite(memory.kib)) {
    const devices = domain.devices.memoryDevices().length > 0 ? memoryDevicesKiB(domain)?.kib : 0;
    if (devices !== undefined) initial = roundUp(Math.max(0, memory.kib - devices));
  }
  if (initial > MEMORY_MAX_KIB) {
    const range = memory?.range ?? domain.element.startTag;
    report({ range, messageId: 'alignOverflow', data: data(cells.length > 0 ? "the NUMA cells' memory" : '<memory>', initial) });
    return;
  }
  const max = domain.maxMemory;
  if (max && Number.isFinite(max.kib) && roundUp(max.kib) > MEMORY_MAX_KIB) {
    report({ range: max.range, messageId: 'alignOverflow', data: data('<maxMemory>', roundUp(max.kib)) });
  }
}

/** A size under a memory device's <target> in KiB as libvirt stores it (virDomainParseMemory rounds up): 0 when absent, undefined when unreadable. */
function targetSizeKiB(el: XmlElement | undefined): number | undefined {
  if (!el) return 0;
  const parsed = scaleToKiB(el.text.trim(), attribute(el, 'unit')?.value);
  return parsed.ok && Number.isFinite(parsed.value) ? Math.ceil(parsed.value) : undefined;
}

/** VIR_IS_POW2: 0 is not a power of two. */
const isPow2 = (n: number): boolean => Number.isSafeInteger(n) && n > 0 && 2 ** Math.round(Math.log2(n)) === n;

const plainUint = (text: string | undefined): number | undefined => (text !== undefined && /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/**
 * Each memory device as libvirt validates it on define: domain_conf.c virDomainMemoryTargetDefParseXML (NVDIMM
 * label), domain_validate.c virDomainMemoryDefValidate (per model) and virDomainMemoryDefCheckConflict (DIMM slots),
 * qemu_domain.c qemuDomainDefValidateMemoryHotplug and qemuDomainDefValidateMemoryHotplugDevice (maxMemory,
 * address types, slots, target node). Checks that came after libvirt 6.0 follow the host's libvirt version
 * (unknown: current behaviour).
 */
function checkDevices(domain: DomainModel, host: HostModel | undefined, report: Report): void {
  const version = host?.libvirtVersion;
  const since = (release: string): boolean => libvirtAtLeast(version, release) !== false;
  const devices = domain.devices.memoryDevices();
  const cells = domain.cpu?.cells ?? [];
  const arch = domain.devices.osType()?.arch;
  const maxEl = firstChild(domain.element, 'maxMemory');
  const slotsText = maxEl ? attribute(maxEl, 'slots')?.value : undefined;
  const slots = slotsText === undefined ? 0 : plainUint(slotsText);
  // domain_conf.c virDomainDefHasMemoryHotplug: slots > 0 or a maximum above 0.
  const hotplug = maxEl !== undefined && (slots === undefined || slots > 0 || domain.maxMemory === undefined || domain.maxMemory.kib > 0);
  if (!hotplug) {
    // qemuDomainDefValidateMemoryHotplug: "cannot use/hotplug a memory device when domain 'maxMemory' is not defined".
    report({ range: devices[0]!.element.startTag, messageId: 'noMaxMemory', data: { count: devices.length, slots: Math.max(1, devices.length) } });
  }
  const slotsUsed = new Map<number, XmlAttribute>();
  for (const m of devices) {
    const model = m.model ?? 'memory';
    const target = firstChild(m.element, 'target');
    const source = firstChild(m.element, 'source');
    // virXPathInt("string(./node)"): an empty <node> is no node (value-invalid reports text hidden in a child).
    const nodeEl = firstChild(target, 'node');
    const nodeGiven = nodeEl !== undefined && (nodeEl.text !== '' || nodeEl.children.length > 0);
    const sizeKiB = targetSizeKiB(firstChild(target, 'size'));
    const discard = attribute(m.element, 'discard');
    const pmem = model === 'virtio-pmem' && since(VIRTIO_PMEM_SINCE);
    if (model === 'nvdimm' || pmem) {
      // virXPathString gives NULL for an empty path.
      if ((firstChild(source, 'path')?.text ?? '') === '') report({ range: m.element.startTag, messageId: 'pathMissing', data: { model } });
      if (discard?.value === 'yes') report({ range: discard.valueRange, messageId: 'discardUnsupported', data: { model } });
    }
    if (model === 'nvdimm') {
      const labelEl = firstChild(firstChild(target, 'label'), 'size');
      const label = targetSizeKiB(labelEl);
      if (label !== undefined && label > 0 && label < NVDIMM_MIN_LABEL_KIB) {
        report({ range: labelEl!.contentRange, messageId: 'labelTooSmall', data: { label: formatKiB(label) } });
      } else if (label !== undefined && sizeKiB !== undefined && label >= sizeKiB && labelEl) {
        report({ range: labelEl.contentRange, messageId: 'labelNotSmaller', data: { label: formatKiB(label), size: formatKiB(sizeKiB) } });
      }
      if (arch !== undefined && arch.startsWith('ppc64')) {
        if (label === 0) report({ range: (target ?? m.element).startTag, messageId: 'nvdimmLabelRequired', data: {} });
      } else if (arch !== undefined && since(NVDIMM_UUID_SINCE)) {
        const uuid = firstChild(m.element, 'uuid');
        if (uuid) report({ range: uuid.startTag, messageId: 'nvdimmUuid', data: { arch: excerpt(arch) } });
      }
    }
    if (pmem) {
      const access = attribute(m.element, 'access');
      if (access?.value !== 'shared') {
        report({ range: access?.valueRange ?? m.element.startTag, messageId: 'pmemNotShared', data: { access: access ? `access='${excerpt(access.value)}'` : 'the default' } });
      }
      if (nodeGiven) report({ range: nodeEl!.startTag, messageId: 'pmemNode', data: {} });
      // The host's page size; without a host, 4 KiB: every page size libvirt runs on is a multiple of it.
      const pageKiB = host?.pageSizeKiB ?? 4;
      if (m.base && since(ADDRESS_ALIGNMENT_SINCE) && m.base.value % BigInt(pageKiB * 1024) !== 0n) {
        reportUnaligned(report, m, model, pageKiB, host ? `the host's ${pageKiB} KiB page size` : 'the 4 KiB page size', host ? '' : 'no host page size is known, 4 KiB is the smallest; ');
      }
    }
    if (model === 'virtio-mem' && since(VIRTIO_MEM_SINCE)) checkVirtioMem(m, target, sizeKiB, arch, since(ADDRESS_ALIGNMENT_SINCE), report);

    // DIMM address slots: virDomainMemoryDefCheckConflict (any domain) and qemuDomainDefValidateMemoryHotplugDevice.
    const address = firstChild(m.element, 'address');
    const type = address ? attribute(address, 'type')?.value : undefined;
    const slotAttr = type === 'dimm' && (model === 'dimm' || model === 'nvdimm') ? attribute(address!, 'slot') : undefined;
    const slot = plainUint(slotAttr?.value);
    if (slot !== undefined) {
      const first = slotsUsed.get(slot);
      if (first) {
        report({ range: slotAttr!.valueRange, messageId: 'slotDuplicate', data: { slot }, related: [{ range: first.valueRange, message: `slot ${slot} is first used here` }] });
      } else slotsUsed.set(slot, slotAttr!);
    }
    if (!hotplug) continue;
    const allowed = ADDRESS_TYPES[model];
    if (allowed && type !== undefined && !allowed.includes(type)) {
      report({
        range: attribute(address!, 'type')!.valueRange,
        messageId: 'addressType',
        data: { model, type: excerpt(type), allowed: allowed.map((t) => `'${t}'`).join(' or '), first: allowed[0]! },
      });
    }
    // A slot with no slots attribute is slotsExceeded's (or, before 9.5.0, slotsMissing's).
    if (slot !== undefined && slotsText !== undefined && slots !== undefined && slot >= slots) {
      report({ range: slotAttr!.valueRange, messageId: 'slotBeyond', data: { slot, slots, last: Math.max(0, slots - 1), need: slot + 1 } });
    }
    // "target NUMA node needs to be specified for memory device" (virtio-pmem has no node).
    if (cells.length > 0 && !nodeGiven && (model === 'dimm' || model === 'nvdimm' || model === 'virtio-mem')) {
      report({ range: (target ?? m.element).startTag, messageId: 'targetNodeMissing', data: { model, cells: cells.length === 1 ? '0' : `0-${cells.length - 1}` } });
    }
  }
}

/** domain_validate.c virDomainMemoryDefValidate, VIR_DOMAIN_MEMORY_MODEL_VIRTIO_MEM, in libvirt's order. */
function checkVirtioMem(m: MemoryDevice, target: XmlElement | undefined, sizeKiB: number | undefined, arch: string | undefined, alignment: boolean, report: Report): void {
  const requestedEl = firstChild(target, 'requested');
  const requested = targetSizeKiB(requestedEl);
  if (requested !== undefined && sizeKiB !== undefined && requested > sizeKiB) {
    report({ range: requestedEl!.contentRange, messageId: 'requestedAboveSize', data: { requested: formatKiB(requested), size: formatKiB(sizeKiB) } });
  }
  const blockEl = firstChild(target, 'block');
  const block = targetSizeKiB(blockEl);
  if (!blockEl) {
    report({ range: (target ?? m.element).startTag, messageId: 'blockMissing', data: {} });
    return;
  }
  if (block === undefined) return;
  if (!isPow2(block)) {
    report({ range: blockEl.contentRange, messageId: 'blockNotPow2', data: { block: formatKiB(block) } });
    return;
  }
  // virHostMemGetTHPSize: the host's THP size. Host snapshots do not record it: x86_64's 2 MiB, other architectures unchecked.
  const thp = arch === 'x86_64' ? X86_THP_KIB : undefined;
  if (thp !== undefined && block < thp) {
    report({ range: blockEl.contentRange, messageId: 'blockTooSmall', data: { block: formatKiB(block), thp: formatKiB(thp), assumed: 'x86_64 hosts use 2 MiB transparent hugepages (kvmlint assumes it); ' } });
  }
  if (requested !== undefined && requested % block !== 0) {
    report({ range: requestedEl!.contentRange, messageId: 'requestedNotMultiple', data: { requested: formatKiB(requested), block: formatKiB(block) } });
  }
  if (alignment && m.base && m.base.value % BigInt(block * 1024) !== 0n) {
    reportUnaligned(report, m, 'virtio-mem', block, `its block size ${formatKiB(block)}`, '');
  }
}

function reportUnaligned(report: Report, m: MemoryDevice, model: string, alignKiB: number, what: string, assumed: string): void {
  const align = alignKiB * 1024;
  report({
    range: m.base!.attr.valueRange,
    messageId: 'addressUnaligned',
    data: { model, base: `0x${m.base!.value.toString(16)}`, what, assumed, align, alignHex: `0x${align.toString(16)}` },
  });
}
