import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { tuneV8ForLint } from './engine/v8-flags.ts';

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

/**
 * A config this large maps hundreds of hosts (the bench's 1,700-host fleet's is ~170 KB, a
 * 100-host one ~10 KB): a hook's few files linted through it resolve every host entry and walk
 * their host's directory, and allocate like a long run. Under V8's default pretenuring that was
 * ~800 more page faults and 10-20 ms of a 0.25 s run (docs/speed.md).
 */
export const LARGE_CONFIG_BYTES = 64 * 1024;

/** Before a command lints: V8's flags for a run that is not short, or that goes through a large config (src/engine/v8-flags.ts). */
export function tuneV8ForRunLength(paths: readonly string[], cwd: string, stdin: boolean, configFile?: string): void {
  if (!isShortRun(paths, cwd, stdin) || (configFile !== undefined && (statSync(configFile, { throwIfNoEntry: false })?.size ?? 0) > LARGE_CONFIG_BYTES)) tuneV8ForLint();
}
