import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localEnv } from './support/env.ts';
import { repoRoot } from './support/paths.ts';

// The CLI as users run it: the committed bundle, in a subprocess.
const bin = join(repoRoot, 'dist', 'kvmlint.mjs');
const host = 'examples/hosts/dual-socket.json';

function kvmlint(args: string[], cwd = repoRoot, input?: string | Buffer) {
  // As a person runs it: on CI (CI=true) walks would read no .gitignore.
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', env: localEnv({ NO_COLOR: '', FORCE_COLOR: '' }) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const noStackTrace = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+:\d+\)?\n/, 'printed a stack trace');

test('quick start: every headline rule is found in examples/ with file:line:column, exit 1', () => {
  const { code, stdout } = kvmlint(['--no-color', '--host', host, 'examples/production-vm.xml', 'examples/domains']);
  assert.equal(code, 1);
  const expected: Array<[string, string]> = [
    ['missing-emulatorpin', 'examples/domains/missing-emulatorpin.xml:19:3'],
    ['housekeeping-overlap', 'examples/domains/housekeeping-overlap.xml:13:23'],
    ['pin-crosses-nodeset', 'examples/domains/pin-crosses-nodeset.xml:13:5'],
    ['insufficient-hugepages', 'examples/domains/insufficient-hugepages.xml:12:7'],
    ['min-free-kbytes-exceeds-node-free', 'examples/hosts/dual-socket.json:'],
  ];
  const compact = kvmlint(['-f', 'compact', '--host', host, 'examples/production-vm.xml', 'examples/domains']).stdout;
  for (const [rule, where] of expected) {
    assert.ok(stdout.includes(rule), `no ${rule} in output`);
    assert.ok(stdout.includes(where.split(':')[0]!), `no ${where} in output`);
    assert.ok(compact.split('\n').some((l) => l.startsWith(where) && l.endsWith(`[${rule}]`)), `no ${where} … [${rule}] in compact output`);
  }
  // One line per finding, at most 120 columns: the help line and related places beneath, every cause once.
  for (const line of stdout.split('\n')) assert.ok(line.length <= 120, `longer than 120: ${line}`);
  assert.equal(stdout.match(/(^|\s)pin-crosses-nodeset$/gm)?.length, 1);
});

test("quick start: production-vm.xml, which the README calls clean, has no finding alone or planned with the examples", () => {
  for (const paths of [['examples/production-vm.xml'], ['examples/production-vm.xml', 'examples/domains']]) {
    const report = JSON.parse(kvmlint(['-f', 'json', '--host', host, ...paths]).stdout) as { diagnostics: Array<{ file: string; ruleId: string }> };
    assert.deepEqual(report.diagnostics.filter((d) => d.file === 'examples/production-vm.xml').map((d) => d.ruleId), [], paths.join(' '));
  }
});

test('json output carries ranges that slice back to the element at fault', () => {
  const { code, stdout } = kvmlint(['-f', 'json', '--host', host, 'examples/domains/pin-crosses-nodeset.xml']);
  assert.equal(code, 0, 'warnings only: exit 0');
  const report = JSON.parse(stdout) as { diagnostics: Array<{ ruleId: string; file: string; range: { start: number; end: number } }> };
  const text = readFileSync(join(repoRoot, 'examples/domains/pin-crosses-nodeset.xml'), 'utf8');
  // One cause (the pins and the nodeset disagree): one finding at the first pin, the other three related.
  assert.equal(report.diagnostics.length, 1);
  const [d] = report.diagnostics as unknown as Array<{ ruleId: string; messageId: string; range: { start: number; end: number }; related: Array<{ range: { start: number; end: number }; line: number; message: string }> }>;
  assert.equal(d!.ruleId, 'pin-crosses-nodeset');
  assert.equal(d!.messageId, 'crosses');
  for (const r of [d!, ...d!.related]) assert.match(text.slice(r.range.start, r.range.end), /^<vcpupin vcpu='\d' cpuset='2\d'\/>$/);
  assert.deepEqual(d!.related.map((r) => r.line), [14, 15, 16]);
});

test('--max-warnings turns warnings into a failing exit code; --quiet drops them', () => {
  const args = ['--host', host, 'examples/domains/pin-crosses-nodeset.xml'];
  assert.equal(kvmlint([...args, '--max-warnings', '1']).code, 0);
  const over = kvmlint([...args, '--max-warnings', '0']);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /too many warnings \(maximum: 0\)/);
  const quiet = kvmlint([...args, '--quiet', '-f', 'json']);
  assert.equal(JSON.parse(quiet.stdout).diagnostics.length, 0);
});

test('--rule overrides severity and turns rules off; a bad --rule is a usage error', () => {
  const args = ['-f', 'json', '--host', host, 'examples/domains/pin-crosses-nodeset.xml'];
  const asError = kvmlint([...args, '--rule', 'pin-crosses-nodeset=error']);
  assert.equal(asError.code, 1);
  assert.ok(JSON.parse(asError.stdout).diagnostics.every((d: { severity: string }) => d.severity === 'error'));
  const off = kvmlint([...args, '--rule', 'pin-crosses-nodeset=off']);
  assert.equal(off.code, 0);
  assert.equal(JSON.parse(off.stdout).diagnostics.length, 0);
  const unknown = kvmlint([...args, '--rule', 'no-such-rule=off']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown rule 'no-such-rule'/);
  assert.equal(kvmlint([...args, '--rule', 'pin-crosses-nodeset=loud']).code, 2);
});

test('-o writes the report to a file and prints nothing', () => {
  const dir = tempDir({});
  try {
    const out = join(dir, 'report.json');
    const r = kvmlint(['-f', 'json', '-o', out, '--host', host, 'examples/production-vm.xml']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')).diagnostics, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a host snapshot with a wrong field is exit 2 naming the field', () => {
  const snapshot = JSON.parse(readFileSync(join(repoRoot, host), 'utf8'));
  snapshot.nodes[1].memFreeKiB = 'lots';
  const dir = tempDir({ 'bad.json': JSON.stringify(snapshot) });
  try {
    const r = kvmlint(['--host', join(dir, 'bad.json'), 'examples/production-vm.xml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nodes\[1\]\.memFreeKiB/);
    noStackTrace(r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('malformed XML and billion laughs each give one xml-malformed with line:column, exit 1, no stack trace', () => {
  const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('\n');
  const dir = tempDir({
    'broken.xml': "<domain type='kvm'>\n  <name>x</name>\n  <vcpu>2</cpu>\n</domain>\n",
    'laughs.xml': `<?xml version="1.0"?>\n<!DOCTYPE domain [\n${lol}\n]>\n<domain type='kvm'><name>&lol9;</name></domain>\n`,
  });
  try {
    for (const [file, line] of [['broken.xml', 3], ['laughs.xml', 14]] as const) {
      const r = kvmlint(['-f', 'json', file], dir);
      assert.equal(r.code, 1, file);
      const diags = JSON.parse(r.stdout).diagnostics;
      assert.equal(diags.length, 1, file);
      assert.equal(diags[0].ruleId, 'xml-malformed');
      assert.equal(diags[0].line, line, file);
      assert.ok(diags[0].column > 0);
      noStackTrace(r.stderr + r.stdout);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('non-domain XML: skipped on a directory walk, not-a-domain when named', () => {
  const dir = tempDir({ 'net/default.xml': "<network><name>default</name></network>\n", 'vm.xml': readFileSync(join(repoRoot, 'examples/production-vm.xml'), 'utf8') });
  try {
    const walked = kvmlint(['-f', 'json', '.'], dir);
    assert.equal(walked.code, 0);
    assert.deepEqual(JSON.parse(walked.stdout).files, ['vm.xml']);
    const named = kvmlint(['-f', 'json', 'net/default.xml'], dir);
    const diags = JSON.parse(named.stdout).diagnostics;
    assert.deepEqual(diags.map((d: { ruleId: string; line: number }) => [d.ruleId, d.line]), [['not-a-domain', 1]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file above the size bound is refused without being read: exit 2', () => {
  const dir = tempDir({ 'big.xml': `<domain>${' '.repeat(4096)}</domain>` });
  try {
    const r = kvmlint(['--max-file-size', '1024', 'big.xml'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /big\.xml: file is \d+ bytes, above the 1024-byte limit/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('missing paths and unknown options are usage errors (exit 2)', () => {
  assert.equal(kvmlint(['no/such/file.xml']).code, 2);
  assert.equal(kvmlint(['--no-such-option']).code, 2);
  assert.equal(kvmlint(['-f', 'yaml', 'examples']).code, 2);
});

test('color: forced with --color, absent with --no-color', () => {
  const args = ['--host', host, 'examples/domains/missing-emulatorpin.xml'];
  assert.match(kvmlint(['--color', ...args]).stdout, /\x1b\[/);
  assert.doesNotMatch(kvmlint(['--no-color', ...args]).stdout, /\x1b\[/);
});

test('kvmlint rules lists every rule with its metadata', () => {
  const r = kvmlint(['rules', '--format', 'json']);
  assert.equal(r.code, 0);
  const rules = JSON.parse(r.stdout) as Array<{ id: string; severity: string; needs: string; fixable: boolean }>;
  const ids = rules.map((x) => x.id);
  for (const id of ['missing-emulatorpin', 'housekeeping-overlap', 'pin-crosses-nodeset', 'insufficient-hugepages', 'min-free-kbytes-exceeds-node-free', 'min-free-kbytes-guideline', 'xml-malformed', 'not-a-domain']) {
    assert.ok(ids.includes(id), id);
  }
  assert.equal(rules.find((x) => x.id === 'insufficient-hugepages')?.needs, 'plan');
  const text = kvmlint(['rules']);
  assert.match(text.stdout, /^rule\s+severity\s+needs/);
});

test('--version prints the package version', () => {
  const r = kvmlint(['--version']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim(), JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
});

test('a directory walk honours .gitignore and finds nested **/*.xml', () => {
  const vm = readFileSync(join(repoRoot, 'examples/production-vm.xml'), 'utf8');
  const dir = tempDir({ '.gitignore': 'build/\n*.tmp.xml\n', 'a/b/vm.xml': vm, 'build/gen.xml': vm, 'scratch.tmp.xml': vm, 'notes.txt': 'x' });
  try {
    spawnSync('git', ['init', '-q'], { cwd: dir });
    const r = kvmlint(['-f', 'json', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files, ['a/b/vm.xml']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--stdin lints piped XML (virsh dumpxml vm | kvmlint --stdin) under <stdin> or --stdin-filename', () => {
  const xml = readFileSync(join(repoRoot, 'examples/domains/missing-emulatorpin.xml'));
  const plain = kvmlint(['-f', 'json', '--host', host, '--stdin'], repoRoot, xml);
  assert.equal(plain.code, 0, plain.stderr);
  const report = JSON.parse(plain.stdout) as { diagnostics: Array<{ ruleId: string; file: string; line: number; column: number }> };
  assert.deepEqual(report.diagnostics.map((d) => [d.ruleId, d.file, d.line, d.column]), [['missing-emulatorpin', '<stdin>', 19, 3]]);

  // Named into the fleet example: the config found from that name maps it to host hv01, whose housekeeping CPUs the fix names.
  // At 12 GiB its 2 MiB pages and db-01's 8 GiB overrun hv01's 16 GiB pool on node 1.
  const bigger = xml.toString('utf8').replace(/(<(?:memory|currentMemory) unit='GiB'>)4</g, '$112<');
  assert.notEqual(bigger, xml.toString('utf8'));
  const named = kvmlint(['-f', 'json', '--stdin', '--stdin-filename', 'examples/fleet/hv01/new-guest.xml'], repoRoot, bigger);
  const alone = JSON.parse(named.stdout) as { files: string[]; diagnostics: Array<{ ruleId: string; file: string; message: string; help?: string }> };
  assert.deepEqual(alone.files, ['examples/fleet/hv01/new-guest.xml', 'examples/fleet/hosts/hv01.json']);
  assert.match(alone.diagnostics.find((d) => d.ruleId === 'missing-emulatorpin' && d.file.endsWith('new-guest.xml'))!.help ?? '', /<emulatorpin cpuset='0-3'\/> to pin them to housekeeping CPUs 0-3/);
  // Planned with hv01's guests on disk (plans are checked whole): its 2 MiB pages on node 1 join db-01's there.
  const pool = alone.diagnostics.find((d) => d.ruleId === 'insufficient-hugepages') as { file: string; related?: Array<{ file: string }> } | undefined;
  assert.ok(pool, 'the node-1 pool shortage shared with db-01 is reported');
  assert.ok([pool.file, ...(pool.related ?? []).map((r) => r.file)].includes('examples/fleet/hv01/db-01.xml'), JSON.stringify(pool));

  // Planned with the files on disk, replacing the one it is named as: web-01 without hugepages frees
  // hv01's node-0 pool, so the insufficient-hugepages finding (one for the pool, on web-02, web-01 related) goes away.
  const web01 = readFileSync(join(repoRoot, 'examples/fleet/hv01/web-01.xml'), 'utf8').replace(/\s*<memoryBacking>[\s\S]*?<\/memoryBacking>/, '');
  const before = JSON.parse(kvmlint(['-f', 'json', 'examples/fleet/hv01']).stdout) as typeof alone;
  const hugepageFindings = (r: typeof alone) => r.diagnostics.filter((d) => d.ruleId === 'insufficient-hugepages').map((d) => d.file);
  assert.deepEqual(hugepageFindings(before), ['examples/fleet/hv01/web-02.xml']);
  const replaced = JSON.parse(kvmlint(['-f', 'json', 'examples/fleet/hv01', '--stdin', '--stdin-filename', 'examples/fleet/hv01/web-01.xml'], repoRoot, web01).stdout) as typeof alone;
  assert.equal(replaced.files.filter((f) => f === 'examples/fleet/hv01/web-01.xml').length, 1);
  assert.deepEqual(hugepageFindings(replaced), []);
  assert.ok(replaced.diagnostics.length > 0 && replaced.diagnostics.length < before.diagnostics.length, 'the other findings of the plan are still reported');
});

test('--stdin: --fix is refused, --fix-dry-run prints the patch, malformed input is xml-malformed, oversized input is exit 2', () => {
  const xml = readFileSync(join(repoRoot, 'examples/domains/missing-emulatorpin.xml'));
  const fix = kvmlint(['--host', host, '--stdin', '--fix'], repoRoot, xml);
  assert.equal(fix.code, 2);
  assert.match(fix.stderr, /--fix cannot write to standard input: use --fix-dry-run/);
  const dry = kvmlint(['--host', host, '--stdin', '--stdin-filename', 'vm.xml', '--fix-dry-run'], repoRoot, xml);
  assert.match(dry.stdout, /^--- a\/vm\.xml\n\+\+\+ b\/vm\.xml\n/);
  assert.match(dry.stdout, /^\+ {4}<emulatorpin cpuset='0-3'\/>$/m);
  const bad = kvmlint(['-f', 'json', '--stdin'], repoRoot, "<domain type='kvm'>\n  <vcpu>2</vcpus>\n</domain>\n");
  assert.equal(bad.code, 1);
  const diag = (JSON.parse(bad.stdout) as { diagnostics: Array<{ ruleId: string; line: number }> }).diagnostics;
  assert.deepEqual(diag.map((d) => [d.ruleId, d.line]), [['xml-malformed', 2]]);
  const big = kvmlint(['--stdin', '--max-file-size', '100'], repoRoot, xml);
  assert.equal(big.code, 2);
  assert.match(big.stderr, /<stdin> \(standard input\): \d+ bytes, above the 100-byte limit/);
  const orphan = kvmlint(['--stdin-filename', 'x.xml', 'examples/production-vm.xml']);
  assert.equal(orphan.code, 2);
  assert.match(orphan.stderr, /--stdin-filename needs --stdin/);
});

test('TIMING=1 prints the slowest rules to stderr (ESLint\'s table); stdout stays the report', () => {
  const r = spawnSync(process.execPath, [bin, '-f', 'json', '--host', host, 'examples/domains'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TIMING: '1' } });
  assert.equal(r.status, 1);
  const report = JSON.parse(r.stdout) as { diagnostics: unknown[] };
  assert.ok(report.diagnostics.length > 0);
  const lines = r.stderr.trim().split('\n');
  assert.match(lines[0]!, /^Rule +\| +Time \(ms\) \| Relative$/);
  const rows = lines.slice(2).filter((l) => /\|/.test(l));
  assert.equal(rows.length, 10, 'TIMING=1 shows the ten slowest rules');
  const times = rows.map((l) => Number(l.split('|')[1]));
  assert.deepEqual(times, [...times].sort((a, b) => b - a), 'slowest first');
  const all = spawnSync(process.execPath, [bin, '-f', 'json', '--host', host, 'examples/domains'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TIMING: 'all' } });
  const allRows = all.stderr.trim().split('\n').slice(2);
  const ids = new Set((JSON.parse(kvmlint(['rules', '--format', 'json']).stdout) as Array<{ id: string }>).map((r) => r.id));
  const listed = allRows.map((l) => l.split('|')[0]!.trim());
  assert.ok(listed.length > 10, 'TIMING=all lists every rule that ran, not just ten');
  for (const id of listed) assert.ok(ids.has(id), `${id} is a rule`);
  for (const id of ['dedicated-cpu-conflict', 'missing-emulatorpin', 'value-invalid']) assert.ok(listed.includes(id), `${id} ran`);
});

test('a reader that stops early (kvmlint … | head -1) ends the report quietly, with kvmlint\'s exit code', () => {
  // Thousands of findings: a report far larger than a pipe's buffer, so writes go on after head exits.
  const pins = Array.from({ length: 3000 }, (_, i) => `<vcpupin vcpu='${i}' cpuset='1,^x'/>`).join('');
  const dir = tempDir({ 'many.xml': `<domain type='kvm'><name>x</name><vcpu>2</vcpu><cputune>${pins}</cputune></domain>\n` });
  try {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" many.xml | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.stderr, '', 'no EPIPE error or stack trace');
    assert.equal(r.stdout.trim(), '1', 'the exit code of a lint with errors');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no silent pass: a directory or glob without a domain is exit 2 with a message; --allow-no-domains accepts it', () => {
  const dir = tempDir({ 'notes/readme.txt': 'no domains here\n', 'net/default.xml': '<network><name>default</name></network>\n' });
  try {
    for (const args of [['.'], ['net'], []]) {
      const r = kvmlint(args, dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /^kvmlint: no domain XML found in '[^']+'/);
      noStackTrace(r.stderr);
    }
    assert.equal(kvmlint(['--allow-no-domains', '.'], dir).code, 0);
    // A named JSON file no config maps as a host (a pre-commit hook hands over package.json too) is
    // exit 0, but not in silence: a note says it was not linted and how to lint against it.
    writeFileSync(join(dir, 'host.json'), '{}\n');
    const json = kvmlint(['host.json'], dir);
    assert.equal(json.code, 0, json.stderr);
    assert.match(json.stderr, /^kvmlint: note: host\.json: a JSON file that no kvmlint\.config\.json maps as a host snapshot; not linted \(--host/m);
    // A file named explicitly is no silent pass: a non-domain is reported as such.
    assert.match(kvmlint(['--no-color', 'net/default.xml'], dir).stdout, /not-a-domain/);
    // A directory whose only domain does not parse: that is the finding, with its line and column, not "no domain".
    writeFileSync(join(dir, 'net', 'broken.xml'), "<domain type='kvm'>\n  <name>b</name>\n  <memory>4\n</domain>\n");
    const broken = kvmlint(['--no-color', 'net'], dir);
    assert.equal(broken.code, 1, broken.stderr);
    assert.match(broken.stdout, /4:10 +error +unexpected close tag <\/domain>.*xml-malformed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a root with a namespace prefix is a domain, as libvirt reads it (its local name): walked and linted, not skipped', () => {
  // libvirt compares the root's local name (virXMLNodeNameEqual), so `virsh define` takes <v:domain>.
  const domain = "<v:domain xmlns:v='urn:x' type='kvm'><name>p</name><memory>1048576</memory><vcpu>2</vcpu><cputune><vcpupin vcpu='0' cpuset='0-1,,x'/></cputune></v:domain>\n";
  const dir = tempDir({ 'domains/p.xml': domain, 'domains/not/net.xml': '<x:network xmlns:x="urn:x"><name>n</name></x:network>\n' });
  try {
    for (const args of [['--no-color', 'domains'], ['--no-color', 'domains/p.xml']]) {
      const r = kvmlint(args, dir);
      assert.equal(r.code, 1, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stdout, /error +vcpupin cpuset='0-1,,x': empty item between commas +cpuset-syntax/);
      assert.doesNotMatch(r.stdout, /not-a-domain/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a config host whose globs match no file is exit 2 naming the entry, whatever is linted', () => {
  const dir = tempDir({});
  try {
    cpSync(join(repoRoot, 'examples', 'fleet'), dir, { recursive: true });
    const config = JSON.parse(readFileSync(join(dir, 'kvmlint.config.json'), 'utf8')) as { hosts: Array<{ domains: string[] }> };
    config.hosts[1]!.domains = ['hv2/**/*.xml'];
    writeFileSync(join(dir, 'kvmlint.config.json'), JSON.stringify(config));
    for (const args of [['.'], ['hv01/web-01.xml']]) {
      const r = kvmlint(args, dir);
      assert.equal(r.code, 2, r.stdout);
      assert.equal(r.stderr, "kvmlint: kvmlint.config.json: hosts[1].domains: 'hv2/**/*.xml' matches no file (globs are relative to the config's directory): a typo, or a host without guests (remove it)\n");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a host is vouched for only by a file the glob walk would return: hidden, gitignored or node_modules files below its glob do not count; a symlinked guest does', () => {
  const dir = tempDir({});
  try {
    cpSync(join(repoRoot, 'examples', 'fleet'), dir, { recursive: true });
    spawnSync('git', ['init', '-q'], { cwd: dir });
    // hv02's guests move away; what is left below hv02/ is nothing the walk returns.
    rmSync(join(dir, 'hv02'), { recursive: true });
    mkdirSync(join(dir, 'hv02', 'nested'), { recursive: true });
    writeFileSync(join(dir, 'hv02', '.hidden.xml'), '<domain/>');
    mkdirSync(join(dir, 'hv02', '.git-like'));
    writeFileSync(join(dir, 'hv02', '.git-like', 'vm.xml'), '<domain/>');
    writeFileSync(join(dir, 'hv02', 'nested', 'built.xml'), '<domain/>');
    writeFileSync(join(dir, '.gitignore'), 'hv02/nested/\n');
    mkdirSync(join(dir, 'hv02', 'node_modules'));
    writeFileSync(join(dir, 'hv02', 'node_modules', 'vm.xml'), '<domain/>');
    const r = kvmlint(['hv01/web-01.xml'], dir);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /hosts\[1\]\.domains: 'hv02\/\*\*\/\*\.xml' matches no file/);
    // A symlinked guest is one, as virsh define reads it: from a named file's run and from a walk alike.
    symlinkSync(join(dir, 'hv01', 'web-01.xml'), join(dir, 'hv02', 'link.xml'));
    for (const args of [['hv01/web-01.xml'], ['.']]) assert.notEqual(kvmlint(args, dir).code, 2, args.join(' '));
    rmSync(join(dir, 'hv02', 'link.xml'));
    // One plain guest file is enough.
    writeFileSync(join(dir, 'hv02', 'guest.xml'), readFileSync(join(repoRoot, 'examples', 'fleet', 'hv02', 'cache-01.xml')));
    assert.notEqual(kvmlint(['hv01/web-01.xml'], dir).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("plans are checked whole: one named guest is linted with its host's other guests; findings involving it are reported", () => {
  const fleet = join(repoRoot, 'examples', 'fleet');
  type Report = { files: string[]; diagnostics: Array<{ ruleId: string; file: string }> };
  const run = (...args: string[]) => JSON.parse(kvmlint(['-f', 'json', ...args], fleet).stdout) as Report;
  const whole = run('.');
  const hugepages = (r: Report) => r.diagnostics.filter((d) => d.ruleId === 'insufficient-hugepages').map((d) => d.file);
  // One finding for node 0's pool (on web-02, the later of two equal guests; web-01 related).
  assert.deepEqual(hugepages(whole).filter((f) => f.startsWith('hv01/')), ['hv01/web-02.xml']);
  // web-02 alone would fit node 0's pool; with web-01 (read from disk, not named) it does not.
  const one = run('hv01/web-02.xml');
  assert.deepEqual(one.files, ['hv01/web-02.xml', 'hosts/hv01.json']);
  assert.deepEqual(hugepages(one), ['hv01/web-02.xml']);
  assert.deepEqual(one.diagnostics.filter((d) => d.file.startsWith('hv')).map((d) => d.file), one.diagnostics.filter((d) => d.file === 'hv01/web-02.xml').map((d) => d.file));
  // A named snapshot is a change to its whole plan: every guest of hv02 is reported, none of hv01.
  const snapshot = run('hosts/hv02.json');
  assert.deepEqual(snapshot.files, ['hv02/analytics-01.xml', 'hv02/cache-01.xml', 'hosts/hv02.json']);
  // The config: every plan.
  assert.deepEqual(run('kvmlint.config.json').diagnostics, whole.diagnostics);
});

test('kvmlint explain shows the config, host, plan members, housekeeping source and rule severities of a fleet domain', () => {
  const r = kvmlint(['explain', 'hv01/web-01.xml'], join(repoRoot, 'examples', 'fleet'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^file: +hv01\/web-01\.xml \(domain web-01, uuid [0-9a-f-]+\)$/m);
  assert.match(r.stdout, /^config: +kvmlint\.config\.json$/m);
  assert.match(r.stdout, /^host: +hosts\/hv01\.json \(kvmlint\.config\.json hosts\[0\], domains 'hv01\/\*\*\/\*\.xml'\)$/m);
  assert.match(r.stdout, /^plan: +3 domains planned together on hosts\/hv01\.json: hv01\/web-01\.xml with hv01\/db-01\.xml, hv01\/web-02\.xml$/m);
  assert.match(r.stdout, /^housekeeping: CPUs 0-3: online 0-31 minus isolated 4-31 \(/m);
  assert.match(r.stdout, /^ {2}min-free-kbytes-guideline +warning +kvmlint\.config\.json$/m);
  assert.match(r.stdout, /^ {2}missing-emulatorpin +warning +default$/m);
  assert.match(r.stdout, /^host facts: +a hand-written kvmlint snapshot; /m);
  const unmapped = kvmlint(['explain', 'examples/production-vm.xml']);
  assert.match(unmapped.stdout, /^host: +none \(no --host, no config mapping\): only domain rules run$/m);
  assert.doesNotMatch(unmapped.stdout, /^host facts:/m);
  // An import says what it was read from and what it lacks, as `snapshot --from` does.
  const imported = kvmlint(['explain', '--no-config-lookup', '--host', 'fixtures/host-imports/numactl-real-opteron6272.txt', 'examples/production-vm.xml']);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /^host facts: +numactl --hardware text; missing: cpuTopology, hugepages, .*isolation.* \(the rules that need these stay silent\)$/m);
  assert.match(unmapped.stdout, /^ {2}insufficient-hugepages +error +default \(needs a host \(plan\): does not run\)$/m);
});

test('small things: kvmlint - and a pipe read stdin; -o into a missing directory and --host DIR are usage errors; --max-warnings -1; FORCE_COLOR; --fix says what it fixed', () => {
  const xml = readFileSync(join(repoRoot, 'examples/domains/missing-emulatorpin.xml'));
  for (const args of [['-f', 'json', '--host', host, '-'], ['-f', 'json', '--host', host]]) {
    const r = kvmlint(args, repoRoot, xml);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as { files: string[] }).files, ['<stdin>', host], args.join(' '));
  }

  const out = kvmlint(['-o', 'no/such/dir/report.txt', 'examples/production-vm.xml']);
  assert.equal(out.code, 2);
  assert.equal(out.stderr, 'kvmlint: -o no/such/dir/report.txt: directory no/such/dir does not exist\n');

  const dirHost = kvmlint(['--host', 'examples/hosts', 'examples/production-vm.xml']);
  assert.equal(dirHost.code, 2);
  assert.match(dirHost.stderr, /^kvmlint: --host examples\/hosts is a directory: name one host snapshot file/);
  assert.doesNotMatch(dirHost.stderr, /EISDIR|internal error/);

  const args = ['--host', host, 'examples/domains/missing-emulatorpin.xml'];
  assert.equal(kvmlint([...args, '--max-warnings', '0']).code, 1);
  assert.equal(kvmlint([...args, '--max-warnings', '-1']).code, 0);
  assert.equal(kvmlint([...args, '--max-warnings=-1']).code, 0);
  assert.equal(kvmlint([...args, '--max-warnings', '-2']).code, 2);

  const colored = (env: Record<string, string>) => spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env } }).stdout;
  assert.match(colored({ FORCE_COLOR: '1' }), /\u001b\[/);
  assert.doesNotMatch(colored({ FORCE_COLOR: '0' }), /\u001b\[/);
  assert.doesNotMatch(colored({ FORCE_COLOR: '' }), /\u001b\[/);

  const dir = tempDir({ 'vm.xml': xml.toString('utf8') });
  try {
    const fixed = kvmlint(['--host', join(repoRoot, host), '--fix', 'vm.xml'], dir);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.equal(fixed.stderr, 'kvmlint: fixed vm.xml: missing-emulatorpin\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a long text report reaches stdout whole, in writes of 16 KB or more, the same as -o writes it', () => {
  // 300 domains with a descending cpuset each: ~150 KB of findings, several writes.
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) {
    files[`d${String(i).padStart(3, '0')}.xml`] = `<domain type='kvm'>\n  <name>vm${i}</name>\n  <memory>1048576</memory>\n  <vcpu placement='static' cpuset='5-2'>2</vcpu>\n  <os><type arch='x86_64'>hvm</type></os>\n</domain>\n`;
  }
  const dir = tempDir(files);
  try {
    const piped = kvmlint(['--no-color', '.'], dir);
    assert.equal(piped.code, 1);
    assert.ok(piped.stdout.length > 128 * 1024, `report of ${piped.stdout.length} characters`);
    assert.equal(piped.stdout.split('cpuset-syntax').length - 1, 300);
    const written = kvmlint(['--no-color', '-o', 'report.txt', '.'], dir);
    assert.equal(written.code, 1);
    assert.equal(piped.stdout, readFileSync(join(dir, 'report.txt'), 'utf8'));
    // Count the writes: strace is what .ci/run installs for the tests that trace syscalls.
    const traced = spawnSync('strace', ['-f', '-e', 'trace=write', '-e', 'signal=none', '-o', join(dir, 'writes.txt'), process.execPath, bin, '--no-color', '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
    if (traced.error) return; // no strace here: the content checks above still ran
    const stdoutWrites = readFileSync(join(dir, 'writes.txt'), 'utf8').split('\n').filter((l) => /\bwrite\(1,/.test(l));
    const sizes = stdoutWrites.map((l) => Number(/= (\d+)$/.exec(l)?.[1]));
    assert.ok(sizes.length >= 2, `one write for the whole report: ${sizes.join(', ')}`);
    assert.ok(sizes.slice(0, -1).every((n) => n >= 16 * 1024), `writes of ${sizes.join(', ')} bytes`);
    assert.equal(sizes.reduce((a, b) => a + b, 0), Buffer.byteLength(piped.stdout));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('UTF-16 without a byte order mark: one xml-malformed error at 1:1 that says so (exit 1), in text and JSON', () => {
  const xml = `<?xml version="1.0" encoding="UTF-16"?>\n<domain type='kvm'><name>a</name></domain>\n`;
  const dir = tempDir({});
  try {
    writeFileSync(join(dir, 'le.xml'), Buffer.from(xml, 'utf16le'));
    writeFileSync(join(dir, 'be.xml'), Buffer.from(xml, 'utf16le').swap16());
    const r = kvmlint(['-f', 'json', 'le.xml', 'be.xml'], dir);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; ruleId: string; line: number; column: number; message: string }> };
    assert.deepEqual(
      report.diagnostics.map((d) => [d.file, d.ruleId, d.line, d.column, d.message.replace(/^(UTF-16 \([a-z]+-endian\) without a byte order mark, and an XML declaration naming UTF-16): .*$/, '$1')]),
      [
        ['be.xml', 'xml-malformed', 1, 1, 'UTF-16 (big-endian) without a byte order mark, and an XML declaration naming UTF-16'],
        ['le.xml', 'xml-malformed', 1, 1, 'UTF-16 (little-endian) without a byte order mark, and an XML declaration naming UTF-16'],
      ],
    );
    const text = kvmlint(['--no-color', '-f', 'compact', 'le.xml'], dir);
    assert.equal(text.stdout, 'le.xml:1:1: error: UTF-16 (little-endian) without a byte order mark, and an XML declaration naming UTF-16: kvmlint reads UTF-16 only after a byte order mark; add one or convert the file to UTF-8 [xml-malformed]\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a refused file makes no clean run: the text summary says the run is incomplete, SARIF says execution failed and why', () => {
  const dir = tempDir({ 'kr.xml': "<?xml version='1.0' encoding='ISO-2022-KR'?>\n<domain type='kvm'><name>x</name></domain>\n" });
  try {
    const text = kvmlint(['--no-color', 'kr.xml'], dir);
    assert.equal(text.code, 2);
    assert.match(text.stdout, /✖ incomplete run: 0 files checked/);
    assert.doesNotMatch(text.stdout, /no problems/);
    const sarif = kvmlint(['-f', 'sarif', 'kr.xml'], dir);
    const invocation = JSON.parse(sarif.stdout).runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /kr\.xml: the XML declaration names encoding 'iso-2022-kr'/);
    assert.equal(invocation.toolExecutionNotifications[0].level, 'error');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
