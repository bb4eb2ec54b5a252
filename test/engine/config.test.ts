import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { lint } from '../../src/engine/runner.ts';
import { ConfigError, domainGlobMatcher } from '../../src/engine/config.ts';
import picomatch from 'picomatch';
import { repoRoot } from '../support/paths.ts';

const bin = join(repoRoot, 'dist', 'kvmlint.mjs');
const fleet = join(repoRoot, 'examples', 'fleet');

function kvmlint(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch repository (with .git, so config lookup stops there) holding a copy of the fleet example. */
function scratchFleet(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-config-'));
  mkdirSync(join(dir, '.git'));
  cpSync(fleet, join(dir, 'fleet'), { recursive: true });
  return dir;
}

function writeConfig(dir: string, config: object): void {
  writeFileSync(join(dir, 'fleet', 'kvmlint.config.json'), JSON.stringify(config, null, 2));
}

const fleetConfig = () => JSON.parse(readFileSync(join(fleet, 'kvmlint.config.json'), 'utf8'));

test('the fleet example lints with one command; each host\'s hugepage findings land on its own domains', () => {
  const r = kvmlint(['-f', 'json', 'examples/fleet'], repoRoot);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { diagnostics: Array<{ ruleId: string; file: string; message: string; related?: Array<{ file: string }> }> };
  const hugepages = report.diagnostics.filter((d) => d.ruleId === 'insufficient-hugepages');
  // One finding per pool: hv01 node 0 (web-02, web-01 related) and hv02 node 1.
  assert.deepEqual(hugepages.map((d) => d.file).sort(), ['examples/fleet/hv01/web-02.xml', 'examples/fleet/hv02/analytics-01.xml']);
  const web02 = hugepages.find((d) => d.file.endsWith('web-02.xml'))!;
  assert.deepEqual(web02.related?.map((x) => x.file), ['examples/fleet/hv01/web-01.xml'], 'hv02 guests and other nodes are not in hv01 node 0\'s plan');
  assert.match(web02.message, /2 guests/);
  assert.match(hugepages.find((d) => d.file.endsWith('analytics-01.xml'))!.message, /1 GiB/);
});

test('hosts[].domains may name files literally, as plain names: each is planned on its host', () => {
  const dir = scratchFleet();
  try {
    const config = fleetConfig();
    config.hosts[0].domains = ['hv01/db-01.xml', 'hv01/web-01.xml', 'hv01/web-02.xml'];
    writeConfig(dir, config);
    const literal = kvmlint(['-f', 'json', 'fleet'], dir);
    writeConfig(dir, fleetConfig());
    const globbed = kvmlint(['-f', 'json', 'fleet'], dir);
    assert.equal(literal.code, globbed.code, literal.stderr);
    assert.doesNotMatch(literal.stderr, /matches no file/);
    assert.deepEqual(JSON.parse(literal.stdout).diagnostics, JSON.parse(globbed.stdout).diagnostics);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a domain matched by two hosts\' globs is a config error naming both (exit 2)', () => {
  const dir = scratchFleet();
  try {
    const config = fleetConfig();
    config.hosts[1].domains.push('hv01/web-*.xml');
    writeConfig(dir, config);
    const r = kvmlint(['fleet'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /hv01\/web-01\.xml is matched by both hosts\[0\] \(hosts\/hv01\.json\) and hosts\[1\] \(hosts\/hv02\.json\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('one snapshot in two hosts[] entries is a config error (planned apart, each would place guests on the other\'s CPUs)', () => {
  const dir = scratchFleet();
  try {
    const config = fleetConfig();
    // hv01's guests split over two entries naming the same snapshot.
    config.hosts = [
      { snapshot: config.hosts[0].snapshot, domains: ['hv01/db-*.xml'] },
      { snapshot: `./${config.hosts[0].snapshot}`, domains: ['hv01/web-*.xml'] },
      config.hosts[1],
    ];
    writeConfig(dir, config);
    for (const args of [['fleet'], ['plan', '--write', 'fleet']]) {
      const r = kvmlint(args, dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /hosts\[1\]\.snapshot: \.\/hosts\/hv01\.json is hosts\[0\]'s snapshot too/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a wrong config is exit 2 naming the key', () => {
  const cases: Array<[object, RegExp]> = [
    [{ hosts: [{ snapshot: 'hosts/hv01.json' }] }, /hosts\[0\]\.domains: is required/],
    [{ rules: { 'missing-emulatorpin': 'loud' } }, /rules\.missing-emulatorpin: /],
    [{ rules: { 'no-such-rule': 'off' } }, /rules\.no-such-rule: unknown rule/],
    [{ hosts: [{ snapshot: 'hosts/nope.json', domains: ['**'] }] }, /hosts\[0\]\.snapshot: file hosts\/nope\.json does not exist/],
    [{ ignore: ['x'] }, /ignore: is not a known field/],
    [{ ignores: [{ rules: ['typo-rule'] }] }, /ignores\[0\]\.rules: unknown rule 'typo-rule'/],
  ];
  const dir = scratchFleet();
  try {
    for (const [config, message] of cases) {
      writeConfig(dir, config);
      const r = kvmlint(['fleet'], dir);
      assert.equal(r.code, 2, JSON.stringify(config));
      assert.match(r.stderr, /kvmlint\.config\.json: /);
      assert.match(r.stderr, message);
    }
    writeFileSync(join(dir, 'fleet', 'kvmlint.config.json'), '{ "rules": { , } }');
    const syntax = kvmlint(['fleet'], dir);
    assert.equal(syntax.code, 2);
    assert.match(syntax.stderr, /not valid JSON at line 1, column/);
    // A name twice in one object: JSON keeps the last, a reviewer reads the first.
    writeFileSync(join(dir, 'fleet', 'kvmlint.config.json'), '{\n  "rules": {\n    "missing-emulatorpin": "error",\n    "missing-emulatorpin": "off"\n  }\n}\n');
    const twice = kvmlint(['fleet'], dir);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /kvmlint\.config\.json: rules\.missing-emulatorpin: appears twice in the same object \(again at line 4, column 5\); JSON keeps the last, so say it once/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('config lookup goes upward from the linted path and stops at the repository root; -c names one explicitly', async () => {
  const dir = scratchFleet();
  try {
    // From inside the fleet: found. From a sibling: not found (and not looked for above .git).
    const inside = await lint({ paths: ['fleet/hv01'], cwd: dir });
    assert.equal(inside.config?.path, 'fleet/kvmlint.config.json');
    mkdirSync(join(dir, 'other'));
    cpSync(join(fleet, 'hv01', 'web-01.xml'), join(dir, 'other', 'vm.xml'));
    const outside = await lint({ paths: ['other'], cwd: dir });
    assert.equal(outside.config, undefined);
    const explicit = await lint({ paths: ['other'], cwd: dir, configFile: 'fleet/kvmlint.config.json' });
    assert.equal(explicit.config?.path, 'fleet/kvmlint.config.json');
    const none = await lint({ paths: ['fleet'], cwd: dir, configFile: false });
    assert.equal(none.config, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ignores: a glob skips files; an object silences findings by domain name, uuid, file and rule', async () => {
  const dir = scratchFleet();
  try {
    const base = fleetConfig();
    const run = async (ignores: unknown[]) => {
      writeConfig(dir, { ...base, ignores });
      const r = await lint({ paths: ['fleet'], cwd: dir });
      return r.diagnostics.filter((d) => d.ruleId === 'insufficient-hugepages').map((d) => d.file.split('/').pop()).sort();
    };
    // hv01's node-0 pool is one finding, reported on web-02 (web-01 related): ignoring web-02 silences it.
    assert.deepEqual(await run([]), ['analytics-01.xml', 'web-02.xml']);
    assert.deepEqual(await run(['hv02/**']), ['web-02.xml']);
    assert.deepEqual(await run([{ domains: ['web-02'], rules: ['insufficient-hugepages'], reason: 'resized next window' }]), ['analytics-01.xml']);
    assert.deepEqual(await run([{ domains: ['0f1e2d3c-4b5a-4978-8695-a4b3c2d1e004'] }]), ['web-02.xml']);
    assert.deepEqual(await run([{ files: ['hv01/*.xml'], rules: ['missing-emulatorpin'] }]), ['analytics-01.xml', 'web-02.xml'], 'another rule: nothing silenced');
    // A uuid is matched as libvirt parses it (virUUIDParse: either case, dashes anywhere).
    assert.deepEqual(await run([{ domains: ['0F1E2D3C4B5A49788695A4B3C2D1E004'] }]), ['web-02.xml']);
    // A name is matched as libvirt compares it, exactly: `web-02 ` is another guest, which an ignore of web-02 leaves alone.
    const web02 = join(dir, 'fleet', 'hv01', 'web-02.xml');
    writeFileSync(web02, readFileSync(web02, 'utf8').replace('<name>web-02</name>', '<name>web-02 </name>'));
    assert.deepEqual(await run([{ domains: ['web-02'] }]), ['analytics-01.xml', 'web-02.xml']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rule severities and options from the config; --rule on the command line wins', async () => {
  const dir = scratchFleet();
  try {
    writeConfig(dir, { ...fleetConfig(), rules: { 'insufficient-hugepages': 'warn', 'min-free-kbytes-guideline': ['warn', { maxPercent: 0.1 }] } });
    const r = await lint({ paths: ['fleet'], cwd: dir });
    assert.ok(r.diagnostics.filter((d) => d.ruleId === 'insufficient-hugepages').every((d) => d.severity === 'warning'));
    assert.equal(r.diagnostics.filter((d) => d.ruleId === 'min-free-kbytes-guideline').length, 2, 'one per host at 0.1%');
    const cli = await lint({ paths: ['fleet'], cwd: dir, ruleSettings: { 'insufficient-hugepages': 'off' } });
    assert.equal(cli.diagnostics.filter((d) => d.ruleId === 'insufficient-hugepages').length, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a per-host housekeeping override changes what housekeeping-overlap sees', async () => {
  const dir = scratchFleet();
  try {
    const config = fleetConfig();
    config.hosts[0].housekeeping = '0-5';
    writeConfig(dir, config);
    const r = await lint({ paths: ['fleet/hv01'], cwd: dir });
    const overlaps = r.diagnostics.filter((d) => d.ruleId === 'housekeeping-overlap');
    const web01 = readFileSync(join(fleet, 'hv01', 'web-01.xml'), 'utf8').split('\n');
    const lineOf = (needle: string) => web01.findIndex((l) => l.includes(needle)) + 1;
    assert.deepEqual(
      overlaps.map((d) => `${d.file.split('/').pop()}:${d.line}`),
      [`web-01.xml:${lineOf("cpuset='4'")}`],
      'web-01 pins vCPUs 0-1 on CPUs 4-5: one finding, the second pin related',
    );
    config.hosts[0].housekeeping = '0-3,^2';
    writeConfig(dir, config);
    await assert.rejects(lint({ paths: ['fleet/hv01'], cwd: dir }), /housekeeping '0-3,\^2'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the shipped config schema is valid JSON Schema and accepts the fleet example', () => {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'kvmlint.config.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);
  assert.ok(validate(fleetConfig()), JSON.stringify(validate.errors));
  assert.ok(!validate({ hosts: 'x' }));
  assert.ok(ConfigError);
});

test('a host glob matched as its directory and the pattern below it agrees with picomatch on the whole glob', () => {
  const globs = [
    ['hv01/**/*.xml'],
    ['hv01/*.xml'],
    ['racks/r1/hv01/**'],
    ['hv01/**/*.xml', 'shared/hv01-*.xml'],
    ['hv01/**/vm?.xml'],
    ['hv01/{a,b}/*.xml'],
    ['.hidden/**/*.xml'],
    ['hv01/vm1.xml'],
    ['**/*.xml'],
    ['../outside/**/*.xml'],
    ['./hv01/**/*.xml'],
    ['hv\\*01/**'],
    ['!hv01/**'],
    ['hv01/**/**'],
    ['hv01/a/**/b/*.xml'],
    ['hv01/**/'],
    ['hv01/*'],
    ['hv01/*/'],
  ];
  const paths = [
    'hv01/vm1.xml', 'hv01/a/vm1.xml', 'hv01/a/b/c.xml', 'hv01/.x.xml', 'hv01/.xml', 'hv01/a/.hidden/x.xml', 'hv01/vm1.json', 'hv01',
    'hv011/vm1.xml', 'hv0/vm1.xml', 'racks/r1/hv01/x', 'racks/r1/hv01/y/z.xml', 'racks/r1/hv01', 'shared/hv01-a.xml', 'shared/x/hv01-a.xml',
    'hv01/vm2.xml', 'hv01/vm22.xml', 'hv01/a/vm1.xml', 'hv01/b/c.xml', 'hv01/c/c.xml', '.hidden/a.xml', '.hidden/x/.y.xml', '../outside/a.xml',
    'outside/a.xml', 'hv*01/a', 'hvx01/a', 'a.xml', 'hv01/', 'hv01/a/b/x.xml', 'hv01/a/x/b/y.xml',
  ];
  for (const g of globs) {
    const whole = picomatch(g, { dot: true });
    const split = domainGlobMatcher(g);
    for (const p of paths) assert.equal(split(p), whole(p), `${g.join(', ')} on ${p}`);
  }
});

test('a misspelt or mistyped rule option is exit 2 naming the rule and the key (meta.schema, checked before any rule runs)', () => {
  const dir = scratchFleet();
  try {
    writeConfig(dir, { ...fleetConfig(), rules: { 'min-free-kbytes-guideline': ['warn', { maxPercnt: 1 }] } });
    const misspelt = kvmlint(['fleet'], dir);
    assert.equal(misspelt.code, 2);
    assert.match(misspelt.stderr, /rules\.min-free-kbytes-guideline\[1\]\.maxPercnt.*rule 'min-free-kbytes-guideline' option 'maxPercnt': no such option \(options: maxPercent\)/);
    writeConfig(dir, { ...fleetConfig(), rules: { 'min-free-kbytes-guideline': ['warn', { maxPercent: 'two' }] } });
    const mistyped = kvmlint(['fleet'], dir);
    assert.equal(mistyped.code, 2);
    assert.match(mistyped.stderr, /option 'maxPercent': must be a number, not "two"/);
    writeConfig(dir, { ...fleetConfig(), rules: { 'locked-memory-risk': ['warn', { strict: true }] } });
    assert.match(kvmlint(['fleet'], dir).stderr, /rule 'locked-memory-risk' takes no options/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("glob bounds: three runs of '*' pass and four fail, a run of '***' counting once; braces and parentheses still checked", async () => {
  const { loadConfigFile } = await import('../../src/engine/config.ts');
  const dir = scratchFleet();
  try {
    const base = fleetConfig();
    const load = (ignores: string[]) => {
      writeConfig(dir, { ...base, ignores });
      return () => loadConfigFile(join(dir, 'fleet', 'kvmlint.config.json'));
    };
    for (const ok of ['**/vm-*.xml', 'a/***/b*c*.xml', '*a*b*c', 'x/{a,b}/*.xml']) assert.doesNotThrow(load([ok]), ok);
    for (const bad of ['*a*b*c*', '**/a*/b*/c*', 'a/***/b*c*d*']) assert.throws(load([bad]), /has more than 3 '\*' or '\*\*' wildcards/, bad);
    assert.throws(load(['x/{1..1000}.xml']), /brace range/);
    assert.throws(load(['x/@(a|aa).xml']), /extglob/);
    // Three '*' in one segment backtrack cubically in a regular expression: taken only where the linear
    // matcher takes the glob (src/engine/glob-match.ts), not beside a class or in hosts[].domains (globby walks those).
    assert.doesNotThrow(load(['*a*a*a0']));
    assert.throws(load(['[ab]*a*a*0']), /has more than 2 '\*' in one path segment together with a class/);
    assert.doesNotThrow(load(['[ab]*a*0', '**/[ab]*.xml']));
    const hosts = (domains: string[]) => {
      writeConfig(dir, { ...base, hosts: [{ ...base.hosts[0]!, domains }, ...base.hosts.slice(1)] });
      return () => loadConfigFile(join(dir, 'fleet', 'kvmlint.config.json'));
    };
    assert.throws(hosts(['hv01/*a*b*c.xml']), /hosts\[0\]\.domains: glob 'hv01\/\*a\*b\*c\.xml' has more than 2 '\*' in one path segment: such globs/);
    // Every glob is tried on every file: a config holds at most 20,000.
    assert.throws(load(Array.from({ length: 20_001 }, (_, i) => `x${i}/*.xml`)), /holds 20\d{3} globs in ignores and hosts\[\]\.domains, more than 20000/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
