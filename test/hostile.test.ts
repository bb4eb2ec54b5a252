/**
 * The hostile corpus (fixtures/hostile/cases.ts), issue 7 "Done when" 1 and 2.
 *
 * Each case runs through the CLI bundle as a subprocess (exit code, diagnostics
 * with line:column, no stack trace, nothing leaked) and in-process through
 * lint() for its time.
 *
 * The 200 ms bound is on the in-process lint() call, not on the subprocess:
 * starting Node and loading the 1 MB bundle costs 100-300 ms whatever the
 * input, which is not the case's cost. lint() comes from an esbuild bundle of
 * src/engine/runner.ts built like dist/ (tsx wraps every closure in a naming
 * helper that costs more than some cases). What is compared with 200 ms is
 * the CPU time the process spent in lint() (process.cpuUsage, all threads, so
 * GC helper threads count too), the best of 3 runs: CPU time is what the case
 * costs, and unlike wall time it does not double when other test files or
 * other jobs share the machine's cores. Wall times are printed beside it.
 *
 * File access is checked with strace when it can run here, else with an fs
 * spy preloaded into the bundle (fixtures/hostile/fs-spy.mjs); the spy checks
 * run in both situations. Peak memory of the out-of-range cases comes from the
 * same preload (process.resourceUsage().maxRSS at exit).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CASES, BASE_DOMAIN, positionOf, type ExpectedDiagnostic, type HostileCase, type Materialized } from '../fixtures/hostile/cases.ts';
import { buildEngine, loadEngine } from '../scripts/fuzz.ts';
import { parseLibvirtCpuset } from '../src/model/libvirt-cpuset.ts';
import { CpuSet } from '../src/model/cpuset.ts';
import { repoRoot } from './support/paths.ts';
import { launcherFiles } from './support/bundle.ts';

const BUNDLE = join(repoRoot, 'dist', 'kvmlint.mjs');
const HOSTILE_DIR = join(repoRoot, 'fixtures', 'hostile');
const SPY = join(HOSTILE_DIR, 'fs-spy.mjs');
const CASE_BUDGET_MS = 200;
/** Peak RSS may grow this much over a clean domain's: a 2^32-entry set would need gigabytes. */
const RSS_HEADROOM_KIB = 32 * 1024;

const work = mkdtempSync(join(tmpdir(), 'kvmlint-hostile-'));
after(() => rmSync(work, { recursive: true, force: true }));

const baselinePath = join(work, 'clean-baseline.xml');
writeFileSync(baselinePath, BASE_DOMAIN);

/** Every case made concrete: committed files as they are, generated ones written into `work`. */
const materialized = new Map<string, Materialized>();
for (const c of CASES) {
  if (c.file) materialized.set(c.id, { path: join(HOSTILE_DIR, c.file), expect: c.expect ?? [], forbidden: c.forbidden });
  else if (c.generate) materialized.set(c.id, c.generate(work));
  else throw new Error(`hostile case ${c.id} has neither file nor generate`);
}
/** Every case's file; the ones with a known crash are left out of whole-corpus runs (the crash ends the run). */
const lintedPaths = CASES.filter((c) => !c.knownBug).map((c) => materialized.get(c.id)!.path);

function runBundle(args: readonly string[], opts: { env?: NodeJS.ProcessEnv; prefix?: readonly string[] } = {}): SpawnSyncReturns<string> {
  const cmd = [...(opts.prefix ?? []), process.execPath, ...args];
  return spawnSync(cmd[0]!, cmd.slice(1), {
    cwd: work,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', KVMLINT_DEBUG: '', ...opts.env },
  });
}

interface JsonDiagnostic {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  range: { start: number; end: number };
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const STACK_FRAME = /^\s+at .+(?:\(.*:\d+:\d+\)|:\d+:\d+)$/m;

function assertNoCrashOutput(r: SpawnSyncReturns<string>, label: string): void {
  assert.equal(r.error, undefined, `${label}: ${r.error?.message}`);
  assert.equal(r.signal, null, `${label}: killed by ${r.signal}`);
  for (const [stream, s] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
    assert.doesNotMatch(s, STACK_FRAME, `${label}: stack trace on ${stream}`);
    assert.doesNotMatch(s, /internal error|RangeError|TypeError|Maximum call stack/, `${label}: internal error on ${stream}`);
  }
}

/**
 * The text diagnostics are positioned in, decoded independently of kvmlint: BOM-selected UTF-16,
 * else the encoding an XML declaration names (Latin-1 and ASCII byte for byte, others by
 * TextDecoder, stopping at the first undecodable byte), else UTF-8.
 */
function referenceText(path: string): string {
  const buf = readFileSync(path);
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf);
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf);
  const declared = /^<\?xml version=(['"])1\.0\1 encoding=(['"])([^'"]+)\2/.exec(buf.toString('latin1', 0, 100))?.[3]?.toLowerCase();
  // Latin-1 and ASCII byte for byte; a UTF-16 label without a BOM is read as the 8-bit text it is.
  if (declared === 'iso-8859-1' || declared === 'us-ascii' || declared === 'utf-16') return buf.toString('latin1');
  if (declared !== undefined && declared !== 'utf-8') {
    const text = new TextDecoder(declared).decode(buf);
    return text.includes('\uFFFD') ? text.slice(0, text.indexOf('\uFFFD')) : text;
  }
  return buf.toString('utf8');
}

const key = (d: { rule: string; line: number; column: number }) => `${d.rule}@${d.line}:${d.column}`;

function maxFileBytesOf(c: HostileCase): number | undefined {
  const i = c.args?.indexOf('--max-file-size') ?? -1;
  return i >= 0 ? Number(c.args![i + 1]) : undefined;
}

const MARKER = /<!--\s*expect:\s*([^>]*?)\s*-->/g;

// ── every case, end to end ────────────────────────────────────────────────────
const { lint } = await loadEngine(await buildEngine(work));
// Warm the in-process path once (module loading, JIT) so the first case is not charged for it.
for (let i = 0; i < 3; i++) await lint({ paths: [baselinePath], cwd: work, configFile: false });

function hostFileOf(c: HostileCase): string | undefined {
  const i = c.args?.indexOf('--host') ?? -1;
  return i >= 0 ? c.args![i + 1] : undefined;
}

for (const c of CASES) {
  test(`hostile ${c.id}: ${c.what}`, { todo: c.knownBug }, async (t) => {
    const m = materialized.get(c.id)!;
    const expected = c.file ? (c.expect ?? []) : m.expect;
    assert.ok(c.exit === 2 || expected.length > 0, 'a case with findings must expect at least one diagnostic');

    // 1. The CLI bundle as a subprocess.
    const r = runBundle([BUNDLE, '-f', 'json', '--no-config-lookup', ...(c.args ?? []), m.path]);
    assertNoCrashOutput(r, c.id);
    assert.equal(r.status, c.exit, `exit code (stderr: ${r.stderr.slice(0, 500)})`);
    const report = JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] };
    const diags = report.diagnostics;
    if (c.exit === 2) {
      assert.deepEqual(diags, [], 'a refused file yields no diagnostics');
      assert.match(r.stderr, c.refusal ?? /./);
    } else {
      assert.deepEqual(diags.map((d) => key({ rule: d.ruleId, line: d.line, column: d.column })).sort(), expected.map(key).sort());
      const text = referenceText(m.path);
      for (const d of diags) {
        // The range lies inside the file and line:column describe exactly its ends.
        assert.ok(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length, `range ${JSON.stringify(d.range)} outside 0..${text.length}`);
        assert.deepEqual(positionOf(text, d.range.start), { line: d.line, column: d.column }, `start of ${d.ruleId}`);
        assert.deepEqual(positionOf(text, d.range.end), { line: d.endLine, column: d.endColumn }, `end of ${d.ruleId}`);
        assert.ok(d.message.length > 0 && d.message.length < 1000, `message of sane length (${d.message.length})`);
      }
      for (const e of expected.filter((x) => x.message)) {
        const d = diags.find((x) => key({ rule: x.ruleId, line: x.line, column: x.column }) === key(e));
        assert.match(d?.message ?? '', e.message!, key(e));
      }
    }
    for (const secret of m.secrets ?? []) {
      assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), 'the secret appears in the output');
    }

    // 2. In-process: the same answer, within the time budget (CPU time, best of 3 runs; see the top).
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < 3; i++) {
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      const run = await lint({ paths: [m.path], cwd: work, configFile: false, maxFileBytes: maxFileBytesOf(c), hostFile: hostFileOf(c) });
      wall.push(performance.now() - w0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
      if (i === 0) {
        if (c.exit === 2) assert.equal(run.refusals.length, 1, 'refused in-process too');
        else assert.deepEqual(run.diagnostics.map((d) => key({ rule: d.ruleId, line: d.line, column: d.column })).sort(), expected.map(key).sort());
      }
    }
    const best = Math.min(...cpu);
    const shown = `CPU ${cpu.map((x) => x.toFixed(1)).join(' / ')} ms, wall ${wall.map((x) => x.toFixed(1)).join(' / ')} ms`;
    t.diagnostic(`${c.id}: lint() ${shown}`);
    assert.ok(best < CASE_BUDGET_MS, `lint() took ${best.toFixed(1)} ms of CPU at best (${shown}); budget ${CASE_BUDGET_MS} ms`);

    // 3. Committed files: the inline markers name the same lines and rules as the case list.
    if (c.file) {
      const text = referenceText(m.path);
      const marked: string[] = [];
      for (const mk of text.matchAll(MARKER)) {
        for (const rule of mk[1]!.split(/\s*,\s*/).filter(Boolean)) marked.push(`${rule}@${positionOf(text, mk.index).line}`);
      }
      if (marked.length > 0) assert.deepEqual(marked.sort(), expected.map((e) => `${e.rule}@${e.line}`).sort(), 'markers in the file disagree with cases.ts');
    }
  });
}

test('the corpus covers every kind of case issue 7 lists, with at least 30 cases', () => {
  assert.ok(CASES.length >= 30, `${CASES.length} cases`);
  const ids = new Set(CASES.map((c) => c.id));
  assert.equal(ids.size, CASES.length, 'case ids are unique');
  for (const id of [
    'unclosed-root', 'mismatched-tags', 'bad-quotes', 'duplicate-attribute', 'comment-double-hyphen', 'text-after-root', 'undefined-entity',
    'billion-laughs', 'quadratic-blowup', 'external-entity-secret', 'external-dtd', 'parameter-entities', 'utf16le-bom', 'invalid-utf8', 'nul-byte',
    'deep-nesting', 'attribute-1mb-value', 'mixed-line-endings', 'processing-instructions', 'cdata-in-cputune', 'non-numeric-vcpu', 'cpuset-4294967296',
    'negative-memory', 'page-size-zero', 'vcpu-100000', 'oversized-default-bound',
  ]) {
    assert.ok(ids.has(id), `missing case ${id}`);
  }
  // Every committed file is a case, and every case file exists.
  for (const c of CASES) if (c.file) assert.ok(existsSync(join(HOSTILE_DIR, c.file)), c.file);
});

// ── file access: strace when possible, an fs spy always ──────────────────────
const straceProbe = spawnSync('strace', ['-f', '-o', '/dev/null', 'true'], { encoding: 'utf8' });
const straceWorks = straceProbe.status === 0;
const straceSkip = straceWorks ? false : `strace cannot run here (${straceProbe.error?.message ?? straceProbe.stderr.trim()}); the fs-spy tests below cover file access`;

/** strace output as complete calls ({pid, call}), with <unfinished ...> / resumed pairs joined. */
function straceCalls(log: string): Array<{ pid: string; call: string }> {
  const pending = new Map<string, string>();
  const out: Array<{ pid: string; call: string }> = [];
  for (const line of log.split('\n')) {
    const m = /^(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, pid, rest] = m as unknown as [string, string, string];
    const unfinished = rest.indexOf(' <unfinished ...>');
    if (unfinished >= 0) {
      pending.set(pid, rest.slice(0, unfinished));
      continue;
    }
    const resumed = /^<\.\.\. \w+ resumed>(.*)$/.exec(rest);
    if (resumed) {
      out.push({ pid, call: (pending.get(pid) ?? '') + resumed[1] });
      pending.delete(pid);
      continue;
    }
    out.push({ pid, call: rest });
  }
  return out;
}

const OPEN_CALL = /^(?:open|openat|openat2|creat)\((?:[^"]*?)"((?:[^"\\]|\\.)*)".*\)\s+=\s+(-?\d+)/;

/** Paths opened successfully (fd >= 0). */
function openedPaths(calls: ReadonlyArray<{ call: string }>): Set<string> {
  const out = new Set<string>();
  for (const { call } of calls) {
    const m = OPEN_CALL.exec(call);
    if (m && Number(m[2]) >= 0) out.add(m[1]!);
  }
  return out;
}

function straceRun(args: readonly string[]): { r: SpawnSyncReturns<string>; log: string } {
  const logPath = join(work, `strace-${process.hrtime.bigint()}.log`);
  const r = runBundle([BUNDLE, ...args], {
    prefix: ['strace', '-f', '-s', '4096', '-e', 'trace=file,read,pread64,readv,preadv,preadv2,mmap,close', '-o', logPath],
  });
  const log = readFileSync(logPath, 'utf8');
  rmSync(logPath, { force: true });
  return { r, log };
}

const secretCases = CASES.filter((c) => (materialized.get(c.id)!.forbidden ?? []).length > 0);

test('strace: no hostile case opens (or even stats) a file it points at; the secrets never reach the output', { skip: straceSkip }, () => {
  const paths = secretCases.map((c) => materialized.get(c.id)!.path);
  for (const format of ['json', 'text', 'sarif']) {
    const { r, log } = straceRun(['-f', format, '--no-config-lookup', ...paths]);
    assertNoCrashOutput(r, `strace ${format}`);
    assert.equal(r.status, 1);
    const calls = straceCalls(log);
    const opened = openedPaths(calls);
    // Positive control: strace saw the linted files being opened.
    for (const p of paths) assert.ok(opened.has(p), `strace did not record opening ${p}: the trace is not trustworthy`);
    // Path-taking calls (open, stat, access, readlink, execve...): the read() buffers of the linted
    // files are in the log too, and they name the forbidden paths, so those are left out here.
    const pathCalls = calls.filter(({ call }) => !/^(?:read|pread64|readv|preadv2?|mmap|close)\(/.test(call)).map(({ call }) => call);
    for (const c of secretCases) {
      const m = materialized.get(c.id)!;
      for (const f of m.forbidden ?? []) {
        const hits = pathCalls.filter((call) => call.includes(`"${f}"`) || call.includes(f));
        assert.deepEqual(hits, [], `${c.id}: ${f} reached the kernel`);
      }
      // A secret could only be in the trace if something read the secret file.
      for (const s of m.secrets ?? []) {
        assert.ok(!log.includes(s), `${c.id}: the secret was read (it is in a read() buffer)`);
        assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), `${c.id}: secret in ${format} output`);
      }
    }
  }
});

test('strace: linting the whole corpus opens nothing beyond the runtime (same as a clean lint) and the linted files', { skip: straceSkip }, () => {
  const base = straceRun(['-f', 'json', '--no-config-lookup', baselinePath]);
  assert.equal(base.r.status, 0, base.r.stderr);
  const runtime = openedPaths(straceCalls(base.log));
  runtime.delete(baselinePath);
  // The runtime's own binary: Node sometimes opens it (seen under load on a busy machine), whatever it runs.
  runtime.add(process.execPath).add(realpathSync(process.execPath));

  const { r, log } = straceRun(['-f', 'json', '--no-config-lookup', ...lintedPaths]);
  assert.equal(r.status, 2, 'the oversized files make the whole run exit 2');
  assertNoCrashOutput(r, 'corpus');
  const opened = openedPaths(straceCalls(log));
  const linted = new Set(lintedPaths);
  // /proc, /sys and /dev are the kernel's interfaces, not files: V8 reads /proc/sys/vm/overcommit_memory
  // when a large input grows its heap, which a small clean lint never does.
  const kernel = /^\/(?:proc|sys|dev)\//;
  const extra = [...opened].filter((p) => !runtime.has(p) && !linted.has(p) && !kernel.test(p));
  assert.deepEqual(extra, [], 'files opened beyond the runtime and the linted paths');
  for (const p of lintedPaths) assert.ok(opened.has(p), `not opened: ${p}`);
});

/** Calls after `open(path) = fd` that read from fd, up to its close. */
function readsOf(calls: ReadonlyArray<{ call: string }>, path: string): { opened: boolean; reads: string[] } {
  let fd: number | undefined;
  const reads: string[] = [];
  for (const { call } of calls) {
    if (fd === undefined) {
      const m = OPEN_CALL.exec(call);
      if (m && m[1] === path && Number(m[2]) >= 0) fd = Number(m[2]);
      continue;
    }
    if (new RegExp(`^close\\(${fd}\\)`).test(call)) break;
    if (new RegExp(`^(?:read|pread64|readv|preadv2?)\\(${fd},`).test(call) || new RegExp(`^mmap\\([^)]*, ${fd}, `).test(call)) reads.push(call.slice(0, 120));
  }
  return { opened: fd !== undefined, reads };
}

for (const c of CASES.filter((x) => x.neverRead)) {
  test(`strace: ${c.id} is refused without a byte read`, { skip: straceSkip }, () => {
    const m = materialized.get(c.id)!;
    const { r, log } = straceRun(['-f', 'json', '--no-config-lookup', ...(c.args ?? []), m.path]);
    assert.equal(r.status, 2);
    const { opened, reads } = readsOf(straceCalls(log), m.path);
    assert.ok(opened, 'the file is opened (for fstat) - else this check proves nothing');
    assert.deepEqual(reads, [], 'reads on the oversized file');
  });
}

interface SpyReport {
  touched: string[];
  opens: Array<{ path: string; fd: number }>;
  reads: Array<{ fd: number; path: string | undefined }>;
  maxRSS: number;
}

function spyRun(args: readonly string[]): { r: SpawnSyncReturns<string>; spy: SpyReport } {
  const out = join(work, `spy-${process.hrtime.bigint()}.json`);
  const r = runBundle(['--import', SPY, BUNDLE, ...args], { env: { KVMLINT_FS_SPY_OUT: out } });
  const spy = JSON.parse(readFileSync(out, 'utf8')) as SpyReport;
  rmSync(out, { force: true });
  return { r, spy };
}

test(`fs spy${straceWorks ? ' (second opinion; strace also ran)' : ' (strace unavailable: this is the file-access check)'}: pointed-at files are never touched`, () => {
  const paths = secretCases.map((c) => materialized.get(c.id)!.path);
  const { r, spy } = spyRun(['-f', 'json', '--no-config-lookup', ...paths]);
  assertNoCrashOutput(r, 'spy');
  assert.equal(r.status, 1);
  const opened = new Set(spy.opens.map((o) => resolve(work, o.path)));
  for (const p of paths) assert.ok(opened.has(p), `spy did not see ${p} opened: the spy is not wired in`);
  const touched = spy.touched.map((p) => resolve(work, p));
  for (const c of secretCases) {
    const m = materialized.get(c.id)!;
    for (const f of m.forbidden ?? []) assert.ok(!touched.includes(f), `${c.id}: ${f} was touched`);
    for (const s of m.secrets ?? []) assert.ok(!r.stdout.includes(s), `${c.id}: secret in output`);
  }
  // Nothing outside the linted files' directories, the bundle (launcher, CLI bundle, code cache), and the config/repository lookups up the tree.
  const allowedDirs = new Set(paths.map(dirname));
  const own = launcherFiles(BUNDLE);
  const stray = touched.filter((p) => !paths.includes(p) && !own.includes(p) && !/(?:^|\/)(?:\.git|kvmlint\.config\.json)$/.test(p) && !allowedDirs.has(p));
  assert.deepEqual(stray, []);
});

for (const c of CASES.filter((x) => x.neverRead)) {
  test(`fs spy: ${c.id} is refused without a byte read`, () => {
    const m = materialized.get(c.id)!;
    const { r, spy } = spyRun(['-f', 'json', '--no-config-lookup', ...(c.args ?? []), m.path]);
    assert.equal(r.status, 2);
    const fds = spy.opens.filter((o) => resolve(work, o.path) === m.path).map((o) => o.fd);
    assert.equal(fds.length, 1, 'opened once, for fstat');
    assert.deepEqual(spy.reads.filter((read) => read.path !== undefined && resolve(work, read.path) === m.path), [], 'reads on the oversized file');
  });
}

test(`negative controls: ${straceWorks ? 'strace and ' : ''}the fs spy do see a file the process reads, and a read of it`, () => {
  const secret = join(work, 'control-secret.txt');
  writeFileSync(secret, 'control');
  // The same imports the bundle uses: ESM named imports of node:fs, through the spy's re-export.
  const code = `import { openSync, readSync, readFileSync } from 'node:fs'; readFileSync(${JSON.stringify(secret)}); readSync(openSync(${JSON.stringify(secret)}, 'r'), Buffer.alloc(4));`;
  const out = join(work, 'control-spy.json');
  const r = runBundle(['--import', SPY, '--input-type=module', '-e', code], { env: { KVMLINT_FS_SPY_OUT: out } });
  assert.equal(r.status, 0, r.stderr);
  const spy = JSON.parse(readFileSync(out, 'utf8')) as SpyReport;
  assert.ok(spy.touched.includes(secret), 'the spy missed readFileSync');
  const fd = spy.opens.find((o) => o.path === secret)?.fd;
  assert.ok(fd !== undefined && spy.reads.some((read) => read.fd === fd && read.path !== undefined && resolve(work, read.path) === secret), 'the spy missed openSync + readSync');
  if (straceWorks) {
    const logPath = join(work, 'control-strace.log');
    const s = runBundle(['--input-type=module', '-e', code], { prefix: ['strace', '-f', '-s', '4096', '-e', 'trace=file,read,pread64,close', '-o', logPath] });
    assert.equal(s.status, 0, s.stderr);
    const calls = straceCalls(readFileSync(logPath, 'utf8'));
    assert.ok(openedPaths(calls).has(secret), 'strace missed the open');
    assert.ok(readsOf(calls, secret).reads.length > 0, 'strace missed the read');
  }
});

// ── out-of-range values: a diagnostic, never an allocation proportional to the value ──
test('out-of-range cases: peak RSS stays at a clean lint’s level', (t) => {
  const baseline = spyRun(['-f', 'json', '--no-config-lookup', baselinePath]).spy.maxRSS;
  const cases = CASES.filter((c) => c.outOfRange);
  assert.ok(cases.length >= 6);
  const lines: string[] = [`clean domain: ${(baseline / 1024).toFixed(1)} MiB`];
  for (const c of cases) {
    const m = materialized.get(c.id)!;
    const { r, spy } = spyRun(['-f', 'json', '--no-config-lookup', m.path]);
    assert.equal(r.status, 1, c.id);
    // A case whose file is itself large is compared with a twin of the same size and element
    // count holding small values: memory may follow the file, never the values in it.
    let reference = baseline;
    if (c.twin) {
      const twinPath = c.twin(work);
      const twin = spyRun(['-f', 'json', '--no-config-lookup', twinPath]);
      reference = twin.spy.maxRSS;
      lines.push(`${c.id} twin with small values: ${(reference / 1024).toFixed(1)} MiB`);
    }
    lines.push(`${c.id}: ${(spy.maxRSS / 1024).toFixed(1)} MiB`);
    assert.ok(spy.maxRSS <= reference + RSS_HEADROOM_KIB, `${c.id}: peak RSS ${spy.maxRSS} KiB vs ${reference} KiB for ${c.twin ? 'its twin' : 'a clean domain'}`);
  }
  t.diagnostic(lines.join('; '));
});

test('cpusets are intervals: 0-4294967295 is one interval, never 2^32 entries', () => {
  const t0 = performance.now();
  // The widest mask libvirt parses is one interval less one id ...
  const widest = parseLibvirtCpuset('0-16383,^7');
  assert.ok(widest.ok);
  assert.deepEqual(widest.value.intervals(), [[0, 6], [8, 16383]]);
  // ... and the largest set libvirt's grammar itself can express (virStrToLong_i caps ids at INT_MAX) is two.
  const parsed = { value: CpuSet.range(0, 2147483647).subtract(CpuSet.of(7)) };
  assert.deepEqual(parsed.value.intervals(), [[0, 6], [8, 2147483647]]);
  // ... and a 2^32-id set built directly: set algebra stays interval arithmetic.
  const all = CpuSet.range(0, 4294967295);
  assert.equal(all.size, 2 ** 32);
  const cut = all.subtract(CpuSet.of(7)).intersect(CpuSet.range(0, 2 ** 32 - 1)).union(parsed.value);
  assert.deepEqual(cut.intervals(), [[0, 6], [8, 4294967295]]);
  assert.throws(() => all.toArray(), RangeError, 'enumeration is refused, never attempted');
  // With libvirt's real limit the same text is a diagnostic, not a set.
  const rejected = parseLibvirtCpuset('0-4294967295');
  assert.ok(!rejected.ok && /beyond libvirt's limit/.test(rejected.error));
  assert.ok(performance.now() - t0 < 50);
});

test('a file of exactly --max-file-size bytes is linted, one byte more is refused', () => {
  const text = BASE_DOMAIN;
  const path = join(work, 'exact-bound.xml');
  writeFileSync(path, text);
  const size = Buffer.byteLength(text);
  const ok = runBundle([BUNDLE, '--no-config-lookup', '--max-file-size', String(size), path]);
  assert.equal(ok.status, 0, ok.stderr);
  const refused = runBundle([BUNDLE, '--no-config-lookup', '--max-file-size', String(size - 1), path]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, new RegExp(`file is ${size} bytes, above the ${size - 1}-byte limit`));
});
