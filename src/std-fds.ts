/**
 * The CLI's stdout and stderr as plain descriptors: bytes go to fd 1 and 2 with writeSync, never
 * through `process.stdout` or `process.stderr`. The first touch of either builds a Node stream, which
 * loads Node's stream modules (and `net` when the descriptor is a pipe): 3.2 ms for a file and 5.5 ms
 * for a pipe, each, measured here: a tenth of a one-file run (a pre-commit hook writes into a pipe).
 * A lint writes its report synchronously and exits, so it needs none of a stream's machinery.
 *
 * What a stream did that this keeps:
 * - a reader that has gone (`kvmlint … | head`, EPIPE; Node ignores SIGPIPE): the rest of that
 *   output is dropped quietly and the run keeps its own exit code;
 * - a descriptor in non-blocking mode (EAGAIN: a parent that shares a non-blocking pipe): the write
 *   waits 1 ms and goes on, so nothing is lost;
 * - whether stdout is a terminal (colour), asked only for a character device (a file, a pipe or a
 *   socket is not one), and of the `tty_wrap` binding that `tty.isatty` calls: loading `tty` costs as
 *   much as the stream (it loads `net`), ~120 page faults and 5-10 ms of a one-file run in a terminal
 *   or into /dev/null.
 */
import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { legacyBinding } from './node-binding.ts';

const utf8 = new TextEncoder();
/** Descriptors whose reader has gone: what is written to them is dropped. */
const closed = new Set<number>();
let pause: Int32Array | undefined;

/**
 * Writes all of `data` to `fd` (a string as UTF-8, from TextEncoder: Node 20's V8 encoder took 45 ms
 * for a 3.5 MB report with one '…' in it, simdutf 5 ms). Throws what writeSync throws except EPIPE and EAGAIN.
 */
export function writeFd(fd: number, data: string | Uint8Array): void {
  if (closed.has(fd)) return;
  const bytes = typeof data === 'string' ? utf8.encode(data) : data;
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        closed.add(fd);
        return;
      }
      if (code !== 'EAGAIN') throw e;
      Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 1);
    }
  }
}

/** Whether `fd` is a terminal; a file, pipe or socket is answered by fstat alone. */
export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  // A character device: a terminal, or /dev/null and its kind. Only isatty(3) tells them apart.
  const binding = legacyBinding<{ isTTY: (fd: number) => boolean }>('tty_wrap');
  if (typeof binding?.isTTY === 'function') return binding.isTTY(fd) === true;
  const { isatty } = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return isatty(fd);
}
