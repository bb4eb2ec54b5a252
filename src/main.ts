import { fstatSync } from 'node:fs';
import { runCli } from './cli.ts';
import { removeLiveBackups } from './engine/write.ts';
import { neutraliseLine } from './formats/neutralise.ts';

// V8 is tuned by the launcher (src/launcher.ts, tuneV8ForLint) before this bundle is compiled.

// Until the run settles: a promise that never resolves (the event loop drains with work left
// undone) must not pass for a clean lint.
process.exitCode = 2;
let settled = false;
// `kvmlint … | head`: once the reader has gone, what is left of the report has nowhere to go.
// That is not kvmlint's failure: the rest is dropped and the run ends with its own exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}
// Ctrl-C or a CI timeout ends a lint at once (Node's default); from the first --fix or plan --write
// write on, the signal waits for the write in progress to finish or roll back, and the backups are
// removed (write.ts armInterruptCleanup).
process.on('exit', removeLiveBackups);
process.on('beforeExit', () => {
  if (!settled) process.stderr.write('kvmlint: internal error: the run stopped before it finished\n');
});

// A report is written as UTF-8 bytes from TextEncoder (simdutf): Node 20 encodes a string passed to
// write() with V8's own encoder, which took 45 ms for the 3.5 MB text report of 10,000 findings
// (one '…' makes the whole report two-byte) against 5 ms here.
const utf8 = new TextEncoder();

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(utf8.encode(s)),
  stdoutBytes: (b) => process.stdout.write(b),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
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
    process.stderr.write(`kvmlint: internal error: ${neutraliseLine(e instanceof Error ? e.message : String(e))}\n`);
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
