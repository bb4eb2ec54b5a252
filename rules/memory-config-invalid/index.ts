import { defineDomainRule } from '../../src/engine/types.ts';
import { attribute } from '../../src/xml/query.ts';
import { formatKiB } from '../../src/model/units.ts';
import { libvirtAtLeast } from '../../src/model/libvirt-version.ts';
import { memoryDevicesKiB, numaMemoryTotal } from '../../src/model/guest-numa.ts';

/** Memory devices that take a slot of <maxMemory slots> (domain_conf.c virDomainDefHasMemoryHotplug; virtio-mem and virtio-pmem are PCI devices). */
const SLOT_MODELS = new Set(['dimm', 'nvdimm']);
/** From this release only DIMM-like devices take a slot and `slots` may be left out; before it every memory device did, and it could not. */
const SLOTS_FOR_DIMMS_ONLY_SINCE = '9.5.0';
/** The models whose fixed addresses libvirt checks for overlap (virDomainMemoryDefCheckConflict sets a start for no other). */
/** Devices whose address ranges are compared: a DIMM's range is its size; an NVDIMM's is not (label cut, aligned). */
const CONFLICT_CHECKED_MODELS = new Set(['virtio-mem', 'virtio-pmem', 'dimm']);
/** qemuDomainDefNumaAutoAdd: from this release libvirt adds a guest NUMA cell itself when a new definition enables memory hotplug. */
const NUMA_AUTO_ADD_SINCE = '9.6.0';

export default defineDomainRule({
  meta: {
    id: 'memory-config-invalid',
    name: 'MemoryConfigInvalid',
    severity: 'error',
    severities: ['error', 'warning', 'info'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Memory sizing libvirt rejects: no <memory>, a memory device in a missing guest NUMA cell, <maxMemory> too small, too few slots, hotplug without cells.',
    tags: ['memory', 'numa'],
    messages: {
      noMemory: {
        message: 'the domain has no <memory> and no guest NUMA cell memory: libvirt rejects this at define time',
        help: "add <memory unit='GiB'>…</memory>, or memory='…' on each guest NUMA <cell>",
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
      hotplugNoNuma: {
        message: '<maxMemory> enables memory hotplug without guest NUMA cells: {{who}}',
        help: "{{later}}add a guest NUMA cell holding every vCPU and the memory: <cell id='0' cpus='0-{{lastVcpu}}' memory='{{memory}}' unit='KiB'/>",
      },
    },
  },
  check({ domain, host, report }) {
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

    const max = domain.maxMemory;
    if (!max) return;
    const total = cells.length > 0 && cellMemory ? cellsTotal?.kib : domain.memory?.kib;
    if (total !== undefined && max.kib < total) {
      const what = cells.length > 0 && cellMemory ? (cellsTotal!.deviceCount > 0 ? "the NUMA cells' and memory devices'" : "the NUMA cells'") : '<memory>';
      report({ range: max.range, messageId: 'maxBelowMemory', data: { max: formatKiB(max.kib), memory: formatKiB(total), what } });
    }
    const slotsAttr = attribute(max.element, 'slots');
    const slots = slotsAttr && /^\d+$/.test(slotsAttr.value.trim()) ? Number(slotsAttr.value) : undefined;
    // Before 9.5.0 (NEWS "conf: Properly handle slots for non-DIMM <memory> devices") <maxMemory> needs slots
    // (domain_postparse.c) and every memory device takes one (qemu_domain.c qemuDomainDefValidateMemoryHotplug).
    const version = host?.model.libvirtVersion;
    const everyDeviceSlotted = libvirtAtLeast(version, SLOTS_FOR_DIMMS_ONLY_SINCE) === false;
    if (everyDeviceSlotted && !slotsAttr) {
      report({ range: max.element.startTag, messageId: 'slotsMissing', data: { version: version!, count: Math.max(1, devices.length), since: SLOTS_FOR_DIMMS_ONLY_SINCE } });
    }
    const needSlots = devices.filter((m) => everyDeviceSlotted || (m.model !== undefined && SLOT_MODELS.has(m.model))).length;
    if (slots !== undefined && needSlots > slots) {
      report({
        range: slotsAttr!.valueRange,
        messageId: 'slotsExceeded',
        data: { count: needSlots, slots, what: everyDeviceSlotted ? 'memory devices' : 'DIMM/NVDIMM devices', version: everyDeviceSlotted ? `${version} ` : '' },
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
        data: { who, later, lastVcpu: domain.maxVcpus - 1, memory: domain.memory?.kib ?? 0 },
      });
    }
  },
});
