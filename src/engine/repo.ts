import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Nearest directory at or above `dir` holding `.git`, else `dir`. */
export function repositoryRoot(dir: string): string {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return resolve(dir);
  }
}
