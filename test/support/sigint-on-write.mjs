// Test preload: Ctrl-C arrives while --fix writes its first file (at the first write to a file).
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const writeSync = fs.writeSync;
let sent = false;
fs.writeSync = function (fd, ...rest) {
  if (fd > 2 && !sent) {
    sent = true;
    process.kill(process.pid, 'SIGINT');
  }
  return writeSync.call(this, fd, ...rest);
};
syncBuiltinESMExports();
