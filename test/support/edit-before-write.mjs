// Test preload: appends to the file being fixed after kvmlint has linted it and
// just before --fix re-reads it to write, as an editor saving meanwhile would.
// (Linting reads through a file descriptor; only the pre-write check uses readFileSync.)
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const readFileSync = fs.readFileSync;
let edited = false;
fs.readFileSync = function (path, ...rest) {
  if (!edited && typeof path === 'string' && path.endsWith('vm.xml')) {
    edited = true;
    fs.appendFileSync(path, '<!-- edited meanwhile -->\n');
  }
  return readFileSync.call(this, path, ...rest);
};
syncBuiltinESMExports();
