import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { enableBaselineCompiler } from './engine/v8-flags.ts';

/**
 * Named files at most this many make a short run: a pre-commit hook's or an editor's, over
 * the files of one change. Above it, or with a directory or a glob, the run may be a fleet.
 */
export const SHORT_RUN_MAX_FILES = 8;

/**
 * Whether a command over these paths is short: no path but standard input, or at most
 * SHORT_RUN_MAX_FILES paths that are each a regular file. Only stat(2): nothing is opened.
 */
export function isShortRun(paths: readonly string[], cwd: string, stdin: boolean): boolean {
  if (paths.length === 0) return stdin;
  if (paths.length > SHORT_RUN_MAX_FILES) return false;
  try {
    return paths.every((p) => statSync(resolve(cwd, p), { throwIfNoEntry: false })?.isFile() === true);
  } catch {
    // Not a name stat(2) takes (a NUL byte): the lint reports it; the run is not known to be short.
    return false;
  }
}

/** Before a command lints: V8's baseline compiler for a run that is not short (src/engine/v8-flags.ts). */
export function tuneV8ForRunLength(paths: readonly string[], cwd: string, stdin: boolean): void {
  if (!isShortRun(paths, cwd, stdin)) enableBaselineCompiler();
}
