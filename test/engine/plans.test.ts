import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfigFile } from '../../src/engine/config.ts';
import { expandGlobs } from '../../src/engine/discover.ts';
import { GitignoreFilter } from '../../src/engine/gitignore.ts';
import { BaseCheck, hostHasPlainFile, plainMembers } from '../../src/engine/plans.ts';

/** A scratch repository whose tree holds what a glob walk and a plain walk could disagree on. */
function scratchTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-plans-'));
  mkdirSync(join(dir, '.git'));
  const files: Record<string, string> = {
    'hosts/hv01.json': '{}',
    'hv01/a.xml': '<domain/>',
    'hv01/b.xml': '<domain/>',
    'hv01/weird name.xml': '<domain/>',
    'hv01/upper.XML': '<domain/>',
    'hv01/notes.txt': 'not a domain',
    'hv01/.hidden.xml': '<domain/>',
    'hv01/.dotdir/d.xml': '<domain/>',
    'hv01/node_modules/e.xml': '<domain/>',
    'hv01/ignored.xml': '<domain/>',
    'hv01/.gitignore': 'ignored.xml\n',
    'hv01/sub/c.xml': '<domain/>',
    'hv01/sub/deep/f.xml': '<domain/>',
    'hv01/sub/deep/g.xml': '<domain/>',
    'hv01/sub/.gitignore': 'deep/g.xml\n',
    'hv01/sub/x/y/z.xml': '<domain/>',
    'hv02/a.xml': '<domain/>',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function configWith(dir: string, domains: string[]) {
  writeFileSync(join(dir, 'kvmlint.config.json'), JSON.stringify({ hosts: [{ snapshot: 'hosts/hv01.json', domains }] }));
  return loadConfigFile(join(dir, 'kvmlint.config.json'));
}

test('the plain walk of a host\'s globs finds exactly what the glob walk finds', async () => {
  const dir = scratchTree();
  try {
    const globs = ['hv01/**/*.xml', 'hv01/*.xml', 'hv01/sub/**', 'hv01/**/?.xml', 'hv01/sub/*/f.xml', 'hv01/*', 'hv01/**', 'hv01/**/*.XML', 'hv01/sub/x/**/*.xml', 'hv01/nothing/*.xml'];
    let answered = 0;
    for (const glob of globs) {
      const config = configWith(dir, [glob]);
      const plain = plainMembers(config, config.hosts[0]!, new GitignoreFilter(dir));
      const globbed = await expandGlobs([glob], config.dir);
      if (glob === 'hv01/nothing/*.xml') {
        // A base that does not exist is left to the glob walk.
        assert.equal(plain, undefined);
        continue;
      }
      assert.ok(plain, `${glob}: answered by the plain walk`);
      answered++;
      assert.deepEqual([...plain].sort(), globbed, glob);
    }
    assert.equal(answered, globs.length - 1);
    // Two globs of one host: the union, each file once.
    const config = configWith(dir, ['hv01/*.xml', 'hv01/sub/**/*.xml', 'hv02/*.xml']);
    assert.deepEqual([...new Set(plainMembers(config, config.hosts[0]!, new GitignoreFilter(dir)))].sort(), await expandGlobs(config.hosts[0]!.globs, config.dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('globs and trees the plain walk cannot answer for go to the glob walk', () => {
  const dir = scratchTree();
  try {
    for (const glob of ['hv01/{a,b}.xml', 'hv01/[ab].xml', 'hv01/.dotdir/*.xml', 'hv01/**/.*.xml', '**/*.xml', '*/a.xml', '!hv01/a.xml', 'hv01/node_modules/*.xml', 'hv01/a\\*.xml', 'hv01/a.xml']) {
      const config = configWith(dir, [glob]);
      assert.equal(plainMembers(config, config.hosts[0]!, new GitignoreFilter(dir)), undefined, glob);
    }
    // A symlink anywhere below the base: the glob walk decides (it neither enters nor returns one).
    symlinkSync(join(dir, 'hv02'), join(dir, 'hv01', 'sub', 'link'));
    const config = configWith(dir, ['hv01/**/*.xml']);
    assert.equal(plainMembers(config, config.hosts[0]!, new GitignoreFilter(dir)), undefined);
    // A base that is a symlink out of the repository is refused by the glob walk, never walked here.
    const outside = mkdtempSync(join(tmpdir(), 'kvmlint-outside-'));
    writeFileSync(join(outside, 'secret.xml'), '<domain/>');
    symlinkSync(outside, join(dir, 'hv03'));
    const linked = configWith(dir, ['hv03/*.xml']);
    assert.equal(plainMembers(linked, linked.hosts[0]!, new GitignoreFilter(dir)), undefined);
    // Nor does the quick look that vouches for a host's globs count a file it reaches through that link.
    assert.equal(hostHasPlainFile(linked, linked.hosts[0]!, new GitignoreFilter(dir), new BaseCheck(dir)), false);
    const plain = configWith(dir, ['hv02/*.xml']);
    assert.equal(hostHasPlainFile(plain, plain.hosts[0]!, new GitignoreFilter(dir), new BaseCheck(dir)), true, 'a plain base with a match');
    rmSync(outside, { recursive: true, force: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
