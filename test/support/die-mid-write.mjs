// Test preload: kills the process (SIGKILL, no handler runs) halfway through --fix's in-place
// write, after the backup was fsynced, to prove the original bytes survive a crash there.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const fsyncSync = fs.fsyncSync;
const writeSync = fs.writeSync;
let backupSynced = false;
fs.fsyncSync = function (fd) {
  backupSynced = true;
  return fsyncSync.call(this, fd);
};
fs.writeSync = function (fd, data, offset = 0, length = data.byteLength - offset, position = null) {
  if (!backupSynced || fd <= 2) return writeSync.call(this, fd, data, offset, length, position);
  writeSync.call(this, fd, data, offset, Math.floor(length / 2), position);
  process.kill(process.pid, 'SIGKILL');
};
syncBuiltinESMExports();
