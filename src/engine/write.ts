import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { decodeXmlBytes } from './source.ts';

export class FixWriteError extends Error {}

/**
 * Writes a fixed file without ever leaving it half-written: the new text goes
 * to a temp file in the same directory (same filesystem, so the rename is
 * atomic), is flushed, takes the original's mode, and replaces the original by
 * rename. Refuses a read-only file, and a file whose content changed on disk
 * since it was read (an editor saved it meanwhile).
 */
export function writeFixedFile(path: string, originalText: string, fixedText: string): void {
  const st = statSync(path);
  // Checked on the mode bits, not access(2): root may write anything, but a read-only file means "don't".
  if ((st.mode & 0o222) === 0) throw new FixWriteError(`${path}: file is read-only; not fixed`);
  const bytes = readFileSync(path);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new FixWriteError(`${path}: UTF-16 files are not fixed`);
  const onDisk = decodeXmlBytes(bytes);
  if (onDisk.error || onDisk.text !== originalText) throw new FixWriteError(`${path}: changed on disk since it was read; not overwritten`);

  const tmp = join(dirname(path), `.${basename(path)}.kvmlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', st.mode & 0o7777);
  try {
    writeSync(fd, fixedText);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  try {
    chmodSync(tmp, st.mode & 0o7777);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}
