// Test preload: write(2) as a nearly full disk or a signal makes it behave, writing at most
// 4096 bytes per call and returning the short count without an error (as fs.writeSync does).
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const writeSync = fs.writeSync;
fs.writeSync = function (fd, data, ...rest) {
  if (fd <= 2) return writeSync.call(this, fd, data, ...rest);
  if (typeof data === 'string') {
    const bytes = Buffer.from(data, rest[1] ?? 'utf8');
    return writeSync.call(this, fd, bytes, 0, Math.min(4096, bytes.length), typeof rest[0] === 'number' ? rest[0] : null);
  }
  const [offset = 0, length = data.byteLength - offset, position = null] = rest;
  return writeSync.call(this, fd, data, offset, Math.min(4096, length), position);
};
syncBuiltinESMExports();
