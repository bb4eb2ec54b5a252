import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildMaps } from '../../src/commands/map.ts';
import { formatMapHtml } from '../../src/map/html.ts';
import { formatHostMapText } from '../../src/map/text.ts';
import { domainXml, hostSnapshot, type GuestSpec, type HostSpec } from '../support/plan-instances.ts';
import { repoRoot } from '../support/fixtures.ts';

const fleet = join(repoRoot, 'examples/fleet');
const FLEET_GUESTS = ['analytics-01', 'cache-01', 'db-01', 'web-01', 'web-02'];
/** Test artefacts (the HTML map and its screenshot) are kept here; CI may upload the directory. */
const ARTIFACTS = process.env.KVMLINT_TEST_ARTIFACTS ?? join(repoRoot, 'test-results');

test('map (text): every node core by core, each guest thread on its CPU, pools and findings', async () => {
  const maps = await buildMaps({ paths: [fleet], cwd: fleet });
  const text = maps.map((m) => formatHostMapText(m, { color: false })).join('\n');
  for (const g of FLEET_GUESTS) assert.match(text, new RegExp(`${g} vCPU 0`));
  assert.match(text, /^hv01 \(hosts\/hv01\.json\): 2 nodes, 3 guests$/m);
  assert.match(text, /^ {2}node 0: 2 MiB pages 6144\/4096 !!; memory/m);
  assert.match(text, /^ {4} 4 {5}I {3}web-01 vCPU 0$/m);
  assert.match(text, /^ {4} 0 {5}H {3}emulator of db-01, web-01, web-02; IOThreads of db-01, web-01, web-02$/m);
  assert.match(text, /insufficient-hugepages/);
});

test('map (text): SMT siblings share a line, and a CPU two guests pin is a conflict', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-map-'));
  try {
    const h: HostSpec = { nodes: 1, coresPerNode: 4, smt: true, housekeepingCores: [1], pools: [{ pages2m: 1024, pages1g: 0, freeMiB: 8192 }], minFreeKbytes: undefined };
    writeFileSync(join(dir, 'host.json'), JSON.stringify(hostSnapshot(h, 'smt')));
    const g: GuestSpec = { vcpus: 2, threads: 2, cells: false, backing: '2m', memoryUnits: 1, iothreads: 0, pins: [1, 5, 0, 0, 0, 0, 0, 0] };
    writeFileSync(join(dir, 'a.xml'), domainXml(g, 'a', 8));
    writeFileSync(join(dir, 'b.xml'), domainXml({ ...g, pins: [1, 2, 0, 0, 0, 0, 0, 0] }, 'b', 8));
    const [map] = await buildMaps({ paths: [dir], cwd: dir, hostFile: 'host.json', configFile: false });
    const text = formatHostMapText(map!, { color: false });
    assert.match(text, /^ {4}1,5 +I {3}1: a vCPU 0; b vCPU 0 \| 5: a vCPU 1 !!$/m);
    assert.match(text, /^ {4}0,4 +H /m);
    assert.match(text, /dedicated-cpu-conflict/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('map: a hybrid host names each kind of core, free cores of two kinds are not one run, and the HTML says the kind of each CPU', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-map-'));
  try {
    // 6 cores, no SMT; the last 3 slower (cpu_capacity 400 against 1024); core 0 housekeeping.
    const h: HostSpec = { nodes: 1, coresPerNode: 6, smt: false, housekeepingCores: [1], pools: [{ pages2m: 1024, pages1g: 0, freeMiB: 8192 }], minFreeKbytes: undefined, slowCoresPerNode: 3 };
    writeFileSync(join(dir, 'host.json'), JSON.stringify(hostSnapshot(h, 'biglittle')));
    writeFileSync(join(dir, 'a.xml'), domainXml({ vcpus: 1, threads: 1, cells: false, backing: '2m', memoryUnits: 1, iothreads: 0, pins: [1, 0, 0, 0, 0, 0, 0, 0] }, 'a', 6));
    const [map] = await buildMaps({ paths: [dir], cwd: dir, hostFile: 'host.json', configFile: false });
    const text = formatHostMapText(map!, { color: false });
    assert.match(text, /^ {2}cores of capacity 1024 0-2, cores of capacity 400 3-5$/m);
    // CPU 2 (fast) and CPUs 3-5 (slow) are free: two lines, not one run of four.
    assert.match(text, /^ {4}2 +I +—$/m);
    assert.match(text, /^ {4}3…5 +I +— \(3 free cores\)$/m);
    const html = formatMapHtml([map!]);
    assert.match(html, /<title>CPU 4 \(isolated, cores of capacity 400\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('map: a guest name is cut as messages cut it, so the HTML stays linear in the input', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-map-'));
  try {
    writeFileSync(join(dir, 'host.json'), readFileSync(join(repoRoot, 'examples/hosts/dual-socket.json')));
    // A 64 KiB <name> whose vCPUs float over 32 CPUs: every CPU's tooltip lists 32 threads of it.
    const name = 'g'.repeat(64 * 1024);
    writeFileSync(join(dir, 'vm.xml'), `<domain type='kvm'><name>${name}</name><memory unit='GiB'>4</memory><vcpu placement='static' cpuset='0-31'>32</vcpu><os><type arch='x86_64' machine='q35'>hvm</type></os></domain>`);
    const maps = await buildMaps({ paths: [join(dir, 'vm.xml')], cwd: dir, hostFile: 'host.json', configFile: false });
    const html = formatMapHtml(maps);
    const text = formatHostMapText(maps[0]!, { color: false });
    assert.ok(html.length < 400_000, `the HTML map is ${html.length} characters for a ${name.length}-character name`);
    assert.ok(text.length < 20_000, `the text map is ${text.length} characters`);
    assert.match(html, /g{63}…/);
    assert.doesNotMatch(html + text, /g{64}/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('map (HTML): one self-contained file, no script, no network, every guest in the legend', async () => {
  const maps = await buildMaps({ paths: [fleet], cwd: fleet });
  const html = formatMapHtml(maps);
  assert.doesNotMatch(html, /<script|<link|@import|url\(|<img|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
  for (const g of FLEET_GUESTS) assert.match(html, new RegExp(`<b>${g}</b>`));
  assert.match(html, /<title>CPU 4 \(isolated\)\nweb-01 vCPU 0<\/title>/);
});

/** Debian's chromium, headless, isolated from the network and from any profile. */
function chromium(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const profile = mkdtempSync(join(tmpdir(), 'kvmlint-chromium-'));
  try {
    const r = spawnSync(
      'chromium',
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, ...args],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 26 },
    );
    return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const hasChromium = spawnSync('chromium', ['--version'], { encoding: 'utf8' }).status === 0;

test('map (HTML): renders in headless Chromium with every guest, and a screenshot is kept', { skip: !hasChromium && !process.env.CI ? 'chromium is not installed (.ci/run installs it)' : false }, async () => {
  if (!hasChromium) throw new Error('chromium is not installed: .ci/run installs Debian\'s chromium for this test');
  mkdirSync(ARTIFACTS, { recursive: true });
  const htmlPath = join(ARTIFACTS, 'map-fleet.html');
  const pngPath = join(ARTIFACTS, 'map-fleet.png');
  rmSync(pngPath, { force: true });
  writeFileSync(htmlPath, formatMapHtml(await buildMaps({ paths: [fleet], cwd: fleet })));
  const dom = chromium(['--dump-dom', `file://${htmlPath}`]);
  assert.equal(dom.status, 0, dom.stderr);
  // What the browser built: every guest in a legend entry, every node's SVG laid out.
  for (const g of FLEET_GUESTS) assert.match(dom.stdout, new RegExp(`<li class="g-\\d+"><span class="sw"[^>]*></span><b>${g}</b>`));
  assert.equal((dom.stdout.match(/<svg /g) ?? []).length, 4);
  const shot = chromium([`--screenshot=${pngPath}`, '--window-size=1400,1100', `file://${htmlPath}`]);
  assert.equal(shot.status, 0, shot.stderr);
  assert.ok(existsSync(pngPath), 'no screenshot written');
  const png = readFileSync(pngPath);
  assert.deepEqual([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
  // A blank page compresses to a few KB; the map with its colours and text does not.
  assert.ok(statSync(pngPath).size > 30_000, `screenshot is only ${statSync(pngPath).size} bytes`);
});

test("map (text): the README shows the fleet example's map as kvmlint prints it", async () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const at = readme.indexOf('$ kvmlint map examples/fleet\n');
  assert.ok(at > 0, 'README has no map of the fleet example');
  const shown = readme.slice(at + '$ kvmlint map examples/fleet\n'.length, readme.indexOf('```', at));
  const maps = await buildMaps({ paths: ['examples/fleet'], cwd: repoRoot });
  assert.equal(shown, maps.map((m) => formatHostMapText(m, { color: false })).join('\n'));
  assert.ok(existsSync(join(repoRoot, 'docs/map-fleet.png')), 'the README\'s screenshot of the HTML map');
});

test('kvmlint map colours as the lint report does: FORCE_COLOR on a pipe, NO_COLOR and --no-color off', () => {
  const bin = join(repoRoot, 'dist', 'kvmlint.mjs');
  const run = (env: Record<string, string>, args: string[] = []) =>
    spawnSync(process.execPath, [bin, 'map', ...args, 'examples/fleet'], { cwd: repoRoot, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } }).stdout;
  const esc = /\x1b\[/;
  assert.doesNotMatch(run({}), esc, 'a pipe: no colour');
  assert.match(run({ FORCE_COLOR: '1' }), esc);
  assert.doesNotMatch(run({ FORCE_COLOR: '1' }, ['--no-color']), esc);
  assert.match(run({}, ['--color']), esc);
});

test('map (HTML): guests whose names cut to one label keep their own colours; bidi controls in findings and long hostnames are neutralised and cut; a copied file is one guest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-map-names-'));
  try {
    const host = JSON.parse(readFileSync(join(repoRoot, 'examples/hosts/dual-socket.json'), 'utf8'));
    host.hostname = 'h'.repeat(400);
    writeFileSync(join(dir, 'host.json'), JSON.stringify(host));
    const guest = (name: string, uuid: string, cpu: number) =>
      `<domain type='kvm'><name>${name}</name><uuid>${uuid}</uuid><memory unit='GiB'>4</memory><vcpu placement='static'>1</vcpu><cputune><vcpupin vcpu='0' cpuset='${cpu}'/><emulatorpin cpuset='0-1'/></cputune><os><type arch='x86_64' machine='q35'>hvm</type></os></domain>`;
    const long = 'x'.repeat(70);
    writeFileSync(join(dir, 'a.xml'), guest(`${long}-a`, '00000000-0000-4000-8000-00000000000a', 4));
    writeFileSync(join(dir, 'b.xml'), guest(`${long}-b`, '00000000-0000-4000-8000-00000000000b', 5));
    // Both pinned to CPU 6: dedicated-cpu-conflict's message names the guests, RLO included.
    writeFileSync(join(dir, 'c.xml'), guest('gnp.exe\u202e-web', '00000000-0000-4000-8000-00000000000c', 6));
    writeFileSync(join(dir, 'd.xml'), guest('other', '00000000-0000-4000-8000-00000000000d', 6));
    // A copy of d (same name and uuid): one guest, as the plan rules count it.
    writeFileSync(join(dir, 'e.xml'), guest('other', '00000000-0000-4000-8000-00000000000d', 6));
    const maps = await buildMaps({ paths: ['a.xml', 'b.xml', 'c.xml', 'd.xml', 'e.xml'].map((f) => join(dir, f)), cwd: dir, hostFile: 'host.json', configFile: false });
    const html = formatMapHtml(maps);
    assert.doesNotMatch(html, /\u202e/, 'no right-to-left override in the page');
    assert.doesNotMatch(html, /h{65}/, 'the hostname is cut');
    const swatch = (file: string) => new RegExp(`<span class="sw" style="background:([^"]+)"></span><b>[^<]*</b> <small>${file}</small>`).exec(html)?.[1];
    assert.ok(swatch('a.xml') && swatch('b.xml') && swatch('a.xml') !== swatch('b.xml'), 'two colours for two guests with one label');
    assert.equal(maps[0]!.guests.length, 4, 'the copy e.xml is not a fifth guest');
    // No guest is drawn in the reds that mark conflicts.
    for (const [, hue] of html.matchAll(/hsl\((\d+), 60%, 60%\)/g)) assert.ok(Number(hue) >= 25 && Number(hue) < 335, `hue ${hue}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
