// Test preload: appends to the file being fixed after kvmlint has linted it and
// just before --fix opens it to write, as an editor saving meanwhile would.
// (Linting opens files read-only; only the writer opens one for writing.)
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const openSync = fs.openSync;
let edited = false;
fs.openSync = function (path, flags, ...rest) {
  const writing = typeof flags === 'number' ? (flags & 3) /* O_ACCMODE */ !== fs.constants.O_RDONLY : flags !== undefined && flags !== 'r';
  if (!edited && writing && typeof path === 'string' && path.endsWith('vm.xml')) {
    edited = true;
    fs.appendFileSync(path, '<!-- edited meanwhile -->\n');
  }
  return openSync.call(this, path, flags, ...rest);
};
syncBuiltinESMExports();
