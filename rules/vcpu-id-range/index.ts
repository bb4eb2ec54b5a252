import { defineDomainRule, type RelatedDescriptor, type ReportDescriptor } from '../../src/engine/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeVcpus, excerpt, listBounded } from '../../src/model/describe.ts';
import { libvirtAtLeast, EMULATORSCHED_SINCE } from '../../src/model/libvirt-version.ts';
import type { HostModel } from '../../src/model/host.ts';
import { hasValueProblem, libvirtUint, type DomainModel, type ThreadSched, type VcpuTune } from '../../src/model/domain.ts';
import { isX86Arch } from '../../src/model/qemu-machine.ts';
import { attribute, childrenNamed, firstChild } from '../../src/xml/query.ts';
import type { Range, XmlAttribute, XmlElement } from '../../src/xml/types.ts';

/** virProcessSchedPolicy names libvirt accepts in `scheduler` ("none" is refused: VIR_XML_PROP_NONZERO). */
const POLICIES: ReadonlySet<string> = new Set(['batch', 'idle', 'fifo', 'rr']);
/** Related locations one finding lists at most. */
const MAX_RELATED = 20;
/** sched_get_priority_min/max for SCHED_FIFO and SCHED_RR on Linux, which virProcessSetScheduler checks at start-up. */
const RT_PRIORITY = { min: 1, max: 99 };

const messages = {
  vcpupinNoVcpu: { message: '<vcpupin> has no vcpu attribute: libvirt rejects it', help: "name the vCPU it pins, e.g. vcpu='0'" },
  vcpupinBeyond: { message: 'vcpupin pins vCPU {{vcpu}} but the domain has {{have}}: libvirt silently drops the pin', help: 'remove it, or raise <vcpu>' },
  vcpupinsBeyond: { message: 'vcpupins pin {{vcpus}} but the domain has {{have}}: libvirt silently drops those pins', help: 'remove them, or raise <vcpu>' },
  vcpupinTwice: { message: "vCPU {{vcpu}} is pinned a second time: libvirt rejects the domain (\"duplicate vcpupin for vcpu '{{vcpu}}'\")", help: 'keep one <vcpupin> per vCPU' },
  iothreadpinNoAttr: { message: '<iothreadpin> has no iothread attribute: libvirt rejects it', help: 'name the IOThread it pins' },
  iothreadpinMissing: { message: "iothreadpin pins IOThread {{id}} but the domain has {{have}}: libvirt rejects it (\"Cannot find 'iothread' : {{id}}\")", help: '{{fix}}' },
  iothreadpinsMissing: { message: "iothreadpins pin IOThreads {{ids}} but the domain has {{have}}: libvirt rejects it (\"Cannot find 'iothread' : {{first}}\")", help: '{{fix}}' },
  deviceIothreadMissing: {
    message: '{{device}} uses IOThread {{id}} but the domain has {{have}}: libvirt rejects the domain',
    help: '{{fix}} (libvirt: "{{error}}")',
  },
  devicesIothreadMissing: {
    message: '{{devices}} use IOThreads {{ids}} but the domain has {{have}}: libvirt rejects the domain',
    help: '{{fix}} (libvirt: "{{error}}")',
  },
  controllerIothread: {
    message: '{{device}} has an IOThread, which only virtio-scsi controllers take: libvirt rejects the domain',
    help: "remove the {{what}}, or move the IOThread to a virtio-scsi controller or a disk (libvirt: \"'iothread' attribute only supported for virtio scsi controllers\")",
  },
  iothreadpinTwice: { message: 'IOThread {{id}} is pinned a second time: libvirt rejects the domain', help: 'keep one <iothreadpin> per IOThread' },
  schedNoIds: { message: '<{{element}}> has no {{attr}} attribute: libvirt rejects it', help: 'name the {{what}} it schedules' },
  schedBeyond: { message: '<{{element}}> names {{ids}} but the domain has {{have}}: libvirt rejects it ({{error}})', help: '{{fix}}' },
  schedOverlap: { message: '<{{element}}> names {{ids}}, which an earlier <{{element}}> already covers: libvirt rejects overlapping sets', help: 'schedule each {{what}} in one <{{element}}> only' },
  noScheduler: { message: '{{what}} has no scheduler attribute: libvirt rejects it', help: 'use one of batch, idle, fifo, rr' },
  unknownScheduler: { message: "{{what}} scheduler='{{value}}' is not a policy libvirt knows", help: 'use batch, idle, fifo or rr' },
  noPriority: { message: "{{what}} scheduler='{{policy}}' has no priority: libvirt rejects it", help: "add priority='1' (1-99; most realtime guests use a low value)" },
  priorityRange: {
    message: "{{what}} priority='{{priority}}' is outside {{policy}}'s 1-99: the domain fails to start (\"Scheduler priority {{priority}} out of range\")",
    help: 'use a priority from 1 to 99 (most realtime guests use a low value)',
  },
  tuneNoVcpus: { message: "<{{element}}> has no vcpus attribute: libvirt rejects it (\"Missing {{element}} attribute 'vcpus'\")", help: 'name the vCPUs of the group' },
  tuneCut: { message: '<{{element}}> names {{beyond}} but the domain has {{have}}: libvirt silently cuts the group to {{left}}', help: 'name only existing vCPUs' },
  tuneIgnored: { message: '<{{element}}> names {{beyond}} but the domain has {{have}}: libvirt silently ignores the whole element', help: 'name only existing vCPUs' },
  tunesIdentical: { message: '{{what}} names the same vCPUs ({{vcpus}}) as {{other}}: libvirt rejects it ("Identical vcpus in {{element}}s found")', help: 'merge them into one element' },
  cacheCollision: {
    message: 'cache L{{level}} id {{id}} is allocated twice ({{types}}): libvirt rejects the domain ("Colliding cache allocations")',
    help: "keep one <cache> per level and id, or split it into type='code' and type='data' only",
  },
  bandwidthTwice: {
    message: 'memory bandwidth for node {{id}} is set twice: libvirt rejects it ("Memory Bandwidth already defined for node {{id}}")',
    help: 'keep one <node> per id in each <memorytune>',
  },
  bandwidthOver: { message: "bandwidth='{{value}}' is a percentage over 100: libvirt {{version}}rejects it", help: 'use a value from 0 to 100' },
  bandwidthOverStart: {
    message: "bandwidth='{{value}}' is over 100: libvirt {{version}}takes it; it starts only with resctrl mounted with mba_MBps",
    help: 'use a percentage from 0 to 100, or mount resctrl with mba_MBps to give MB/s (libvirt before 10.8.0 rejects any value over 100)',
  },
  monitorOutside: {
    message: "<monitor> names {{outside}}, outside its group's vCPUs ({{group}}): libvirt rejects it",
    help: "monitor only the group's own vCPUs",
  },
  pinNoCpuset: { message: '<{{element}}> has no cpuset attribute: libvirt rejects it ("missing cpuset for {{element}}")', help: "name the host CPUs it runs on, e.g. cpuset='2'" },
  vcpusNoId: { message: '<vcpu> in <vcpus> has no id attribute: libvirt rejects it', help: 'give each listed vCPU its id, from 0 to the <vcpu> maximum minus 1' },
  vcpusIdRange: { message: "<vcpus> lists vCPU {{id}} but the domain has {{have}}: libvirt rejects it (\"vcpu id '{{id}}' is out of range…\")", help: 'list only existing vCPUs, or raise <vcpu>' },
  vcpusNoEnabled: { message: "<vcpu id='{{id}}'> in <vcpus> has no enabled attribute: libvirt rejects it", help: "add enabled='yes' or enabled='no'" },
  vcpusBool: { message: "<vcpu id='{{id}}'> {{attr}}='{{value}}' is not yes or no: libvirt rejects it", help: 'use yes or no' },
  vcpu0Offline: { message: 'vCPU 0 is offline ({{how}}): libvirt rejects the domain ("vcpu 0 can\'t be offline")', help: "list vCPU 0 with enabled='yes'; only other vCPUs can start offline" },
  vcpu0Hotpluggable: { message: 'vCPU 0 is hotpluggable: libvirt rejects the domain ("vcpu0 can\'t be hotpluggable")', help: "set hotpluggable='no' on vCPU 0, or leave the attribute out" },
  vcpu0Order: { message: "vCPU 0 has order='{{order}}': libvirt rejects the domain (\"vcpu0 must be enabled first\")", help: "give vCPU 0 order='1', or no order" },
  vcpusOrderMixed: {
    message: 'online vCPU {{id}} has {{has}} order but vCPU 0 has {{v0}}: libvirt rejects the domain',
    help: 'give every online vCPU an order, or none (libvirt: "all vcpus must have either set or unset order")',
  },
  vcpusFixedAfterHotpluggable: {
    message: 'vCPU {{id}} is not hotpluggable but comes after hotpluggable vCPU {{prev}}: libvirt rejects the domain',
    help: 'non-hotpluggable vCPUs come first (libvirt: "online non-hotpluggable vcpus need to be ordered prior to hotpluggable vcpus")',
  },
  vcpusFixedDescending: {
    message: "non-hotpluggable vCPU {{id}} has order='{{order}}', below vCPU {{prev}}'s {{prevOrder}}: libvirt rejects the domain",
    help: 'order non-hotpluggable vCPUs by id (libvirt: "online non-hotpluggable vcpus must be ordered in ascending order")',
  },
  vcpusOrderDuplicate: {
    message: "vCPUs {{first}} and {{id}} both have order='{{order}}': libvirt refuses to start the domain (\"duplicate vcpu order\")",
    help: 'give each vCPU its own order, from 1 up, or no vCPU an order',
  },
  vcpusOrderBeyond: {
    message: "vCPU {{id}} has order='{{order}}', above the {{max}} vCPUs: libvirt refuses to start the domain (\"vcpu order '{{order}}' exceeds vcpu count\")",
    help: 'number the orders from 1 to the <vcpu> maximum',
  },
  vcpusOfflineFixed: {
    message: "vCPU {{id}} is offline and not hotpluggable: libvirt rejects the domain (\"vcpu '{{id}}' is both offline and not hotpluggable\")",
    help: "enable it, or make it hotpluggable='yes'",
  },
  monitorLevel: { message: "cachetune <monitor> {{level}}: libvirt rejects it (only level 3 is monitored: \"Invalid monitor cache level\")", help: "use level='3'" },
  resctrlNotKvm: {
    message: '<{{element}}> in a type=\'{{type}}\' domain: libvirt rejects it ("cachetune is only supported for KVM domains")',
    help: "use <domain type='kvm'>, or remove the resource-control groups",
  },
  tunesOverlap: {
    message: '{{what}} shares {{vcpus}} with {{other}}: libvirt rejects it ("Overlapping vcpus in resctrls")',
    help: 'give each vCPU to one resource-control group, or give both the same vcpus',
  },
} as const;

type Report = (d: ReportDescriptor<typeof messages>) => void;

export default defineDomainRule({
  meta: {
    id: 'vcpu-id-range',
    name: 'VcpuIdRange',
    severity: 'error',
    severities: ['error', 'warning', 'info'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A vCPU or IOThread id in <cputune>, <vcpus> or a device that the domain lacks, <vcpus> states libvirt refuses, a pin without cpuset or repeated, a bad realtime priority.',
    tags: ['pinning', 'scheduling'],
    messages,
  },
  check({ domain, host, report }) {
    checkDeviceIothreads(domain, host?.model, report);
    if (domain.vcpusElement) checkVcpuStates(domain, domain.vcpusElement, report);
    const ct = domain.cputune;
    if (!ct) return;
    // Without a readable <vcpu> there is no maximum to compare with (value-invalid reports it).
    const maxKnown = domain.vcpu ? domain.vcpu.maxKnown : true;
    const max = domain.maxVcpus;
    const vcpus = CpuSet.range(0, max - 1);
    const have = `vCPU${max === 1 ? '' : 's'} ${vcpus.toString()}`;

    // domain_conf.c virDomainVcpuPinDefParseXML: a pin for a vCPU beyond the maximum is dropped
    // with only a log warning ("Ignoring vcpupin for missing vcpus"); a second pin for one vCPU is an error.
    const pinned = new Map<number, Range>();
    const beyond: Array<{ vcpu: number; range: Range }> = [];
    for (const pin of ct.vcpupins) {
      if (!pin.vcpuAttr) {
        report({ range: pin.element.startTag, messageId: 'vcpupinNoVcpu' });
        continue;
      }
      if (pin.vcpu === undefined) continue;
      const first = pinned.get(pin.vcpu);
      if (maxKnown && pin.vcpu >= max) {
        // The file then promises a pinning the guest never gets; but it defines and runs: a warning.
        beyond.push({ vcpu: pin.vcpu, range: pin.vcpuAttr.valueRange });
      } else if (!pin.cpuset) {
        // Checked before the duplicate ("missing cpuset for vcpupin").
        report({ range: pin.element.startTag, messageId: 'pinNoCpuset', data: { element: 'vcpupin' } });
      } else if (first) {
        report({ range: pin.vcpuAttr.valueRange, messageId: 'vcpupinTwice', data: { vcpu: pin.vcpu }, related: [{ range: first, message: `vCPU ${pin.vcpu} first pinned here` }] });
      } else {
        pinned.set(pin.vcpu, pin.vcpuAttr.valueRange);
      }
    }

    // The file then promises a pinning the guest never gets; but it defines and runs: a warning. Pins past a
    // lowered <vcpu> are one cause, one finding.
    if (beyond.length === 1) report({ range: beyond[0]!.range, severity: 'warning', messageId: 'vcpupinBeyond', data: { vcpu: beyond[0]!.vcpu, have } });
    else if (beyond.length > 1) {
      report({
        range: beyond[0]!.range,
        severity: 'warning',
        messageId: 'vcpupinsBeyond',
        data: { vcpus: describeVcpus(CpuSet.ofList(beyond.map((b) => b.vcpu))), have },
        related: beyond.slice(1).map((b) => ({ range: b.range, message: `vCPU ${b.vcpu} pinned here` })),
      });
    }

    checkSchedSets(
      ct.vcpusched.map((sc) => ({ sched: sc, ids: sc.vcpus, attr: sc.vcpusAttr })),
      {
        element: 'vcpusched',
        attr: 'vcpus',
        what: 'vCPU',
        // Without a readable <vcpu> nothing is beyond it.
        existing: maxKnown ? vcpus : undefined,
        have,
        fix: 'name only existing vCPUs, or raise <vcpu>',
        describe: describeVcpus,
        notFound: (id) => `"vCPU '${id}' is not present…"`,
      },
      report,
    );
    // libvirt before 5.3.0 does not know <emulatorsched> and drops it unread: nothing there to reject.
    if (ct.emulatorsched && libvirtAtLeast(host?.model.libvirtVersion, EMULATORSCHED_SINCE) !== false) checkPolicy(ct.emulatorsched, '<emulatorsched>', report);
    // domain_conf.c virDomainEmulatorPinDefParseXML: "missing cpuset for emulatorpin".
    if (ct.emulatorpin && !ct.emulatorpin.cpuset) report({ range: ct.emulatorpin.element.startTag, messageId: 'pinNoCpuset', data: { element: 'emulatorpin' } });

    checkIothreads(domain, report);

    // domain_conf.c virDomainResctrlParseVcpus: `vcpus` is required; ids beyond the maximum are cut off
    // (virBitmapShrink), and a group left empty is ignored, all without a word (an info here).
    // A libvirt known to predate <memorytune> (4.7.0) drops it unread, like any element it does not know.
    const version = host?.model.libvirtVersion;
    const memorytunes = libvirtAtLeast(version, MEMORYTUNE_SINCE) === false ? [] : ct.memorytunes;
    for (const t of [...ct.cachetunes, ...memorytunes]) checkTune(t, vcpus, maxKnown ? have : undefined, report);
    checkTuneOverlaps(ct.cachetunes, memorytunes, maxKnown ? vcpus : undefined, report);
    for (const t of ct.cachetunes) checkCacheCollisions(t, report);
    for (const t of memorytunes) checkBandwidths(t, host?.model, report);
    // <cachetune><monitor> came in 4.10.0 (NEWS v4.10.0 "Introduced cache monitoring"): an older libvirt drops it unread.
    const cacheMonitors = libvirtAtLeast(version, CACHE_MONITOR_SINCE) !== false;
    for (const t of [...(cacheMonitors ? ct.cachetunes : []), ...memorytunes]) checkMonitors(t, maxKnown ? vcpus : undefined, report);
    if (domain.type === 'qemu') checkResctrlDomainType(domain, ct.cachetunes, memorytunes, maxKnown ? vcpus : undefined, report);
  },
});

function checkPolicy(s: ThreadSched, what: string, report: Report): void {
  if (!s.schedulerAttr) {
    report({ range: s.element.startTag, messageId: 'noScheduler', data: { what } });
    return;
  }
  if (!POLICIES.has(s.schedulerAttr.value)) {
    report({ range: s.schedulerAttr.valueRange, messageId: 'unknownScheduler', data: { what, value: excerpt(s.schedulerAttr.value) } });
    return;
  }
  if (s.scheduler !== 'fifo' && s.scheduler !== 'rr') return;
  // virDomainSchedulerParseCommonAttrs: a realtime policy requires `priority`.
  if (!s.priorityAttr) {
    report({ range: s.element.startTag, messageId: 'noPriority', data: { what, policy: s.scheduler } });
    return;
  }
  if (s.priority === undefined) return;
  if (s.priority < RT_PRIORITY.min || s.priority > RT_PRIORITY.max) {
    // The range Linux allows for fifo and rr; libvirt accepts the value at define time.
    report({ range: s.priorityAttr.valueRange, messageId: 'priorityRange', data: { what, priority: s.priority, policy: s.scheduler } });
  }
}

/** What a domain's IOThread ids are, said in a message, and how to mend a reference to a missing one. */
function iothreadWording(d: DomainModel): { ids: CpuSet; have: string; fix: string } {
  const ids = CpuSet.ofList(d.iothreadIds);
  const have = ids.isEmpty ? 'no IOThreads' : `${ids.size === 1 ? 'IOThread' : 'IOThreads'} ${ids.toString()}`;
  const fix = ids.isEmpty ? 'add <iothreads> (or <iothreadids>) for it, or remove it' : 'name an existing IOThread, or add it to <iothreadids>';
  return { ids, have, fix };
}

/**
 * qemu_validate.c, run when a QEMU domain is defined: a disk's or controller's IOThread, and each
 * IOThread of its mapping, must be one the domain has ("Disk iothread '3' not defined in iothreadid").
 */
/**
 * The release that brought a disk's `<driver><iothreads>` mapping of IOThreads to virtqueues (NEWS v10.0.0,
 * "qemu: Add support for mapping iothreads to virtqueues of virtio-blk devices"). An older libvirt does not
 * read the element, so its ids are neither checked nor refused there.
 */
const IOTHREAD_MAPPING_SINCE = '10.0.0';

/** The release that brought the same mapping to virtio-scsi controllers (NEWS v11.2.0, "multiple iothreads for virtio-scsi controller"). */
const CONTROLLER_IOTHREAD_MAPPING_SINCE = '11.2.0';

function checkDeviceIothreads(d: DomainModel, host: HostModel | undefined, report: Report): void {
  if (d.type !== 'kvm' && d.type !== 'qemu') return;
  // Most guests with IOThreads give their disks one (`<driver iothread='1'>`): when the text names only
  // existing ids, the devices are not built (half of a guest's elements, kept to the end of a plan).
  const named = d.devices.iothreadIdsInText();
  if (named !== undefined && [...named].every((id) => id === 0 || d.iothreadIds.includes(id))) return;
  const diskMappings = libvirtAtLeast(host?.libvirtVersion, IOTHREAD_MAPPING_SINCE) !== false;
  const controllerMappings = libvirtAtLeast(host?.libvirtVersion, CONTROLLER_IOTHREAD_MAPPING_SINCE) !== false;
  const refs = d.devices.iothreadRefs().filter((r) => !r.mapping || (r.device.name === 'disk' ? diskMappings : controllerMappings));
  // One finding a controller: its attribute, or the first entry of its mapping.
  let lastRefused: XmlElement | undefined;
  for (const ref of refs) {
    if (!ref.refused || ref.device === lastRefused) continue;
    lastRefused = ref.device;
    const device = deviceName(`${attribute(ref.device, 'type')?.value ?? ''} controller`.trim(), attribute(ref.device, 'index')?.value);
    report({ range: ref.attr.range, messageId: 'controllerIothread', data: { device, what: ref.mapping ? '<iothreads> mapping' : 'iothread attribute' } });
  }
  // An <iothreads> count that does not parse is value-invalid's; which IOThreads exist is then unknown.
  if (refs.length === 0 || hasValueProblem(d, d.iothreadsElement?.range)) return;
  const { ids, have, fix } = iothreadWording(d);
  const missing: Array<{ device: string; id: number; range: Range; error: string }> = [];
  for (const ref of refs) {
    // 0 means "none" for <driver iothread> and is refused by the parser for a mapping; not this rule's.
    if (ref.refused || ref.id === undefined || ref.id === 0 || ids.has(ref.id)) continue;
    const device = ref.device.name === 'disk' ? deviceName('disk', attribute(firstChild(ref.device, 'target') ?? ref.device, 'dev')?.value) : deviceName(`${attribute(ref.device, 'type')?.value ?? ''} controller`.trim(), attribute(ref.device, 'index')?.value);
    const error = ref.mapping ? `iothread '${ref.id}' not defined in iothreadid` : `${ref.device.name === 'disk' ? 'Disk' : 'controller'} iothread '${ref.id}' not defined in iothreadid`;
    missing.push({ device, id: ref.id, range: ref.attr.valueRange, error });
  }
  if (missing.length === 0) return;
  const [first, ...rest] = missing;
  if (rest.length === 0) {
    report({ range: first!.range, messageId: 'deviceIothreadMissing', data: { device: first!.device, id: first!.id, have, error: first!.error, fix } });
    return;
  }
  // Devices naming IOThreads the domain lacks are one cause (its <iothreads> count or ids), one finding:
  // libvirt stops at the first.
  const devices = [...new Set(missing.map((m) => m.device))];
  report({
    range: first!.range,
    messageId: 'devicesIothreadMissing',
    data: {
      devices: listBounded(devices, devices.length, 3, devices.length === 4 ? 'other device' : 'other devices'),
      ids: CpuSet.ofList(missing.map((m) => m.id)).toString(),
      have,
      error: first!.error,
      fix: ids.isEmpty ? 'add <iothreads> (or <iothreadids>) for them, or remove the references' : 'name existing IOThreads, or add them to <iothreadids>',
    },
    related: rest.map((m) => ({ range: m.range, message: `${m.device} uses IOThread ${m.id} here` })),
  });
}

/** `disk vdb`, `scsi controller 0`: a device as libvirt's users name it. */
function deviceName(kind: string, name: string | undefined): string {
  return name === undefined ? kind : `${kind} ${excerpt(name, 24)}`;
}

function checkIothreads(d: DomainModel, report: Report): void {
  const ct = d.cputune!;
  if (ct.iothreadpins.length === 0 && ct.iothreadsched.length === 0) return;
  const { ids, have, fix } = iothreadWording(d);
  // virDomainIOThreadPinDefParseXML: the id is required and not 0, must exist, and may be pinned once.
  const pinned = new Map<number, Range>();
  const missing: Array<{ id: number; range: Range }> = [];
  for (const pin of ct.iothreadpins) {
    if (!pin.iothreadAttr) {
      report({ range: pin.element.startTag, messageId: 'iothreadpinNoAttr' });
      continue;
    }
    if (pin.iothread === undefined) continue;
    const first = pinned.get(pin.iothread);
    if (!ids.has(pin.iothread)) {
      missing.push({ id: pin.iothread, range: pin.iothreadAttr.valueRange });
    } else if (!pin.cpuset) {
      // virDomainIOThreadPinDefParseXML: after the id is found, "missing cpuset for iothreadpin".
      report({ range: pin.element.startTag, messageId: 'pinNoCpuset', data: { element: 'iothreadpin' } });
    } else if (first) {
      report({ range: pin.iothreadAttr.valueRange, messageId: 'iothreadpinTwice', data: { id: pin.iothread }, related: [{ range: first, message: `IOThread ${pin.iothread} first pinned here` }] });
    } else {
      pinned.set(pin.iothread, pin.iothreadAttr.valueRange);
    }
  }
  // Pins for IOThreads the domain does not have are one cause (the <iothreads> count or ids), one finding:
  // libvirt stops at the first.
  if (missing.length === 1) report({ range: missing[0]!.range, messageId: 'iothreadpinMissing', data: { id: missing[0]!.id, have, fix } });
  else if (missing.length > 1) {
    report({
      range: missing[0]!.range,
      messageId: 'iothreadpinsMissing',
      data: { ids: CpuSet.ofList(missing.map((m) => m.id)).toString(), first: missing[0]!.id, have, fix: ids.isEmpty ? 'add <iothreads> (or <iothreadids>) for them, or remove them' : 'name existing IOThreads, or add them to <iothreadids>' },
      related: missing.slice(1).map((m) => ({ range: m.range, message: `IOThread ${m.id} pinned here` })),
    });
  }
  checkSchedSets(
    ct.iothreadsched.map((sc) => ({ sched: sc, ids: sc.iothreads, attr: sc.iothreadsAttr })),
    {
      element: 'iothreadsched',
      attr: 'iothreads',
      what: 'IOThread',
      existing: ids,
      have,
      fix,
      describe: (set) => `${set.size === 1 ? 'IOThread' : 'IOThreads'} ${set.toString()}`,
      notFound: (id) => `"Cannot find 'iothread' : ${id}"`,
    },
    report,
  );
}

/**
 * `<vcpusched>` and `<iothreadsched>` are parsed by one libvirt helper (domain_conf.c
 * virDomainThreadSchedParseHelper): the id set is required, every id must exist, and the
 * sets of one kind must not overlap. Each element's policy is checked too.
 */
function checkSchedSets(
  entries: ReadonlyArray<{ sched: ThreadSched; ids: CpuSet | undefined; attr: XmlAttribute | undefined }>,
  kind: {
    element: string;
    attr: string;
    what: string;
    existing: CpuSet | undefined;
    have: string;
    fix: string;
    describe: (ids: CpuSet) => string;
    notFound: (id: number) => string;
  },
  report: Report,
): void {
  let scheduled = CpuSet.empty;
  const earlier: Array<{ ids: CpuSet; range: Range }> = [];
  const { element, what } = kind;
  for (const { sched, ids, attr } of entries) {
    checkPolicy(sched, `<${element}>`, report);
    if (!attr) {
      report({ range: sched.element.startTag, messageId: 'schedNoIds', data: { element, attr: kind.attr, what: `${what}s` } });
      continue;
    }
    if (!ids) continue;
    const beyond = kind.existing ? ids.subtract(kind.existing) : CpuSet.empty;
    if (!beyond.isEmpty) {
      report({ range: attr.valueRange, messageId: 'schedBeyond', data: { element, ids: kind.describe(beyond), have: kind.have, error: kind.notFound(beyond.min!), fix: kind.fix } });
    } else if (scheduled.intersects(ids)) {
      // At most 20 related locations, as elsewhere: 8,000 copies of one <vcpusched> related each to all before it (O(n²)).
      const related: RelatedDescriptor[] = [];
      for (const e of earlier) {
        if (!e.ids.intersects(ids)) continue;
        related.push({ range: e.range, message: `${kind.describe(e.ids.intersect(ids))} scheduled here first` });
        if (related.length === MAX_RELATED) break;
      }
      report({ range: attr.valueRange, messageId: 'schedOverlap', data: { element, ids: kind.describe(scheduled.intersect(ids)), what }, related });
    }
    scheduled = scheduled.union(ids);
    earlier.push({ ids, range: attr.valueRange });
  }
}

function checkTune(t: VcpuTune, vcpus: CpuSet, have: string | undefined, report: Report): void {
  if (!t.vcpus) {
    report({ range: t.element.startTag, messageId: 'tuneNoVcpus', data: { element: t.element.name } });
    return;
  }
  const set = t.vcpus.set;
  if (!set || have === undefined) return;
  const beyond = set.subtract(vcpus);
  if (beyond.isEmpty) return;
  const left = set.intersect(vcpus);
  const data = { element: t.element.name, beyond: describeVcpus(beyond), have };
  if (left.isEmpty) report({ range: t.vcpus.attr.valueRange, severity: 'info', messageId: 'tuneIgnored', data });
  else report({ range: t.vcpus.attr.valueRange, severity: 'info', messageId: 'tuneCut', data: { ...data, left: left.toString() } });
}

/**
 * domain_conf.c virDomainResctrlVcpuMatch, virDomainCachetuneDefParse, virDomainMemorytuneDefParse: after the
 * vCPU sets are cut to the existing vCPUs, two resource-control groups whose sets overlap without being equal
 * are rejected ("Overlapping vcpus in resctrls"), as are two cachetunes or two memorytunes with the same set
 * ("Identical vcpus in cachetunes found"). A memorytune with exactly a cachetune's set joins that group.
 */
function checkTuneOverlaps(cachetunes: readonly VcpuTune[], memorytunes: readonly VcpuTune[], existing: CpuSet | undefined, report: Report): void {
  const seen: Array<{ t: VcpuTune; set: CpuSet }> = [];
  for (const t of [...cachetunes, ...memorytunes]) {
    const raw = t.vcpus?.set;
    if (!raw) continue;
    const set = existing ? raw.intersect(existing) : raw;
    // A group cut to nothing is ignored by libvirt.
    if (set.isEmpty) continue;
    for (const o of seen) {
      if (!o.set.intersects(set)) continue;
      const same = o.set.equals(set);
      if (same && o.t.element.name !== t.element.name) continue;
      const what = `<${t.element.name}>`;
      const other = `<${o.t.element.name} vcpus='${excerpt(o.t.vcpus!.attr.value)}'>`;
      const related = [{ range: o.t.vcpus!.attr.valueRange, message: `the earlier ${other} here` }];
      if (same) report({ range: t.vcpus!.attr.valueRange, messageId: 'tunesIdentical', data: { what, vcpus: describeVcpus(set), other, element: t.element.name }, related });
      else report({ range: t.vcpus!.attr.valueRange, messageId: 'tunesOverlap', data: { what, vcpus: describeVcpus(set.intersect(o.set)), other }, related });
      break;
    }
    seen.push({ t, set });
  }
}

const CACHE_TYPES: ReadonlySet<string> = new Set(['both', 'code', 'data']);

/**
 * virresctrl.c virResctrlAllocCheckCollision (via virResctrlAllocSetCacheSize): within one group, a cache
 * (level, id) takes either one type='both' allocation or at most one 'code' and one 'data'; anything more is
 * "Colliding cache allocations for cache level … id … type …".
 */
function checkCacheCollisions(t: VcpuTune, report: Report): void {
  const seen = new Map<string, Array<{ type: string; range: Range }>>();
  for (const c of childrenNamed(t.element, 'cache')) {
    // virDomainCachetuneDefParseCache reads both with virXMLPropUInt: ' 3' and '+3' are cache 3 to libvirt.
    const levelAttr = attribute(c, 'level');
    const idAttr = attribute(c, 'id');
    const level = levelAttr ? libvirtUint(levelAttr.value) : undefined;
    const id = idAttr ? libvirtUint(idAttr.value) : undefined;
    const typeAttr = attribute(c, 'type');
    if (level === undefined || id === undefined || !typeAttr || !CACHE_TYPES.has(typeAttr.value)) continue;
    const key = `${level}/${id}`;
    const earlier = seen.get(key) ?? [];
    const type = typeAttr.value;
    const clash = earlier.find((e) => e.type === 'both' || type === 'both' || e.type === type);
    if (clash) {
      const related = [{ range: clash.range, message: `the earlier type='${clash.type}' allocation of this cache` }];
      report({ range: c.startTag, messageId: 'cacheCollision', data: { level, id, types: `${clash.type}, ${type}` }, related });
      continue;
    }
    earlier.push({ type, range: c.startTag });
    seen.set(key, earlier);
  }
}

/** The release that brought `<memorytune>` (NEWS v4.7.0, "Add support for MBA"; formatdomain "memorytune Since 4.7.0"). */
const MEMORYTUNE_SINCE = '4.7.0';

/** The release that brought `<cachetune><monitor>` (NEWS v4.10.0; formatdomain "monitor Since 4.10.0"). */
const CACHE_MONITOR_SINCE = '4.10.0';

/**
 * The release whose virResctrlAllocSetMemoryBandwidth (virresctrl.c) no longer refuses a bandwidth over 100
 * ("Memory Bandwidth value exceeding 100 is invalid.", in every release from 4.7.0): NEWS v10.8.0 "Relax
 * restrictions for memorytune settings", for resctrl mounted with mba_MBps, where the value is MB/s. From
 * then on libvirt defines the domain and checks only the granularity and the minimum at start
 * (virResctrlAllocMemoryBandwidth); the kernel's schemata write refuses a percentage over 100.
 */
const BANDWIDTH_OVER_100_SINCE = '10.8.0';

/** virresctrl.c virResctrlAllocSetMemoryBandwidth: a node's bandwidth is set once per group, and (before 10.8.0) is at most 100. */
function checkBandwidths(t: VcpuTune, host: HostModel | undefined, report: Report): void {
  const seen = new Map<number, Range>();
  const relaxed = libvirtAtLeast(host?.libvirtVersion, BANDWIDTH_OVER_100_SINCE);
  const version = host?.libvirtVersion === undefined ? '' : `${host.libvirtVersion} `;
  for (const n of childrenNamed(t.element, 'node')) {
    // virDomainMemorytuneDefParseMemory reads id and bandwidth with virXMLPropUInt.
    const bw = attribute(n, 'bandwidth');
    const bandwidth = bw ? libvirtUint(bw.value) : undefined;
    if (bw && bandwidth !== undefined && bandwidth > 100) {
      // Known older: rejected at define time. Newer, or unknown (which may be either): defined, and whether it
      // starts depends on how resctrl is mounted, which the snapshot does not say: a warning.
      const data = { value: excerpt(bw.value), version };
      if (relaxed === false) report({ range: bw.valueRange, messageId: 'bandwidthOver', data });
      else report({ range: bw.valueRange, messageId: 'bandwidthOverStart', severity: 'warning', data: { ...data, version: relaxed ? version : '10.8.0 or later ' } });
    }
    const idAttr = attribute(n, 'id');
    const id = idAttr ? libvirtUint(idAttr.value) : undefined;
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) report({ range: n.startTag, messageId: 'bandwidthTwice', data: { id }, related: [{ range: first, message: `node ${id} first set here` }] });
    else seen.set(id, n.startTag);
  }
}

/**
 * domain_conf.c virDomainResctrlMonDefParse: a <monitor>'s vCPUs (cut to the existing ones like the group's)
 * must lie within its group's vCPUs, or libvirt rejects the definition.
 */
function checkMonitors(t: VcpuTune, existing: CpuSet | undefined, report: Report): void {
  const group = t.vcpus?.set;
  if (!group) return;
  const groupSet = existing ? group.intersect(existing) : group;
  if (groupSet.isEmpty) return;
  for (const m of t.monitors) {
    // virDomainResctrlMonDefParse: a cachetune's monitor takes `level`, which must be 3 (VIR_DOMAIN_RESCTRL_MONITOR_CACHELEVEL).
    if (t.element.name === 'cachetune') {
      const level = attribute(m.element, 'level');
      if (!level || libvirtUint(level.value) !== 3) {
        const shown = level ? `level='${excerpt(level.value)}'` : 'without a level';
        report({ range: level ? level.valueRange : m.element.startTag, messageId: 'monitorLevel', data: { level: shown } });
        continue;
      }
    }
    const raw = m.vcpus?.set;
    if (!raw) continue;
    const outside = (existing ? raw.intersect(existing) : raw).subtract(groupSet);
    if (outside.isEmpty) continue;
    report({ range: m.vcpus!.attr.valueRange, messageId: 'monitorOutside', data: { outside: describeVcpus(outside), group: groupSet.toString() } });
  }
}

/**
 * qemu_validate.c qemuValidateDomainDef: a QEMU domain that is not type='kvm' may have no resource-control
 * group ("cachetune is only supported for KVM domains"). A group is kept (domain_conf.c
 * virDomainCachetuneDefParse, virDomainMemorytuneDefParse) when its vCPUs, cut to the existing ones, are
 * not empty and it holds a <cache> (a <node>) or a <monitor>.
 */
function checkResctrlDomainType(d: DomainModel, cachetunes: readonly VcpuTune[], memorytunes: readonly VcpuTune[], existing: CpuSet | undefined, report: Report): void {
  for (const t of [...cachetunes, ...memorytunes]) {
    const raw = t.vcpus?.set;
    if (!raw || (existing ? raw.intersect(existing) : raw).isEmpty) continue;
    if (t.monitors.length === 0 && !firstChild(t.element, t.element.name === 'cachetune' ? 'cache' : 'node')) continue;
    report({ range: t.element.startTag, messageId: 'resctrlNotKvm', data: { element: t.element.name, type: d.type! } });
    return;
  }
}

/** One `<vcpus><vcpu>` as libvirt holds it: unlisted vCPUs are offline, with no hotpluggable and order 0. */
interface VcpuState {
  element: XmlElement | undefined;
  online: boolean;
  hotpluggable: 'yes' | 'no' | undefined;
  order: number;
}

const UNLISTED: VcpuState = { element: undefined, online: false, hotpluggable: undefined, order: 0 };

/**
 * `<vcpus>`: domain_conf.c virDomainVcpuParse (id required and below the maximum, enabled required,
 * yes/no values), then for QEMU qemu_postparse.c qemuDomainDefVcpusPostParse (run before the
 * hotpluggable defaults are filled in), then domain_postparse.c virDomainVcpuDefPostParse. libvirt stops
 * at the first error: so does this.
 */
function checkVcpuStates(d: DomainModel, vcpus: XmlElement, report: Report): void {
  // Without a readable <vcpu> there is no maximum to compare with (value-invalid reports it).
  if (d.vcpu && !d.vcpu.maxKnown) return;
  const max = d.maxVcpus;
  const states: Array<VcpuState | undefined> = new Array(max);
  for (const v of childrenNamed(vcpus, 'vcpu')) {
    const idAttr = attribute(v, 'id');
    if (!idAttr) return report({ range: v.startTag, messageId: 'vcpusNoId' });
    const id = libvirtUint(idAttr.value);
    // Not a number: value-invalid's.
    if (id === undefined) return;
    if (id >= max) return report({ range: idAttr.valueRange, messageId: 'vcpusIdRange', data: { id, have: `vCPU${max === 1 ? '' : 's'} ${CpuSet.range(0, max - 1).toString()}` } });
    const enabled = attribute(v, 'enabled');
    if (!enabled) return report({ range: v.startTag, messageId: 'vcpusNoEnabled', data: { id } });
    const hot = attribute(v, 'hotpluggable');
    for (const a of [enabled, hot]) {
      if (a && a.value !== 'yes' && a.value !== 'no') return report({ range: a.valueRange, messageId: 'vcpusBool', data: { id, attr: a.name, value: excerpt(a.value) } });
    }
    const order = attribute(v, 'order');
    const orderValue = order ? libvirtUint(order.value) : 0;
    if (orderValue === undefined) return;
    states[id] = { element: v, online: enabled.value === 'yes', hotpluggable: hot?.value as 'yes' | 'no' | undefined, order: orderValue };
  }
  const at = (s: VcpuState, name: string): Range => (s.element && attribute(s.element, name)?.valueRange) ?? s.element?.startTag ?? vcpus.startTag;
  if (d.type === 'kvm' || d.type === 'qemu') {
    const v0 = states[0] ?? UNLISTED;
    if (!v0.online) return report({ range: at(v0, 'enabled'), messageId: 'vcpu0Offline', data: { how: v0.element ? "enabled='no'" : 'not listed in <vcpus>' } });
    if (v0.hotpluggable === 'yes') return report({ range: at(v0, 'hotpluggable'), messageId: 'vcpu0Hotpluggable' });
    if (v0.order !== 0 && v0.order !== 1) return report({ range: at(v0, 'order'), messageId: 'vcpu0Order', data: { order: v0.order } });
    const hasOrder = v0.order !== 0;
    let prev = v0;
    let prevId = 0;
    for (let i = 1; i < max; i++) {
      const s = states[i] ?? UNLISTED;
      if (s.online && (s.order !== 0) !== hasOrder) {
        return report({ range: at(s, 'order'), messageId: 'vcpusOrderMixed', data: { id: i, has: hasOrder ? 'no' : 'an', v0: hasOrder ? 'one' : 'none' } });
      }
      if (s.hotpluggable === 'no') {
        const related = prev.element ? [{ range: prev.element.startTag, message: `vCPU ${prevId}` }] : [];
        if (prev.hotpluggable === 'yes') return report({ range: at(s, 'hotpluggable'), messageId: 'vcpusFixedAfterHotpluggable', data: { id: i, prev: prevId }, related });
        if (prev.order > s.order) return report({ range: at(s, 'order'), messageId: 'vcpusFixedDescending', data: { id: i, order: s.order, prev: prevId, prevOrder: prev.order }, related });
      }
      prev = s;
      prevId = i;
    }
  }
  for (let i = 0; i < max; i++) {
    const s = states[i];
    if (s && !s.online && s.hotpluggable === 'no') return report({ range: at(s, 'hotpluggable'), messageId: 'vcpusOfflineFixed', data: { id: i } });
  }
  // At start (qemu_process.c qemuProcessValidateHotpluggableVcpus, run when an online vCPU is hotpluggable): the
  // orders of hotpluggable entities, offline ones included, are unique and at most the vCPU count. On x86 QEMU
  // hotplugs single threads, so each vCPU is its own entity; elsewhere an entity can be a core (ppc64), whose
  // threads share one order, and the grouping comes from QEMU: not checked there.
  if ((d.type === 'kvm' || d.type === 'qemu') && isX86Arch(d.devices.osType()?.arch) && states.some((s) => s?.online === true && s.hotpluggable === 'yes')) {
    const firstWith = new Map<number, number>();
    for (let i = 0; i < max; i++) {
      const s = states[i];
      if (!s || s.order === 0) continue;
      const first = firstWith.get(s.order);
      if (first !== undefined) {
        return report({ range: at(s, 'order'), messageId: 'vcpusOrderDuplicate', data: { first, id: i, order: s.order }, related: [{ range: at(states[first]!, 'order'), message: `vCPU ${first}'s order` }] });
      }
      if (s.order > max) return report({ range: at(s, 'order'), messageId: 'vcpusOrderBeyond', data: { id: i, order: s.order, max } });
      firstWith.set(s.order, i);
    }
  }
}
