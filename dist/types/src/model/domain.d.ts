import type { Range, XmlAttribute, XmlElement } from '../xml/types.js';
import { CpuSet } from './cpuset.js';
import { type DomainMemo } from './memo.js';
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
    rewrite?: {
        attr: XmlAttribute;
        fix?: string;
        suggestions?: Array<{
            message: string;
            text: string;
            kind?: 'intended' | 'reading';
        }>;
    };
    /** cpuset-syntax's findings: the parts its messages are made of (`message` is the same text in one string). */
    cpuset?: CpusetProblem;
    /**
     * A repeated or foreign element: its name, the first copy (a related location), and whether kvmlint cannot read
     * the domain as libvirt does (a copy libvirt merges, an element in another namespace): no directive silences that.
     */
    duplicate?: {
        name: string;
        first: Range | undefined;
        unreadable: boolean;
        also?: Array<{
            range: Range;
            name: string;
        }>;
    };
    /** The libvirt release that brought the check (with the attribute it reads): older ones ignore the value. */
    since?: string;
    /** A required element or attribute that is absent or empty: what to add, for the help line. */
    missing?: string;
}
/** Where a cpuset problem is (`<element attr='value'>`, value excerpted) and what it is. */
export type CpusetProblem = {
    element: string;
    attr: string;
    value: string;
} & ({
    kind: 'invalid';
    error: string;
}
/** `id`: this exclusion's id; `ids`: every idle exclusion of the value (what the 'intended' suggestion cuts). */
 | {
    kind: 'idle';
    id: number;
    ids: string;
} | {
    kind: 'untidy';
    reason: string;
    canonical: string;
});
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
    monitors: Array<{
        element: XmlElement;
        vcpus: CpusetAttr | undefined;
    }>;
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
    hugepages: {
        element: XmlElement;
        pages: HugepageSpec[];
    } | undefined;
    locked: XmlElement | undefined;
    nosharepages: XmlElement | undefined;
    /** `<source type='file|anonymous|memfd'/>`. */
    source: {
        element: XmlElement;
        type: string | undefined;
    } | undefined;
    /** `<access mode='shared|private'/>`. */
    access: {
        element: XmlElement;
        mode: string | undefined;
    } | undefined;
    /** `<allocation mode='immediate|ondemand' threads='N'/>`. */
    allocation: {
        element: XmlElement;
        mode: string | undefined;
        threads: number | undefined;
    } | undefined;
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
    base: {
        value: bigint;
        attr: XmlAttribute;
    } | undefined;
    /** What libvirt refuses in it (a size or node it cannot read): value-invalid reports these. */
    invalid?: Array<{
        range: Range;
        message: string;
        unreadable?: boolean;
    }>;
}
/**
 * Facts read from `<devices>`, `<features>` and `<os>`. Those subtrees are built only
 * when asked for (they hold most of a domain's elements and few rules need
 * them), so these are functions, computed on first call.
 */
export interface DomainDeviceFacts {
    /** `<devices><memballoon>`; undefined when absent (QEMU then adds a virtio balloon). */
    memballoon(): {
        element: XmlElement;
        model: string | undefined;
    } | undefined;
    memoryDevices(): MemoryDevice[];
    /**
     * PCI controllers placed on a guest NUMA node (`<controller type='pci'><target><node>`: a
     * pci-expander-bus, pcie-expander-bus or pseries pci-root), in document order.
     */
    pciControllerNodes(): PciControllerNode[];
    /** `<features><pmu state>`; undefined when not written. */
    pmu(): {
        element: XmlElement;
        state: string | undefined;
    } | undefined;
    /** The `<features>` element, when present. */
    features(): XmlElement | undefined;
    /** `<os><type arch machine>`: libvirt's per-architecture and per-machine defaults depend on it. */
    osType(): {
        element: XmlElement;
        arch: string | undefined;
        machine: string | undefined;
    } | undefined;
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
export declare const MAX_PLAUSIBLE_VCPUS = 16384;
/**
 * Whether `el` is a root libvirt reads as a domain: its local name is `domain`. libvirt compares the
 * parsed root's name with virXMLNodeNameEqual (src/util/virxml.c: xmlStrEqual(node->name, "domain")),
 * and libxml2's node->name is the local name, so `<v:domain xmlns:v='…'>` defines a domain too (its
 * unprefixed children are what libvirt's XPath queries find, as here).
 */
export declare function isDomainRoot(el: XmlElement | undefined): boolean;
/**
 * Whether text[from, to) may hold an attribute name with a prefix other than `xmlns` (a blank, a name with a colon,
 * then `=`: a value may look so too; names may be non-ASCII) outside `attributeSkipped`, or an element name with a
 * prefix (`<` and a name with a colon) outside `elementSkipped`. A text test, from each colon back to where its name
 * starts: a guest has a few colons (MAC addresses) where a scan from every blank looked at thousands of places.
 */
export declare function mayHavePrefixedName(text: string, from: number, to: number, attributeSkipped: readonly Range[], elementSkipped: readonly Range[]): boolean;
/** virCPUMode (cpu_conf.c). */
export declare const CPU_MODES: ReadonlySet<string>;
/** Builds the typed view of one `<domain>` element. Never throws on bad values: they land in `problems`. */
export declare function buildDomainModel(domain: XmlElement): DomainModel;
/**
 * The first element inside `el` that holds text, if any. libvirt reads a value element's string-value
 * (xmlNodeGetContent, XPath string()): its descendants' text too, in document order, so
 * `<memory>1<x>60</x></memory>` is 160 to libvirt where kvmlint's own text of it is 1.
 */
export declare function textInChildren(el: XmlElement): XmlElement | undefined;
/** Range of an element's trimmed text, or its start tag when it has none. */
export declare function textRange(el: XmlElement): Range;
/** The release that brought `thread_pool_min`/`thread_pool_max`; older ones ignore the attributes. */
export declare const THREAD_POOL_SINCE = "8.5.0";
/**
 * An unsigned int as virXMLPropUInt / virXPathUInt read it (virStrToLong_uip, base 10, on the raw value):
 * leading ASCII blanks and '+' allowed, nothing after the digits, at most UINT_MAX. undefined otherwise.
 */
export declare function libvirtUint(text: string): number | undefined;
/**
 * An int as virXMLPropInt reads it with VIR_XML_PROP_NONNEGATIVE (virStrToLong_i, base 10, on the raw value):
 * leading white space and a sign allowed, nothing after the digits, within INT range and not below 0.
 */
export declare function libvirtNonNegativeInt(text: string): number | undefined;
/**
 * True when a value within `range` did not parse or was out of range (see
 * `problems`): e.g. a `<vcpu>` count above 16384, which the model caps. Rules
 * whose conclusion would rest on the capped or dropped value stay silent; the
 * value's own rule reports it.
 */
export declare function hasValueProblem(d: DomainModel, range: Range | undefined): boolean;
