/**
 * min-free-kbytes-exceeds-node-free on a captured host: a tree where node 1's min
 * watermark share exceeds its free memory is an error naming node 1; moving node 1's
 * MemFree a page across the threshold computed here (by hand, from the tree's own
 * zoneinfo and sysctls) flips the finding. The threshold is computed independently
 * of src/model/watermarks.ts, so a model that is merely close would fail.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lint } from '../../src/engine/runner.ts';
import type { Diagnostic } from '../../src/engine/types.ts';
import { captureHost } from '../../src/host/capture.ts';
import { formatSnapshot } from '../../src/host/snapshot-json.ts';
import { SYSFS_FIXTURES_DIR } from '../../scripts/gen-sysfs-fixtures.ts';

const TREE = join(SYSFS_FIXTURES_DIR, 'min-free-node-tight');
const RULE = 'min-free-kbytes-exceeds-node-free';
const temps: string[] = [];
after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// The kernel's arithmetic, by hand (mm/page_alloc.c __setup_per_zone_wmarks, 4 KiB pages)

interface Zone {
  node: number;
  name: string;
  managed: bigint;
}

/** Zones with managed pages, read straight from the tree's /proc/zoneinfo. */
function zonesOf(tree: string): Zone[] {
  const text = readFileSync(join(tree, 'proc/zoneinfo'), 'utf8');
  const out: Zone[] = [];
  for (const m of text.matchAll(/^Node (\d+), zone\s+(\w+)\n[\s\S]*?^\s+managed\s+(\d+)$/gm)) {
    if (m[3] !== '0') out.push({ node: Number(m[1]), name: m[2]!, managed: BigInt(m[3]!) });
  }
  return out;
}

/** Per node: Σ zone watermark (KiB) for a given vm.min_free_kbytes. */
function nodeShares(zones: Zone[], minFreeKbytes: number, scale: number): Map<number, { min: number; high: number }> {
  const pagesMin = BigInt(Math.floor(minFreeKbytes / 4));
  const lowmem = zones.filter((z) => z.name !== 'Movable' && z.name !== 'HighMem').reduce((a, z) => a + z.managed, 0n);
  const out = new Map<number, { min: number; high: number }>();
  for (const z of zones) {
    assert.notEqual(z.name, 'Movable', 'this hand computation covers lowmem zones only');
    const tmp = (pagesMin * z.managed) / lowmem;
    const gapScale = (z.managed * BigInt(scale)) / 10000n;
    const gap = tmp / 4n > gapScale ? tmp / 4n : gapScale;
    const s = out.get(z.node) ?? { min: 0, high: 0 };
    s.min += Number(tmp) * 4;
    s.high += Number(tmp + 2n * gap) * 4;
    out.set(z.node, s);
  }
  return out;
}

/** The largest vm.min_free_kbytes keeping every node's min share within its free memory (a plain search). */
function largestSafe(zones: Zone[], scale: number, free: Map<number, number>): number {
  const ok = (m: number): boolean => [...nodeShares(zones, m, scale)].every(([n, s]) => s.min <= free.get(n)!);
  let lo = 0;
  let hi = 2147483647;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------

function meminfoFree(tree: string, node: number): number {
  const text = readFileSync(join(tree, `sys/devices/system/node/node${node}/meminfo`), 'utf8');
  return Number(new RegExp(`^Node ${node} MemFree:\\s+(\\d+) kB$`, 'm').exec(text)![1]);
}

/** A copy of the tight tree with node `node`'s MemFree set, as `Node 1 MemFree:` reads in nodeN/meminfo. */
function treeWithFree(node: number, freeKiB: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-minfree-'));
  temps.push(dir);
  const tree = join(dir, 'root');
  cpSync(TREE, tree, { recursive: true, verbatimSymlinks: true });
  const file = join(tree, `sys/devices/system/node/node${node}/meminfo`);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(new RegExp(`^(Node ${node} MemFree:\\s+)\\d+( kB)$`, 'm'), (_, a: string, b: string) => `${a}${String(freeKiB).padStart(8)}${b}`);
  assert.notEqual(edited, text);
  writeFileSync(file, edited);
  return tree;
}

/** Captures the tree (`kvmlint snapshot --root`), writes the JSON, and lints `domains` against it. */
async function lintAgainstCapture(tree: string, domains: Record<string, string> = {}): Promise<{ findings: Diagnostic[]; hostText: string }> {
  const dir = join(tree, '..');
  const hostText = formatSnapshot(captureHost({ root: tree, now: new Date(0) }).snapshot);
  writeFileSync(join(dir, 'host.json'), hostText);
  const paths: string[] = [];
  for (const [name, text] of Object.entries(domains)) {
    writeFileSync(join(dir, name), text);
    paths.push(join(dir, name));
  }
  // No domain at all is a host-only lint here, not a wrong path.
  const r = await lint({ paths, hostFile: join(dir, 'host.json'), cwd: dir, allowNoDomains: paths.length === 0 });
  return { findings: r.diagnostics.filter((d) => d.ruleId === RULE), hostText };
}

function smallPageGuest(name: string, kib: number, nodeset: string, mode = 'strict'): string {
  return `<domain type='kvm'>
  <name>${name}</name>
  <memory unit='KiB'>${kib}</memory>
  <vcpu placement='static'>2</vcpu>
  <numatune>
    <memory mode='${mode}' nodeset='${nodeset}'/>
  </numatune>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
  </os>
</domain>
`;
}

const zones = zonesOf(TREE);
const minFreeKbytes = Number(readFileSync(join(TREE, 'proc/sys/vm/min_free_kbytes'), 'utf8'));
const scale = Number(readFileSync(join(TREE, 'proc/sys/vm/watermark_scale_factor'), 'utf8'));
const shares = nodeShares(zones, minFreeKbytes, scale);
const node1Min = shares.get(1)!.min;
const node1High = shares.get(1)!.high;

describe('min-free-kbytes-exceeds-node-free on a captured host', () => {
  it('the fixture is what it claims: node 1\'s min share exceeds its MemFree, node 0 is comfortable', () => {
    assert.ok(node1Min > meminfoFree(TREE, 1), `node 1 min ${node1Min} KiB vs free ${meminfoFree(TREE, 1)} KiB`);
    assert.ok(shares.get(0)!.high < meminfoFree(TREE, 0), 'node 0 is above its high watermark');
  });

  it('reports an error on the snapshot\'s vm.min_free_kbytes naming node 1, with the exact largest safe value', async () => {
    const { findings, hostText } = await lintAgainstCapture(treeWithFree(1, meminfoFree(TREE, 1)));
    assert.equal(findings.length, 1);
    const f = findings[0]!;
    assert.equal(f.severity, 'error');
    assert.match(f.message, /^vm\.min_free_kbytes=2097152: node 1's min watermark /);
    assert.ok(f.message.includes(`${node1Min} KiB`) || f.message.includes(`${node1Min / 1024} MiB`), `message gives node 1's min share ${node1Min} KiB: ${f.message}`);
    const free = new Map([
      [0, meminfoFree(TREE, 0)],
      [1, meminfoFree(TREE, 1)],
    ]);
    assert.match(f.help ?? '', new RegExp(`^set vm.min_free_kbytes to at most ${largestSafe(zones, scale, free)}:`));
    // Reported at the value in the host snapshot.
    const lineOfValue = hostText.slice(0, hostText.indexOf('"minFreeKbytes"')).split('\n').length;
    assert.equal(f.line, lineOfValue);
    assert.equal(hostText.slice(f.range.start, f.range.end), '2097152');
  });

  it('one page below the computed threshold is an error; at the threshold it is not (exact, not approximate)', async () => {
    for (const pagesBelow of [3, 1]) {
      const { findings } = await lintAgainstCapture(treeWithFree(1, node1Min - 4 * pagesBelow));
      assert.deepEqual(
        findings.map((f) => [f.severity, /node 1's min watermark/.test(f.message)]),
        [['error', true]],
        `${pagesBelow} page(s) below`,
      );
    }
    for (const pagesAbove of [0, 1, 3]) {
      const { findings } = await lintAgainstCapture(treeWithFree(1, node1Min + 4 * pagesAbove));
      // Between min and high the node still never lets kswapd rest: a warning, not the error.
      assert.deepEqual(
        findings.map((f) => [f.severity, /node 1 a high watermark/.test(f.message)]),
        [['warning', true]],
        `${pagesAbove} page(s) above`,
      );
    }
  });

  it('the high watermark warning flips at its own exact threshold', async () => {
    assert.equal((await lintAgainstCapture(treeWithFree(1, node1High - 4))).findings.map((f) => f.severity).join(), 'warning');
    assert.deepEqual((await lintAgainstCapture(treeWithFree(1, node1High))).findings, []);
  });

  it('with a plan, a strict small-page guest bound to node 1 moves the threshold by exactly its memory', async () => {
    const guest = 262144; // 256 MiB
    const plan = { 'tenant.xml': smallPageGuest('tenant', guest, '1') };
    const at = await lintAgainstCapture(treeWithFree(1, node1High + guest), plan);
    assert.deepEqual(at.findings, [], 'free memory minus the guest equals the high share: no finding');
    const below = await lintAgainstCapture(treeWithFree(1, node1Min + guest - 4), plan);
    assert.deepEqual(
      below.findings.map((f) => f.severity),
      ['error'],
    );
    assert.match(below.findings[0]!.message, /after 256 MiB of a guest$/);
    assert.match(below.findings[0]!.related?.[0]?.message ?? '', /^tenant .*binds memory to node 1 here$/);
    // The same guest with a preferred binding may fall back to node 0: not counted.
    const preferred = await lintAgainstCapture(treeWithFree(1, node1High + 4), { 'tenant.xml': smallPageGuest('tenant', guest, '1', 'preferred') });
    assert.deepEqual(preferred.findings, []);
  });
});
