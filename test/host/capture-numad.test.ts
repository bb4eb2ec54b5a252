import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { captureHost } from '../../src/host/capture.ts';
import { formatSnapshot } from '../../src/host/snapshot-json.ts';
import { loadHostSnapshotText } from '../../src/host/load.ts';
import { SYSFS_FIXTURES_DIR } from '../../scripts/gen-sysfs-fixtures.ts';

// Whether numad is installed (placement='auto' needs it), captured from copies of a fixture tree.
const temps: string[] = [];
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the no-tuned fixture tree with these files added: mode 0755, or 0644 for those in `plain`. */
function tree(files: Record<string, string>, plain: string[] = []): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kvmlint-numad-')), 'root');
  temps.push(dirname(dir));
  cpSync(join(SYSFS_FIXTURES_DIR, 'no-tuned'), dir, { recursive: true, verbatimSymlinks: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
    chmodSync(join(dir, rel), plain.includes(rel) ? 0o644 : 0o755);
  }
  return dir;
}

const numadOf = (root: string) => {
  const r = captureHost({ root, now: new Date('2026-01-01T00:00:00Z') });
  return loadHostSnapshotText(formatSnapshot(r.snapshot), `${root}.json`).libvirt?.numad;
};

describe('numad, for placement=auto', () => {
  it('a tree without /usr/bin says nothing', () => {
    assert.equal(numadOf(tree({})), undefined);
  });

  it('/usr/bin without numad: false; an executable /usr/bin/numad or /usr/sbin/numad: true', () => {
    assert.equal(numadOf(tree({ 'usr/bin/env': 'x' })), false);
    assert.equal(numadOf(tree({ 'usr/bin/env': 'x', 'usr/bin/numad': 'x' })), true);
    assert.equal(numadOf(tree({ 'usr/bin/env': 'x', 'usr/sbin/numad': 'x' })), true);
    // Not executable: libvirt cannot run it.
    assert.equal(numadOf(tree({ 'usr/bin/env': 'x', 'usr/bin/numad': 'x' }, ['usr/bin/numad'])), false);
  });

  it('merged /usr: a relative link inside the tree counts; a link out of the tree is not followed as an answer', () => {
    const merged = tree({ 'usr/bin/env': 'x', 'usr/bin/numad': 'x' });
    mkdirSync(join(merged, 'usr/sbin'), { recursive: true });
    symlinkSync('../bin/numad', join(merged, 'usr/sbin/numad'));
    assert.equal(numadOf(merged), true);
    const out = tree({ 'usr/bin/env': 'x' });
    const outside = join(dirname(out), 'numad');
    writeFileSync(outside, 'x', { mode: 0o755 });
    symlinkSync(outside, join(out, 'usr/bin/numad'));
    assert.equal(numadOf(out), undefined);
  });
});
