import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBounded, UsageError } from '../../src/engine/source.ts';

test('readBounded with a reused buffer: every size around the buffer boundary reads whole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-read-'));
  try {
    const scratch = { buf: Buffer.allocUnsafe(1024) };
    for (const size of [0, 1, 1023, 1024, 1025, 2047, 2048, 5000, 70_000]) {
      const bytes = Buffer.alloc(size, 0);
      for (let i = 0; i < size; i++) bytes[i] = (i * 31 + size) & 0xff;
      const path = join(dir, `f${size}`);
      writeFileSync(path, bytes);
      const read = readBounded(path, 100_000, scratch);
      assert.equal(read.length, size, `size ${size}`);
      assert.ok(read.equals(bytes), `bytes of size ${size}`);
      assert.deepEqual(readBounded(path, 100_000), bytes, `without a scratch buffer, size ${size}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readBounded refuses a file above the limit with its exact size, whether it fits the reused buffer or not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-read-'));
  try {
    const small = join(dir, 'small');
    writeFileSync(small, Buffer.alloc(3000, 65));
    const large = join(dir, 'large');
    writeFileSync(large, Buffer.alloc(300_000, 65));
    for (const scratch of [{ buf: Buffer.allocUnsafe(64 * 1024) }, { buf: Buffer.allocUnsafe(1024) }, undefined]) {
      assert.throws(() => readBounded(small, 2000, scratch), (e: Error) => e instanceof UsageError && /file is 3000 bytes, above the 2000-byte limit/.test(e.message));
      assert.throws(() => readBounded(large, 100_000, scratch), (e: Error) => e instanceof UsageError && /file is 300000 bytes, above the 100000-byte limit/.test(e.message));
      assert.equal(readBounded(small, 3000, scratch).length, 3000);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
