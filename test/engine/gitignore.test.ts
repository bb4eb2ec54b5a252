import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitignoreFilter } from '../../src/engine/gitignore.ts';

test('GitignoreFilter agrees with git check-ignore on nested files, negations and directory rules', () => {
  const root = mkdtempSync(join(tmpdir(), 'kvmlint-gitignore-'));
  try {
    execFileSync('git', ['init', '-q'], { cwd: root });
    const files: Record<string, string> = {
      '.gitignore': 'build/\n*.tmp.xml\n/top-only.xml\n..draft.xml\n',
      'a/.gitignore': '!keep.tmp.xml\nlocal.xml\n',
      'a/b/.gitignore': 'local.xml\n!nested-keep.xml\n*.xml\n!wanted.xml\n',
    };
    for (const [f, t] of Object.entries(files)) {
      mkdirSync(join(root, f, '..'), { recursive: true });
      writeFileSync(join(root, f), t);
    }
    const paths = [
      'vm.xml', 'x.tmp.xml', 'top-only.xml', 'a/top-only.xml', 'build/gen.xml', 'a/build/gen.xml',
      'a/keep.tmp.xml', 'a/other.tmp.xml', 'a/local.xml', 'a/b/local.xml', 'a/b/any.xml', 'a/b/wanted.xml', 'c/local.xml',
      // Names that begin with '..' are inside the repository, not above it.
      '..draft.xml', '..x/..draft.xml', '..x/vm.xml',
    ];
    const filter = new GitignoreFilter(root);
    // Files outside the repository are never ignored, whatever a .gitignore above it says.
    assert.equal(filter.ignores(join(root, '..', 'x.tmp.xml')), false);
    for (const p of paths) {
      let gitSays: boolean;
      try {
        execFileSync('git', ['check-ignore', '-q', '--no-index', p], { cwd: root });
        gitSays = true;
      } catch {
        gitSays = false;
      }
      assert.equal(filter.ignores(join(root, p)), gitSays, p);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
