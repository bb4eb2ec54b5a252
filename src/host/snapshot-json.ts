/**
 * Host snapshots as pretty JSON with a stable key order (schema order) and one line
 * per small fact, so they diff well in git. Used by `kvmlint snapshot` and the tests.
 */
import type { HostSnapshot } from '../model/host.ts';
import { escapeJsonControls } from '../formats/neutralise.ts';

/** The `$schema` written into captured snapshots: the schema's own `$id`. */
export const HOST_SNAPSHOT_SCHEMA_URL = 'https://raw.githubusercontent.com/kvmlint/kvmlint/main/schemas/host-snapshot.schema.json';

/** Key order of each object kind; keys not listed follow in alphabetical order. */
const KEY_ORDER: Record<string, readonly string[]> = {
  snapshot: [
    '$schema',
    'kvmlintHostSnapshot',
    'source',
    'hostname',
    'kernelRelease',
    'libvirtVersion',
    'capturedAt',
    'missing',
    'cpus',
    'nodes',
    'hugepages',
    'pageSizeKiB',
    'vm',
    'kernel',
    'isolation',
    'tuned',
    'cpuTopology',
    'libvirt',
    'running',
  ],
  cpus: ['possible', 'present', 'online'],
  cpuList: ['raw', 'parsed'],
  node: ['id', 'cpus', 'memTotalKiB', 'memFreeKiB', 'reclaimableKiB', 'distances', 'hugepages', 'zones'],
  pool: ['sizeKiB', 'total', 'free', 'surplus'],
  zone: ['name', 'managedPages', 'presentPages', 'min', 'low', 'high'],
  hugepages: ['defaultSizeKiB', 'sizesKiB', 'overcommit'],
  overcommit: ['sizeKiB', 'pages'],
  vm: ['minFreeKbytes', 'watermarkScaleFactor'],
  kernel: ['cmdline', 'rtRuntimeUs', 'rtPeriodUs'],
  isolation: ['isolated', 'nohzFull'],
  tuned: ['activeProfile', 'includes', 'isolatedCores', 'noBalanceCores'],
  cpu: ['cpu', 'node', 'socket', 'die', 'core', 'siblings', 'online', 'capacity', 'coreType'],
  running: ['isolatedCpus', 'guests', 'foreignTasks', 'irqs'],
  guest: ['name', 'uuid', 'pid', 'rolesFrom', 'threads', 'memory', 'cellMemory'],
  thread: ['tid', 'role', 'id', 'name', 'allowedCpus', 'lastCpu', 'policy', 'priority'],
  guestMemory: ['node', 'pageSizeKiB', 'kib'],
  guestCellMemory: ['cell', 'node', 'pageSizeKiB', 'kib'],
  task: ['pid', 'tid', 'name', 'kernelThread', 'allowedCpus', 'lastCpu'],
  irq: ['irq', 'name', 'affinity', 'effectiveAffinity'],
  libvirt: ['definitions', 'hugepageHooks', 'numad'],
  hugepageHook: ['guest', 'allGuests', 'hooks', 'hostWide', 'hookNodes'],
  definition: ['file', 'name', 'uuid', 'digest', 'elements'],
  elements: ['memory', 'vcpu', 'cputune', 'numatune', 'memoryBacking', 'cpu'],
};

/** What kind of object sits at a path (for its key order). */
function kindAt(path: readonly (string | number)[]): string | undefined {
  const p = path.map((s) => (typeof s === 'number' ? '#' : s)).join('.');
  switch (p) {
    case '':
      return 'snapshot';
    case 'cpus':
    case 'hugepages':
    case 'vm':
    case 'kernel':
    case 'isolation':
    case 'tuned':
      return p;
    case 'nodes.#':
      return 'node';
    case 'nodes.#.hugepages.#':
      return 'pool';
    case 'hugepages.overcommit.#':
      return 'overcommit';
    case 'nodes.#.zones.#':
      return 'zone';
    case 'cpuTopology.#':
      return 'cpu';
    case 'running':
    case 'libvirt':
      return p;
    case 'running.guests.#':
      return 'guest';
    case 'running.guests.#.threads.#':
      return 'thread';
    case 'running.guests.#.memory.#':
      return 'guestMemory';
    case 'running.guests.#.cellMemory.#':
      return 'guestCellMemory';
    case 'running.foreignTasks.#':
      return 'task';
    case 'running.irqs.#':
      return 'irq';
    case 'libvirt.definitions.#':
      return 'definition';
    case 'libvirt.definitions.#.elements':
      return 'elements';
    case 'libvirt.hugepageHooks.#':
      return 'hugepageHook';
    default:
      return /^(cpus\.\w+|nodes\.#\.cpus|cpuTopology\.#\.siblings|isolation\.\w+|tuned\.\w+|running\.isolatedCpus|running\.guests\.#\.threads\.#\.allowedCpus|running\.foreignTasks\.#\.allowedCpus|running\.irqs\.#\.\w+)$/.test(p)
        ? 'cpuList'
        : undefined;
  }
}

function ordered(value: unknown, path: (string | number)[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => ordered(v, [...path, i]));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const order = KEY_ORDER[kindAt(path) ?? ''] ?? [];
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const known = order.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !order.includes(k)).sort();
  const out: Record<string, unknown> = {};
  for (const k of [...known, ...rest]) out[k] = ordered(obj[k], [...path, k]);
  return out;
}

const LINE_WIDTH = 150;

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

function pretty(value: unknown, indent: string, prefixWidth: number, top: boolean): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Small leaves (a zone, a pool, one CPU, a distance row) stay on one line: one line per fact diffs best.
  // A list of objects (zones, pools, CPUs) always gets one line per entry.
  const listOfObjects = Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object');
  const one = inline(value);
  if (!top && !listOfObjects && indent.length + prefixWidth + one.length <= LINE_WIDTH) return one;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${pretty(v, inner, 0, false)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      return `${inner}${key}${pretty(v, inner, key.length, false)}`;
    })
    .join(',\n')}\n${indent}}`;
}

/**
 * A snapshot as pretty JSON with a stable key order (schema order) and one line
 * per small fact, ending in a newline. The same snapshot always gives the same text.
 */
export function formatSnapshot(snapshot: HostSnapshot): string {
  // Written files move between directories, so a relative `$schema` would break: always the schema's URL.
  const doc = { ...snapshot, $schema: HOST_SNAPSHOT_SCHEMA_URL } as Record<string, unknown>;
  // Escaped so a hostname or cmdline holding a C1 or bidi control cannot act on the terminal it is printed on.
  return `${escapeJsonControls(pretty(ordered(doc, []), '', 0, true))}\n`;
}
