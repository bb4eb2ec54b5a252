import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { relativePosix } from './paths.ts';

/**
 * .gitignore semantics for the files a walk found, without a second walk:
 * every .gitignore between the repository root and a file applies, patterns
 * relative to the directory holding it, deeper files overriding shallower ones
 * (and within a file the last matching pattern wins). Each directory's
 * .gitignore is read once, when a file below it is first asked about.
 */
export class GitignoreFilter {
  private readonly byDir = new Map<string, Ignore | null>();

  constructor(private readonly repoRoot: string) {}

  private load(dir: string): Ignore | null {
    let ig = this.byDir.get(dir);
    if (ig !== undefined) return ig;
    const file = join(dir, '.gitignore');
    ig = existsSync(file) ? ignore().add(readFileSync(file, 'utf8')) : null;
    this.byDir.set(dir, ig);
    return ig;
  }

  /** True when git would ignore `absPath`. Files outside the repository are never ignored. */
  ignores(absPath: string): boolean {
    if (relativePosix(this.repoRoot, absPath).startsWith('..')) return false;
    // Directories from the root down to the file's own.
    const dirs: string[] = [];
    for (let d = dirname(absPath); ; d = dirname(d)) {
      dirs.push(d);
      if (d === this.repoRoot || dirname(d) === d) break;
    }
    let ignored = false;
    for (let i = dirs.length - 1; i >= 0; i--) {
      const ig = this.load(dirs[i]!);
      if (!ig) continue;
      const r = ig.test(relativePosix(dirs[i]!, absPath));
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }
}
