/**
 * Imports `virsh capabilities` XML (libvirt formatcaps, `<capabilities><host><topology><cells>`)
 * as a host snapshot.
 *
 * What it gives: NUMA cells with their memory (`<memory unit='KiB'>`), hugepage
 * pools (`<pages unit='KiB' size='2048'>count</pages>`: the pool size nr_hugepages,
 * not free pages), distances (`<distances><sibling id value/>`), and CPUs with
 * socket_id, die_id, core_id and siblings. What it cannot give, and so lists in
 * `missing`: free memory, free hugepages, zone watermarks, sysctls, the kernel
 * command line and any CPU isolation. Rules needing those stay silent.
 */
import { MAX_HOST_NODES, type HostSnapshot, type SnapshotCpu, type SnapshotHugepagePool, type SnapshotNode } from '../model/host.ts';
import { parseSnapshotCpuList } from '../model/host-model.ts';
import { scaleToKiB } from '../model/units.ts';
import { excerpt } from '../model/describe.ts';
import { attribute, childrenNamed, firstChild, parseXml, type XmlElement } from '../xml/index.ts';
import { CpuSet } from '../model/cpuset.ts';
import { HostSnapshotError, type HostImport } from './load.ts';

/** Facts `virsh capabilities` never carries (host-snapshot.md "Other accepted host inputs"). */
const CAPABILITIES_NEVER_HAS = [
  'hugepages.defaultSizeKiB',
  'hugepages.free',
  'isolation',
  'kernel.cmdline',
  'node.memFree',
  'vm.min_free_kbytes',
  'vm.watermark_scale_factor',
  'zoneinfo',
];

/** True when the text's root element is `<capabilities>` (after an XML declaration, comments, a doctype). */
export function looksLikeCapabilities(text: string): boolean {
  // A scan, not a regular expression: `(?:<!--[\s\S]*?-->\s*)*` backtracks over every split of a run of
  // comments, and 30 empty comments in a pull request's host file took 21 s.
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++; // \s holds U+FEFF (a byte order mark)
  };
  skipSpace();
  if (text.startsWith('<?xml', i)) {
    // `<?xml[^>]*?>`: the declaration ends at its first '>'.
    const gt = text.indexOf('>', i);
    if (gt < 0 || text[gt - 1] !== '?') return false;
    i = gt + 1;
  }
  for (;;) {
    skipSpace();
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return false;
      i = end + 3;
    } else if (text.startsWith('<!DOCTYPE', i)) {
      const end = text.indexOf('>', i);
      if (end < 0) return false;
      i = end + 1;
    } else break;
  }
  return text.startsWith('<capabilities', i) && /[\s/>]/.test(text[i + '<capabilities'.length] ?? '');
}

/** XPath-like name of an element for messages: `capabilities/host/topology/cells/cell[2]/memory`. */
function xpath(el: XmlElement): string {
  const parts: string[] = [];
  for (let cur: XmlElement | undefined = el; cur; cur = cur.parent) {
    const parent = cur.parent;
    const same = parent ? parent.children.filter((c) => c.name === cur!.name) : [];
    parts.unshift(same.length > 1 ? `${cur.name}[${same.indexOf(cur) + 1}]` : cur.name);
  }
  return parts.join('/');
}

export function importCapabilities(text: string, path: string): HostImport {
  const doc = parseXml(text);
  if (doc.error) {
    throw new HostSnapshotError(path, '', `not well-formed XML at line ${doc.error.line}, column ${doc.error.column}: ${doc.error.message}`, {
      start: doc.error.offset,
      end: Math.min(doc.error.offset + 1, text.length),
    });
  }
  const root = doc.root;
  if (!root || root.name !== 'capabilities') {
    throw new HostSnapshotError(path, '', `root element is <${root?.name ?? ''}>, not <capabilities>`, root?.startTag);
  }
  const fail = (el: XmlElement, problem: string, range = el.startTag): never => {
    throw new HostSnapshotError(path, xpath(el), problem, range);
  };
  const intAttr = (el: XmlElement, name: string, required: boolean): number | undefined => {
    const a = attribute(el, name);
    if (!a) return required ? fail(el, `has no ${name}='…' attribute`) : undefined;
    if (!/^\d+$/.test(a.value.trim()) || !Number.isSafeInteger(Number(a.value))) {
      return fail(el, `${name}='${a.value}' is not a non-negative whole number`, a.range);
    }
    return Number(a.value);
  };
  /** A size element/attribute value with its unit attribute (default KiB, virScaleInteger units). */
  const kib = (el: XmlElement, value: string, valueRange: { start: number; end: number }, what: string): number => {
    const r = scaleToKiB(value.trim(), attribute(el, 'unit')?.value);
    if (!r.ok) return fail(el, `${what} ${JSON.stringify(value.trim())}: ${r.error}`, valueRange);
    return r.value;
  };
  const pageSize = (pages: XmlElement): number => {
    const size = attribute(pages, 'size');
    if (!size) return fail(pages, "has no size='…' attribute");
    return kib(pages, size.value, size.range, 'page size');
  };

  const host = firstChild(root, 'host');
  if (!host) return fail(root, 'has no <host> element: not the output of `virsh capabilities`');
  const topology = firstChild(host, 'topology');
  const cells = firstChild(topology, 'cells');
  if (!topology || !cells) {
    // Hypervisor drivers without NUMA information (or a libvirt that could not read it) print no <topology>.
    return fail(
      host,
      'has no <topology><cells>: this capabilities document says nothing about NUMA nodes, their CPUs or memory, ' +
        'so no host snapshot can be made from it (run `kvmlint snapshot` on the host instead)',
    );
  }

  const notes: string[] = [];
  const missing = new Set(CAPABILITIES_NEVER_HAS);

  // libvirt lists the system page size first, then the hugepage sizes (virCapabilitiesInitPages).
  const hostPageSizes = childrenNamed(firstChild(host, 'cpu'), 'pages').map(pageSize);
  const cellList = childrenNamed(cells, 'cell');
  if (cellList.length === 0) return fail(cells, 'has no <cell>: no NUMA node to describe');
  if (cellList.length > MAX_HOST_NODES) return fail(cells, `has ${cellList.length} <cell> elements: Linux has at most ${MAX_HOST_NODES} NUMA nodes`);
  // libvirt writes num= as the number of elements it then lists (capabilities.c virCapabilitiesHostNUMAFormat
  // `<cells num='%d'>` with cells->len, virCapsHostNUMACellCPUFormat `num='%d'` with ncpus). Fewer is a cut or
  // edited copy: a node or CPU left out reads as absent, and every pin to it as offline.
  const counted = (el: XmlElement, listed: number, what: string): void => {
    const num = intAttr(el, 'num', false);
    if (num !== undefined && num !== listed) {
      fail(el, `num='${num}' but ${listed} <${what}> element${listed === 1 ? '' : 's'} ${listed === 1 ? 'follows' : 'follow'}: libvirt lists as many as it counts, so this copy was cut or edited`, attribute(el, 'num')!.range);
    }
  };
  counted(cells, cellList.length, 'cell');
  const firstCellPages = childrenNamed(cellList[0], 'pages');
  const basePageKiB = hostPageSizes[0] ?? (firstCellPages.length > 0 ? firstCellPages.map(pageSize).reduce((a, b) => Math.min(a, b)) : undefined);

  const nodes: SnapshotNode[] = [];
  const topologyEntries: SnapshotCpu[] = [];
  const cellOfCpu = new Map<number, number>();
  const cellIds = new Map<number, XmlElement>();
  const siblingsOf: Array<{ node: SnapshotNode; el: XmlElement; values: Map<number, number> } | undefined> = [];
  let anyTopology = false;
  let anyPages = false;

  for (const cell of cellList) {
    const id = intAttr(cell, 'id', true)!;
    if (cellIds.has(id)) fail(cell, `cell id ${id} appears twice`, attribute(cell, 'id')!.range);
    cellIds.set(id, cell);

    const cpuIds: number[] = [];
    const cpusEl = firstChild(cell, 'cpus');
    const cpuEls = childrenNamed(cpusEl, 'cpu');
    if (cpusEl) counted(cpusEl, cpuEls.length, 'cpu');
    for (const cpuEl of cpuEls) {
      const cpu = intAttr(cpuEl, 'id', true)!;
      const other = cellOfCpu.get(cpu);
      if (other !== undefined) {
        const why = other === id ? `CPU ${cpu} is listed twice in cell ${id}` : `CPU ${cpu} is also in cell ${other}; a CPU belongs to one node`;
        fail(cpuEl, why, attribute(cpuEl, 'id')!.range);
      }
      cellOfCpu.set(cpu, id);
      cpuIds.push(cpu);
      const entry: SnapshotCpu = { cpu, node: id };
      const socket = intAttr(cpuEl, 'socket_id', false);
      const die = intAttr(cpuEl, 'die_id', false);
      const core = intAttr(cpuEl, 'core_id', false);
      if (socket !== undefined) entry.socket = socket;
      if (die !== undefined) entry.die = die;
      if (core !== undefined) entry.core = core;
      const siblings = attribute(cpuEl, 'siblings');
      if (siblings) {
        const r = parseSnapshotCpuList(siblings.value, 'kernel');
        if (!r.ok) fail(cpuEl, `siblings='${siblings.value}' is not a CPU list: ${r.error}`, siblings.range);
        else entry.siblings = { raw: siblings.value, parsed: r.value.toString() };
      }
      if (socket !== undefined || core !== undefined || siblings) anyTopology = true;
      topologyEntries.push(entry);
    }
    // The cell lists its CPUs one element each; the raw list is those ids in document order.
    const set = CpuSet.fromIds(cpuIds);
    const node: SnapshotNode = { id, cpus: { raw: cpuIds.join(','), parsed: set.toString() } };

    const memory = firstChild(cell, 'memory');
    if (memory) node.memTotalKiB = kib(memory, memory.text, memory.contentRange, 'memory');

    const pools: SnapshotHugepagePool[] = [];
    for (const pages of childrenNamed(cell, 'pages')) {
      const size = pageSize(pages);
      if (size === basePageKiB) continue; // the system page size: memory not in hugepages, not a pool
      const count = pages.text.trim();
      if (!/^\d+$/.test(count)) fail(pages, `page count ${JSON.stringify(count)} is not a whole number`, pages.contentRange);
      if (!Number.isSafeInteger(Number(count))) fail(pages, `page count ${excerpt(count, 24)} is larger than ${Number.MAX_SAFE_INTEGER}`, pages.contentRange);
      if (pools.some((p) => p.sizeKiB === size)) fail(pages, `page size ${size} KiB appears twice in this cell`);
      pools.push({ sizeKiB: size, total: Number(count) });
      anyPages = true;
    }
    if (pools.length > 0) node.hugepages = pools.sort((a, b) => a.sizeKiB - b.sizeKiB);

    const distances = firstChild(cell, 'distances');
    if (distances) {
      const values = new Map<number, number>();
      for (const sib of childrenNamed(distances, 'sibling')) {
        const to = intAttr(sib, 'id', true)!;
        // virNumaDistanceFormat writes one <sibling> per node; a second for one node (an edit) kept the last silently.
        if (values.has(to)) fail(sib, `a second distance to cell ${to}`, attribute(sib, 'id')!.range);
        values.set(to, intAttr(sib, 'value', true)!);
      }
      siblingsOf.push({ node, el: distances, values });
    } else siblingsOf.push(undefined);
    nodes.push(node);
  }

  // libvirt writes a cell's <memory> only when it is not 0 (capabilities.c virCapabilitiesHostNUMAFormat:
  // `if (cell->mem)`), and 0 is what virNumaGetNodeMemory gives a node without memory, or every node of a
  // libvirt built without libnuma. So beside cells that have one, a cell without <memory> is memoryless
  // (POWER's CPU-only nodes, EPYC nodes without DIMMs); when no cell has one, the memory is unknown.
  const withMemory = nodes.filter((n) => n.memTotalKiB !== undefined).length;
  if (withMemory === 0) missing.add('node.memTotal');
  else if (withMemory < nodes.length) {
    const memoryless = nodes.filter((n) => n.memTotalKiB === undefined);
    for (const n of memoryless) n.memTotalKiB = 0;
    notes.push(`cell${memoryless.length > 1 ? 's' : ''} ${memoryless.map((n) => n.id).join(', ')} ${memoryless.length > 1 ? 'have' : 'has'} no <memory>: libvirt leaves it out for a node without memory, so ${memoryless.length > 1 ? 'they are' : 'it is'} read as memoryless`);
  }

  // Distances in the order of `nodes`, as the snapshot stores them.
  for (const entry of siblingsOf) {
    if (!entry) continue;
    const row = nodes.map((n) => entry.values.get(n.id));
    if (row.every((v): v is number => v !== undefined)) entry.node.distances = row;
    else {
      const lacking = nodes.filter((n) => !entry.values.has(n.id)).map((n) => n.id);
      notes.push(`${xpath(entry.el)} gives no distance to cell${lacking.length > 1 ? 's' : ''} ${lacking.join(', ')}; cell ${entry.node.id}'s distances left out`);
    }
  }
  if (nodes.some((n) => n.distances === undefined)) missing.add('node.distances');

  const snapshot: HostSnapshot = { kvmlintHostSnapshot: 1, source: 'virsh-capabilities', nodes };
  if (anyTopology) snapshot.cpuTopology = topologyEntries.sort((a, b) => a.cpu - b.cpu);
  else {
    missing.add('cpuTopology');
    notes.push('the cells list CPU ids only (no socket_id, core_id or siblings): the CPU topology is left out');
  }
  const hugeSizes = new Set<number>(hostPageSizes.filter((s) => s !== basePageKiB));
  for (const n of nodes) for (const p of n.hugepages ?? []) hugeSizes.add(p.sizeKiB);
  if (hugeSizes.size > 0) snapshot.hugepages = { sizesKiB: [...hugeSizes].sort((a, b) => a - b) };
  if (!anyPages) {
    missing.add('hugepages');
    notes.push('the cells carry no <pages>: hugepage pools are unknown');
  }
  if (basePageKiB !== undefined) snapshot.pageSizeKiB = basePageKiB;
  snapshot.missing = [...missing].sort();
  return { snapshot, notes };
}
