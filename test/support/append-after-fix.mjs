// Test preload: a log appender opened vm.xml before --fix ran and writes one more line after it
// (through its own descriptor, as `tee -a` or an editor holding the file would).
import fs from 'node:fs';

const fd = fs.openSync('vm.xml', 'a');
process.on('exit', () => {
  fs.writeSync(fd, '<!-- appended through an fd opened before the fix -->\n');
  fs.closeSync(fd);
});
