import { accessSync, closeSync, constants, fstatSync, fsyncSync, ftruncateSync, lstatSync, openSync, readSync, realpathSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { nodeCrypto } from '../node-crypto.ts';
import { decodeXmlBytes, encodeXmlText, fixRefusalForEncoding } from './source.ts';
import { isInside } from './paths.ts';

/** A file --fix did not write; the message names it and says why. The file is byte-identical to what was read. */
export class FixWriteError extends Error {}

/** Backups alive right now: an interrupt removes them (removeLiveBackups) once the file they guard is whole again. */
const liveBackups = new Set<string>();

/** Removes the backups of writes that have finished or were rolled back (SIGINT, SIGTERM). */
export function removeLiveBackups(): void {
  for (const p of liveBackups) {
    try {
      unlinkSync(p);
    } catch {
      // already gone
    }
  }
  liveBackups.clear();
}

let interruptsArmed = false;

/**
 * From the first write on, SIGINT and SIGTERM wait for the write in progress (it is synchronous) to
 * finish or roll back, remove the backups, and end the run as a shell reports a signal. Until then
 * they keep Node's default and end the run at once: a lint has nothing to clean up, and a handler
 * would wait for the whole synchronous lint (a hostile input kept `timeout -s TERM` waiting for ever).
 */
export function armInterruptCleanup(): void {
  if (interruptsArmed || typeof process.on !== 'function') return;
  interruptsArmed = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      removeLiveBackups();
      process.exit(code);
    });
  }
}

/**
 * One turn of the event loop, where signal handlers run. A write is synchronous, so a SIGINT or
 * SIGTERM waits there; writers of several files call this before each one, so an interrupted run
 * stops between files, never mid-file.
 */
export function yieldToSignals(): Promise<void> {
  armInterruptCleanup();
  return new Promise((done) => setImmediate(done));
}

/** `write(2)` returns short counts (ENOSPC after the first chunk, signals): loop until every byte is out or it throws. */
export function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.length) {
    const n = writeSync(fd, bytes, done, bytes.length - done, position + done);
    if (n <= 0) throw new Error(`write returned ${n} with ${bytes.length - done} bytes left`);
    done += n;
  }
}

function readAll(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size + 1);
  let off = 0;
  for (;;) {
    if (off === buf.length) return readAll(fd, buf.length * 2);
    const n = readSync(fd, buf, off, buf.length - off, off);
    if (n === 0) return buf.subarray(0, off);
    off += n;
  }
}


function sameVersion(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ? `${err.code} (${err.syscall ?? 'write'})` : err instanceof Error ? err.message : String(e);
}

/**
 * Writes a fixed file in place, so the file keeps what identifies it: its inode, hence
 * owner, group, mode, ACLs, xattrs and hard links; an editor or a log appender holding it
 * open keeps writing into the file everyone sees. A symlink is fixed at its target, and
 * only when that target lies inside `workspace`.
 *
 * Never leaves the file half-written: the original bytes go first to a backup beside it
 * (fsynced and read back), the file is re-checked against what was linted (inode, size,
 * mtime, ctime and every byte) immediately before it is written, every byte is written
 * (write(2) may write fewer than asked) and read back. Growth is written first past the
 * old end, so a full disk fails before a byte of the original is touched; any later failure
 * writes the original back. The backup is removed once the file is whole. Any failure is a
 * FixWriteError naming the file, with the file as it was.
 *
 * Refuses a file the user may not write (access(2) for the real user) and a file with no
 * write bit (root may write anything, but a read-only file means "don't").
 */
export function writeFixedFile(path: string, originalText: string, fixedText: string, workspace: string): void {
  // Before the first byte: an interrupt from here on waits for the file to be whole again.
  armInterruptCleanup();
  const fail = (why: string): never => {
    throw new FixWriteError(`${path}: ${why}`);
  };
  let target = path;
  const link = lstatSync(path);
  // A file inside the workspace by name is written only where it really is inside it: a symlinked
  // file, or a symlinked directory on the way (`domains/` turned into a link by a pull request).
  // A file named outside the workspace is the user's own, fixed in place unless it is a symlink.
  if (link.isSymbolicLink() || isInside(workspace, path)) {
    target = realpathSync.native(path);
    let root = workspace;
    try {
      root = realpathSync.native(workspace);
    } catch {
      // compared as given
    }
    if (!isInside(root, target)) fail(`${link.isSymbolicLink() ? 'symlink' : 'reached through a symlink'} to ${target}, outside the workspace; not fixed`);
  }
  let fd: number;
  try {
    accessSync(target, constants.W_OK);
    fd = openSync(target, constants.O_RDWR | constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `not writable (${code}); not fixed` : `cannot open for writing: ${reason(e)}; not fixed`);
  }
  let backup: string | undefined;
  try {
    const before = fstatSync(fd);
    if (!before.isFile()) fail('not a regular file; not fixed');
    if ((before.mode & 0o222) === 0) fail('file is read-only; not fixed');
    const bytes = readAll(fd, before.size);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) fail('UTF-16 files are not fixed');
    let onDisk: ReturnType<typeof decodeXmlBytes>;
    try {
      onDisk = decodeXmlBytes(bytes);
    } catch {
      return fail('changed on disk since it was read; not overwritten');
    }
    // The bytes are written back in the encoding the file declares (libxml2 reads it so).
    const expected = encodeXmlText(originalText, onDisk.encoding);
    if (onDisk.error || onDisk.text !== originalText || !expected?.equals(bytes)) {
      fail((onDisk.text === originalText && fixRefusalForEncoding(onDisk.encoding)) || 'changed on disk since it was read; not overwritten');
    }
    const fixed = encodeXmlText(fixedText, onDisk.encoding);
    if (fixed === undefined) return fail(`the fix writes a character ${onDisk.encoding} has no byte for; not fixed`);

    // The backup: short name (a 234-byte file name leaves no room for a longer one), owner-only.
    backup = join(dirname(target), `.kvmlint-${process.pid}-${nodeCrypto().randomBytes(6).toString('hex')}.bak`);
    try {
      const bfd = openSync(backup, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      liveBackups.add(backup);
      try {
        writeAll(bfd, bytes, 0);
        fsyncSync(bfd);
      } finally {
        closeSync(bfd);
      }
      const bcheck = openSync(backup, constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        if (!readAll(bcheck, bytes.length).equals(bytes)) throw new Error('backup read back differs');
      } finally {
        closeSync(bcheck);
      }
    } catch (e) {
      if (e instanceof FixWriteError) throw e;
      return fail(`could not write a backup beside it: ${reason(e)}; not fixed`);
    }

    // Last look before the first byte changes: same inode, size, times and content as linted.
    const now = fstatSync(fd);
    if (!sameVersion(before, now) || !readAll(fd, now.size).equals(bytes)) fail('changed on disk since it was read; not overwritten');
    try {
      // Growth first, past the old end: ENOSPC here leaves the original bytes untouched.
      if (fixed.length > bytes.length) writeAll(fd, fixed.subarray(bytes.length), bytes.length);
      writeAll(fd, fixed.subarray(0, Math.min(fixed.length, bytes.length)), 0);
      if (fixed.length < bytes.length) ftruncateSync(fd, fixed.length);
      fsyncSync(fd);
      if (!readAll(fd, fixed.length).equals(fixed)) throw new Error('the file read back differs from what was written');
    } catch (e) {
      restore(fd, bytes, backup, fail);
      return fail(`could not write the fix: ${reason(e)}; left unchanged`);
    }
  } finally {
    closeSync(fd);
    // Not started, finished or restored: the backup is no longer needed.
    if (backup && liveBackups.has(backup)) {
      try {
        unlinkSync(backup);
      } catch {
        // it was never created
      }
      liveBackups.delete(backup);
    }
  }
}

/** Puts the original bytes back after a failed in-place write; when even that fails, keeps the backup and says where it is. */
function restore(fd: number, original: Buffer, backup: string, fail: (why: string) => never): void {
  try {
    // These bytes fit in blocks the file already had: overwriting them needs no new space.
    writeAll(fd, original, 0);
    ftruncateSync(fd, original.length);
    fsyncSync(fd);
    if (!readAll(fd, original.length).equals(original)) throw new Error('restored bytes differ');
  } catch (e) {
    liveBackups.delete(backup);
    fail(`could not restore the original after a failed write (${reason(e)}): it is in ${backup}`);
  }
}
