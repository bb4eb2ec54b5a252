/**
 * `kvmlint snapshot` on this machine's real /sys and /proc, checked against the
 * same files read here independently (with parsing written for this test, not the
 * capture code's), value by value: every node, CPU, hugepage pool and zone. Then the
 * watermark model, fed the captured zones and sysctls, must print what the kernel
 * prints in /proc/zoneinfo for every zone.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.ts';
import { captureHost } from '../../src/host/capture.ts';
import { formatSnapshot } from '../../src/host/snapshot-json.ts';
import { loadHostSnapshotText } from '../../src/host/load.ts';
import type { HostSnapshot, SnapshotCpu, SnapshotCpuList } from '../../src/model/host.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { computeZoneWatermarks, hostWatermarkZones } from '../../src/model/watermarks.ts';

const linux = process.platform === 'linux' && existsSync('/sys/devices/system/cpu/online') && existsSync('/proc/zoneinfo');

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function line(path: string): string | undefined {
  return read(path)?.replace(/\n$/, '');
}

/** Kernel %*pbl output → ids, written here from scratch (ranges and single ids only: what sysfs prints). */
function ids(list: string): number[] {
  const out: number[] = [];
  for (const part of list.trim().split(',').filter((p) => p !== '')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    assert.ok(m, `unexpected sysfs list item ${part}`);
    for (let i = Number(m[1]); i <= Number(m[2] ?? m[1]); i++) out.push(i);
  }
  return out;
}

function listIds(list: SnapshotCpuList | undefined): number[] | undefined {
  if (list === undefined) return undefined;
  assert.equal(typeof list, 'object', 'captured CPU lists are {raw, parsed}');
  const l = list as { raw: string; parsed?: string };
  assert.equal(ids(l.parsed ?? '').join(','), ids(l.raw).join(','), `parsed ${l.parsed} means raw ${l.raw}`);
  return ids(l.raw);
}

interface IndependentZone {
  node: number;
  name: string;
  boost: number;
  min: number;
  low: number;
  high: number;
  promo?: number;
  present: number;
  managed: number;
}

function zoneinfo(): IndependentZone[] {
  const out: IndependentZone[] = [];
  const text = readFileSync('/proc/zoneinfo', 'utf8');
  for (const block of text.split(/^(?=Node \d+, zone)/m).filter((b) => b.startsWith('Node'))) {
    const head = /^Node (\d+), zone\s+(\S+)/.exec(block)!;
    const afterFree = block.slice(block.indexOf('  pages free'));
    const field = (name: string): number | undefined => {
      const m = new RegExp(`^\\s+${name}\\s+(\\d+)$`, 'm').exec(afterFree);
      return m ? Number(m[1]) : undefined;
    };
    const z: IndependentZone = {
      node: Number(head[1]),
      name: head[2]!,
      boost: field('boost') ?? 0,
      min: field('min')!,
      low: field('low')!,
      high: field('high')!,
      present: field('present')!,
      managed: field('managed')!,
    };
    const promo = field('promo');
    if (promo !== undefined) z.promo = promo;
    out.push(z);
  }
  return out;
}

interface Independent {
  possible: number[];
  present: number[];
  online: number[];
  nodes: Array<{
    id: number;
    cpus: number[];
    memTotalKiB: number;
    memFreeKiB: number;
    reclaimableKiB: number;
    distances: number[];
    pools: Array<{ sizeKiB: number; total: number; free: number; surplus: number }>;
  }>;
  cpus: Array<{ cpu: number; socket?: number; die?: number; core?: number; siblings?: number[]; online: boolean }>;
  zones: IndependentZone[];
  minFreeKbytes: number;
  watermarkScaleFactor: number;
  cmdline: string;
  hostname: string;
  osrelease: string;
  hugepageSizes: number[];
  defaultHugepageKiB: number | undefined;
  isolated: number[] | undefined;
  nohzFull: number[] | undefined;
}

function readIndependently(): Independent {
  const cpuDir = '/sys/devices/system/cpu';
  const nodeDir = '/sys/devices/system/node';
  const online = ids(line(`${cpuDir}/online`)!);
  const nodeIds = readdirSync(nodeDir)
    .filter((e) => /^node\d+$/.test(e))
    .map((e) => Number(e.slice(4)))
    .sort((a, b) => a - b);
  const kb = (text: string, key: string): number => Number(new RegExp(`^Node \\d+ ${key}:\\s+(\\d+) kB$`, 'm').exec(text)![1]);
  const nodes = nodeIds.map((id) => {
    const d = `${nodeDir}/node${id}`;
    const meminfo = readFileSync(`${d}/meminfo`, 'utf8');
    const pools = (existsSync(`${d}/hugepages`) ? readdirSync(`${d}/hugepages`) : [])
      .map((e) => Number(/^hugepages-(\d+)kB$/.exec(e)![1]))
      .sort((a, b) => a - b)
      .map((sizeKiB) => {
        const h = `${d}/hugepages/hugepages-${sizeKiB}kB`;
        return { sizeKiB, total: Number(line(`${h}/nr_hugepages`)), free: Number(line(`${h}/free_hugepages`)), surplus: Number(line(`${h}/surplus_hugepages`)) };
      });
    return {
      id,
      cpus: ids(line(`${d}/cpulist`)!),
      memTotalKiB: kb(meminfo, 'MemTotal'),
      memFreeKiB: kb(meminfo, 'MemFree'),
      reclaimableKiB: kb(meminfo, 'Active\\(file\\)') + kb(meminfo, 'Inactive\\(file\\)') + kb(meminfo, 'SReclaimable'),
      distances: line(`${d}/distance`)!.trim().split(/\s+/).map(Number),
      pools,
    };
  });
  const cpus = readdirSync(cpuDir)
    .filter((e) => /^cpu\d+$/.test(e))
    .map((e) => Number(e.slice(3)))
    .sort((a, b) => a - b)
    .map((cpu) => {
      const t = `${cpuDir}/cpu${cpu}/topology`;
      const num = (f: string): number | undefined => (line(`${t}/${f}`) === undefined ? undefined : Number(line(`${t}/${f}`)));
      const sib = line(`${t}/thread_siblings_list`);
      const onlineFile = line(`${cpuDir}/cpu${cpu}/online`);
      return {
        cpu,
        socket: num('physical_package_id'),
        die: num('die_id'),
        core: num('core_id'),
        siblings: sib === undefined ? undefined : ids(sib),
        online: onlineFile === undefined ? online.includes(cpu) : onlineFile.trim() === '1',
      };
    });
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const hp = /^Hugepagesize:\s+(\d+) kB$/m.exec(meminfo);
  const iso = line(`${cpuDir}/isolated`);
  const nohz = line(`${cpuDir}/nohz_full`);
  return {
    possible: ids(line(`${cpuDir}/possible`)!),
    present: ids(line(`${cpuDir}/present`)!),
    online,
    nodes,
    cpus,
    zones: zoneinfo(),
    minFreeKbytes: Number(line('/proc/sys/vm/min_free_kbytes')),
    watermarkScaleFactor: Number(line('/proc/sys/vm/watermark_scale_factor')),
    cmdline: line('/proc/cmdline')!.trim(),
    hostname: line('/proc/sys/kernel/hostname')!.trim(),
    osrelease: line('/proc/sys/kernel/osrelease')!.trim(),
    hugepageSizes: existsSync('/sys/kernel/mm/hugepages')
      ? readdirSync('/sys/kernel/mm/hugepages')
          .map((e) => Number(/^hugepages-(\d+)kB$/.exec(e)![1]))
          .sort((a, b) => a - b)
      : [],
    defaultHugepageKiB: hp ? Number(hp[1]) : undefined,
    isolated: iso === undefined ? undefined : ids(iso === '(null)' ? '' : iso),
    nohzFull: nohz === undefined ? undefined : ids(nohz === '(null)' ? '' : nohz),
  };
}

/** Runs `kvmlint snapshot` in this process (the real command, stdout captured). */
async function snapshotCommand(): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['snapshot'], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: process.cwd(),
    env: {},
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/**
 * Free memory and free hugepages move while we read. Capture between two
 * independent reads until both reads agree, so the capture must equal them exactly.
 */
async function stableCapture(): Promise<{ snapshot: HostSnapshot; text: string; host: Independent }> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const before = readIndependently();
    const { code, stdout, stderr } = await snapshotCommand();
    const after = readIndependently();
    assert.equal(code, 0, stderr);
    try {
      assert.deepEqual(after, before);
    } catch {
      continue;
    }
    return { snapshot: loadHostSnapshotText(stdout, 'this-host.json'), text: stdout, host: before };
  }
  assert.fail('this host\'s memory counters never held still across a capture in 100 attempts');
}

describe('kvmlint snapshot on this machine', { skip: !linux && 'needs Linux /sys and /proc' }, () => {
  it('captures every node, CPU, hugepage pool and zone exactly as the kernel reports them', async () => {
    const { snapshot: s, host } = await stableCapture();
    assert.equal(s.source, 'capture');
    assert.equal(s.hostname, host.hostname);
    assert.equal(s.kernelRelease, host.osrelease);
    assert.equal(s.kernel?.cmdline, host.cmdline);
    assert.deepEqual(listIds(s.cpus?.possible), host.possible);
    assert.deepEqual(listIds(s.cpus?.present), host.present);
    assert.deepEqual(listIds(s.cpus?.online), host.online);

    assert.deepEqual(
      s.nodes.map((n) => n.id),
      host.nodes.map((n) => n.id),
    );
    for (const want of host.nodes) {
      const got = s.nodes.find((n) => n.id === want.id)!;
      assert.deepEqual(listIds(got.cpus), want.cpus, `node ${want.id} cpus`);
      assert.equal(got.memTotalKiB, want.memTotalKiB, `node ${want.id} MemTotal`);
      assert.equal(got.memFreeKiB, want.memFreeKiB, `node ${want.id} MemFree`);
      // Page cache moves between two reads more than MemFree does: within 64 MiB of the independent sum.
      assert.ok(Math.abs(got.reclaimableKiB! - want.reclaimableKiB) <= 65536, `node ${want.id} reclaimable: ${got.reclaimableKiB} against ${want.reclaimableKiB}`);
      assert.deepEqual(got.distances, want.distances, `node ${want.id} distances`);
      assert.deepEqual(got.hugepages ?? [], want.pools, `node ${want.id} hugepage pools`);
      const zones = host.zones.filter((z) => z.node === want.id);
      assert.deepEqual(
        got.zones,
        zones.map((z) => ({ name: z.name, managedPages: z.managed, presentPages: z.present, min: z.min - z.boost, low: z.low - z.boost, high: z.high - z.boost })),
        `node ${want.id} zones`,
      );
    }
    assert.equal(s.nodes.reduce((a, n) => a + (n.zones?.length ?? 0), 0), host.zones.length, 'every zone of /proc/zoneinfo is captured');

    assert.equal(s.cpuTopology?.length, host.cpus.length);
    for (const want of host.cpus) {
      const got: SnapshotCpu = s.cpuTopology!.find((c) => c.cpu === want.cpu)!;
      assert.ok(got, `cpu${want.cpu} captured`);
      assert.equal(got.socket, want.socket, `cpu${want.cpu} socket`);
      assert.equal(got.die, want.die, `cpu${want.cpu} die`);
      assert.equal(got.core, want.core, `cpu${want.cpu} core`);
      assert.deepEqual(listIds(got.siblings), want.siblings, `cpu${want.cpu} siblings`);
      assert.equal(got.online ?? true, want.online, `cpu${want.cpu} online`);
      const node = host.nodes.find((n) => n.cpus.includes(want.cpu));
      if (node) assert.equal(got.node, node.id, `cpu${want.cpu} node`);
      const capacity = line(`/sys/devices/system/cpu/cpu${want.cpu}/cpu_capacity`);
      assert.equal(got.capacity, capacity === undefined ? undefined : Number(capacity), `cpu${want.cpu} cpu_capacity`);
      const type = (['core', 'atom', 'lowpower'] as const).find((t) => ids(line(`/sys/devices/cpu_${t}/cpus`) ?? '').includes(want.cpu));
      assert.equal(got.coreType, type, `cpu${want.cpu} hybrid core type`);
    }

    assert.equal(s.vm?.minFreeKbytes, host.minFreeKbytes);
    assert.equal(s.vm?.watermarkScaleFactor, host.watermarkScaleFactor);
    assert.deepEqual(s.hugepages?.sizesKiB, host.hugepageSizes);
    assert.equal(s.hugepages?.defaultSizeKiB, host.defaultHugepageKiB);
    assert.deepEqual(listIds(s.isolation?.isolated), host.isolated);
    assert.deepEqual(listIds(s.isolation?.nohzFull), host.nohzFull);
    if (host.nohzFull === undefined) assert.ok(s.missing?.includes('isolation.nohzFull'), 'an absent nohz_full file is listed as missing');
    if (!existsSync('/etc/tuned')) {
      assert.equal(s.tuned, undefined);
      assert.ok(s.missing?.includes('tuned'), 'no /etc/tuned: listed as missing');
    }
    // The page size is derived from MemTotal / managed pages; getconf asks the C library.
    assert.equal(s.pageSizeKiB, Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) / 1024);
  });

  it('reads per-CPU capacity and hybrid core types as /sys has them; classes only when the CPUs really differ', async () => {
    const { snapshot: s } = await stableCapture();
    const capacities = new Set(s.cpuTopology!.flatMap((c) => (c.capacity === undefined ? [] : [c.capacity])));
    const hybrid = existsSync('/sys/devices/cpu_core/cpus') && existsSync('/sys/devices/cpu_atom/cpus');
    const classes = buildHostModel(s).cpuClasses;
    // A machine whose CPUs are alike (this CI's) has no cpu_capacity file, or 1024 on every CPU, and no classes.
    if (!hybrid && capacities.size <= 1) assert.equal(classes, undefined);
    if (hybrid) assert.deepEqual(classes?.classes.slice(0, 2).map((c) => c.label), ['P-cores', 'E-cores']);
  });

  it('the watermark model gives the min, low and high /proc/zoneinfo shows for every zone', async () => {
    const { snapshot: s, host } = await stableCapture();
    const model = buildHostModel(s);
    const { zones, approximatedNodes } = hostWatermarkZones(model);
    assert.deepEqual(approximatedNodes, [], 'zoneinfo was captured, so nothing is approximated');
    const computed = computeZoneWatermarks(zones, model.minFreeKbytes!, model.watermarkScaleFactor, model.pageSizeKiB);
    assert.equal(computed.length, host.zones.length);
    assert.ok(computed.length > 0, 'this host has zones');
    for (const z of host.zones) {
      const c = computed.find((w) => w.node === z.node && w.name === z.name)!;
      const where = `node ${z.node} zone ${z.name}`;
      assert.equal(c.min, z.min - z.boost, `${where} min`);
      assert.equal(c.low, z.low - z.boost, `${where} low`);
      assert.equal(c.high, z.high - z.boost, `${where} high`);
      if (z.promo !== undefined) assert.equal(c.promo, z.promo - z.boost, `${where} promo`);
    }
  });

  it('prints pretty JSON that starts with the schema URL, format version and source, and round-trips through load', async () => {
    const { text } = await stableCapture();
    assert.match(text, /^\{\n {2}"\$schema": "https:\/\/raw\.githubusercontent\.com\/kvmlint\/kvmlint\/main\/schemas\/host-snapshot\.schema\.json",\n {2}"kvmlintHostSnapshot": 1,\n {2}"source": "capture",/);
    assert.ok(text.endsWith('}\n'), 'ends with the closing brace and a newline');
    // Round trip: this capture, written and loaded again, is the same snapshot and prints the same bytes.
    const { snapshot } = captureHost();
    const written = formatSnapshot(snapshot);
    const loaded = loadHostSnapshotText(written, 'this-host.json') as HostSnapshot & { $schema?: string };
    const { $schema: _schema, ...rest } = loaded;
    assert.deepEqual(rest, snapshot);
    assert.equal(formatSnapshot(loaded), written);
  });
});
