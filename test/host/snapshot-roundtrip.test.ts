/**
 * Round trips and the `kvmlint snapshot` command as users run it:
 * capture → JSON → load equals the capture; the JSON is stable (same input, same
 * bytes; key order independent of how the object was built); `--host caps.xml`
 * and `--host` the converted JSON give the same findings (and likewise numactl).
 * The CLI runs in a subprocess through `node --import tsx src/main.ts`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { captureHost } from '../../src/host/capture.ts';
import { formatSnapshot } from '../../src/host/snapshot-json.ts';
import { loadHostFile, loadHostSnapshotText } from '../../src/host/load.ts';
import type { HostSnapshot } from '../../src/model/host.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { SYSFS_CASES, SYSFS_FIXTURES_DIR } from '../../scripts/gen-sysfs-fixtures.ts';
import { repoRoot } from '../support/paths.ts';

const temps: string[] = [];
after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'kvmlint-snap-'));
  temps.push(d);
  return d;
}

function kvmlint(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/main.ts'), ...args], {
    cwd: opts.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A snapshot object with its keys inserted in reverse order, recursively: formatting must not depend on it. */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v as object).reverse()) out[k] = reversedKeys((v as Record<string, unknown>)[k]);
  return out;
}

function withoutSchema(s: HostSnapshot): HostSnapshot {
  const { $schema: _schema, ...rest } = s as HostSnapshot & { $schema?: string };
  return rest as HostSnapshot;
}

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

function findings(stdout: string, hostPath: string): Array<Omit<Finding, 'line' | 'column'> & { at: string }> {
  const report = JSON.parse(stdout) as { diagnostics: Finding[] };
  return report.diagnostics
    .map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message.split(hostPath).join('<host>'),
      file: d.file === hostPath ? '<host>' : d.file,
      // Positions in domain files must agree; on the host file the formats differ (XML or text vs JSON).
      at: d.file === hostPath ? '' : `${d.line}:${d.column}`,
    }))
    .sort((a, b) => `${a.file}${a.at}${a.ruleId}${a.message}`.localeCompare(`${b.file}${b.at}${b.ruleId}${b.message}`));
}

/** The host file as the report names it (paths are shown relative to the working directory). */
function hostPathIn(stdout: string, suffix: string): string {
  const files = (JSON.parse(stdout) as { files: string[] }).files;
  const host = files.find((f) => f.endsWith(suffix));
  assert.ok(host, `the report lists the host file ${suffix}`);
  return host;
}

describe('round trip: capture → JSON → load', () => {
  for (const c of SYSFS_CASES) {
    it(`${c.name}: loading the written JSON gives back the capture, and writing it again gives the same bytes`, () => {
      const captured = captureHost({ root: join(SYSFS_FIXTURES_DIR, c.name), now: new Date('2026-03-04T05:06:07Z') }).snapshot;
      const text = formatSnapshot(captured);
      const loaded = loadHostSnapshotText(text, `${c.name}.json`);
      assert.deepEqual(withoutSchema(loaded), captured);
      assert.equal(formatSnapshot(loaded), text);
      assert.equal(formatSnapshot(reversedKeys(captured) as HostSnapshot), text, 'key order is the schema\'s, whatever the object\'s');
      const a = buildHostModel(captured);
      const b = buildHostModel(loaded);
      assert.equal(b.online.toString(), a.online.toString());
      assert.equal(b.housekeeping?.toString(), a.housekeeping?.toString());
      assert.deepEqual([...b.missing].sort(), [...a.missing].sort());
    });
  }

  it('imports round trip too: caps and numactl → JSON → load equals the import', () => {
    for (const f of ['caps-one-cell.xml', 'caps-dual-socket.xml', 'caps-four-cell.xml', 'caps-no-cpu-topology.xml', 'numactl-guide.txt', 'numactl-four-node.txt']) {
      const imported = loadHostFile(join(repoRoot, 'fixtures/host-imports', f)).snapshot;
      const text = formatSnapshot(imported);
      assert.deepEqual(withoutSchema(loadHostSnapshotText(text, 'x.json')), imported, f);
    }
  });
});

describe('kvmlint snapshot (CLI)', () => {
  it('--root DIR -o FILE writes the capture; stable across runs with SOURCE_DATE_EPOCH; notes and missing facts on stderr', () => {
    const dir = temp();
    const env = { SOURCE_DATE_EPOCH: '1767225600' };
    const root = join(SYSFS_FIXTURES_DIR, 'offline-cpus');
    const first = kvmlint(['snapshot', '--root', root, '-o', join(dir, 'a.json')], { env });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, '');
    assert.match(first.stderr, /missing \(rules needing these stay silent\): isolation\.nohzFull\n/);
    assert.match(first.stderr, /wrote .*a\.json \(hv-offline: 2 nodes, 14 online CPUs\)\n$/);
    const second = kvmlint(['snapshot', '--root', root, '-o', join(dir, 'b.json')], { env });
    assert.equal(second.code, 0);
    const a = readFileSync(join(dir, 'a.json'), 'utf8');
    assert.equal(readFileSync(join(dir, 'b.json'), 'utf8'), a, 'same tree, same bytes');
    assert.equal(a, formatSnapshot(captureHost({ root, now: new Date(1767225600 * 1000) }).snapshot));
    assert.match(a, /"capturedAt": "2026-01-01T00:00:00\.000Z"/);
  });

  it('says which CPUs are housekeeping and, when tuned and the booted kernel disagree, which was used', () => {
    const dir = temp();
    const tree = join(dir, 'root');
    cpSync(join(SYSFS_FIXTURES_DIR, 'dual-socket-isolated'), tree, { recursive: true, verbatimSymlinks: true });
    const vars = join(tree, 'etc/tuned/cpu-partitioning-variables.conf');
    writeFileSync(vars, readFileSync(vars, 'utf8').replace('isolated_cores=4-31', 'isolated_cores=8-31'));
    const r = kvmlint(['snapshot', '--root', tree, '-o', join(dir, 'hv.json')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^kvmlint snapshot: housekeeping CPUs 0-3; isolated 4-31 from \/sys\/devices\/system\/cpu\/isolated, \/sys\/devices\/system\/cpu\/nohz_full, tuned isolated_cores$/m);
    assert.match(r.stderr, /^kvmlint snapshot: isolation: tuned isolated_cores 8-31 differs from the running kernel \(4-31\), as after a profile change without a reboot; using their union$/m);
    const plain = kvmlint(['snapshot', '--from', join(repoRoot, 'fixtures/host-imports/caps-one-cell.xml')]);
    assert.match(plain.stderr, /^kvmlint snapshot: isolation: unknown \(the source cannot say\); housekeeping rules stay silent$/m);
  });

  it('without -o it prints the JSON on stdout', () => {
    const r = kvmlint(['snapshot', '--root', join(SYSFS_FIXTURES_DIR, 'no-tuned')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(loadHostSnapshotText(r.stdout, 'stdout').hostname, 'hv-small');
  });

  it('--from converts capabilities and numactl output; --host on the original and on the conversion give the same findings', () => {
    const dir = temp();
    const domains = join(repoRoot, 'examples/domains');
    for (const [input, expectSome] of [
      ['caps-dual-socket.xml', 'pin-crosses-nodeset'],
      ['caps-four-cell.xml', 'pin-crosses-nodeset'],
      ['numactl-guide.txt', 'pin-crosses-nodeset'],
    ] as const) {
      const original = join(repoRoot, 'fixtures/host-imports', input);
      const converted = join(dir, `${input}.json`);
      const conv = kvmlint(['snapshot', '--from', original, '-o', converted]);
      assert.equal(conv.code, 0, conv.stderr);
      assert.match(conv.stderr, /missing \(rules needing these stay silent\): .*isolation/);
      const viaOriginal = kvmlint(['--host', original, domains, '-f', 'json']);
      const viaJson = kvmlint(['--host', converted, domains, '-f', 'json']);
      assert.equal(viaJson.code, viaOriginal.code, input);
      const want = findings(viaOriginal.stdout, hostPathIn(viaOriginal.stdout, input));
      const got = findings(viaJson.stdout, hostPathIn(viaJson.stdout, `${input}.json`));
      assert.ok(want.some((f) => f.ruleId === expectSome), `${input}: some host-dependent finding to compare`);
      assert.ok(want.some((f) => f.file === '<host>' && f.severity === 'info'), `${input}: the info notes about missing facts are compared too`);
      assert.deepEqual(got, want, input);
    }
  });

  it('a JSON snapshot through --from comes out normalised: schema key order, values unchanged', () => {
    const dir = temp();
    const r = kvmlint(['snapshot', '--from', join(repoRoot, 'fixtures/hosts/dual-socket.json'), '-o', join(dir, 'n.json')]);
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(join(dir, 'n.json'), 'utf8');
    const original = loadHostFile(join(repoRoot, 'fixtures/hosts/dual-socket.json')).snapshot;
    assert.deepEqual(withoutSchema(loadHostSnapshotText(text, 'n.json')), withoutSchema(original));
    assert.equal(formatSnapshot(original), text);
  });

  it('usage and input errors exit 2 with one line naming the problem', () => {
    const dir = temp();
    const both = kvmlint(['snapshot', '--root', '/', '--from', 'x.xml']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--from and --root cannot be used together/);
    const absent = kvmlint(['snapshot', '--from', join(dir, 'absent.xml')]);
    assert.equal(absent.code, 2);
    assert.match(absent.stderr, /absent\.xml: no such file/);
    const notTree = kvmlint(['snapshot', '--root', dir]);
    assert.equal(notTree.code, 2);
    assert.match(notTree.stderr, /not a Linux \/sys and \/proc tree/);
    const noTopology = kvmlint(['snapshot', '--from', join(repoRoot, 'fixtures/host-imports/caps-no-topology.xml')]);
    assert.equal(noTopology.code, 2);
    assert.match(noTopology.stderr, /capabilities\/host: has no <topology><cells>/);
    for (const r of [both, absent, notTree, noTopology]) assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });

  it('a wrong snapshot given to --host is exit 2 naming the field', () => {
    const dir = temp();
    const good = formatSnapshot(captureHost({ root: join(SYSFS_FIXTURES_DIR, 'dual-socket-isolated'), now: new Date(0) }).snapshot);
    writeFileSync(join(dir, 'bad.json'), good.replace('"memFreeKiB": 46080000', '"memFreeKiB": "46080000"'));
    const r = kvmlint(['--host', join(dir, 'bad.json'), join(repoRoot, 'examples/domains/pin-crosses-nodeset.xml')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.json: nodes\[1\]\.memFreeKiB: must be a whole number, not the string "46080000"/);
    writeFileSync(join(dir, 'bad2.json'), good.replace('"parsed": "16-31"', '"parsed": "16-30"'));
    const r2 = kvmlint(['--host', join(dir, 'bad2.json'), join(repoRoot, 'examples/domains/pin-crosses-nodeset.xml')]);
    assert.equal(r2.code, 2);
    assert.match(r2.stderr, /bad2\.json: nodes\[1\]\.cpus\.parsed: "16-30" does not match raw "16-31"/);
  });
});

describe('snapshot JSON on a terminal', () => {
  it('a hostname or cmdline holding C1 and bidi controls is written as escapes and loads back unchanged', () => {
    const snapshot = loadHostFile(join(repoRoot, 'examples/hosts/dual-socket.json')).snapshot;
    const hostile = 'hv\u009b2J\u009d0;PWNED\u009c\u202elmx';
    const text = formatSnapshot({ ...snapshot, hostname: hostile });
    assert.doesNotMatch(text, /[\u0080-\u009f\u202a-\u202e]/);
    assert.match(text, /"hostname": "hv\\u009b2J\\u009d0;PWNED\\u009c\\u202elmx"/);
    assert.equal(loadHostSnapshotText(text, 'h.json').hostname, hostile);
  });
});
