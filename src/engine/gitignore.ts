import { lstatSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { relativePosix } from './paths.ts';
import { readRegularFile, UsageError } from './source.ts';

/** A .gitignore is a list of patterns; anything larger is not one (its read is refused: exit 2). */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

/** Patterns one .gitignore may hold: every walked file is tested against each of them. */
const MAX_GITIGNORE_PATTERNS = 10_000;
/** `**` one pattern may hold: the matcher's regular expression backtracks over every way to split a deep path between them. */
const MAX_GLOBSTARS = 3;

/**
 * A pull request's .gitignore is bounded like its config's globs (src/engine/config.ts): `b/**\/b/**\/…/c`
 * with 8 `**` took over a minute against one file 80 directories deep, and 100,000 patterns over 500 files
 * 44 s. Either is refused (exit 2, naming the file and line); git itself has no such patterns to honour.
 */
function boundedPatterns(file: string, text: string): string {
  let patterns = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (++patterns > MAX_GITIGNORE_PATTERNS) throw new UsageError(`${file}: more than ${MAX_GITIGNORE_PATTERNS} patterns; kvmlint tests every file against each`);
    if ((line.match(/\*\*/g) ?? []).length > MAX_GLOBSTARS) {
      throw new UsageError(`${file}:${i + 1}: a pattern with more than ${MAX_GLOBSTARS} '**' can take minutes to match against a deep path (catastrophic backtracking)`);
    }
  }
  return text;
}

/**
 * .gitignore semantics for the files a walk found, without a second walk:
 * every .gitignore between the repository root and a file applies, patterns
 * relative to the directory holding it, deeper files overriding shallower ones
 * (and within a file the last matching pattern wins). Each directory's
 * .gitignore is read once, when a file below it is first asked about.
 */
export class GitignoreFilter {
  private readonly byDir = new Map<string, Ignore | null>();
  private readonly chains = new Map<string, Array<[string, Ignore]>>();

  /**
   * `honoured` false: nothing is ignored. git ignores patterns only for untracked files, and a CI
   * checkout holds tracked files only, so there a pull request's .gitignore could only hide its own
   * broken domains (the Action passes false).
   */
  constructor(
    private readonly repoRoot: string,
    private readonly honoured = true,
  ) {}

  private load(dir: string): Ignore | null {
    let ig = this.byDir.get(dir);
    if (ig !== undefined) return ig;
    const file = join(dir, '.gitignore');
    // As git (2.32 and later) reads it in a working tree: a regular file only, never through a
    // symlink (a committed link to /dev/zero or a secret is not read), and bounded like every read.
    const st = lstatSync(file, { throwIfNoEntry: false });
    ig = st?.isFile() ? ignore().add(boundedPatterns(file, readRegularFile(file, MAX_GITIGNORE_BYTES).toString('utf8'))) : null;
    this.byDir.set(dir, ig);
    return ig;
  }

  /**
   * What a directory walk already knows: whether `dir` holds a .gitignore (a regular file named so
   * among its entries). Saves a stat per directory; a fleet has one directory per host.
   */
  noteDirectory(dir: string, hasGitignore: boolean): void {
    if (!hasGitignore && !this.byDir.has(dir)) this.byDir.set(dir, null);
  }

  /** The .gitignore files that apply below `dir`, from the root down: the same for every file in it. */
  private chain(dir: string): Array<[string, Ignore]> {
    let chain = this.chains.get(dir);
    if (chain) return chain;
    const parent = dirname(dir);
    chain = dir === this.repoRoot || parent === dir ? [] : this.chain(parent);
    const ig = this.load(dir);
    if (ig) chain = [...chain, [dir, ig]];
    this.chains.set(dir, chain);
    return chain;
  }

  /** The chain that applies to the files of `dir`: none outside the repository. Keyed by directory. */
  private readonly filesChains = new Map<string, Array<[string, Ignore]>>();

  /** True when git would ignore `absPath`. Files outside the repository are never ignored. */
  ignores(absPath: string): boolean {
    if (!this.honoured) return false;
    // Decided once per directory: a walk asks about 10,000 files in a few hundred directories.
    const parent = dirname(absPath);
    let chain = this.filesChains.get(parent);
    if (chain === undefined) {
      const rel = relativePosix(this.repoRoot, parent);
      chain = rel === '..' || rel.startsWith('../') || isAbsolute(rel) ? [] : this.chain(parent);
      this.filesChains.set(parent, chain);
    }
    // Most walks meet no .gitignore: nothing to test, for each of 10,000 files.
    if (chain.length === 0) return false;
    let ignored = false;
    for (const [dir, ig] of chain) {
      const r = ig.test(relativePosix(dir, absPath));
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }
}
