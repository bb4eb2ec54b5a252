/** src/run-length.ts: which command lines make a short run (Sparkplug stays off; src/engine/v8-flags.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isShortRun, SHORT_RUN_MAX_FILES } from '../src/run-length.ts';

const dir = mkdtempSync(join(tmpdir(), 'kvmlint-run-length-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const files = Array.from({ length: SHORT_RUN_MAX_FILES + 1 }, (_, i) => `vm${i}.xml`);
for (const f of files) writeFileSync(join(dir, f), '<domain/>');
mkdirSync(join(dir, 'guests'));
symlinkSync('/dev/null', join(dir, 'null.xml'));

test('named regular files up to the limit are a short run; one more is not', () => {
  assert.equal(isShortRun(files.slice(0, 1), dir, false), true);
  assert.equal(isShortRun(files.slice(0, SHORT_RUN_MAX_FILES), dir, false), true);
  assert.equal(isShortRun(files, dir, false), false);
});

test('a directory, a glob, a missing path or a device is not a short run', () => {
  for (const p of ['guests', '.', '*.xml', 'absent.xml', 'null.xml']) assert.equal(isShortRun(['vm0.xml', p], dir, false), false, p);
});

test('no path: standard input is a short run, the working directory is not', () => {
  assert.equal(isShortRun([], dir, true), true);
  assert.equal(isShortRun([], dir, false), false);
});

test('a name stat(2) cannot take is not a short run, and throws nothing', () => {
  assert.equal(isShortRun(['vm0.xml', 'a\0b.xml'], dir, false), false);
});
