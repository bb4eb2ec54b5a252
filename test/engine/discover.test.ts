import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { globby } from 'globby';
import { discoverFiles, expandGlobs, walkXmlFiles } from '../../src/engine/discover.ts';

/** A tree with everything a glob walk treats specially: dot entries, node_modules, symlinks, a FIFO, odd names. */
function oddTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-walk-'));
  for (const d of ['a/.hidden', 'a/deep/er/still', 'node_modules/pkg', 'b/node_modules', '.dot', 'real', 'a/dir.xml', 'a/sp ace', 'a/ünï']) mkdirSync(join(dir, d), { recursive: true });
  for (const f of ['a/x.xml', 'a/.h.xml', 'a/.hidden/y.xml', 'node_modules/pkg/n.xml', 'b/node_modules/m.xml', '.dot/d.xml', 'real/r.xml', 'a/UPPER.XML', 'a/x.xml.bak', 'a/dir.xml/inner.xml', 'a/deep/er/still/z.xml', 'a/sp ace/s.xml', 'a/ünï/u.xml', 'a/[brackets].xml', 'a/star*.xml']) {
    writeFileSync(join(dir, f), '<domain/>');
  }
  symlinkSync('../real/r.xml', join(dir, 'a/link.xml'));
  symlinkSync('real', join(dir, 'linkdir'));
  symlinkSync('/nonexistent', join(dir, 'a/dangling.xml'));
  spawnSync('mkfifo', [join(dir, 'a/fifo.xml')]);
  return dir;
}

test('a named directory is walked as the glob **/*.xml reads it: regular files, no dot entries or node_modules; symlinks apart', async () => {
  const dir = oddTree();
  try {
    const links: string[] = [];
    const walked = walkXmlFiles(dir, undefined, links).sort();
    const globbed = (await globby(['**/*.xml'], { cwd: dir, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] })).sort();
    assert.deepEqual(walked, globbed);
    assert.equal(walked.length, 8, walked.join('\n'));
    assert.deepEqual(links.sort(), [join(dir, 'a/dangling.xml'), join(dir, 'a/link.xml')]);
    // Through the whole discovery, named by its path: a link to nothing is no silent gap.
    await assert.rejects(discoverFiles([dir], dir), /^Error: a\/dangling\.xml: a symlink to a file that does not exist/);
    rmSync(join(dir, 'a/dangling.xml'));
    // a/link.xml leads to real/r.xml: linted under its own name too, as virsh define would read it.
    const discovered = await discoverFiles([dir], dir);
    assert.deepEqual(discovered.map((f) => f.absPath), [...walked, join(dir, 'a/link.xml')].sort());
    assert.ok(discovered.every((f) => !f.explicit));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a symlinked domain file is read through the link, as virsh define reads it, when it stays in the workspace', async () => {
  const base = mkdtempSync(join(tmpdir(), 'kvmlint-links-'));
  const ws = join(base, 'ws');
  try {
    for (const d of ['.git', 'domains', 'templates', 'hosts/hv1']) mkdirSync(join(ws, d), { recursive: true });
    writeFileSync(join(ws, 'templates/db.tmpl'), '<domain/>');
    writeFileSync(join(base, 'outside.xml'), '<domain/>');
    writeFileSync(join(ws, 'domains/web.xml'), '<domain/>');
    symlinkSync('../templates/db.tmpl', join(ws, 'domains/db.xml'));
    symlinkSync('web.xml', join(ws, 'domains/web-alias.xml'));
    symlinkSync('../../templates/db.tmpl', join(ws, 'hosts/hv1/vm.xml'));
    const paths = async (args: string[]) => (await discoverFiles(args, ws)).map((f) => f.absPath.slice(ws.length + 1));
    // Walked: the link to a template is linted as domains/db.xml, the alias of web.xml under its own name.
    const all = ['domains/db.xml', 'domains/web-alias.xml', 'domains/web.xml'];
    assert.deepEqual(await paths(['domains']), all);
    // A command-line glob and a config's globs read them the same way.
    assert.deepEqual(await paths(['domains/*.xml']), all);
    assert.deepEqual((await expandGlobs(['hosts/hv1/**/*.xml'], ws)).map((p) => p.slice(ws.length + 1)), ['hosts/hv1/vm.xml']);
    // Out of the workspace, to a directory, to nothing: exit 2 naming the link, never read.
    symlinkSync(join(base, 'outside.xml'), join(ws, 'domains/out.xml'));
    await assert.rejects(discoverFiles(['domains'], ws), /^Error: domains\/out\.xml: a symlink to .*outside\.xml, outside the workspace .*; not read \(list it in the config's ignores or \.gitignore to leave it alone\)$/);
    // Unless the config ignores it: then it is not followed at all.
    const ignoresOut = (abs: string) => abs === join(ws, 'domains/out.xml');
    assert.deepEqual((await discoverFiles(['domains'], ws, undefined, true, ignoresOut)).map((f) => f.absPath.slice(ws.length + 1)), all);
    assert.deepEqual((await discoverFiles(['domains/*.xml'], ws, undefined, true, ignoresOut)).map((f) => f.absPath.slice(ws.length + 1)), all);
    assert.deepEqual((await expandGlobs(['domains/*.xml'], ws, true, ignoresOut)).map((p) => p.slice(ws.length + 1)), all);
    await assert.rejects(discoverFiles(['domains/*.xml'], ws), /domains\/out\.xml: a symlink to .*outside the workspace/);
    await assert.rejects(expandGlobs(['domains/*.xml'], ws), /domains\/out\.xml: a symlink to .*outside the workspace/);
    rmSync(join(ws, 'domains/out.xml'));
    symlinkSync('../templates', join(ws, 'domains/dir.xml'));
    await assert.rejects(discoverFiles(['domains'], ws), /domains\/dir\.xml: a symlink to .*templates, which is not a regular file/);
    rmSync(join(ws, 'domains/dir.xml'));
    // A link .gitignore ignores is left alone, as git leaves it.
    symlinkSync('/nonexistent', join(ws, 'domains/gone.xml'));
    await assert.rejects(discoverFiles(['domains'], ws), /domains\/gone\.xml: a symlink to a file that does not exist/);
    writeFileSync(join(ws, '.gitignore'), 'domains/gone.xml\n');
    assert.deepEqual(await paths(['domains']), all);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('a named directory that cannot be read is a usage error naming it', { skip: process.getuid?.() === 0 && 'root reads every directory' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-walk-'));
  try {
    mkdirSync(join(dir, 'locked'), { mode: 0o000 });
    assert.throws(() => walkXmlFiles(dir), /locked: directory cannot be read \(EACCES\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
