// Test preload: an editor saves vm.xml at the first fsync of --fix (the temp file's or the
// backup's), after the writer's first re-read and before it touches the file.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const fsyncSync = fs.fsyncSync;
let edited = false;
fs.fsyncSync = function (fd) {
  const r = fsyncSync.call(this, fd);
  if (!edited) {
    edited = true;
    fs.appendFileSync('vm.xml', '<!-- edited meanwhile -->\n');
  }
  return r;
};
syncBuiltinESMExports();
