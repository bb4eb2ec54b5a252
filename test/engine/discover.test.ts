import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { globby } from 'globby';
import { discoverFiles, walkXmlFiles } from '../../src/engine/discover.ts';

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

test('a named directory is walked as the glob **/*.xml reads it: regular files only, no dot entries, node_modules or symlinks', async () => {
  const dir = oddTree();
  try {
    const walked = walkXmlFiles(dir).sort();
    const globbed = (await globby(['**/*.xml'], { cwd: dir, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] })).sort();
    assert.deepEqual(walked, globbed);
    assert.equal(walked.length, 8, walked.join('\n'));
    // Through the whole discovery, named by its path.
    const discovered = await discoverFiles([dir], dir);
    assert.deepEqual(discovered.map((f) => f.absPath), walked);
    assert.ok(discovered.every((f) => !f.explicit));
  } finally {
    rmSync(dir, { recursive: true, force: true });
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
