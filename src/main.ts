import { fstatSync } from 'node:fs';
import { runCli } from './cli.ts';
import { removeLiveBackups } from './engine/write.ts';
import { neutraliseLine } from './formats/neutralise.ts';
import { isTerminal, writeFd } from './std-fds.ts';

// V8 is tuned by the launcher (src/launcher.ts, tuneV8ForLint) before this bundle is compiled.

// Until the run settles: a promise that never resolves (the event loop drains with work left
// undone) must not pass for a clean lint.
process.exitCode = 2;
let settled = false;
// stdout and stderr are written through their descriptors, not process.stdout/stderr (src/std-fds.ts):
// `kvmlint … | head` drops what the reader no longer takes, and the run ends with its own exit code.
const STDOUT = 1;
const STDERR = 2;
// Ctrl-C or a CI timeout ends a lint at once (Node's default); from the first --fix or plan --write
// write on, the signal waits for the write in progress to finish or roll back, and the backups are
// removed (write.ts armInterruptCleanup).
process.on('exit', removeLiveBackups);
process.on('beforeExit', () => {
  if (!settled) writeFd(STDERR, 'kvmlint: internal error: the run stopped before it finished\n');
});

let stdoutIsTerminal: boolean | undefined;

runCli(process.argv.slice(2), {
  stdout: (s) => writeFd(STDOUT, s),
  stdoutBytes: (b) => writeFd(STDOUT, b),
  stderr: (s) => writeFd(STDERR, s),
  cwd: process.cwd(),
  env: process.env,
  // Asked when a format wants colour or a patch is shown, not by every run.
  get isTTY() {
    return (stdoutIsTerminal ??= isTerminal(STDOUT));
  },
  terminalColumns: () => process.stdout.columns,
  stdinPiped: stdinIsPiped(),
  // Bounded while reading: `yes | kvmlint --stdin` stops one byte past the limit (the runner then
  // refuses it as oversized) instead of buffering gigabytes first.
  readStdin: async (maxBytes) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        process.stdin.destroy();
        break;
      }
    }
    return Buffer.concat(chunks);
  },
}).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (e: unknown) => {
    settled = true;
    writeFd(STDERR, `kvmlint: internal error: ${neutraliseLine(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = 2;
  },
);

/**
 * A pipe (a FIFO from a shell, a socket from a parent Node process's 'pipe' stdio) or a redirected
 * regular file on fd 0; not a terminal, /dev/null or a closed descriptor.
 */
function stdinIsPiped(): boolean {
  try {
    const st = fstatSync(0);
    return st.isFIFO() || st.isSocket() || st.isFile();
  } catch {
    return false;
  }
}
