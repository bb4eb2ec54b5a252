import type { Range, XmlAttribute, XmlElement } from '../xml/types.ts';
import { attribute, childrenNamed, firstChild } from '../xml/query.ts';
import { childNamesMayRepeat, type DescendantTags, descendantTags, isXmlSpace, mayContainElements, startTagEnd, TAG_DEEP, TAG_DEPTH_BITS, tagIs, tagNameKey } from '../xml/element.ts';
import { isQemuNamespaced } from './qemu-commandline.ts';
import { CpuSet } from './cpuset.ts';
import { formatLibvirtCpuset, parseLibvirtCpuset, type CpusetUntidiness } from './libvirt-cpuset.ts';
import { isDecimalUnit, scaleToKiB } from './units.ts';
import { excerpt } from './describe.ts';
import { newDomainMemo, type DomainMemo } from './memo.ts';
import { EMULATORSCHED_SINCE } from './libvirt-version.ts';
import { isLibvirtUuid } from './domain-identity.ts';

/** A cpuset/nodeset attribute: the parsed set, or undefined when it does not parse (see `DomainModel.problems`). */
export interface CpusetAttr {
  set: CpuSet | undefined;
  attr: XmlAttribute;
}

/** A memory size from an element's text and `unit` attribute, in KiB. */
export interface MemorySize {
  kib: number;
  element: XmlElement;
  /** The text content's range (the number). */
  range: Range;
}

/** A value in the XML that does not parse; reported by the rule named in `ruleId`. */
export interface ValueProblem {
  ruleId: 'cpuset-syntax' | 'value-invalid';
  range: Range;
  message: string;
  severity?: 'error' | 'warning' | 'info';
  /**
   * For a value that parses: replacements of the attribute value. `fix` keeps
   * libvirt's reading exactly (safe for --fix); `suggestions` are choices for a person.
   */
  rewrite?: { attr: XmlAttribute; fix?: string; suggestions?: Array<{ message: string; text: string; kind?: 'intended' | 'reading' }> };
  /** cpuset-syntax's findings: the parts its messages are made of (`message` is the same text in one string). */
  cpuset?: CpusetProblem;
  /**
   * A repeated or foreign element: its name, the first copy (a related location), and whether kvmlint cannot read
   * the domain as libvirt does (a copy libvirt merges, an element in another namespace): no directive silences that.
   */
  duplicate?: { name: string; first: Range | undefined; unreadable: boolean; also?: Array<{ range: Range; name: string }> };
  /** The libvirt release that brought the check (with the attribute it reads): older ones ignore the value. */
  since?: string;
  /** A required element or attribute that is absent or empty: what to add, for the help line. */
  missing?: string;
}

/** Where a cpuset problem is (`<element attr='value'>`, value excerpted) and what it is. */
export type CpusetProblem = { element: string; attr: string; value: string } & (
  | { kind: 'invalid'; error: string }
  /** `id`: this exclusion's id; `ids`: every idle exclusion of the value (what the 'intended' suggestion cuts). */
  | { kind: 'idle'; id: number; ids: string }
  | { kind: 'untidy'; reason: string; canonical: string }
);

export type NumaMode = 'strict' | 'preferred' | 'interleave' | 'restrictive';
export type Placement = 'static' | 'auto';

export interface VcpuConfig {
  element: XmlElement;
  /** Maximum vCPUs (the element text); rules use this, never `current`. */
  max: number;
  /** False when the text did not parse, was 0 or was clamped: `max` is then a stand-in. */
  maxKnown: boolean;
  current: number | undefined;
  placement: Placement;
  cpuset: CpusetAttr | undefined;
}

export interface VcpuPin {
  element: XmlElement;
  vcpu: number | undefined;
  vcpuAttr: XmlAttribute | undefined;
  cpuset: CpusetAttr | undefined;
}

export interface ThreadPin {
  element: XmlElement;
  cpuset: CpusetAttr | undefined;
}

export interface IothreadPin extends ThreadPin {
  iothread: number | undefined;
  iothreadAttr: XmlAttribute | undefined;
}

/** A scheduling policy element (`vcpusched`, `iothreadsched`, `emulatorsched`). */
export interface ThreadSched {
  element: XmlElement;
  /** fifo, rr, batch, idle or other, as written. */
  scheduler: string | undefined;
  priority: number | undefined;
  schedulerAttr: XmlAttribute | undefined;
  priorityAttr: XmlAttribute | undefined;
}

export interface VcpuSched extends ThreadSched {
  vcpus: CpuSet | undefined;
  /** The `vcpus` attribute (absent: the element is invalid for libvirt, see vcpu-id-range). */
  vcpusAttr: XmlAttribute | undefined;
}

export interface IothreadSched extends ThreadSched {
  iothreads: CpuSet | undefined;
  iothreadsAttr: XmlAttribute | undefined;
}

/** `<cachetune>` / `<memorytune>`: resource-control groups over a vCPU set. */
export interface VcpuTune {
  element: XmlElement;
  vcpus: CpusetAttr | undefined;
  /** `<monitor vcpus=…>` children (resctrl monitoring groups inside the allocation). */
  monitors: Array<{ element: XmlElement; vcpus: CpusetAttr | undefined }>;
}

export interface CputuneConfig {
  element: XmlElement;
  vcpupins: VcpuPin[];
  emulatorpin: ThreadPin | undefined;
  iothreadpins: IothreadPin[];
  vcpusched: VcpuSched[];
  iothreadsched: IothreadSched[];
  emulatorsched: ThreadSched | undefined;
  cachetunes: VcpuTune[];
  memorytunes: VcpuTune[];
}

export interface NumatuneMemory {
  element: XmlElement;
  mode: NumaMode;
  /** Placement as written; undefined means "follow the defaults" (see `numaBinding`). */
  placement: Placement | undefined;
  /** The `placement` attribute as written (also when its value is not one libvirt knows). */
  placementAttr: XmlAttribute | undefined;
  nodeset: CpusetAttr | undefined;
}

export interface NumatuneMemnode {
  element: XmlElement;
  cellid: number | undefined;
  cellidAttr: XmlAttribute | undefined;
  mode: NumaMode;
  nodeset: CpusetAttr | undefined;
}

export interface NumatuneConfig {
  element: XmlElement;
  memory: NumatuneMemory | undefined;
  memnodes: NumatuneMemnode[];
}

export interface HugepageSpec {
  element: XmlElement;
  /** Page size in KiB; undefined means the host's default hugepage size. */
  sizeKiB: number | undefined;
  /** `unit` was decimal (KB/MB/GB...): a size that is almost never a real page size. */
  decimalUnit: boolean;
  sizeAttr: XmlAttribute | undefined;
  unitAttr: XmlAttribute | undefined;
  /** Guest NUMA cells this page size backs; undefined means all cells. */
  nodeset: CpusetAttr | undefined;
}

export interface MemoryBackingConfig {
  element: XmlElement;
  hugepages: { element: XmlElement; pages: HugepageSpec[] } | undefined;
  locked: XmlElement | undefined;
  nosharepages: XmlElement | undefined;
  /** `<source type='file|anonymous|memfd'/>`. */
  source: { element: XmlElement; type: string | undefined } | undefined;
  /** `<access mode='shared|private'/>`. */
  access: { element: XmlElement; mode: string | undefined } | undefined;
  /** `<allocation mode='immediate|ondemand' threads='N'/>`. */
  allocation: { element: XmlElement; mode: string | undefined; threads: number | undefined } | undefined;
}

/** `<memtune>` limits, in KiB. */
export interface MemtuneConfig {
  element: XmlElement;
  hardLimit: MemorySize | undefined;
  softLimit: MemorySize | undefined;
  swapHardLimit: MemorySize | undefined;
  minGuarantee: MemorySize | undefined;
}

/** A `<memory model='dimm|nvdimm|virtio-mem|virtio-pmem|sgx-epc'>` device: memory outside the guest cells' own. */
export interface MemoryDevice {
  element: XmlElement;
  model: string | undefined;
  /** `<target><size>`, KiB. */
  sizeKiB: number | undefined;
  /** `<target><node>`: the guest cell it is plugged into. */
  targetNode: number | undefined;
  /** An NVDIMM's `<target><label><size>`, KiB (part of its `<size>`). */
  labelKiB: number | undefined;
  /**
   * The guest-physical address it is placed at, when the XML fixes one: `<target><address base>`
   * (virtio-mem, virtio-pmem) or `<address type='dimm' base>` (dimm, nvdimm). libvirt parses it as
   * hexadecimal (virXMLPropULongLong base 16); 0 means "not fixed", as in libvirt.
   */
  base: { value: bigint; attr: XmlAttribute } | undefined;
  /** What libvirt refuses in it (a size or node it cannot read): value-invalid reports these. */
  invalid?: Array<{ range: Range; message: string; unreadable?: boolean }>;
}

/** Where libvirt reads a memory device's address for its model (virDomainMemoryDefParseXML, virDomainDeviceInfoParseXML). */
function memoryBaseOf(el: XmlElement, target: XmlElement | undefined, model: string | undefined): MemoryDevice['base'] {
  if (model === 'virtio-mem' || model === 'virtio-pmem') {
    const address = firstChild(target, 'address');
    return address ? memoryBase(attribute(address, 'base')) : undefined;
  }
  if (model === 'dimm' || model === 'nvdimm') {
    const address = childrenNamed(el, 'address').find((a) => attribute(a, 'type')?.value === 'dimm');
    return address ? memoryBase(attribute(address, 'base')) : undefined;
  }
  return undefined;
}

/** A memory device's `base` as libvirt reads it (strtoull base 16, optional 0x); undefined when unreadable or 0. */
function memoryBase(attr: XmlAttribute | undefined): MemoryDevice['base'] {
  const text = attr?.value.trim();
  if (!text || !/^(?:0[xX])?[0-9a-fA-F]{1,16}$/.test(text)) return undefined;
  const value = BigInt(`0x${text.replace(/^0[xX]/, '')}`);
  return value === 0n ? undefined : { value, attr: attr! };
}

/**
 * Facts read from `<devices>`, `<features>` and `<os>`. Those subtrees are built only
 * when asked for (they hold most of a domain's elements and few rules need
 * them), so these are functions, computed on first call.
 */
export interface DomainDeviceFacts {
  /** `<devices><memballoon>`; undefined when absent (QEMU then adds a virtio balloon). */
  memballoon(): { element: XmlElement; model: string | undefined } | undefined;
  memoryDevices(): MemoryDevice[];
  /**
   * PCI controllers placed on a guest NUMA node (`<controller type='pci'><target><node>`: a
   * pci-expander-bus, pcie-expander-bus or pseries pci-root), in document order.
   */
  pciControllerNodes(): PciControllerNode[];
  /** `<features><pmu state>`; undefined when not written. */
  pmu(): { element: XmlElement; state: string | undefined } | undefined;
  /** The `<features>` element, when present. */
  features(): XmlElement | undefined;
  /** `<os><type arch machine>`: libvirt's per-architecture and per-machine defaults depend on it. */
  osType(): { element: XmlElement; arch: string | undefined; machine: string | undefined } | undefined;
  /** The IOThreads disks and controllers name, in document order (see IothreadRef). */
  iothreadRefs(): IothreadRef[];
  /**
   * The ids the devices' text names as `iothread='N'` or `<iothread id='N'`, read without building the
   * devices; undefined when the text names one in another form (then iothreadRefs decides).
   */
  iothreadIdsInText(): Set<number> | undefined;
  /** Devices served by a vhost-user back end, which maps guest memory (see VhostUserDevice), in document order. */
  vhostUserDevices(): VhostUserDevice[];
}

/**
 * A device whose back end runs outside QEMU and maps guest RAM through vhost-user (or vhost-vdpa):
 * `<interface type='vhostuser'>`, `<disk type='vhostuser'>`, `<disk type='vhostvdpa'>` and
 * `<filesystem>` with `<driver type='virtiofs'>` (qemu_validate.c: the callers of
 * qemuValidateDomainDefVhostUserRequireSharedMemory).
 */
export interface VhostUserDevice {
  element: XmlElement;
  kind: 'interface' | 'passt-interface' | 'disk' | 'vdpa-disk' | 'virtiofs';
}

/**
 * A device's use of an IOThread: `<driver iothread='N'>` of a `<disk>` or virtio-scsi `<controller>`, or an
 * `<iothread id='N'>` of its `<driver><iothreads>` mapping (qemu_validate.c
 * qemuValidateDomainDeviceDefDiskIOThreads, …ControllerIOThreads, qemuDomainValidateIothreadMapping).
 */
export interface IothreadRef {
  device: XmlElement;
  attr: XmlAttribute;
  /** The id as libvirt reads it; undefined when it is not a plain decimal (left to libvirt's parser). */
  id: number | undefined;
  /** `<driver iothread>` (false) or a mapping's `<iothread id>` (true): libvirt's messages differ. */
  mapping: boolean;
  /**
   * A controller libvirt refuses any IOThread for: not type='scsi' with a virtio-scsi model
   * (domain_postparse.c virDomainControllerDefPostParse, domain_validate.c
   * virDomainControllerDefValidate). A SCSI controller with no model is left out: the driver
   * gives it a default model, unknown here.
   */
  refused: boolean;
}

export interface PciControllerNode {
  element: XmlElement;
  model: string | undefined;
  index: string | undefined;
  /** The `<node>` element under `<target>`. */
  nodeElement: XmlElement;
  /** Its text as a number; undefined when it is not a plain decimal (left to the schema). */
  node: number | undefined;
}

export interface GuestCell {
  element: XmlElement;
  /**
   * libvirt's cell id: the `id` attribute, else the cell's position among the
   * cells (numa_conf.c virDomainNumaDefParseXML); undefined when `id` does not parse.
   */
  id: number | undefined;
  idAttr: XmlAttribute | undefined;
  /** Position among the `<cell>` elements, from 0. */
  index: number;
  cpus: CpusetAttr | undefined;
  memoryKiB: number | undefined;
  /** The `memory` attribute (its value is in `unit`, default KiB). */
  memoryAttr: XmlAttribute | undefined;
  unitAttr: XmlAttribute | undefined;
}

export interface CpuTopology {
  element: XmlElement;
  sockets: number | undefined;
  dies: number;
  clusters: number;
  cores: number | undefined;
  threads: number | undefined;
}

export interface CpuConfig {
  element: XmlElement;
  mode: string | undefined;
  topology: CpuTopology | undefined;
  /** `<numa>`, when present. */
  numa: XmlElement | undefined;
  cells: GuestCell[];
}

export interface DomainModel {
  element: XmlElement;
  type: string | undefined;
  name: string | undefined;
  uuid: string | undefined;
  vcpu: VcpuConfig | undefined;
  /** Maximum vCPUs: `<vcpu>` text, 1 when absent (libvirt's default). */
  maxVcpus: number;
  /**
   * vCPUs (ids 0..max-1) that start offline and run nowhere until hot-plugged:
   * those `<vcpus><vcpu id enabled='no'/>` disables, else (no `<vcpus>`) ids ≥
   * `<vcpu current>` (domain_conf.c virDomainVcpuParse: `<vcpus>` states win,
   * `current` only enables the first N when no `<vcpus>` is given).
   */
  offlineVcpus: CpuSet;
  /** `<vcpus>`, when it lists some `<vcpu>` (libvirt then takes each vCPU's state from it, not `current`). */
  vcpusElement: XmlElement | undefined;
  memory: MemorySize | undefined;
  currentMemory: MemorySize | undefined;
  /** `<maxMemory slots>`: memory hotplug ceiling. */
  maxMemory: MemorySize | undefined;
  memtune: MemtuneConfig | undefined;
  cputune: CputuneConfig | undefined;
  numatune: NumatuneConfig | undefined;
  memoryBacking: MemoryBackingConfig | undefined;
  cpu: CpuConfig | undefined;
  /** IOThread ids (from `<iothreads>` count or `<iothreadids>`). */
  iothreadIds: number[];
  /** The element that declares the IOThreads (`<iothreadids>` or `<iothreads>`). */
  iothreadsElement: XmlElement | undefined;
  devices: DomainDeviceFacts;
  problems: ValueProblem[];
  /** Derivations computed once per domain (src/model/memo.ts). */
  memo: DomainMemo;
}

/** Counts above this are not plausible for any hypervisor; they are reported, not enumerated. */
export const MAX_PLAUSIBLE_VCPUS = 16384;

/**
 * `childrenNamed(el, name).map(fn)`, with one shared frozen array for "none": a plan of 10,000
 * guests keeps each guest's model to its end, and a dozen of its lists are usually empty.
 */
function childrenMapped<T>(el: XmlElement | undefined, name: string, fn: (child: XmlElement, index: number) => T): T[] {
  if (!el) return NONE as unknown as T[];
  // One pass, no filtered array: the models map a dozen kinds of child per guest, most of them absent.
  let out: T[] | undefined;
  const children = el.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.name !== name) continue;
    out ??= [];
    out.push(fn(child, out.length));
  }
  return out ?? (NONE as unknown as T[]);
}

const NONE: readonly never[] = Object.freeze([]);

const NUMA_MODES: ReadonlySet<string> = new Set(['strict', 'preferred', 'interleave', 'restrictive']);

/**
 * Whether `el` is a root libvirt reads as a domain: its local name is `domain`. libvirt compares the
 * parsed root's name with virXMLNodeNameEqual (src/util/virxml.c: xmlStrEqual(node->name, "domain")),
 * and libxml2's node->name is the local name, so `<v:domain xmlns:v='…'>` defines a domain too (its
 * unprefixed children are what libvirt's XPath queries find, as here).
 */
export function isDomainRoot(el: XmlElement | undefined): boolean {
  if (el === undefined) return false;
  const name = el.name;
  return name === 'domain' || (name.endsWith(':domain') && name.indexOf(':') === name.length - 7 && name.length > 7);
}

/** virDomainVirt (domain_conf.c, libvirt 11.3): the `<domain type>` names libvirt parses. */
const VIRT_TYPES: ReadonlySet<string> = new Set(['none', 'qemu', 'kqemu', 'kvm', 'xen', 'lxc', 'uml', 'openvz', 'test', 'vmware', 'hyperv', 'vbox', 'phyp', 'parallels', 'bhyve', 'vz', 'hvf']);

/**
 * Whether text[from, to) may hold an attribute name with a prefix other than `xmlns` (a blank, a name with a colon,
 * then `=`: a value may look so too; names may be non-ASCII) outside `attributeSkipped`, or an element name with a
 * prefix (`<` and a name with a colon) outside `elementSkipped`. A text test, from each colon back to where its name
 * starts: a guest has a few colons (MAC addresses) where a scan from every blank looked at thousands of places.
 */
export function mayHavePrefixedName(text: string, from: number, to: number, attributeSkipped: readonly Range[], elementSkipped: readonly Range[]): boolean {
  const inside = (ranges: readonly Range[], at: number) => ranges.some((r) => at >= r.start && at < r.end);
  for (let colon = text.indexOf(':', from); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    // The prefix: the name characters before the colon (no blank, = < > / ' " or another colon).
    let start = colon;
    while (start > from && isPrefixChar(text.charCodeAt(start - 1))) start--;
    // The `<` or blank opening the name must lie before `to`; later colons' names start later still.
    if (start - 1 >= to) break;
    if (start === colon || start === from) continue;
    const before = text.charCodeAt(start - 1);
    if (before === 0x3c /* < */) {
      // An element name: `!` and `?` open declarations, comments and processing instructions.
      const prefix = text.slice(start, colon);
      if (!prefix.includes('!') && !prefix.includes('?') && !inside(elementSkipped, start - 1)) return true;
    } else if (before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d) {
      if (text.startsWith('xmlns:', start)) continue;
      // An attribute name: the local part (colons allowed), blanks, then `=`.
      let end = colon + 1;
      while (end < text.length && (isPrefixChar(text.charCodeAt(end)) || text.charCodeAt(end) === 0x3a)) end++;
      if (end === colon + 1) continue;
      while (end < text.length && (text.charCodeAt(end) === 0x20 || text.charCodeAt(end) === 0x09 || text.charCodeAt(end) === 0x0a || text.charCodeAt(end) === 0x0d)) end++;
      if (text.charCodeAt(end) === 0x3d /* = */ && !inside(attributeSkipped, start - 1)) return true;
    }
  }
  return false;
}

/** A character of a name's prefix as the text test reads it: anything but JavaScript's \s, = < > / ' " and `:`. */
function isPrefixChar(c: number): boolean {
  switch (c) {
    case 0x3d: case 0x3c: case 0x3e: case 0x2f: case 0x27: case 0x22: case 0x3a:
    case 0x20: case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0xa0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202f: case 0x205f: case 0x3000: case 0xfeff:
      return false;
    default:
      return !(c >= 0x2000 && c <= 0x200a);
  }
}

/** virCPUMode (cpu_conf.c). */
export const CPU_MODES: ReadonlySet<string> = new Set(['custom', 'host-model', 'host-passthrough', 'maximum']);

/** Builds the typed view of one `<domain>` element. Never throws on bad values: they land in `problems`. */
export function buildDomainModel(domain: XmlElement): DomainModel {
  const problems: ValueProblem[] = [];
  const b = new ModelBuilder(problems);

  const c = b.repeatedChildren(domain);
  b.nestedText(c[S_NAME]);
  b.nestedText(c[S_UUID]);
  // domain_conf.c virDomainDefParseIDs: a <uuid> virUUIDParse cannot read is refused; an empty one is generated.
  const uuidEl = c[S_UUID];
  if (uuidEl && uuidEl.text !== '' && !isLibvirtUuid(uuidEl.text)) {
    const shown = uuidEl.text.trim();
    problems.push({
      ruleId: 'value-invalid',
      range: shown === '' ? uuidEl.startTag : uuidEl.contentRange,
      message: `<uuid> '${excerpt(shown, 40)}' is not a UUID: libvirt rejects the domain ("malformed uuid element")`,
    });
  }
  b.prefixedAttributes(domain);
  const vcpus = c[S_VCPUS];
  const vcpusElement = vcpus && firstChild(vcpus, 'vcpu') ? vcpus : undefined;
  const typeAttr = attribute(domain, 'type');
  const type = typeAttr?.value;
  // domain_conf.c virDomainDefParseCaps: virDomainVirtTypeFromString, case-sensitive ("invalid domain type %s").
  // The same function first refuses a domain without one: virXPathString("string(./@type)") is NULL for an absent or
  // empty attribute ("missing domain type attribute"). libvirt defines nothing; only --schema said so before.
  if (!typeAttr || typeAttr.value === '') {
    problems.push({
      ruleId: 'value-invalid',
      range: typeAttr ? typeAttr.valueRange : domain.startTag,
      message: `<${domain.name}> has no type: libvirt rejects the domain ("missing domain type attribute")`,
      missing: "type='kvm' to <domain> (qemu for a guest QEMU emulates, lxc, xen, …: the hypervisor driver that runs it)",
    });
  } else if (!VIRT_TYPES.has(typeAttr.value)) {
    problems.push({ ruleId: 'value-invalid', range: typeAttr.valueRange, message: `<domain type='${excerpt(typeAttr.value, 24)}'> is not a type libvirt knows: it rejects the domain ("invalid domain type")` });
  }
  // domain_conf.c virDomainDefParseIDs: virXPathString("string(./name[1])") is NULL for an absent or empty <name>
  // (VIR_ERR_NO_NAME, "missing name information").
  const nameEl = c[S_NAME];
  if (!nameEl || (nameEl.text === '' && nameEl.children.length === 0)) {
    problems.push({
      ruleId: 'value-invalid',
      range: nameEl ? nameEl.startTag : domain.startTag,
      message: nameEl ? '<name> is empty: libvirt rejects the domain ("missing name information")' : `<${domain.name}> has no <name>: libvirt rejects the domain ("missing name information")`,
      missing: "the guest's name: <name>vm1</name>, unique on the host",
    });
  }
  const osTypeProblem = missingOsType(domain, c[S_OS]);
  if (osTypeProblem) problems.push(osTypeProblem);
  if (c[S_BLKIOTUNE]) repeatedBlkioPaths(c[S_BLKIOTUNE], problems);
  const vcpu = b.vcpu(c[S_VCPU], vcpusElement !== undefined, type === 'kvm' || type === 'qemu');
  const iothreadIds = b.iothreadIds(c[S_IOTHREADIDS], c[S_IOTHREADS]);
  return {
    element: domain,
    type,
    name: textOf(c[S_NAME]),
    uuid: textOf(c[S_UUID]),
    vcpu,
    maxVcpus: vcpu?.max ?? 1,
    offlineVcpus: b.offlineVcpus(vcpu, vcpusElement),
    vcpusElement,
    memory: b.memory(c[S_MEMORY]),
    currentMemory: b.memorySize(c[S_CURRENT_MEMORY]),
    maxMemory: b.maxMemory(c[S_MAX_MEMORY]),
    memtune: b.memtune(c[S_MEMTUNE]),
    cputune: b.cputune(c[S_CPUTUNE]),
    numatune: b.numatune(c[S_NUMATUNE]),
    memoryBacking: b.memoryBacking(c[S_MEMORY_BACKING]),
    cpu: b.cpu(c[S_CPU]),
    iothreadIds,
    iothreadsElement: c[S_IOTHREADIDS] ?? c[S_IOTHREADS],
    devices: new LazyDeviceFacts(domain),
    problems,
    memo: newDomainMemo(),
  };
}

/**
 * domain_validate.c virDomainDefTunablesValidate: two `<blkiotune><device>` entries with one `<path>` are refused
 * ("duplicate blkio device path '/dev/sda'"), the paths compared as written (STREQ).
 */
function repeatedBlkioPaths(blkiotune: XmlElement, problems: ValueProblem[]): void {
  const seen = new Map<string, XmlElement>();
  for (const device of blkiotune.children) {
    if (device.name !== 'device') continue;
    const path = firstChild(device, 'path');
    if (!path || path.text === '') continue;
    const first = seen.get(path.text);
    if (!first) {
      seen.set(path.text, path);
      continue;
    }
    problems.push({
      ruleId: 'value-invalid',
      range: path.contentRange,
      message: `blkio device path '${excerpt(path.text, 48)}' is tuned twice: libvirt rejects the domain ("duplicate blkio device path")`,
      duplicate: { name: 'device', first: first.contentRange, unreadable: false },
    });
  }
}

/**
 * domain_conf.c virDomainDefParseCaps: `string(./os/type[1])` (the first <type> of any <os>) empty or absent is "an os
 * <type> must be specified", unless a <bootloader> makes it a Xen paravirtual guest.
 */
function missingOsType(domain: XmlElement, os: XmlElement | undefined): ValueProblem | undefined {
  let type = os ? firstChild(os, 'type') : undefined;
  for (const el of domain.children) {
    if (type) break;
    if (el.name === 'os' && el !== os) type = firstChild(el, 'type');
  }
  if (type && (type.text !== '' || type.children.length > 0)) return undefined;
  for (const el of domain.children) if (el.name === 'bootloader' && (el.text !== '' || el.children.length > 0)) return undefined;
  const refused = 'libvirt rejects the domain ("an os <type> must be specified")';
  // What virt-install writes for a KVM guest; exe is a container's (LXC), and Xen PV guests take a <bootloader>.
  const missing = "the guest's OS type: <os><type arch='x86_64' machine='q35'>hvm</type></os> (exe for a container)";
  if (type) return { ruleId: 'value-invalid', range: type.startTag, message: `<os><type> is empty: ${refused}`, missing };
  return { ruleId: 'value-invalid', range: os ? os.startTag : domain.startTag, message: `<${domain.name}> has no <os><type>: ${refused}`, missing };
}

/**
 * Lazy facts from `<devices>`, `<features>` and `<os>`. Values that do not parse
 * are left undefined here: no rule reports them yet. One object per domain, its
 * answers computed on first call (closures per fact would be six objects per domain).
 */
/** PCI controller models placed on a guest NUMA node by `<target><node>` (domaincommon.rng; pseries' pci-root is a PHB). */
const NUMA_NODE_PCI_MODELS: ReadonlySet<string> = new Set(['pci-expander-bus', 'pcie-expander-bus', 'pci-root']);

/** The SCSI controller models that take an IOThread (virDomainControllerModelSCSI: VIRTIO_SCSI and its transitional forms). */
const VIRTIO_SCSI_MODELS: ReadonlySet<string> = new Set(['virtio-scsi', 'virtio-transitional', 'virtio-non-transitional']);

/** The offset of the first `<controller` tag in text[start, end), or -1. Searched as '<contr' (see iothreadIdsInText). */
function firstControllerStart(text: string, start: number, end: number): number {
  for (let at = text.indexOf('<contr', start); at >= 0 && at < end; at = text.indexOf('<contr', at + 6)) {
    if (text.startsWith('<controller', at)) return at;
  }
  return -1;
}

/**
 * Whether `text[at]` may lie inside a `<controller>` element of the devices' content starting at
 * `start`: the last `<controller` before it is not self-closing and not closed before it. A
 * comment or CDATA section in the devices could mislead the scan, so one makes the answer yes
 * (and the elements decide).
 */
function mayBeInsideController(text: string, start: number, at: number): boolean {
  const open = text.lastIndexOf('<controller', at);
  if (open < start) return false;
  const bang = text.indexOf('<!', start);
  if (bang >= 0 && bang < at) return true;
  const tagEnd = startTagEnd(text, open + 11);
  if (tagEnd < 0 || tagEnd > at) return true;
  if (text.charCodeAt(tagEnd - 1) === 47 /* / */) return false;
  const close = text.indexOf('</controller', tagEnd);
  return close < 0 || close > at;
}

/**
 * The words a vhost-user device's XML must hold: type='vhostuser' or 'vhostvdpa', driver type='virtiofs'.
 * Not 'vhost' alone: vhost-net's <driver name='vhost'> is in most guests. One regular expression scans
 * the devices once (0.9 µs a 7 KB guest, against 1.8 µs for indexOf of two needles).
 */
const VHOST_USER_WORDS = /vhost(?:user|vdpa)|virtiofs/g;

function mentionsVhostUser(devices: XmlElement): boolean {
  const tags = descendantTags(devices);
  const { text, start, end } = devices.contentSpan();
  if (tags === undefined) {
    VHOST_USER_WORDS.lastIndex = start;
    const found = VHOST_USER_WORDS.exec(text);
    return found !== null && found.index < end;
  }
  // From the tag table: a <filesystem>, or an <interface> or <disk> whose start tag says vhost (or holds a reference).
  const childDepth = tags.depth + 1;
  for (let k = tags.from; k < tags.to; k += 2) {
    const info = tags.table[k + 1]!;
    if ((info & TAG_DEEP) !== childDepth) continue;
    const key = info >>> TAG_DEPTH_BITS;
    const at = tags.table[k]!;
    if (key === FILESYSTEM_TAG && tagIs(text, at, 'filesystem')) return true;
    if ((key === INTERFACE_TAG && tagIs(text, at, 'interface')) || (key === DISK_TAG && tagIs(text, at, 'disk'))) {
      let stop = text.indexOf('<', at + 1);
      if (stop < 0 || stop > end) stop = end;
      const tag = text.slice(at, stop);
      if (tag.includes('vhost') || tag.includes('&')) return true;
    }
  }
  return false;
}

const FILESYSTEM_TAG = tagNameKey('filesystem');
const INTERFACE_TAG = tagNameKey('interface');
const DISK_TAG = tagNameKey('disk');

/**
 * iothreadIdsInText without a tag table: the devices' text searched for `iothread`. An IOThread after the first
 * controller may be that controller's (which libvirt may refuse): then undefined, and the elements decide.
 */
function iothreadIdsInRawText(devices: XmlElement): Set<number> | undefined {
  const ids = new Set<number>();
  const { text, start, end } = devices.contentSpan();
  /** Where the first controller starts, found at the first IOThread: one before it is no controller's. */
  let firstController: number | undefined;
  // Searched as 'iothre': V8 runs Boyer-Moore, whose tables cost more than this scan, for needles of 7 or more.
  for (let at = text.indexOf('iothre', start); at >= 0 && at < end; at = text.indexOf('iothre', at + 6)) {
    if (!text.startsWith('iothread', at)) continue;
    // A controller's IOThread may be one libvirt refuses (IothreadRef.refused): the elements decide.
    firstController ??= firstControllerStart(text, start, end);
    if (firstController >= 0 && at > firstController && mayBeInsideController(text, start, at)) return undefined;
    // `iothread='N'` (a driver attribute), `<iothread id='N'` (a mapping); <iothreads> and text mentions pass.
    let i = at + 8;
    const before = text.charCodeAt(at - 1);
    if (before === 60 /* < */) {
      if (text.charCodeAt(i) === 115 /* s */) continue;
      if (!text.startsWith(" id='", i) && !text.startsWith(' id="', i)) return undefined;
      i += 4;
    } else if (isXmlSpace(before)) {
      // An attribute named iothread: anything but `iothread='N'` is left to the element walk.
      if (text.charCodeAt(i) !== 61 /* = */) return undefined;
    } else continue;
    const quote = text[i + 1];
    if (quote !== "'" && quote !== '"') return undefined;
    const close = text.indexOf(quote, i + 2);
    const id = close < 0 ? undefined : plainUint(text.slice(i + 2, close));
    if (id === undefined) return undefined;
    ids.add(id);
  }
  return ids;
}

const DRIVER_TAG = tagNameKey('driver');
const IOTHREAD_TAG = tagNameKey('iothread');
const CONTROLLER_TAG = tagNameKey('controller');

/**
 * iothreadIdsInText from the parser's tag table: the `iothread='N'` of every <driver> and the `<iothread id='N'>` of
 * every mapping, at any depth (more than the elements libvirt reads, never less). One inside a <controller> (which
 * libvirt may refuse) or written another way makes it undefined, and the elements decide.
 */
function iothreadIdsInTags(devices: XmlElement, tags: DescendantTags): Set<number> | undefined {
  const ids = new Set<number>();
  const { text, end } = devices.contentSpan();
  const { table, from, to } = tags;
  const childDepth = tags.depth + 1;
  let inController = false;
  for (let k = from; k < to; k += 2) {
    const at = table[k]!;
    const info = table[k + 1]!;
    const key = info >>> TAG_DEPTH_BITS;
    if ((info & TAG_DEEP) === childDepth) inController = key === CONTROLLER_TAG && tagIs(text, at, 'controller');
    if (key === DRIVER_TAG && tagIs(text, at, 'driver')) {
      // The tag and any text after it, to the next '<' (never inside an attribute value).
      let stop = text.indexOf('<', at + 7);
      if (stop < 0 || stop > end) stop = end;
      const tag = text.slice(at, stop);
      for (let i = tag.indexOf('iothread', 7); i >= 0; i = tag.indexOf('iothread', i + 8)) {
        if (inController) return undefined;
        // `iothread='N'` after a blank; anything else (iothreads=, ' = ', a reference) is left to the elements.
        if (!isXmlSpace(tag.charCodeAt(i - 1)) || tag.charCodeAt(i + 8) !== 61 /* = */) return undefined;
        const id = quotedUint(tag, i + 9);
        if (id === undefined) return undefined;
        ids.add(id);
      }
    } else if (key === IOTHREAD_TAG && tagIs(text, at, 'iothread')) {
      if (inController) return undefined;
      if (!text.startsWith(" id='", at + 9) && !text.startsWith(' id="', at + 9)) return undefined;
      const id = quotedUint(text, at + 13);
      if (id === undefined) return undefined;
      ids.add(id);
    }
  }
  return ids;
}

/** The plain decimal in the quoted value starting at text[quoteAt], or undefined. */
function quotedUint(text: string, quoteAt: number): number | undefined {
  const quote = text[quoteAt];
  if (quote !== "'" && quote !== '"') return undefined;
  const close = text.indexOf(quote, quoteAt + 1);
  return close < 0 ? undefined : plainUint(text.slice(quoteAt + 1, close));
}

/** The device elements LazyDeviceFacts looks for before building the devices, in bit order. */
const MEMORY_DEVICE_NAMES: readonly string[] = ['memory', 'memballoon'];

class LazyDeviceFacts implements DomainDeviceFacts {
  private devicesEl: XmlElement | null | undefined;
  private featuresEl: XmlElement | null | undefined;
  private balloon?: { value: ReturnType<DomainDeviceFacts['memballoon']> };
  private memories?: MemoryDevice[];
  private pciNodes?: PciControllerNode[];
  private pmuFact?: { value: ReturnType<DomainDeviceFacts['pmu']> };
  private os?: { value: ReturnType<DomainDeviceFacts['osType']> };
  private memTags?: number;
  private ioRefs?: IothreadRef[];
  private vhostUsers?: VhostUserDevice[];

  constructor(private readonly domain: XmlElement) {}

  /**
   * Whether the devices' text holds `<memory` (bit 1) and `<memballoon` (bit 2): one scan for both
   * (each alone scanned the rest of the file when absent).
   */
  private memTagsInText(): number {
    if (this.memTags === undefined) {
      const devices = this.devices();
      this.memTags = devices ? mayContainElements(devices, MEMORY_DEVICE_NAMES) : 0;
    }
    return this.memTags;
  }

  private devices(): XmlElement | undefined {
    if (this.devicesEl === undefined) this.devicesEl = firstChild(this.domain, 'devices') ?? null;
    return this.devicesEl ?? undefined;
  }

  features(): XmlElement | undefined {
    if (this.featuresEl === undefined) this.featuresEl = firstChild(this.domain, 'features') ?? null;
    return this.featuresEl ?? undefined;
  }

  memballoon(): ReturnType<DomainDeviceFacts['memballoon']> {
    if (!this.balloon) {
      // Tested on the text first: finding it among the devices would build them all (a lazy container).
      const devices = this.devices();
      const el = devices && this.memTagsInText() & 2 ? firstChild(devices, 'memballoon') : undefined;
      this.balloon = { value: el ? { element: el, model: attribute(el, 'model')?.value } : undefined };
    }
    return this.balloon.value;
  }

  memoryDevices(): MemoryDevice[] {
    // Every domain is asked (memory sizing rules), few have memory devices: the devices, a lazy
    // container, are built only when the text holds one (~28 elements a guest, half its tree).
    const devices = this.devices();
    this.memories ??= childrenMapped(devices && this.memTagsInText() & 1 ? devices : undefined, 'memory', (el): MemoryDevice => {
      // domain_conf.c virDomainMemoryTargetDefParseXML reads the texts whole (virParseScaledValue, virXPathInt):
      // what it refuses is reported, else a device kvmlint cannot size would leave the memory sums unchecked.
      const invalid: NonNullable<MemoryDevice['invalid']> = [];
      const target = firstChild(el, 'target');
      const size = firstChild(target, 'size');
      const sizeText = size?.text ?? '';
      const parsedSize = sizeText !== '' ? scaleToKiB(sizeText, attribute(size!, 'unit')?.value) : undefined;
      if (!target) invalid.push({ range: el.startTag, message: `<memory> device without <target>: libvirt rejects it ("missing <target> element")` });
      else if (!parsedSize) {
        // Text hidden in a child of <size> is reported below, as unreadable.
        if (!(size && textInChildren(size))) invalid.push({ range: (size ?? target).startTag, message: `<memory> device without a <size>: libvirt rejects it ("missing element … './size'")` });
      } else if (!parsedSize.ok) invalid.push({ range: textRange(size!), message: `memory device <size> '${excerpt(sizeText.trim())}': ${parsedSize.error}` });
      const nodeEl = firstChild(target, 'node');
      let targetNode: number | undefined;
      if (nodeEl && nodeEl.text !== '') {
        const n = parseCInteger(nodeEl.text, -INT_MAX - 1n, INT_MAX);
        if (n === undefined || n < 0n) invalid.push({ range: textRange(nodeEl), message: `memory device <node> '${excerpt(nodeEl.text.trim())}' is not a guest NUMA node id: libvirt rejects it` });
        else targetNode = Number(n);
      }
      const label = firstChild(firstChild(target, 'label'), 'size');
      for (const v of [size, nodeEl, label]) {
        const inner = v && textInChildren(v);
        if (inner) invalid.push({ ...nestedTextProblem(v!, inner), unreadable: true });
      }
      const parsedLabel = label && label.text !== '' ? scaleToKiB(label.text, attribute(label, 'unit')?.value) : undefined;
      if (parsedLabel && !parsedLabel.ok) invalid.push({ range: textRange(label!), message: `memory device label <size> '${excerpt(label!.text.trim())}': ${parsedLabel.error}` });
      const device: MemoryDevice = {
        element: el,
        model: attribute(el, 'model')?.value,
        sizeKiB: parsedSize?.ok ? parsedSize.value : undefined,
        targetNode,
        labelKiB: parsedLabel?.ok ? parsedLabel.value : undefined,
        base: memoryBaseOf(el, target, attribute(el, 'model')?.value),
      };
      if (invalid.length > 0) device.invalid = invalid;
      return device;
    });
    return this.memories;
  }

  pciControllerNodes(): PciControllerNode[] {
    if (!this.pciNodes) {
      this.pciNodes = [];
      for (const el of childrenNamed(this.devices(), 'controller')) {
        // Only these models take a <node> (libvirt's schema; qemu_domain.c): the dozen pcie-root-ports of a
        // q35 guest are not opened up to look.
        if (attribute(el, 'type')?.value !== 'pci' || !NUMA_NODE_PCI_MODELS.has(attribute(el, 'model')?.value ?? '')) continue;
        const nodeElement = firstChild(firstChild(el, 'target'), 'node');
        if (!nodeElement) continue;
        const text = nodeElement.text.trim();
        this.pciNodes.push({
          element: el,
          model: attribute(el, 'model')?.value,
          index: attribute(el, 'index')?.value,
          nodeElement,
          node: /^\d{1,9}$/.test(text) ? Number(text) : undefined,
        });
      }
    }
    return this.pciNodes;
  }

  pmu(): ReturnType<DomainDeviceFacts['pmu']> {
    if (!this.pmuFact) {
      const el = firstChild(this.features(), 'pmu');
      this.pmuFact = { value: el ? { element: el, state: attribute(el, 'state')?.value } : undefined };
    }
    return this.pmuFact.value;
  }

  iothreadIdsInText(): Set<number> | undefined {
    const devices = this.devices();
    if (!devices) return new Set();
    const tags = descendantTags(devices);
    return tags === undefined ? iothreadIdsInRawText(devices) : iothreadIdsInTags(devices, tags);
  }

  iothreadRefs(): IothreadRef[] {
    if (!this.ioRefs) {
      const refs: IothreadRef[] = [];
      const devices = this.devices();
      // Tested on the text first, as for memory devices: few guests give a device an IOThread.
      if (devices?.contentIncludes('iothread')) {
        for (const device of devices.children) {
          let refused = false;
          if (device.name === 'controller') {
            const model = attribute(device, 'model')?.value;
            // A SCSI controller with no model gets the driver's default model, unknown here.
            if (model === undefined && attribute(device, 'type')?.value === 'scsi') continue;
            refused = attribute(device, 'type')?.value !== 'scsi' || !VIRTIO_SCSI_MODELS.has(model ?? '');
          } else if (device.name !== 'disk') continue;
          const driver = firstChild(device, 'driver');
          if (!driver) continue;
          const attr = attribute(driver, 'iothread');
          const driverId = attr && libvirtUint(attr.value);
          // iothread='0' is "none" (the parser's default), refused by nothing.
          if (attr && !(refused && driverId === 0)) refs.push({ device, attr, id: driverId, mapping: false, refused });
          for (const m of childrenNamed(firstChild(driver, 'iothreads'), 'iothread')) {
            const id = attribute(m, 'id');
            if (id) refs.push({ device, attr: id, id: libvirtUint(id.value), mapping: true, refused });
          }
        }
      }
      this.ioRefs = refs;
    }
    return this.ioRefs;
  }

  vhostUserDevices(): VhostUserDevice[] {
    if (!this.vhostUsers) {
      const found: VhostUserDevice[] = [];
      const devices = this.devices();
      // Tested on the text first: few guests have one, and finding none by elements would build every device.
      if (devices && mentionsVhostUser(devices)) {
        for (const device of devices.children) {
          const type = device.name === 'interface' || device.name === 'disk' ? attribute(device, 'type')?.value : undefined;
          if (device.name === 'interface' && type === 'vhostuser') {
            found.push({ element: device, kind: attributeOf(firstChild(device, 'backend'), 'type') === 'passt' ? 'passt-interface' : 'interface' });
          } else if (device.name === 'disk' && (type === 'vhostuser' || type === 'vhostvdpa')) {
            found.push({ element: device, kind: type === 'vhostuser' ? 'disk' : 'vdpa-disk' });
          } else if (device.name === 'filesystem' && attributeOf(firstChild(device, 'driver'), 'type') === 'virtiofs') {
            found.push({ element: device, kind: 'virtiofs' });
          }
        }
      }
      this.vhostUsers = found;
    }
    return this.vhostUsers;
  }

  osType(): ReturnType<DomainDeviceFacts['osType']> {
    if (!this.os) {
      const el = firstChild(firstChild(this.domain, 'os'), 'type');
      this.os = { value: el ? { element: el, arch: attribute(el, 'arch')?.value, machine: attribute(el, 'machine')?.value } : undefined };
    }
    return this.os.value;
  }
}

/** An attribute's value on an element that may be absent. */
function attributeOf(el: XmlElement | undefined, name: string): string | undefined {
  return el ? attribute(el, name)?.value : undefined;
}

function untidyReason(kinds: readonly CpusetUntidiness[]): string {
  const parts = kinds.map((k) => (k === 'order' ? 'lists ids out of ascending order' : k === 'repeat' ? 'names some ids twice' : 'writes a sign before a range end'));
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A short run of decimal digits (no spaces), as a number; undefined for anything else (then uintValue decides). */
function plainUint(text: string): number | undefined {
  const len = text.length;
  if (len === 0 || len > 15) return undefined;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    n = n * 10 + c;
  }
  return n;
}

function textOf(el: XmlElement | undefined): string | undefined {
  return el ? el.text.trim() : undefined;
}

/**
 * The first element inside `el` that holds text, if any. libvirt reads a value element's string-value
 * (xmlNodeGetContent, XPath string()): its descendants' text too, in document order, so
 * `<memory>1<x>60</x></memory>` is 160 to libvirt where kvmlint's own text of it is 1.
 */
export function textInChildren(el: XmlElement): XmlElement | undefined {
  if (el.children.length === 0) return undefined;
  const stack = [...el.children];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (c.text !== '') return c;
    for (const g of c.children) stack.push(g);
  }
  return undefined;
}

/** The problem for a value element textInChildren found text inside. */
function nestedTextProblem(el: XmlElement, inner: XmlElement): ValueProblem {
  return {
    ruleId: 'value-invalid',
    range: inner.startTag,
    message: `<${el.name}> holds <${inner.name}> with text: libvirt reads that text as part of the value, kvmlint reads it without`,
    duplicate: { name: el.name, first: undefined, unreadable: true },
  };
}

/** Range of an element's trimmed text, or its start tag when it has none. */
export function textRange(el: XmlElement): Range {
  return el.contentRange.end > el.contentRange.start ? el.contentRange : el.startTag;
}

/**
 * What libvirt (src/conf/domain_conf.c, numa_conf.c; 11.3.0) does with a second one of these
 * `<domain>` children, which its schema allows once each:
 * - 'rejects': virDomainNumatuneParseXML, "only one numatune is supported";
 * - 'merges': its XPath reads children of every copy (`./cputune/vcpupin`, `./memoryBacking/hugepages/page`,
 *   `./devices/disk`, `./cpu/numa[1]/cell`), while kvmlint reads the first copy, so it cannot vouch for the domain;
 * - 'ignores': it reads `./vcpu[1]`, `string(./name[1])`: the first, silently.
 */
const SINGLE_CHILDREN: ReadonlyMap<string, 'rejects' | 'merges' | 'ignores'> = new Map([
  ['numatune', 'rejects'],
  ['cputune', 'merges'],
  ['memoryBacking', 'merges'],
  ['memtune', 'merges'],
  ['blkiotune', 'merges'],
  ['iothreadids', 'merges'],
  ['vcpus', 'merges'],
  ['devices', 'merges'],
  ['cpu', 'merges'],
  ['os', 'merges'],
  ['features', 'merges'],
  ['name', 'ignores'],
  ['uuid', 'ignores'],
  ['vcpu', 'ignores'],
  ['iothreads', 'ignores'],
  ['memory', 'ignores'],
  ['currentMemory', 'ignores'],
  ['maxMemory', 'ignores'],
]);

/** Each of those names' slot in the array repeatedChildren returns (the first copy of each). */
const SINGLE_CHILD_SLOTS: ReadonlyMap<string, number> = new Map([...SINGLE_CHILDREN.keys()].map((name, i) => [name, i]));
const slot = (name: string): number => SINGLE_CHILD_SLOTS.get(name)!;
const S_NAME = slot('name');
const S_UUID = slot('uuid');
const S_VCPU = slot('vcpu');
const S_VCPUS = slot('vcpus');
const S_IOTHREADS = slot('iothreads');
const S_IOTHREADIDS = slot('iothreadids');
const S_MEMORY = slot('memory');
const S_CURRENT_MEMORY = slot('currentMemory');
const S_MAX_MEMORY = slot('maxMemory');
const S_MEMTUNE = slot('memtune');
const S_BLKIOTUNE = slot('blkiotune');
const S_CPUTUNE = slot('cputune');
const S_NUMATUNE = slot('numatune');
const S_MEMORY_BACKING = slot('memoryBacking');
const S_CPU = slot('cpu');
const S_FEATURES = slot('features');
const S_OS = slot('os');

/** `<cputune>` numbers: how libvirt reads and bounds each (vircgroup.h VIR_CGROUP_CPU_PERIOD_*, _QUOTA_*), and a bit to note the first. */
const CPUTUNE_NUMBERS: ReadonlyMap<string, { kind: 'shares' | 'period' | 'quota'; bit: number }> = new Map(
  (
    [
      ['shares', 'shares'],
      ['period', 'period'],
      ['global_period', 'period'],
      ['emulator_period', 'period'],
      ['iothread_period', 'period'],
      ['quota', 'quota'],
      ['global_quota', 'quota'],
      ['emulator_quota', 'quota'],
      ['iothread_quota', 'quota'],
    ] as const
  ).map(([name, kind], i) => [name, { kind, bit: 1 << i }]),
);

/** The names libvirt's enums take (virDomainMemorySource, virDomainMemoryAccess, virDomainMemoryAllocation), less index 0. */
const MEMORY_SOURCES = ['file', 'anonymous', 'memfd'] as const;
const MEMORY_ACCESS_MODES = ['shared', 'private'] as const;
const MEMORY_ALLOCATION_MODES = ['immediate', 'ondemand'] as const;

/** The release that brought `thread_pool_min`/`thread_pool_max`; older ones ignore the attributes. */
export const THREAD_POOL_SINCE = '8.5.0';

const UINT_MAX = 4294967295n;
const INT_MAX = 2147483647n;
const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;
const UINT64_MAX = 18446744073709551615n;
/** What g_ascii_strtoll/strtoull take whole: leading white space, a sign, decimal digits, nothing after. */
const C_INTEGER = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/;

/**
 * A decimal integer as libvirt's virStrToLong_ll / _ullp / _uip / _i read it whole (virstring.c): leading
 * white space and a sign allowed, nothing after the digits; undefined when it does not parse or lies
 * outside [min, max] (with min 0, any '-' is refused, as by the `p` variants).
 */
function parseCInteger(text: string, min: bigint, max: bigint): bigint | undefined {
  const m = C_INTEGER.exec(text);
  if (!m) return undefined;
  if (m[1] === '-' && min === 0n) return undefined;
  const v = m[1] === '-' ? -BigInt(m[2]!) : BigInt(m[2]!);
  return v < min || v > max ? undefined : v;
}

/**
 * An unsigned int as virXMLPropUInt / virXPathUInt read it (virStrToLong_uip, base 10, on the raw value):
 * leading ASCII blanks and '+' allowed, nothing after the digits, at most UINT_MAX. undefined otherwise.
 */
export function libvirtUint(text: string): number | undefined {
  const v = parseCInteger(text, 0n, UINT_MAX);
  return v === undefined ? undefined : Number(v);
}

/**
 * An int as virXMLPropInt reads it with VIR_XML_PROP_NONNEGATIVE (virStrToLong_i, base 10, on the raw value):
 * leading white space and a sign allowed, nothing after the digits, within INT range and not below 0.
 */
export function libvirtNonNegativeInt(text: string): number | undefined {
  const v = parseCInteger(text, -(2n ** 31n), 2n ** 31n - 1n);
  return v === undefined || v < 0n ? undefined : Number(v);
}

class ModelBuilder {
  constructor(private readonly problems: ValueProblem[]) {}

  /** A second copy of a `<domain>` child libvirt's schema allows once: what libvirt does with it decides the severity. */
  /**
   * The first of each `<domain>` child kvmlint models, by slot (SINGLE_CHILD_SLOTS), in one pass that also
   * reports a second copy and looks for a default namespace declared inside them.
   */
  repeatedChildren(domain: XmlElement): Array<XmlElement | undefined> {
    const firsts = new Array<XmlElement | undefined>(SINGLE_CHILD_SLOTS.size).fill(undefined);
    const children = domain.children;
    if (domain.declaresAttributeDefaults) {
      this.problems.push({
        ruleId: 'value-invalid',
        range: domain.startTag,
        message: 'the DOCTYPE declares attribute defaults (<!ATTLIST>): libxml2 applies namespace ones, hiding elements from libvirt',
        duplicate: { name: 'domain', first: undefined, unreadable: true },
      });
    }
    // Only where the parser saw an xmlns attribute (a domain in a hundred, if that).
    const namespaced = domain.declaresDefaultNamespace;
    // <domain xmlns='urn:x'>: its children are in urn:x unless they reset it, and libvirt's ./cputune finds none of them.
    const rootNamespace = namespaced ? domain.attributeValues.xmlns : undefined;
    let xmlns: XmlElement[] | undefined;
    let inRootNamespace: XmlElement[] | undefined;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const at = SINGLE_CHILD_SLOTS.get(child.name);
      if (at === undefined) continue;
      if (namespaced) {
        if (rootNamespace && child.attributeValues.xmlns !== '') (inRootNamespace ??= []).push(child);
        else if (child.rangeIncludes('xmlns')) (xmlns ??= []).push(child);
      }
      const first = firsts[at];
      if (first === undefined) firsts[at] = child;
      else this.repeated(child, first, SINGLE_CHILDREN.get(child.name)!);
    }
    if (xmlns) for (const el of xmlns) this.foreignNamespaces(el);
    if (inRootNamespace) {
      // One cause, one finding: at the root's declaration, each child it takes as a related place.
      const what = inRootNamespace.length === 1 ? `<${inRootNamespace[0]!.name}>` : `${inRootNamespace.length} elements kvmlint reads`;
      this.problems.push({
        ruleId: 'value-invalid',
        range: domain.startTag,
        message: `<domain xmlns='${excerpt(rootNamespace!, 24)}'> puts ${what} in a namespace libvirt does not read`,
        duplicate: { name: 'domain', first: undefined, unreadable: true, also: inRootNamespace.map((c) => ({ range: c.startTag, name: c.name })) },
      });
    }
    const features = firsts[S_FEATURES];
    if (features) this.repeatedFeatures(features);
    return firsts;
  }

  /**
   * A feature named twice in `<features>`: domain_conf.c virDomainFeaturesDefParse walks ./features/* and
   * each later copy overrides the earlier one, where kvmlint reads the first. Unreadable. (A few children: pairs.)
   */
  repeatedFeatures(features: XmlElement): void {
    // <features> is a lazy container: its children are built only when two of them may share a name.
    if (!childNamesMayRepeat(features)) return;
    const list = features.children;
    for (let i = 1; i < list.length; i++) {
      for (let j = 0; j < i; j++) {
        if (list[j]!.name !== list[i]!.name) continue;
        this.problems.push({
          ruleId: 'value-invalid',
          range: list[i]!.startTag,
          message: `a second <${list[i]!.name}> in <features>: libvirt takes the last, kvmlint the first (the schema allows one)`,
          duplicate: { name: list[i]!.name, first: list[j]!.startTag, unreadable: true },
        });
        break;
      }
    }
  }

  /** An element kvmlint reads that the default namespace declared on it takes out of libvirt's reading. */
  foreign(el: XmlElement, ns: string): void {
    this.problems.push({
      ruleId: 'value-invalid',
      range: el.startTag,
      message: `<${el.name} xmlns='${excerpt(ns)}'> is in another namespace: libvirt ignores it, kvmlint would read it`,
      duplicate: { name: el.name, first: undefined, unreadable: true },
    });
  }

  /**
   * A second `<name>` where libvirt takes one. A copy libvirt merges with the first is beyond what kvmlint
   * reads, so that finding is `unreadable`: no directive silences it (SECURITY.md), as none silences xml-malformed.
   */
  repeated(second: XmlElement, first: XmlElement, kind: 'rejects' | 'merges' | 'ignores', what = `<${second.name}>`, since?: string): void {
    const message =
      kind === 'rejects'
        ? `a second ${what}: libvirt rejects the domain ("only one ${second.name} is supported")`
        : kind === 'merges'
          ? `a second ${what}: libvirt reads both as one, kvmlint only the first (the schema allows one)`
          : `a second ${what}: libvirt reads only the first and ignores this one (the schema allows one)`;
    this.problems.push({
      ruleId: 'value-invalid',
      range: second.startTag,
      message,
      severity: kind === 'ignores' ? 'warning' : 'error',
      duplicate: { name: second.name, first: first.startTag, unreadable: kind === 'merges' },
      ...(since === undefined ? {} : { since }),
    });
  }

  /** The second and later `name` children of `parent`, reported by what libvirt does with them. */
  repeatedIn(parent: XmlElement, name: string, kind: 'rejects' | 'merges' | 'ignores'): void {
    let first: XmlElement | undefined;
    for (const child of parent.children) {
      if (child.name !== name) continue;
      if (first) this.repeated(child, first, kind, `<${name}> in <${parent.name}>`);
      else first = child;
    }
  }

  /**
   * Elements kvmlint reads that a default namespace declaration (`<cputune xmlns='urn:x'>`) takes out of
   * libvirt's reading: its XPath (`./cputune/vcpupin`) matches only elements in no namespace, so libvirt
   * ignores what kvmlint would read. Unreadable, as a merged copy is. Called for a `<domain>` child kvmlint
   * models whose text holds `xmlns` (not `<metadata>` or `<qemu:commandline>`, where other namespaces belong):
   * each outermost element that declares a default namespace.
   */
  foreignNamespaces(top: XmlElement): void {
    // One walk, pruned to the elements whose own text holds `xmlns` (a bounded scan each): linear in the element.
    const stack: XmlElement[] = [top];
    while (stack.length > 0) {
      const el = stack.pop()!;
      const ns = el.attributeValues.xmlns;
      if (ns !== undefined && ns !== '') {
        // Its children are in the namespace too (unless they reset it, which libvirt cannot reach through it).
        this.foreign(el, ns);
        continue;
      }
      for (const c of el.children) if (c.rangeIncludes('xmlns')) stack.push(c);
    }
  }

  /**
   * Attributes with a prefix (`x:cpuset`, `xml:id`) below `<domain>`. libvirt reads most attributes with
   * virXMLPropString, which is libxml2's xmlGetProp: xmlHasProp compares each attribute's local name, whatever
   * its namespace, and takes the first in document order, so `<vcpupin vcpu='0' x:cpuset='0' cpuset='4'>` pins
   * vCPU 0 to CPU 0 where kvmlint reads 4 (and a lone `x:cpuset` is a pin kvmlint does not see). Others are read
   * by XPath (`./@type`), in no namespace. Either way kvmlint cannot say which one libvirt uses: unreadable.
   * `<metadata>` and elements in another namespace (`<qemu:commandline>`) are not libvirt's domain reading.
   */
  prefixedAttributes(domain: XmlElement): void {
    // A scan of the text first, past <metadata> (libosinfo's, in most domains virt-manager writes) and <qemu:commandline>:
    // the walk below builds every element's attributes, and nearly every domain has nothing for it to find.
    const { text } = domain.contentSpan();
    // <domain>'s own attributes are read by XPath (virDomainDefParseCaps: string(./@type)), in no namespace, as kvmlint
    // reads them: `xsi:schemaLocation` there is nothing libvirt reads.
    // <qemu:commandline> is libvirt's reading too: its <qemu:arg value> is read with virXMLPropString, so a prefixed
    // `value` there is one (its elements are prefixed by design: only their attributes are looked at).
    // <metadata> and foreign children in one pass over <domain>'s children: this runs for every guest.
    const qemu: XmlElement[] = [];
    const head = domain.startTag;
    const attributesSkipped: Range[] = [head];
    const elementsSkipped: Range[] = [head];
    for (const c of domain.children) {
      if (c.name === 'metadata') {
        attributesSkipped.push(c.range);
        elementsSkipped.push(c.range);
      } else if (c.name.includes(':')) {
        elementsSkipped.push(c.range);
        if (isQemuNamespaced(c)) qemu.push(c);
        else attributesSkipped.push(c.range);
      }
    }
    if (!mayHavePrefixedName(text, head.start, domain.range.end, attributesSkipped, elementsSkipped)) return;
    // Below <qemu:*>, attributes only.
    const attributesOnly = new Set<XmlElement>();
    const stack: XmlElement[] = [domain];
    for (const q of qemu) {
      stack.push(q);
      attributesOnly.add(q);
    }
    while (stack.length > 0) {
      const el = stack.pop()!;
      if (attributesOnly.has(el)) {
        for (const c of el.children) {
          attributesOnly.add(c);
          stack.push(c);
        }
      }
      for (const a of el === domain ? [] : el.attributes) {
        const colon = a.name.indexOf(':');
        if (colon <= 0 || a.name.startsWith('xmlns:') || a.name === 'xml:lang' || a.name === 'xml:space') continue;
        this.problems.push({
          ruleId: 'value-invalid',
          range: a.nameRange,
          message: `<${excerpt(el.name, 24)} ${excerpt(a.name, 40)}='${excerpt(a.value, 24)}'>: libvirt may read it as '${excerpt(a.name.slice(colon + 1), 24)}' (xmlGetProp ignores the prefix), kvmlint does not`,
          duplicate: { name: el.name, first: undefined, unreadable: true },
        });
      }
      for (const c of attributesOnly.has(el) ? [] : el.children) {
        if (c.name === 'metadata') continue;
        if (!c.name.includes(':')) stack.push(c);
        // A prefixed element inside a libvirt element: virXMLNodeGetSubelement(List) compares node->name, the local name
        // (a disk's <driver><iothreads><x:iothread>, ./features/* children), where XPath steps do not. Children of
        // <domain> itself are the hypervisor namespaces' (<qemu:commandline>), read by their namespace.
        else if (el !== domain) {
          this.problems.push({
            ruleId: 'value-invalid',
            range: c.startTag,
            message: `<${excerpt(c.name, 40)}> in <${excerpt(el.name, 24)}>: libvirt may read it as <${excerpt(c.name.slice(c.name.indexOf(':') + 1), 24)}> (some lookups ignore the prefix), kvmlint does not`,
            duplicate: { name: c.name, first: undefined, unreadable: true },
          });
        }
      }
    }
  }

  /** A value element with text in an element inside it: unreadable (textInChildren). */
  nestedText(el: XmlElement | undefined): void {
    const inner = el && textInChildren(el);
    if (inner) this.problems.push(nestedTextProblem(el!, inner));
  }

  private problem(range: Range, message: string, ruleId: ValueProblem['ruleId'] = 'value-invalid'): void {
    this.problems.push({ ruleId, range, message });
  }

  /** A non-negative integer attribute; undefined (with a problem) when present but not an integer. */
  uint(el: XmlElement, name: string, a = attribute(el, name)): number | undefined {
    if (!a) return undefined;
    // The valid case builds neither the range nor the message (this runs for most attributes of a domain).
    const n = plainUint(a.value);
    return n !== undefined ? n : this.uintValue(a.value, a.valueRange, `${el.name} ${name}`);
  }

  /**
   * A count or id as libvirt reads it (virXMLPropUInt, virXPathUInt, and virDomainVcpuParse's virStrToLong_ui:
   * g_ascii_strtoull, base 10, on the raw value): ASCII blanks and a '+' may lead, nothing may follow the
   * digits, so `8 ` and a pretty-printed `<vcpu>\n  8\n</vcpu>` are refused ("maximum vcpus count must be an
   * integer"). A '-' (which virStrToLong_ui wraps around) stays a problem here.
   */
  uintValue(text: string, range: Range, what: string): number | undefined {
    const m = C_INTEGER.exec(text);
    if (!m || m[1] === '-') {
      const t = text.trim();
      const trailing = /^[ \t\n\r]*\+?\d+[ \t\n\r]+$/.test(text);
      this.problem(
        range,
        trailing
          ? `${what} '${excerpt(t)}' has white space after the number: libvirt allows nothing after the digits and rejects it`
          : `${what} '${excerpt(t)}' is not a non-negative integer`,
      );
      return undefined;
    }
    const t = m[2]!;
    const n = Number(t);
    if (!Number.isSafeInteger(n)) {
      this.problem(range, `${what} '${excerpt(t)}' is out of range`);
      return undefined;
    }
    return n;
  }

  cpuset(el: XmlElement, name: string): CpusetAttr | undefined {
    const attr = attribute(el, name);
    if (!attr) return undefined;
    const parsed = parseLibvirtCpuset(attr.value);
    if (!parsed.ok) {
      const start = attr.valueRange.start + parsed.offset;
      const range = parsed.length > 0 ? { start, end: start + parsed.length } : attr.valueRange;
      this.problems.push({
        ruleId: 'cpuset-syntax',
        range,
        message: `${el.name} ${name}='${excerpt(attr.value)}': ${parsed.error}`,
        cpuset: { element: el.name, attr: name, value: excerpt(attr.value), kind: 'invalid', error: parsed.error },
      });
      return { set: undefined, attr };
    }
    if (parsed.idleExclusions) {
      const canonical = formatLibvirtCpuset(parsed.value);
      // The author most likely meant to cut these ids; libvirt keeps them. Which one is meant is a person's call.
      const intended = formatLibvirtCpuset(parsed.value.subtract(CpuSet.ofList(parsed.idleExclusions)));
      const suggestions = [
        ...(intended ? [{ message: `exclude ${parsed.idleExclusions.join(', ')}, as was probably meant: ${name}='${excerpt(intended)}'`, text: intended, kind: 'intended' as const }] : []),
        { message: `keep libvirt's reading and drop the idle exclusion: ${name}='${excerpt(canonical)}'`, text: canonical, kind: 'reading' as const },
      ];
      // parsed.notes holds one note per idle exclusion, in the order of parsed.idleExclusions.
      (parsed.notes ?? []).forEach((note, i) => {
        this.problems.push({
          ruleId: 'cpuset-syntax',
          range: attr.valueRange,
          message: `${el.name} ${name}='${excerpt(attr.value)}': ${note}`,
          severity: 'info',
          rewrite: { attr, suggestions },
          cpuset: { element: el.name, attr: name, value: excerpt(attr.value), kind: 'idle', id: parsed.idleExclusions![i]!, ids: parsed.idleExclusions!.join(', ') },
        });
      });
    } else if (parsed.untidy) {
      const canonical = formatLibvirtCpuset(parsed.value);
      // Same set, clearer text: virBitmapFormat's form, which virsh dumpxml writes back anyway.
      this.problems.push({
        ruleId: 'cpuset-syntax',
        range: attr.valueRange,
        message: `${el.name} ${name}='${excerpt(attr.value)}' is valid but ${untidyReason(parsed.untidy)}; libvirt reads it as '${excerpt(canonical)}', the form virsh dumpxml writes back`,
        severity: 'info',
        rewrite: { attr, fix: canonical },
        cpuset: { element: el.name, attr: name, value: excerpt(attr.value), kind: 'untidy', reason: untidyReason(parsed.untidy), canonical: excerpt(canonical) },
      });
    }
    return { set: parsed.value, attr };
  }

  /** Element text plus `unit` attribute → KiB (virScaleInteger; default unit KiB). */
  memorySize(el: XmlElement | undefined): MemorySize | undefined {
    if (!el) return undefined;
    const range = textRange(el);
    const unit = attribute(el, 'unit');
    // virParseScaledValue reads string(./memory) whole: blanks may lead, none may follow.
    this.nestedText(el);
    const parsed = scaleToKiB(el.text, unit?.value);
    if (!parsed.ok) {
      this.problem(unit && /unit/i.test(parsed.error) ? unit.valueRange : range, `<${el.name}> ${parsed.error}`);
      return undefined;
    }
    return { kib: parsed.value, element: el, range };
  }

  memory(el: XmlElement | undefined): MemorySize | undefined {
    return this.memorySize(el);
  }

  /** `<maxMemory>`; its `slots` is read as virXPathUInt does (domain_conf.c virDomainDefParseMemory). */
  maxMemory(el: XmlElement | undefined): MemorySize | undefined {
    if (!el) return undefined;
    const slots = attribute(el, 'slots');
    if (slots && slots.value !== '' && parseCInteger(slots.value, 0n, UINT_MAX) === undefined) {
      this.problem(slots.valueRange, `<maxMemory slots='${excerpt(slots.value)}'> is not a count: libvirt rejects it ("Failed to parse memory slot count")`);
    }
    return this.memorySize(el);
  }

  /**
   * `<vcpu>`. `listed`: `<vcpus>` lists vCPU states, which libvirt takes instead of `current`;
   * `qemu`: the QEMU driver's checks apply (domain type kvm or qemu).
   */
  vcpu(el: XmlElement | undefined, listed: boolean, qemu: boolean): VcpuConfig | undefined {
    if (!el) return undefined;
    this.nestedText(el);
    const parsed = this.uintValue(el.text, textRange(el), '<vcpu>');
    let max = parsed ?? 1;
    let maxKnown = parsed !== undefined;
    if (max === 0) {
      this.problem(textRange(el), '<vcpu> must be at least 1');
      max = 1;
      maxKnown = false;
    } else if (max > MAX_PLAUSIBLE_VCPUS) {
      this.problem(textRange(el), `<vcpu> ${max} exceeds the ${MAX_PLAUSIBLE_VCPUS} vCPUs any libvirt driver accepts`);
      max = MAX_PLAUSIBLE_VCPUS;
      maxKnown = false;
    }
    const placementAttr = attribute(el, 'placement');
    // domain_conf.c virDomainVcpuParse reads placement as an enum: "Unsupported CPU placement mode 'x'".
    if (placementAttr && placementAttr.value !== 'auto' && placementAttr.value !== 'static') {
      this.problem(placementAttr.valueRange, `<vcpu placement='${excerpt(placementAttr.value)}'> is not static or auto: libvirt rejects the domain`);
    }
    const placement = placementAttr?.value === 'auto' ? 'auto' : 'static';
    const current = this.uint(el, 'current');
    // domain_conf.c virDomainVcpuParse applies `current` only when <vcpus> lists no vCPU (virDomainDefSetVcpus).
    if (current !== undefined && !listed) {
      const range = attribute(el, 'current')!.valueRange;
      if (maxKnown && current > max) {
        this.problem(range, `<vcpu current='${current}'> exceeds the maximum ${max}: libvirt rejects the domain at define time`);
      } else if (current === 0 && qemu) {
        // qemu_postparse.c qemuDomainDefVcpusPostParse: "vcpu 0 can't be offline".
        this.problem(range, `<vcpu current='0'> leaves vCPU 0 offline: libvirt rejects the domain ("vcpu 0 can't be offline")`);
      }
    }
    return {
      element: el,
      max,
      maxKnown,
      current,
      placement,
      // Under placement='auto' libvirt neither parses nor keeps the cpuset (domain_conf.c virDomainVcpuParse
      // reads it only for static placement): the threads take numad's advice.
      cpuset: placement === 'auto' ? undefined : this.cpuset(el, 'cpuset'),
    };
  }

  offlineVcpus(vcpu: VcpuConfig | undefined, vcpus: XmlElement | undefined): CpuSet {
    const max = vcpu?.max ?? 1;
    if (vcpus) {
      // Every id and order is read (value-invalid reports those that do not parse; vcpu-id-range the rest).
      const ids: number[] = [];
      for (const v of childrenNamed(vcpus, 'vcpu')) {
        const id = this.uint(v, 'id');
        this.uint(v, 'order');
        if (id !== undefined && id < max && attribute(v, 'enabled')?.value === 'no') ids.push(id);
      }
      return CpuSet.ofList(ids);
    }
    const current = vcpu?.current;
    return current !== undefined && current < max ? CpuSet.range(current, max - 1) : CpuSet.empty;
  }

  /**
   * The domain's IOThread ids as libvirt numbers them (domain_conf.c
   * virDomainDefParseIOThreads, virDomainIOThreadIDDefArrayInit): the
   * `<iothreadids>` ids, then, when `<iothreads>` asks for more, the lowest
   * unused ids from 1 up to that count.
   */
  iothreadIds(listed: XmlElement | undefined, count: XmlElement | undefined): number[] {
    const ids = listed ? this.iothreadIdList(listed) : (NONE as unknown as number[]);
    if (!count) return ids.length === 0 ? (NONE as unknown as number[]) : ids;
    this.nestedText(count);
    let n = this.uintValue(count.text, textRange(count), '<iothreads>') ?? 0;
    if (n > MAX_PLAUSIBLE_VCPUS) {
      // Reported rather than enumerated: the ids below are materialised.
      this.problem(textRange(count), `<iothreads> ${n} is not a plausible IOThread count (more than ${MAX_PLAUSIBLE_VCPUS})`);
      n = MAX_PLAUSIBLE_VCPUS;
    }
    if (n <= ids.length) return ids;
    const used = new Set(ids);
    const out = ids.slice();
    for (let id = 1; id <= n && out.length < n; id++) if (!used.has(id)) out.push(id);
    return out;
  }

  /**
   * The ids of `<iothreadids>`, each once, as domain_conf.c virDomainIOThreadIDDefParseXML and
   * virDomainDefParseIOThreads read them: `id` required and not 0, no id twice ("duplicate iothread id
   * 'N' found"), thread pool sizes non-negative; and domain_validate.c virDomainDefValidateIOThreadsThreadPool.
   */
  iothreadIdList(listed: XmlElement): number[] {
    const ids: number[] = [];
    let first: Map<number, Range> | undefined;
    for (const t of childrenNamed(listed, 'iothread')) {
      // <poll weight> must lie in [0, 63] ("poll weight N is out of range [0, 63]").
      const poll = firstChild(t, 'poll');
      const weight = poll ? attribute(poll, 'weight') : undefined;
      if (poll && weight) {
        const w = this.uint(poll, 'weight');
        if (w !== undefined && w > 63) this.problem(weight.valueRange, `IOThread poll weight ${w} is out of range [0, 63]: libvirt rejects the domain at define time`);
      }
      this.threadPool(t);
      const idAttr = attribute(t, 'id');
      if (!idAttr) {
        this.problem(t.startTag, `<iothread> in <iothreadids> has no id: libvirt rejects it ("Missing required attribute 'id'")`);
        continue;
      }
      const id = this.uint(t, 'id');
      if (id === undefined) continue;
      if (id === 0) {
        this.problem(idAttr.valueRange, `IOThread id 0: libvirt rejects it (ids start at 1: "Zero is not permitted")`);
        continue;
      }
      first ??= new Map();
      const earlier = first.get(id);
      if (earlier) {
        this.problems.push({
          ruleId: 'value-invalid',
          range: idAttr.valueRange,
          message: `IOThread id ${id} is listed twice: libvirt rejects the domain ("duplicate iothread id '${id}' found")`,
          duplicate: { name: `iothread id='${id}'`, first: earlier, unreadable: false },
        });
        continue;
      }
      first.set(id, idAttr.valueRange);
      ids.push(id);
    }
    return ids;
  }

  /**
   * `thread_pool_min` / `thread_pool_max` (libvirt 8.5.0, NEWS "Introduce thread_pool_min and thread_pool_max
   * attributes to IOThread"): non-negative ints; unset is -1, so a max of 0, or a min with no max or above it, is refused.
   */
  threadPool(t: XmlElement): void {
    const minAttr = attribute(t, 'thread_pool_min');
    const maxAttr = attribute(t, 'thread_pool_max');
    if (!minAttr && !maxAttr) return;
    const read = (a: XmlAttribute | undefined): bigint | undefined => {
      if (!a) return -1n;
      const v = parseCInteger(a.value, -INT_MAX - 1n, INT_MAX);
      if (v === undefined || v < 0n) {
        const why = v === undefined ? 'Expected integer value' : 'Expected non-negative value';
        this.problems.push({ ruleId: 'value-invalid', range: a.valueRange, message: `<iothread ${a.name}='${excerpt(a.value)}'>: libvirt rejects it ("${why}")`, since: THREAD_POOL_SINCE });
        return undefined;
      }
      return v;
    };
    const min = read(minAttr);
    const max = read(maxAttr);
    if (min === undefined || max === undefined) return;
    if (max === 0n) {
      this.problems.push({ ruleId: 'value-invalid', range: maxAttr!.valueRange, message: `thread_pool_max='0': libvirt rejects it ("thread_pool_max must be a positive integer")`, since: THREAD_POOL_SINCE });
    } else if (min > max) {
      // Unset, the max is -1: a min alone is refused too.
      const what = maxAttr ? `thread_pool_min ${min} is above thread_pool_max ${max}` : `thread_pool_min ${min} without thread_pool_max`;
      this.problems.push({ ruleId: 'value-invalid', range: minAttr!.valueRange, message: `${what}: libvirt rejects it ("thread_pool_min must be smaller or equal to …")`, since: THREAD_POOL_SINCE });
    }
  }

  cputune(el: XmlElement | undefined): CputuneConfig | undefined {
    if (!el) return undefined;
    // One pass for what libvirt takes once: <emulatorpin> and <emulatorsched> (virDomainDefTunablesParse: "only
    // one emulatorpin is supported"), and the first of each number (read with string(./cputune/period[1])).
    let emulator: XmlElement | undefined;
    let emulatorsched: XmlElement | undefined;
    let numbers = 0;
    for (const child of el.children) {
      const name = child.name;
      if (name === 'vcpupin') continue;
      if (name === 'emulatorpin') {
        if (emulator) this.repeated(child, emulator, 'rejects', '<emulatorpin> in <cputune>');
        else emulator = child;
      } else if (name === 'emulatorsched') {
        // libvirt before 5.3.0 drops <emulatorsched> unread, copies included.
        if (emulatorsched) this.repeated(child, emulatorsched, 'rejects', '<emulatorsched> in <cputune>', EMULATORSCHED_SINCE);
        else emulatorsched = child;
      } else {
        const number = CPUTUNE_NUMBERS.get(name);
        if (number === undefined || (numbers & number.bit) !== 0) continue;
        numbers |= number.bit;
        this.cputuneNumber(child, number.kind);
      }
    }
    return {
      element: el,
      vcpupins: childrenMapped(el, 'vcpupin', (p) => {
        // The attribute found once, for its value and its place (a guest has a pin for each vCPU).
        const vcpuAttr = attribute(p, 'vcpu');
        return { element: p, vcpu: this.uint(p, 'vcpu', vcpuAttr), vcpuAttr, cpuset: this.cpuset(p, 'cpuset') };
      }),
      emulatorpin: emulator ? { element: emulator, cpuset: this.cpuset(emulator, 'cpuset') } : undefined,
      iothreadpins: childrenMapped(el, 'iothreadpin', (p) => {
        const iothreadAttr = attribute(p, 'iothread');
        return { element: p, iothread: this.uint(p, 'iothread', iothreadAttr), iothreadAttr, cpuset: this.cpuset(p, 'cpuset') };
      }),
      vcpusched: childrenMapped(el, 'vcpusched', (s) => {
        const vcpus = this.cpuset(s, 'vcpus');
        return { ...this.sched(s), vcpus: vcpus?.set, vcpusAttr: vcpus?.attr };
      }),
      iothreadsched: childrenMapped(el, 'iothreadsched', (s) => {
        const iothreads = this.cpuset(s, 'iothreads');
        return { ...this.sched(s), iothreads: iothreads?.set, iothreadsAttr: iothreads?.attr };
      }),
      emulatorsched: emulatorsched ? this.sched(emulatorsched) : undefined,
      cachetunes: childrenMapped(el, 'cachetune', (t) => this.vcpuTune(t)),
      memorytunes: childrenMapped(el, 'memorytune', (t) => this.vcpuTune(t)),
    };
  }

  /**
   * `<shares>`, a period or a quota of `<cputune>` (the first of each), read as libvirt does
   * (domain_conf.c virDomainDefTunablesParse: virXPathULongLong, virXPathLongLong) and checked against
   * the cgroup limits (domain_validate.c virDomainDefCputuneValidate; 0 and negative quotas are "unset").
   */
  cputuneNumber(child: XmlElement, kind: 'shares' | 'period' | 'quota'): void {
    this.nestedText(child);
    const text = child.text;
    if (text === '') return;
    const value = kind === 'quota' ? parseCInteger(text, INT64_MIN, INT64_MAX) : parseCInteger(text, 0n, UINT64_MAX);
    if (value === undefined) {
      const words = child.name.replace('_', ' ');
      this.problem(textRange(child), `<${child.name}> '${excerpt(text.trim())}' is not a number libvirt reads ("can't parse cputune ${words} value")`);
      return;
    }
    const [min, max] = kind === 'period' ? [1000n, 1000000n] : kind === 'quota' ? [1000n, 17592186044415n] : [0n, UINT64_MAX];
    if (value > 0n && (value < min || value > max)) {
      this.problem(textRange(child), `cputune <${child.name}> ${value} is outside [${min}, ${max}]: libvirt rejects the domain at define time`);
    }
  }

  vcpuTune(t: XmlElement): VcpuTune {
    const vcpus = this.cpuset(t, 'vcpus');
    return { element: t, vcpus, monitors: childrenMapped(t, 'monitor', (m) => ({ element: m, vcpus: this.cpuset(m, 'vcpus') })) };
  }

  sched(s: XmlElement): ThreadSched {
    const schedulerAttr = attribute(s, 'scheduler');
    return { element: s, scheduler: schedulerAttr?.value, priority: this.uint(s, 'priority'), schedulerAttr, priorityAttr: attribute(s, 'priority') };
  }

  memtune(el: XmlElement | undefined): MemtuneConfig | undefined {
    if (!el) return undefined;
    return {
      element: el,
      hardLimit: this.memorySize(firstChild(el, 'hard_limit')),
      softLimit: this.memorySize(firstChild(el, 'soft_limit')),
      swapHardLimit: this.memorySize(firstChild(el, 'swap_hard_limit')),
      minGuarantee: this.memorySize(firstChild(el, 'min_guarantee')),
    };
  }

  numaMode(el: XmlElement): NumaMode {
    const a = attribute(el, 'mode');
    if (!a) return 'strict';
    if (NUMA_MODES.has(a.value)) return a.value as NumaMode;
    this.problem(a.valueRange, `numatune mode '${excerpt(a.value)}' is not one of strict, preferred, interleave, restrictive`);
    return 'strict';
  }

  numatune(el: XmlElement | undefined): NumatuneConfig | undefined {
    if (!el) return undefined;
    // numa_conf.c virDomainNumatuneParseXML reads ./numatune/memory[1].
    this.repeatedIn(el, 'memory', 'ignores');
    const mem = firstChild(el, 'memory');
    const placementAttr = mem ? attribute(mem, 'placement') : undefined;
    const placement = placementAttr?.value;
    return {
      element: el,
      memory: mem
        ? {
            element: mem,
            mode: this.numaMode(mem),
            placement: placement === 'auto' || placement === 'static' ? placement : undefined,
            placementAttr,
            nodeset: this.cpuset(mem, 'nodeset'),
          }
        : undefined,
      memnodes: childrenMapped(el, 'memnode', (m) => ({
        element: m,
        cellid: this.uint(m, 'cellid'),
        cellidAttr: attribute(m, 'cellid'),
        mode: this.numaMode(m),
        nodeset: this.cpuset(m, 'nodeset'),
      })),
    };
  }

  memoryBacking(el: XmlElement | undefined): MemoryBackingConfig | undefined {
    if (!el) return undefined;
    // domain_conf.c reads ./memoryBacking/hugepages/page from every <hugepages>, the rest from the first.
    this.repeatedIn(el, 'hugepages', 'merges');
    const hp = firstChild(el, 'hugepages');
    const source = firstChild(el, 'source');
    const access = firstChild(el, 'access');
    const allocation = firstChild(el, 'allocation');
    // domain_conf.c virDomainDefParseMemory: an empty value is no value; 'none' and 'default' are refused as unknown.
    this.memoryBackingEnum(source, 'source', 'type', MEMORY_SOURCES);
    this.memoryBackingEnum(access, 'access', 'mode', MEMORY_ACCESS_MODES);
    this.memoryBackingEnum(allocation, 'allocation', 'mode', MEMORY_ALLOCATION_MODES);
    return {
      element: el,
      hugepages: hp ? { element: hp, pages: childrenMapped(hp, 'page', (p) => this.hugepage(p)) } : undefined,
      locked: firstChild(el, 'locked'),
      nosharepages: firstChild(el, 'nosharepages'),
      source: source ? { element: source, type: attribute(source, 'type')?.value } : undefined,
      access: access ? { element: access, mode: attribute(access, 'mode')?.value } : undefined,
      allocation: allocation ? { element: allocation, mode: attribute(allocation, 'mode')?.value, threads: this.uint(allocation, 'threads') } : undefined,
    };
  }

  memoryBackingEnum(el: XmlElement | undefined, name: string, attr: string, known: readonly string[]): void {
    const a = el && attribute(el, attr);
    if (!a || a.value === '' || known.includes(a.value)) return;
    this.problem(a.valueRange, `memoryBacking <${name} ${attr}='${excerpt(a.value)}'> is not one of ${known.join(', ')}: libvirt rejects it`);
  }

  hugepage(p: XmlElement): HugepageSpec {
    const size = attribute(p, 'size');
    const unit = attribute(p, 'unit');
    let sizeKiB: number | undefined;
    if (size) {
      const parsed = scaleToKiB(size.value, unit?.value);
      if (parsed.ok && parsed.value > 0) sizeKiB = parsed.value;
      else this.problem(size.valueRange, `hugepage size '${excerpt(size.value)}${unit ? ` ${excerpt(unit.value, 16)}` : ''}': ${parsed.ok ? 'must be greater than 0' : parsed.error}`);
    }
    return { element: p, sizeKiB, decimalUnit: unit !== undefined && isDecimalUnit(unit.value), sizeAttr: size, unitAttr: unit, nodeset: this.cpuset(p, 'nodeset') };
  }

  cpu(el: XmlElement | undefined): CpuConfig | undefined {
    if (!el) return undefined;
    // numa_conf.c reads ./cpu/numa[1]/cell and cpu_conf.c ./topology[1]: a second copy is ignored.
    this.repeatedIn(el, 'numa', 'ignores');
    this.repeatedIn(el, 'topology', 'ignores');
    const modeAttr = attribute(el, 'mode');
    // cpu_conf.c virCPUDefParseXML: virCPUModeTypeFromString, case-sensitive.
    if (modeAttr && !CPU_MODES.has(modeAttr.value)) {
      this.problem(modeAttr.valueRange, `<cpu mode='${excerpt(modeAttr.value, 24)}'> is not a mode libvirt knows: it rejects the domain ("Invalid mode attribute")`);
    }
    const topo = firstChild(el, 'topology');
    return {
      element: el,
      mode: attribute(el, 'mode')?.value,
      numa: firstChild(el, 'numa'),
      topology: topo
        ? {
            element: topo,
            sockets: this.uint(topo, 'sockets'),
            dies: this.uint(topo, 'dies') ?? 1,
            clusters: this.uint(topo, 'clusters') ?? 1,
            cores: this.uint(topo, 'cores'),
            threads: this.uint(topo, 'threads'),
          }
        : undefined,
      cells: childrenMapped(firstChild(el, 'numa'), 'cell', (c, i) => this.cell(c, i)),
    };
  }

  cell(c: XmlElement, index: number): GuestCell {
    const mem = attribute(c, 'memory');
    const unit = attribute(c, 'unit');
    let memoryKiB: number | undefined;
    if (mem) {
      const parsed = scaleToKiB(mem.value, unit?.value);
      if (parsed.ok) memoryKiB = parsed.value;
      else this.problem(mem.valueRange, `cell memory '${excerpt(mem.value)}': ${parsed.error}`);
    }
    const idAttr = attribute(c, 'id');
    return { element: c, id: idAttr ? this.uint(c, 'id') : index, idAttr, index, cpus: this.cpuset(c, 'cpus'), memoryKiB, memoryAttr: mem, unitAttr: unit };
  }
}

/**
 * True when a value within `range` did not parse or was out of range (see
 * `problems`): e.g. a `<vcpu>` count above 16384, which the model caps. Rules
 * whose conclusion would rest on the capped or dropped value stay silent; the
 * value's own rule reports it.
 */
export function hasValueProblem(d: DomainModel, range: Range | undefined): boolean {
  if (!range) return false;
  return d.problems.some((p) => p.ruleId === 'value-invalid' && p.range.start >= range.start && p.range.end <= range.end);
}
