// Test preload: kills the process at the moment kvmlint --fix would rename its
// temp file over the original, to prove the original survives a crash there.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

fs.renameSync = () => {
  process.kill(process.pid, 'SIGKILL');
};
syncBuiltinESMExports();
