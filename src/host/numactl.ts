/**
 * Imports `numactl --hardware` text (numactl.c `hardware()`) as a host snapshot:
 *
 *   available: 2 nodes (0-1)
 *   node 0 cpus: 0 1 2 3
 *   node 0 size: 65536 MB
 *   node 0 free: 42000 MB
 *   ...
 *   node distances:
 *   node   0   1
 *     0:  10  21
 *     1:  21  10
 *
 * "MB" there is MiB (numactl prints bytes >> 20), rounded down. numactl says nothing
 * about hugepages, CPU topology, zones, sysctls or isolation: those are listed as
 * missing and the rules needing them stay silent.
 */
import { MAX_HOST_NODES, type HostSnapshot, type SnapshotNode } from '../model/host.ts';
import { parseSnapshotCpuList } from '../model/host-model.ts';
import { HostSnapshotError, type HostImport } from './load.ts';

const NUMACTL_NEVER_HAS = [
  'cpuTopology',
  'hugepages',
  'hugepages.free',
  'isolation',
  'kernel.cmdline',
  'vm.min_free_kbytes',
  'vm.watermark_scale_factor',
  'zoneinfo',
];

const AVAILABLE = /^available:\s+(\d+)\s+nodes?\s+\(([^)]*)\)\s*$/;

/** libnuma's warnings (libnuma.c `numa_warn`), on stderr: captured with `2>&1` they come before numactl's own lines. */
const LIBNUMA_WARNING = /^libnuma: Warning: /;

/**
 * True when the first non-blank line is numactl's `available: N nodes (…)` (or its "No NUMA
 * available" refusal), after any libnuma warnings.
 */
export function looksLikeNumactl(text: string): boolean {
  const first = text.replace(/^\ufeff/, '').split('\n').find((l) => l.trim() !== '' && !LIBNUMA_WARNING.test(l.trim()));
  return first !== undefined && (AVAILABLE.test(first.trim()) || /^No NUMA available on this system/i.test(first.trim()));
}

export function importNumactl(text: string, path: string): HostImport {
  const lines = text.replace(/^\ufeff/, '').split('\n');
  const lineStarts: number[] = [];
  let offset = text.startsWith('\ufeff') ? 1 : 0;
  for (const l of lines) {
    lineStarts.push(offset);
    offset += l.length + 1;
  }
  const fail = (index: number, problem: string): never => {
    const line = lines[index] ?? '';
    throw new HostSnapshotError(path, `line ${index + 1}`, problem, { start: lineStarts[index] ?? 0, end: (lineStarts[index] ?? 0) + line.replace(/\r$/, '').length });
  };

  const notes: string[] = [];
  const nodes = new Map<number, SnapshotNode & { line: number }>();
  const node = (id: number, index: number): SnapshotNode & { line: number } => {
    let n = nodes.get(id);
    if (!n) {
      // Distance rows are checked against every node: more nodes than Linux has would cost their square.
      if (nodes.size >= MAX_HOST_NODES) fail(index, `more than ${MAX_HOST_NODES} nodes: Linux has at most ${MAX_HOST_NODES} NUMA nodes`);
      nodes.set(id, (n = { id, cpus: '', line: index }));
    }
    return n;
  };
  let declared: number | undefined;
  /** Nodes with a `node N cpus:` line (an empty one says "no CPUs"; no line says nothing). */
  const withCpuLine = new Set<number>();
  let header: number[] | undefined;
  const rows = new Map<number, number[]>();
  let inDistances = false;
  /**
   * Where each fact was first given (`available`, `3 cpus`, `3 size`, `3 free`, `row 3`). numactl.c hardware()
   * prints each once, so a second is two outputs in one file (two hosts, or one pasted twice): taking the last
   * silently mixed them, and a second `node 0 cpus:` line replaced the first's CPUs.
   */
  const seenAt = new Map<string, number>();
  const once = (key: string, what: string, index: number): void => {
    const first = seenAt.get(key);
    if (first !== undefined) fail(index, `${what} is given twice (first on line ${first + 1}): numactl --hardware prints it once, so this file holds more than one output`);
    seenAt.set(key, index);
  };

  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    const t = line.trim();
    if (t === '') return;
    let m: RegExpExecArray | null;
    if ((m = AVAILABLE.exec(t))) {
      once('available', 'the "available: N nodes" line', index);
      declared = Number(m[1]);
      return;
    }
    if ((m = /^node\s+(\d+)\s+cpus:(.*)$/.exec(t))) {
      inDistances = false;
      const raw = m[2]!.trim();
      once(`${Number(m[1])} cpus`, `node ${m[1]} cpus`, index);
      const r = parseSnapshotCpuList(raw, 'kernel');
      if (!r.ok) fail(index, `node ${m[1]} cpus: ${JSON.stringify(raw)} is not a list of CPU numbers (${r.error})`);
      else {
        node(Number(m[1]), index).cpus = { raw, parsed: r.value.toString() };
        withCpuLine.add(Number(m[1]));
      }
      return;
    }
    if ((m = /^node\s+(\d+)\s+(size|free):\s*(\S+)(?:\s+(\S+))?$/.exec(t))) {
      // Not `(\S+)\s*(\S*)$`: a long token that fails to match split between the two groups in every way (O(n²)).
      inDistances = false;
      const [, id, what, amount, unit] = m as unknown as [string, string, string, string, string];
      once(`${Number(id)} ${what}`, `node ${id} ${what}`, index);
      if (amount === '<not' && unit === 'available>') {
        // numactl.c fmt_mem: numa_node_size64() failed (no /sys/devices/system/node): unknown, not 0.
        node(Number(id), index);
        notes.push(`node ${id} ${what}: numactl could not read it ("<not available>"): left out`);
        return;
      }
      if (!/^\d+$/.test(amount)) fail(index, `node ${id} ${what}: ${JSON.stringify(amount)} is not a whole number`);
      if (unit !== 'MB') fail(index, `node ${id} ${what}: expected a size in MB, found ${JSON.stringify(unit || 'no unit')}`);
      const kib = Number(amount) * 1024;
      if (!Number.isSafeInteger(kib)) fail(index, `node ${id} ${what}: ${amount} MB is too large`);
      const n = node(Number(id), index);
      if (what === 'size') n.memTotalKiB = kib;
      else n.memFreeKiB = kib;
      return;
    }
    if (/^node distances:$/.test(t)) {
      inDistances = true;
      return;
    }
    if (/^No distance information available\.?$/i.test(t)) {
      inDistances = false;
      notes.push('numactl printed no distance information: distances left out');
      return;
    }
    // The distance table is split into tokens, not matched with a repeated group: a header of millions of
    // entries overflowed the regular expression's stack ("Maximum call stack size exceeded").
    if (inDistances && /^node\s/.test(t)) {
      const ids = numbersAfter(t, 4);
      if (ids !== undefined) {
        if (ids.length > MAX_HOST_NODES) fail(index, `the distance table names ${ids.length} nodes: Linux has at most ${MAX_HOST_NODES}`);
        header = ids;
        return;
      }
    }
    const colon = inDistances && header ? /^(\d+):/.exec(t) : null;
    if (colon) {
      const values = numbersAfter(t, colon[0].length);
      if (values !== undefined) {
        if (values.length !== header!.length) fail(index, `distance row for node ${colon[1]} has ${values.length} values for ${header!.length} nodes`);
        once(`row ${Number(colon[1])}`, `the distance row for node ${colon[1]}`, index);
        rows.set(Number(colon[1]), values);
        return;
      }
    }
    if (/^No NUMA available on this system/i.test(t)) fail(index, 'numactl found no NUMA support on that system: nothing to import');
    // Other lines (newer numactl versions may add some) carry nothing kvmlint reads.
  });

  if (declared === undefined) throw new HostSnapshotError(path, '', 'no "available: N nodes (…)" line: not `numactl --hardware` output');
  const list = [...nodes.values()].sort((a, b) => a.id - b.id);
  if (list.length === 0) throw new HostSnapshotError(path, '', 'no "node N cpus:" lines: no node to import');
  if (declared !== list.length) notes.push(`"available: ${declared} nodes" but ${list.length} nodes are described; using those`);
  // numactl 2.x prints a cpus line for every node, empty for a CPU-less one; 1.0.x left it out when it
  // could not read the node's CPUs. Without it the node's CPUs are unknown, and taking them for none
  // would make every pin to them "offline".
  const noCpuLine = list.find((n) => !withCpuLine.has(n.id));
  if (noCpuLine) fail(noCpuLine.line, `node ${noCpuLine.id} has no "node ${noCpuLine.id} cpus:" line: which CPUs it holds is unknown (numactl before 2.0 left the line out when it could not read them)`);
  // Every machine runs on some CPU: none at all is numactl unable to read the nodes (no /sys/devices/system/node).
  if (list.every((n) => typeof n.cpus === 'string' ? n.cpus.trim() === '' : n.cpus.parsed === '')) {
    fail(list[0]!.line, 'no node lists a CPU: numactl could not read the nodes (was /sys mounted?), so this output describes no host');
  }

  const missing = new Set(NUMACTL_NEVER_HAS);
  for (const n of list) {
    if (n.memTotalKiB === undefined) missing.add('node.memTotal');
    if (n.memFreeKiB === undefined) missing.add('node.memFree');
    const row = rows.get(n.id);
    if (row && header) {
      const byId = new Map(header.map((h, i) => [h, row[i]!] as const));
      const ordered = list.map((o) => byId.get(o.id));
      if (ordered.every((v): v is number => v !== undefined)) n.distances = ordered;
    }
    if (n.distances === undefined) missing.add('node.distances');
  }
  notes.push('numactl prints memory in whole MiB, rounded down: free memory may be up to 1 MiB per node lower than the kernel counts');

  const snapshot: HostSnapshot = {
    kvmlintHostSnapshot: 1,
    source: 'numactl-hardware',
    missing: [...missing].sort(),
    nodes: list.map(({ line: _line, ...n }) => n),
  };
  return { snapshot, notes };
}

/**
 * The whitespace-separated decimal numbers of `line` from `from` on, at least one and each preceded by
 * whitespace; undefined when anything else is there. One pass, no backtracking.
 */
function numbersAfter(line: string, from: number): number[] | undefined {
  const out: number[] = [];
  let i = from;
  while (i < line.length) {
    const spaceStart = i;
    while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
    if (i === spaceStart) return undefined;
    if (i === line.length) break;
    const digitStart = i;
    while (i < line.length && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
    if (i === digitStart) return undefined;
    out.push(Number(line.slice(digitStart, i)));
  }
  return out.length > 0 ? out : undefined;
}
