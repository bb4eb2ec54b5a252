import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './support/paths.ts';
import { codeBlocks, readmeSection } from './support/readme.ts';

// How people get kvmlint: the package as `npm pack` makes it (what `npm publish` would upload),
// the README's snippets naming the release, and the changelog.

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string; files: string[] };
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

test("the README's snippets and install commands name the version in package.json", () => {
  const tag = `v${pkg.version}`;
  const revs = [...readme.matchAll(/^\s*rev: (\S+)$/gm)].map((m) => m[1]);
  const uses = [...readme.matchAll(/uses: kvmlint\/kvmlint@(\S+)/g)].map((m) => m[1]);
  const tags = [...readme.matchAll(/refs\/tags\/(v\d+\.\d+\.\d+)\.tar\.gz|--branch (v\d+\.\d+\.\d+)/g)].map((m) => m[1] ?? m[2]);
  assert.ok(revs.length > 0 && uses.length > 0 && tags.length > 0, 'the README shows a pre-commit rev, an Action ref and an install from a tag');
  assert.deepEqual([...new Set([...revs, ...uses, ...tags])], [tag]);
});

test('CHANGELOG.md has a section for the version in package.json', () => {
  const changelog = readFileSync(path.join(repoRoot, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')}$`, 'm'));
});

test('npm pack, installed in an empty directory without the registry: kvmlint rules missing-emulatorpin prints its README', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'kvmlint-pack-'));
  try {
    // npm's variables from `npm test` must not reach these npm runs.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: repoRoot, env, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const inPackage = new Set(packed!.files.map((f) => f.path));
    const ruleDirs = readdirSync(path.join(repoRoot, 'rules'), { withFileTypes: true }).filter((e) => e.isDirectory());
    for (const d of ruleDirs) assert.ok(inPackage.has(`rules/${d.name}/README.md`), `the package lacks rules/${d.name}/README.md`);
    for (const f of ['dist/bin.cjs', 'dist/kvmlint.mjs', 'dist/kvmlint.cjs', 'dist/globby.mjs', 'dist/libxml2-wasm.mjs', 'dist/schema-worker.mjs', 'CHANGELOG.md', 'README.md', 'LICENSE', 'schemas/kvmlint.config.schema.json']) assert.ok(inPackage.has(f), `the package lacks ${f}`);
    assert.ok(![...inPackage].some((f) => f.startsWith('src/') || f.startsWith('test/')), 'sources and tests stay out of the package');
    // The launcher's code cache is written at run time beside the bundle, for one Node; never shipped.
    assert.ok(![...inPackage].some((f) => f.startsWith('dist/kvmlint-code-cache-')), 'a code cache was packed');

    // The install section's command, with the release tarball replaced by the packed one.
    const [install] = codeBlocks(readmeSection('Install'), 'sh');
    const command = install!.split('\n').find((l) => l.startsWith('npm install -g '))!;
    const prefix = path.join(tmp, 'prefix');
    const args = command.replace(/^npm /, '').split(' ').map((a) => (a.endsWith('.tar.gz') ? path.join(tmp, packed!.filename) : a));
    const installed = spawnSync('npm', [...args, '--prefix', prefix, '--offline', '--no-audit', '--no-fund'], { cwd: tmp, env, encoding: 'utf8' });
    assert.equal(installed.status, 0, installed.stderr);
    const bin = path.join(prefix, 'bin', 'kvmlint');
    assert.ok(existsSync(bin));
    // npm links the bin to the CommonJS launcher (package.json), not to its ES module twin.
    assert.ok(realpathSync(bin).endsWith(path.join('dist', 'bin.cjs')), realpathSync(bin));

    // The CLI bundle carries no README text: it reads rules/<id>/README.md beside dist/ when one is shown (src/engine/readme-files.ts).
    assert.ok(!readFileSync(path.join(repoRoot, 'dist', 'kvmlint.cjs'), 'latin1').includes('## Why this matters'), 'README text in dist/kvmlint.cjs');
    const rules = spawnSync(bin, ['rules', 'missing-emulatorpin'], { cwd: tmp, encoding: 'utf8' });
    assert.equal(rules.status, 0, rules.stderr);
    const readmeOfRule = readFileSync(path.join(repoRoot, 'rules', 'missing-emulatorpin', 'README.md'), 'utf8');
    assert.ok(rules.stdout.startsWith(readmeOfRule.trimEnd()), rules.stdout);
    // The link names the README of this release, and the installed package has the file it names.
    const link = `https://github.com/kvmlint/kvmlint/blob/v${pkg.version}/rules/missing-emulatorpin/README.md`;
    assert.ok(rules.stdout.trimEnd().endsWith(link), rules.stdout);
    assert.ok(existsSync(path.join(prefix, 'lib', 'node_modules', 'kvmlint', 'rules', 'missing-emulatorpin', 'README.md')));

    const version = spawnSync(bin, ['--version'], { cwd: tmp, encoding: 'utf8' });
    assert.equal(version.stdout.trim(), pkg.version);
    // A glob is expanded by globby, loaded from beside the bundle (dist/globby.mjs) only then.
    mkdirSync(path.join(tmp, 'guests'));
    copyFileSync(path.join(repoRoot, 'examples', 'production-vm.xml'), path.join(tmp, 'guests', 'vm.xml'));
    const glob = spawnSync(bin, ['-f', 'json', 'guests/*.xml'], { cwd: tmp, encoding: 'utf8' });
    assert.equal(glob.stderr, '');
    assert.deepEqual((JSON.parse(glob.stdout) as { files: string[] }).files, ['guests/vm.xml']);
    const unknown = spawnSync(bin, ['rules', 'no-such-rule'], { cwd: tmp, encoding: 'utf8' });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown rule 'no-such-rule'/);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('the release tarball GitHub serves (git archive) holds what an install needs and nothing only development does', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'kvmlint-archive-'));
  try {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    // GitHub's /archive/refs/tags/vX.tar.gz is `git archive` of the tag under a kvmlint-X/ directory (.gitattributes applies).
    const tarball = path.join(tmp, `kvmlint-${pkg.version}.tar.gz`);
    const archive = spawnSync('git', ['archive', '--format=tar.gz', `--prefix=kvmlint-${pkg.version}/`, '-o', tarball, 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(archive.status, 0, archive.stderr);
    const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((l) => l.replace(/^kvmlint-[^/]+\//, ''));
    for (const f of ['dist/bin.cjs', 'dist/api.mjs', 'package.json', 'README.md', 'rules/missing-emulatorpin/README.md', 'schemas/kvmlint.config.schema.json', 'action.yml', 'dist/action.mjs']) {
      assert.ok(listing.includes(f), `the archive lacks ${f}`);
    }
    const devOnly = listing.filter((f) => /^(test|fixtures|scripts|src|\.ci)\//.test(f) || /^rules\/[^/]+\/fixtures/.test(f));
    assert.deepEqual(devOnly.slice(0, 5), [], 'development files in the archive');
    assert.ok(statSync(tarball).size < 4_000_000, `${statSync(tarball).size} bytes`);

    const prefix = path.join(tmp, 'prefix');
    const installed = spawnSync('npm', ['install', '-g', tarball, '--prefix', prefix, '--offline', '--no-audit', '--no-fund'], { cwd: tmp, env, encoding: 'utf8' });
    assert.equal(installed.status, 0, installed.stderr);
    const bin = path.join(prefix, 'bin', 'kvmlint');
    assert.equal(spawnSync(bin, ['--version'], { cwd: tmp, encoding: 'utf8' }).stdout.trim(), pkg.version);
    const lint = spawnSync(bin, ['--no-config-lookup', '-f', 'compact', path.join(repoRoot, 'examples', 'domains', 'missing-emulatorpin.xml')], { cwd: tmp, encoding: 'utf8' });
    assert.equal(lint.status, 0, lint.stderr);
    assert.match(lint.stdout, /missing-emulatorpin\.xml:\d+:\d+: warning: .*\[missing-emulatorpin\]/);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
