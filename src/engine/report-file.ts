import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, mkdirSync, openSync, unlinkSync } from 'node:fs';
import { dirname, relative, sep, resolve } from 'node:path';
import { writeAll } from './write.ts';
import { isInside, realAsFarAsExists } from './paths.ts';
import { UsageError } from './source.ts';

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
export function writeReportFile(path: string, text: string, within?: string, workspace?: string): void {
  const fail = (why: string): never => {
    throw new ReportFileError(`${path}: ${why}; report not written`);
  };
  // The CLI's -o inside the repository by name must stay in it: a committed symlink on the way
  // (`out/` linked to the runner's home) is refused. A path named outside it is the user's choice.
  // As in the Action, a link the pull request committed at the path or on the way is removed (the link, never
  // its target): a `run:` step's `-o kvmlint.sarif` is uploaded by upload-sarif or upload-artifact with
  // `if: always()`, which follow it (`kvmlint.sarif -> .git/config` uploaded the checkout's token).
  if (within === undefined && workspace !== undefined && isInside(workspace, resolve(path)) && relative(workspace, resolve(path)) !== '') {
    let at = workspace;
    for (const part of relative(workspace, resolve(path)).split(sep)) {
      at = `${at}${sep}${part}`;
      const link = lstatSync(at, { throwIfNoEntry: false });
      if (!link) break;
      if (link.isSymbolicLink()) fail(at === resolve(path) ? `is a symlink${removeLink(at)}` : `${at} is a symlink${removeLink(at)}`);
    }
    const parent = realAsFarAsExists(dirname(resolve(path)));
    const root = realAsFarAsExists(workspace);
    if (!isInside(root, parent)) fail(`its directory leads through a symlink to ${parent}, outside the workspace ${workspace}`);
  }
  if (within !== undefined) {
    const rel = relative(within, resolve(path));
    if (rel === '' || !isInside(within, resolve(path))) fail(`outside the workspace ${within}`);
    let dir = within;
    for (const part of rel.split(sep).slice(0, -1)) {
      dir = `${dir}${sep}${part}`;
      const st = lstatSync(dir, { throwIfNoEntry: false });
      if (!st) mkdirSync(dir);
      else if (st.isSymbolicLink()) fail(`${dir} is a symlink${removeLink(dir)}`);
      else if (!st.isDirectory()) fail(`${dir} is not a directory`);
    }
  }
  const st = lstatSync(path, { throwIfNoEntry: false });
  // In the Action, a link the pull request committed where the report goes is removed: the workflow's next steps
  // (upload-artifact, upload-sarif) read that path with `if: always()`, and follow a symlink to its target.
  if (st?.isSymbolicLink()) fail(`is a symlink${within !== undefined ? removeLink(path) : ''}`);
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

/**
 * The Action, before anything else: a symlink the pull request committed where a report goes, or on the way to
 * it inside the workspace, is removed (the link, never its target). The workflow's upload steps run with
 * `if: always()` and follow a link, also when kvmlint stops early (a config that does not load); a regular file
 * already at a report's path is removed too. Returns one message per link removed.
 */
export function removeCommittedLinks(paths: readonly string[], within: string): string[] {
  const removed: string[] = [];
  for (const target of paths) {
    const abs = resolve(target);
    if (!isInside(within, abs) || relative(within, abs) === '') continue;
    let at = within;
    for (const part of relative(within, abs).split(sep)) {
      at = `${at}${sep}${part}`;
      const st = lstatSync(at, { throwIfNoEntry: false });
      if (!st) break;
      if (st.isSymbolicLink()) {
        removed.push(`${at}: a symlink where ${target === at ? 'a report goes' : `the report ${target} goes`}${removeLink(at)}`);
        break;
      }
      // A file already there (committed, or left by an earlier run) must not pass for this run's report or map
      // when this run stops before writing them: a page with a script uploaded as the placement map.
      if (at === abs && st.isFile()) {
        try {
          unlinkSync(at);
        } catch {
          // Written over below, or refused there.
        }
      }
    }
  }
  return removed;
}

/** Removes a symlink (the link, never its target) and says so, for the refusal's message. */
function removeLink(link: string): string {
  try {
    unlinkSync(link);
    return ' (the link was removed, so no later step reads its target as the report)';
  } catch (e) {
    return ` (and it could not be removed: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
}

/** writeReportFile for a command whose output file is all it makes (`map -o`, `plan --map-file`): a refusal is exit 2. */
export function writeReportOrFail(path: string, text: string, workspace: string): void {
  try {
    writeReportFile(path, text, undefined, workspace);
  } catch (e) {
    if (e instanceof ReportFileError) throw new UsageError(e.message);
    throw e;
  }
}
