import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { captureHost } from '../../src/host/capture.ts';
import { formatSnapshot } from '../../src/host/snapshot-json.ts';
import { loadHostSnapshotText } from '../../src/host/load.ts';
import { sysfsTreeFactory } from '../support/sysfs-tree.ts';

// Whether numad is installed (placement='auto' needs it), captured from copies of a fixture tree.
const tree = sysfsTreeFactory('kvmlint-numad-');

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
