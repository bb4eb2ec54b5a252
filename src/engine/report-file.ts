import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, mkdirSync, openSync } from 'node:fs';
import { relative, isAbsolute, sep, resolve } from 'node:path';
import { writeAll } from './write.ts';

/** A report that was not written; the message names the path and says why. */
export class ReportFileError extends Error {}

/**
 * Writes a report (`-o`, the Action's `sarif-file`) without ever following a symlink: a pull
 * request can commit `kvmlint.sarif -> ~/.ssh/authorized_keys`, and writeFileSync would clobber
 * the target. The last component is opened with O_NOFOLLOW, and only a regular file (or a new one)
 * is written: a FIFO or a device is refused before it is opened. With `within` (the Action's
 * workspace) every directory between it and the file must be a real directory too, created here
 * when missing; without it the directory must exist (the CLI says so when it does not).
 */
export function writeReportFile(path: string, text: string, within?: string): void {
  const fail = (why: string): never => {
    throw new ReportFileError(`${path}: ${why}; report not written`);
  };
  if (within !== undefined) {
    const rel = relative(within, resolve(path));
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) fail(`outside the workspace ${within}`);
    let dir = within;
    for (const part of rel.split(sep).slice(0, -1)) {
      dir = `${dir}${sep}${part}`;
      const st = lstatSync(dir, { throwIfNoEntry: false });
      if (!st) mkdirSync(dir);
      else if (!st.isDirectory()) fail(`${dir} is ${st.isSymbolicLink() ? 'a symlink' : 'not a directory'}`);
    }
  }
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) fail('is a symlink');
  if (st && !st.isFile()) fail('is not a regular file');
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o666);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return fail(err.code === 'ELOOP' ? 'is a symlink' : `cannot be opened (${err.code ?? err.message})`);
  }
  try {
    if (!fstatSync(fd).isFile()) fail('is not a regular file');
    ftruncateSync(fd, 0);
    // TextEncoder (simdutf), not Buffer.from: ~9× faster on a large report with any non-ASCII character.
    writeAll(fd, new TextEncoder().encode(text), 0);
  } catch (e) {
    if (e instanceof ReportFileError) throw e;
    const err = e as NodeJS.ErrnoException;
    fail(`could not be written (${err.code ?? err.message})`);
  } finally {
    closeSync(fd);
  }
}
