import { defineDomainRule, type Fix, type RelatedDescriptor } from '../../src/engine/types.ts';
import type { VhostUserDevice } from '../../src/model/domain.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';
import { libvirtAtLeast } from '../../src/model/libvirt-version.ts';
import { unsharedMemory, VHOSTUSER_INTERFACE_REFUSED_SINCE, type UnsharedMemory } from '../../src/model/shared-memory.ts';
import { DOMAIN_CHILD_ORDER, MEMORY_BACKING_CHILD_ORDER, formatterPredecessor } from '../../src/model/libvirt-order.ts';
import { combineEdits, insertChild, replaceAttributeValue } from '../../src/engine/edit.ts';
import { excerpt } from '../../src/model/describe.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import { attribute } from '../../src/xml/query.ts';
import type { DomainModel } from '../../src/model/domain.ts';

/** libvirt 6.9.0 (NEWS: "qemu: virtiofs can be used without NUMA nodes"); 6.2.0-6.8.0 required guest NUMA cells. */
const VIRTIOFS_WITHOUT_CELLS_SINCE = '6.9.0';

const DEVICE_NAMES: Record<VhostUserDevice['kind'], [one: string, many: string]> = {
  interface: ['vhost-user interface', 'vhost-user interfaces'],
  'passt-interface': ['vhost-user interface (passt)', 'vhost-user interfaces (passt)'],
  disk: ['vhost-user disk', 'vhost-user disks'],
  'vdpa-disk': ['vhost-vdpa disk', 'vhost-vdpa disks'],
  virtiofs: ['virtiofs filesystem', 'virtiofs filesystems'],
};

export default defineDomainRule({
  meta: {
    id: 'vhost-user-shared-memory',
    name: 'VhostUserSharedMemory',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: true,
    summary: 'A vhost-user device (vhostuser interface or disk, vhost-vdpa disk, virtiofs) in a guest whose memory is not shared with its back end.',
    tags: ['memory', 'devices', 'numa'],
    messages: {
      unshared: {
        message: '{{devices}} {{need}} shared memory, but {{why}}',
        help: '{{fix}}: {{verdict}}',
      },
      virtiofsNeedsCells: {
        message: 'the virtiofs filesystem needs guest NUMA cells on libvirt {{version}}: it rejects the definition without them',
        help: "add <cpu><numa> cells with memAccess='shared' (libvirt {{since}} and later take <access mode='shared'/> alone)",
      },
      shareAll: { message: "share guest memory: <access mode='shared'/> in <memoryBacking>" },
      shareCells: { message: "set memAccess='shared' on {{cells}}" },
    },
  },
  check({ domain, host, source, report }) {
    if (!runsOnQemu(domain)) return;
    // Devices first: nearly every guest has none, and most guests' memory is not shared.
    const devices = domain.devices.vhostUserDevices();
    if (devices.length === 0) return;
    const version = host?.model.libvirtVersion;
    // Before 6.9.0, qemuValidateDomainDeviceDefFS refused virtiofs in a guest without NUMA cells
    // ("virtiofs requires one or more NUMA nodes"), shared <memoryBacking> or not: that is the cause to report.
    if ((domain.cpu?.cells.length ?? 0) === 0 && libvirtAtLeast(version, VIRTIOFS_WITHOUT_CELLS_SINCE) === false) {
      const fs = devices.find((d) => d.kind === 'virtiofs');
      if (fs) {
        report({ range: fs.element.startTag, messageId: 'virtiofsNeedsCells', data: { version: version!, since: VIRTIOFS_WITHOUT_CELLS_SINCE } });
        return;
      }
    }
    const unshared = unsharedMemory(domain);
    if (!unshared) return;

    // One cause (guest RAM not shared), one finding: on the first device, the others related.
    const first = devices[0]!;
    const kinds = [...new Set(devices.map((d) => d.kind))];
    // Several kinds are counted, not listed: the related locations name each device (messages stay one short line).
    const described = devices.length === 1 ? `the ${DEVICE_NAMES[first.kind][0]}` : kinds.length === 1 ? `${devices.length} ${DEVICE_NAMES[first.kind][1]}` : `${devices.length} vhost-user devices`;
    const related: RelatedDescriptor[] = devices.slice(1, 21).map((d) => ({ range: d.element.startTag, message: `this ${DEVICE_NAMES[d.kind][0]} needs shared memory too` }));
    related.push(...causeLocations(unshared));

    report({
      range: first.element.startTag,
      messageId: 'unshared',
      data: {
        devices: described,
        need: devices.length === 1 ? 'needs' : 'need',
        why: whyUnshared(unshared),
        fix: fixAdvice(unshared),
        verdict: verdict(devices, version),
      },
      related,
      suggestions: suggestionsFor(source.text, domain, unshared),
    });
  },
});

function whyUnshared(u: UnsharedMemory): string {
  if (u.kind === 'private-cells') return `${cellList(u.cells)} ${u.cells.length === 1 ? 'has' : 'have'} memAccess='private'`;
  // A cell without memAccess takes <memoryBacking>'s access, whose default is private.
  if (u.cells.length > 0) return `${cellList(u.cells)} ${u.cells.length === 1 ? 'defaults' : 'default'} to private memory`;
  // Worded for a domain with no <memoryBacking> at all as well (virt-install's defaults have none).
  return u.element === undefined ? "guest memory is private (no <access mode='shared'/>)" : `<access> is ${u.mode === undefined ? 'without a mode' : `'${excerpt(u.mode, 16)}'`}`;
}

const SHARE_ALL_ADVICE = "add <access mode='shared'/> to <memoryBacking> (with <source type='memfd'/> when there are no hugepages)";

function fixAdvice(u: UnsharedMemory): string {
  if (u.kind === 'access') return SHARE_ALL_ADVICE;
  return u.following.length === 0 ? "set memAccess='shared' on those cells" : `set memAccess='shared' on those cells, and ${SHARE_ALL_ADVICE} for the others`;
}

/** libvirt's verdict on the definition: refused, or (older libvirt, interfaces only) started with a back end that cannot map guest RAM. */
function verdict(devices: readonly VhostUserDevice[], version: string | undefined): string {
  // Every kind but the plain interface has been refused since libvirt supported it.
  if (devices.some((d) => d.kind !== 'interface')) return 'libvirt rejects the definition without it';
  const refuses = libvirtAtLeast(version, VHOSTUSER_INTERFACE_REFUSED_SINCE);
  const broken = 'starts the guest, but the back end cannot map guest memory and the interface passes no traffic';
  if (refuses === true) return `libvirt ${version} rejects the definition without it`;
  if (refuses === false) return `libvirt ${version} ${broken}`;
  return `libvirt ${VHOSTUSER_INTERFACE_REFUSED_SINCE} and later reject the definition without it; older libvirt ${broken}`;
}

function cellList(cells: UnsharedMemory['cells']): string {
  // As a set of ids ("0-3,6"): a guest can have dozens of cells.
  const ids = CpuSet.fromIds(cells.map((c) => c.id ?? c.index));
  return `guest NUMA cell${ids.size === 1 ? '' : 's'} ${ids.toString()}`;
}

function causeLocations(u: UnsharedMemory): RelatedDescriptor[] {
  if (u.kind === 'private-cells') {
    return u.cells.slice(0, 20).map((c, i) => ({ range: u.memAccess[i]!.range, message: `guest NUMA cell ${c.id ?? c.index} is private here` }));
  }
  return u.element ? [{ range: u.element.startTag, message: 'guest memory access is set here' }] : [];
}

/**
 * Suggestions, not fixes: shared memory changes how QEMU backs guest RAM (a shared file or memfd
 * mapping, no KSM merging across the mapping), which the operator decides.
 */
type ShareSuggestion = { messageId: 'shareAll'; fix: Fix } | { messageId: 'shareCells'; data: { cells: string }; fix: Fix };

function suggestionsFor(text: string, domain: DomainModel, u: UnsharedMemory): ShareSuggestion[] {
  const edits: Fix[] = [];
  if (u.kind === 'private-cells') {
    for (const a of u.memAccess) edits.push(replaceAttributeValue(a, 'shared'));
    // Cells without memAccess follow <memoryBacking>: they need it shared as well.
    if (u.following.length > 0) {
      const all = shareAll(text, domain);
      if (!all) return [];
      edits.push(all);
    }
    return [{ messageId: 'shareCells', data: { cells: cellList(u.cells) }, fix: combineEdits(text, edits) }];
  }
  const all = shareAll(text, domain);
  return all ? [{ messageId: 'shareAll', fix: all }] : [];
}

/** `<access mode='shared'/>` in `<memoryBacking>` where libvirt's formatter puts it, or the mode set to shared. */
function shareAll(text: string, domain: DomainModel): Fix | undefined {
  const mb = domain.memoryBacking;
  if (mb?.access) {
    const mode = attribute(mb.access.element, 'mode');
    return mode ? replaceAttributeValue(mode, 'shared') : undefined;
  }
  const access = { name: 'access', attributes: [['mode', 'shared']] as Array<[string, string]> };
  if (mb) return insertChild(text, mb.element, access, formatterPredecessor(mb.element, 'access', MEMORY_BACKING_CHILD_ORDER));
  return insertChild(text, domain.element, { name: 'memoryBacking', attributes: [], children: [access] }, formatterPredecessor(domain.element, 'memoryBacking', DOMAIN_CHILD_ORDER));
}
