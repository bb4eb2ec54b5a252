import { defineRule, type ReportDescriptor } from '../../src/engine/types.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { describeVcpus, excerpt } from '../../src/model/describe.ts';
import type { DomainModel, ThreadSched, VcpuTune } from '../../src/model/domain.ts';
import type { XmlAttribute } from '../../src/xml/types.ts';

/** virProcessSchedPolicy names libvirt accepts in `scheduler` ("none" is refused: VIR_XML_PROP_NONZERO). */
const POLICIES: ReadonlySet<string> = new Set(['batch', 'idle', 'fifo', 'rr']);
/** sched_get_priority_min/max for SCHED_FIFO and SCHED_RR on Linux, which virProcessSetScheduler checks at start-up. */
const RT_PRIORITY = { min: 1, max: 99 };

export default defineRule({
  meta: {
    id: 'vcpu-id-range',
    name: 'VcpuIdRange',
    severity: 'error',
    severities: ['error', 'info'],
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'A vCPU or IOThread id in <cputune> that the domain does not have, a vCPU pinned twice, or a realtime policy without a valid priority.',
    tags: ['pinning', 'scheduling'],
  },
  checkDomain({ domain, report }) {
    const ct = domain.cputune;
    if (!ct) return;
    // Without a readable <vcpu> there is no maximum to compare with (value-invalid reports it).
    const maxKnown = domain.vcpu ? domain.vcpu.maxKnown : true;
    const max = domain.maxVcpus;
    const vcpus = CpuSet.range(0, max - 1);
    const have = `the domain has ${max} vCPU${max === 1 ? '' : 's'} (${vcpus.toString()})`;

    // domain_conf.c virDomainVcpuPinDefParseXML: a pin for a vCPU beyond the maximum is dropped
    // with only a log warning ("Ignoring vcpupin for missing vcpus"); a second pin for one vCPU is an error.
    const pinned = new Set<number>();
    for (const pin of ct.vcpupins) {
      if (!pin.vcpuAttr) {
        report({ range: pin.element.startTag, message: "<vcpupin> has no vcpu attribute: libvirt rejects it; name the vCPU it pins, e.g. vcpu='0'" });
        continue;
      }
      if (pin.vcpu === undefined) continue;
      if (maxKnown && pin.vcpu >= max) {
        report({
          range: pin.vcpuAttr.valueRange,
          message: `vcpupin pins vCPU ${pin.vcpu}, but ${have}: libvirt silently drops this pin, so the file promises a pinning the guest never gets; remove it or raise <vcpu>`,
        });
      } else if (pinned.has(pin.vcpu)) {
        report({ range: pin.vcpuAttr.valueRange, message: `vCPU ${pin.vcpu} is pinned a second time: libvirt rejects the domain ("duplicate vcpupin for vcpu '${pin.vcpu}'"); keep one <vcpupin> per vCPU` });
      } else {
        pinned.add(pin.vcpu);
      }
    }

    checkSchedSets(
      ct.vcpusched.map((sc) => ({ sched: sc, ids: sc.vcpus, attr: sc.vcpusAttr })),
      {
        element: 'vcpusched',
        missingAttr: "<vcpusched> has no vcpus attribute: libvirt rejects it (\"Missing attribute 'vcpus' in element 'vcpusched'\"); name the vCPUs it schedules",
        // Without a readable <vcpu> nothing is beyond it.
        existing: maxKnown ? vcpus : undefined,
        have,
        describe: describeVcpus,
        notFound: (id) => `"vCPU '${id}' is not present in domain definition"`,
      },
      report,
    );
    if (ct.emulatorsched) checkPolicy(ct.emulatorsched, '<emulatorsched>', report);

    checkIothreads(domain, report);

    // domain_conf.c virDomainResctrlParseVcpus: `vcpus` is required; ids beyond the maximum are cut off
    // (virBitmapShrink), and a group left empty is ignored, all without a word (an info here).
    for (const t of [...ct.cachetunes, ...ct.memorytunes]) checkTune(t, vcpus, maxKnown ? have : undefined, report);
    checkTuneOverlaps(ct.cachetunes, ct.memorytunes, maxKnown ? vcpus : undefined, report);
  },
});

type Report = (d: ReportDescriptor) => void;

function checkPolicy(s: ThreadSched, what: string, report: Report): void {
  if (!s.schedulerAttr) {
    report({ range: s.element.startTag, message: `${what} has no scheduler attribute: libvirt rejects it; use one of batch, idle, fifo, rr` });
    return;
  }
  if (!POLICIES.has(s.schedulerAttr.value)) {
    report({ range: s.schedulerAttr.valueRange, message: `${what} scheduler='${excerpt(s.schedulerAttr.value)}' is not one libvirt knows: use batch, idle, fifo or rr` });
    return;
  }
  if (s.scheduler !== 'fifo' && s.scheduler !== 'rr') return;
  // virDomainSchedulerParseCommonAttrs: a realtime policy requires `priority`.
  if (!s.priorityAttr) {
    report({ range: s.element.startTag, message: `${what} scheduler='${s.scheduler}' has no priority: libvirt rejects it; add priority='1' (1-99; most realtime guests use a low value)` });
    return;
  }
  if (s.priority === undefined) return;
  if (s.priority < RT_PRIORITY.min || s.priority > RT_PRIORITY.max) {
    report({
      range: s.priorityAttr.valueRange,
      message: `${what} priority='${s.priority}' is outside ${RT_PRIORITY.min}-${RT_PRIORITY.max}, the range Linux allows for ${s.scheduler}: the domain fails to start ("Scheduler priority ${s.priority} out of range")`,
    });
  }
}

function checkIothreads(d: DomainModel, report: Report): void {
  const ct = d.cputune!;
  if (ct.iothreadpins.length === 0 && ct.iothreadsched.length === 0) return;
  const ids = CpuSet.of(...d.iothreadIds);
  const have = ids.isEmpty ? 'the domain has no IOThreads (no <iothreads> or <iothreadids>)' : `the domain has ${ids.size === 1 ? 'IOThread' : 'IOThreads'} ${ids.toString()}`;
  // virDomainIOThreadPinDefParseXML: the id is required and not 0, must exist, and may be pinned once.
  const pinned = new Set<number>();
  for (const pin of ct.iothreadpins) {
    if (!pin.iothreadAttr) {
      report({ range: pin.element.startTag, message: '<iothreadpin> has no iothread attribute: libvirt rejects it; name the IOThread it pins' });
      continue;
    }
    if (pin.iothread === undefined) continue;
    if (!ids.has(pin.iothread)) {
      report({ range: pin.iothreadAttr.valueRange, message: `iothreadpin pins IOThread ${pin.iothread}, but ${have}: libvirt rejects the domain ("Cannot find 'iothread' : ${pin.iothread}")` });
    } else if (pinned.has(pin.iothread)) {
      report({ range: pin.iothreadAttr.valueRange, message: `IOThread ${pin.iothread} is pinned a second time: libvirt rejects the domain; keep one <iothreadpin> per IOThread` });
    } else {
      pinned.add(pin.iothread);
    }
  }
  checkSchedSets(
    ct.iothreadsched.map((sc) => ({ sched: sc, ids: sc.iothreads, attr: sc.iothreadsAttr })),
    {
      element: 'iothreadsched',
      missingAttr: '<iothreadsched> has no iothreads attribute: libvirt rejects it; name the IOThreads it schedules',
      existing: ids,
      have,
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
  kind: { element: string; missingAttr: string; existing: CpuSet | undefined; have: string; describe: (ids: CpuSet) => string; notFound: (id: number) => string },
  report: Report,
): void {
  let scheduled = CpuSet.empty;
  for (const { sched, ids, attr } of entries) {
    checkPolicy(sched, `<${kind.element}>`, report);
    if (!attr) {
      report({ range: sched.element.startTag, message: kind.missingAttr });
      continue;
    }
    if (!ids) continue;
    const beyond = kind.existing ? ids.subtract(kind.existing) : CpuSet.empty;
    if (!beyond.isEmpty) {
      report({ range: attr.valueRange, message: `<${kind.element}> names ${kind.describe(beyond)}, but ${kind.have}: libvirt rejects the domain (${kind.notFound(beyond.min!)})` });
    } else if (scheduled.intersects(ids)) {
      report({ range: attr.valueRange, message: `<${kind.element}> names ${kind.describe(scheduled.intersect(ids))} that an earlier <${kind.element}> already covers: libvirt rejects overlapping ${kind.element} sets` });
    }
    scheduled = scheduled.union(ids);
  }
}

function checkTune(t: VcpuTune, vcpus: CpuSet, have: string | undefined, report: Report): void {
  const what = `<${t.element.name}>`;
  if (!t.vcpus) {
    report({ range: t.element.startTag, message: `${what} has no vcpus attribute: libvirt rejects it ("Missing ${t.element.name} attribute 'vcpus'"); name the vCPUs of the group` });
    return;
  }
  const set = t.vcpus.set;
  if (!set || have === undefined) return;
  const beyond = set.subtract(vcpus);
  if (beyond.isEmpty) return;
  const left = set.intersect(vcpus);
  report({
    range: t.vcpus.attr.valueRange,
    severity: 'info',
    message:
      `${what} names ${describeVcpus(beyond)}, but ${have}: libvirt silently cuts the group to the existing vCPUs` +
      (left.isEmpty ? ', which leaves nothing, so the whole element is ignored' : ` (${left.toString()})`) +
      '; name only existing vCPUs',
  });
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
      const what = `<${t.element.name} vcpus='${excerpt(t.vcpus!.attr.value)}'>`;
      const other = `<${o.t.element.name} vcpus='${excerpt(o.t.vcpus!.attr.value)}'>`;
      report({
        range: t.vcpus!.attr.valueRange,
        message: same
          ? `${what} names the same vCPUs (${describeVcpus(set)}) as an earlier ${other}: libvirt rejects the domain ("Identical vcpus in ${t.element.name}s found"); merge them into one element`
          : `${what} shares ${describeVcpus(set.intersect(o.set))} with an earlier ${other}: libvirt rejects the domain ("Overlapping vcpus in resctrls"); give each vCPU to one resource-control group, or give both the same vcpus`,
      });
      break;
    }
    seen.push({ t, set });
  }
}
