import { extname, sep } from 'node:path';
import { ConfigError, hostForDomain, hostForRelative, type ConfigHost, type ResolvedConfig } from './config.ts';
import { relativePosix } from './paths.ts';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { escapesWorkspace, expandGlobs, type DiscoveredFile } from './discover.ts';
import { GitignoreFilter } from './gitignore.ts';
import { repositoryRoot } from './repo.ts';

/**
 * What to lint when the command line names some of a plan's inputs (a pre-commit hook hands over
 * only the staged files): every domain of each plan a named domain belongs to, so a plan rule sees
 * the guests already committed beside the new one. Findings are reported for the named files
 * (`reported`); the other members only complete their plan. A named host snapshot or config is a
 * change to the whole plan (or every plan): then all of its members are reported.
 */
export interface PlanCompletion {
  /** The named domain files and the members completing their plans. */
  files: DiscoveredFile[];
  /** Absolute paths whose findings are reported. */
  reported: ReadonlySet<string>;
  /** The config host of each file (undefined: none), computed once for grouping. */
  hostOf: ReadonlyMap<string, ConfigHost | undefined>;
  /** Named files that are plan inputs (the config, a host snapshot), not domains. */
  planInputs: string[];
  /** Named `.json` files that are neither: not domain XML, left alone (a hook's `files` pattern passes them). */
  skipped: string[];
}

export interface PlanCompletionInput {
  discovered: readonly DiscoveredFile[];
  config: ResolvedConfig | undefined;
  /** Absolute path of `--host`: it replaces the config's mapping, and the plan is the named domains. */
  cliHost: string | undefined;
  /** Absolute directories named on the command line: a walk of one holding the config found every member. */
  namedDirs: readonly string[];
  isIgnored: (abs: string) => boolean;
  /** Whether .gitignore hides members (LintOptions.gitignore; default true). */
  gitignore?: boolean;
}

export async function completePlans(input: PlanCompletionInput): Promise<PlanCompletion> {
  const { config, cliHost } = input;
  const planInputs: string[] = [];
  const skipped: string[] = [];
  const wholeHosts = new Set<ConfigHost>();
  let wholeConfig = false;
  const named: DiscoveredFile[] = [];
  const mapped = config !== undefined && cliHost === undefined && config.hosts.length > 0;
  // By snapshot path: a pre-commit run over a fleet names thousands of files against thousands of hosts.
  const hostsOfSnapshot = new Map<string, ConfigHost[]>();
  for (const h of mapped ? config.hosts : []) {
    const list = hostsOfSnapshot.get(h.snapshot);
    if (list) list.push(h);
    else hostsOfSnapshot.set(h.snapshot, [h]);
  }
  for (const f of input.discovered) {
    if (f.explicit) {
      if (f.absPath === cliHost || (config !== undefined && f.absPath === config.file)) {
        if (f.absPath !== cliHost) wholeConfig = true;
        planInputs.push(f.absPath);
        continue;
      }
      const hosts = hostsOfSnapshot.get(f.absPath) ?? [];
      if (hosts.length > 0) {
        for (const h of hosts) wholeHosts.add(h);
        planInputs.push(f.absPath);
        continue;
      }
      if (extname(f.absPath).toLowerCase() === '.json') {
        skipped.push(f.absPath);
        continue;
      }
    }
    named.push(f);
  }
  const hostOf = new Map<string, ConfigHost | undefined>();
  const reported = new Set(named.map((f) => f.absPath));
  if (!mapped) return { files: named, reported, hostOf, planInputs, skipped };

  const targets = new Set<ConfigHost>(wholeConfig ? config.hosts : wholeHosts);
  for (const f of named) {
    if (input.isIgnored(f.absPath)) continue;
    const host = hostForDomain(config, f.absPath);
    hostOf.set(f.absPath, host);
    if (host) targets.add(host);
  }
  const namedHosts = new Set(hostOf.values());
  // A walk of a named directory holding the config found every member already.
  const covered = input.namedDirs.some((d) => config.dir === d || config.dir.startsWith(d.endsWith(sep) ? d : d + sep));
  const hit = new Set<ConfigHost>();
  // A host outside the named files' plans only has to match some file. A quick look below its globs'
  // literal base finds one for the usual `hv01/**/*.xml` without a glob walk per host (a 1,700-host
  // fleet spent half a second there on a one-file pre-commit); a host it cannot vouch for is walked.
  const quick = new GitignoreFilter(repositoryRoot(config.dir), input.gitignore ?? true);
  const inside = new BaseCheck(config.dir);
  const unmatched = config.hosts.filter((h) => !namedHosts.has(h));
  for (const h of unmatched) if (!targets.has(h) && hostHasPlainFile(config, h, quick, inside)) hit.add(h);
  const toWalk = unmatched.filter((h) => !hit.has(h));
  const walked = covered ? toWalk : [...new Set([...targets, ...toWalk])];
  const context: DiscoveredFile[] = [];
  if (walked.length > 0) {
    // The usual `hv01/**/*.xml` by a plain walk of its base directory, exactly as the glob walk would
    // find it; globby only for hosts whose globs or trees the plain walk cannot answer for (its setup
    // was a tenth of a one-file pre-commit run, and 850 hosts' patterns a tenth of a run naming 5,100 files).
    const viaGlobby: ConfigHost[] = [];
    const members = new Set<string>();
    for (const h of walked) {
      const found = plainMembers(config, h, quick, inside);
      if (found === undefined) viaGlobby.push(h);
      else for (const abs of found) members.add(abs);
    }
    if (viaGlobby.length > 0) for (const abs of await expandGlobs([...new Set(viaGlobby.flatMap((h) => h.globs))], config.dir, input.gitignore ?? true, input.isIgnored)) members.add(abs);
    for (const abs of [...members].sort()) {
      const host = hostForDomain(config, abs);
      if (!host) continue;
      hit.add(host);
      if (reported.has(abs) || !targets.has(host) || input.isIgnored(abs) || extname(abs).toLowerCase() !== '.xml') continue;
      hostOf.set(abs, host);
      context.push({ absPath: abs, explicit: false });
    }
  }
  // A host whose globs match nothing would leave its guests without host and plan rules, unseen.
  for (const h of unmatched) {
    if (!hit.has(h)) {
      throw new ConfigError(config.path, `hosts[${h.index}].domains`, `${h.globs.map((g) => `'${g}'`).join(', ')} ${h.globs.length === 1 ? 'matches' : 'match'} no file (globs are relative to the config's directory): a typo, or a host without guests (remove it)`);
    }
  }
  // A changed snapshot or config changes its whole plan: every member's findings are reported.
  for (const f of context) if (wholeConfig || wholeHosts.has(hostOf.get(f.absPath)!)) reported.add(f.absPath);
  return { files: [...named, ...context], reported, hostOf, planInputs, skipped };
}

/** How many directory entries the quick look reads per host before it gives up (and the glob walk decides). */
const QUICK_LOOK_ENTRIES = 2_000;

/**
 * True when a file the glob walk would also return lies below one of `host`'s globs: a regular file
 * (not a symlink), no hidden or node_modules segment, not gitignored, matched by the host's globs and
 * mapped to this host. A strict subset of what expandGlobs finds, so a "yes" is always right; a "no"
 * only sends the host to the walk. Only globs with a literal base directory (`hv01/**\/*.xml`) are looked at.
 */
export function hostHasPlainFile(config: ResolvedConfig, host: ConfigHost, gitignore: GitignoreFilter, inside: BaseCheck): boolean {
  let budget = QUICK_LOOK_ENTRIES;
  for (const scan of host.scans) {
    if (scan.negated || scan.base === '' || scan.base.startsWith('.') || scan.base.includes('..') || !scan.isGlob) continue;
    // A base that is a symlink out of the repository is not listed: the glob walk refuses it.
    if (!inside.staysInside(scan.base)) continue;
    const stack = [join(config.dir, scan.base)];
    while (stack.length > 0 && budget > 0) {
      const dir = stack.pop()!;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        break;
      }
      gitignore.noteDirectory(dir, entries.some((e) => e.name === '.gitignore' && !e.isDirectory()));
      for (const e of entries) {
        if (--budget < 0) break;
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const abs = dir + sep + e.name;
        if (e.isDirectory()) stack.push(abs);
        else if (e.isFile()) {
          const rel = relativePosix(config.dir, abs);
          if (host.matches(rel) && !gitignore.ignores(abs) && hostForRelative(config, rel) === host) return true;
        }
      }
    }
  }
  return false;
}

/**
 * Whether a glob's literal base below the config's directory is really inside the repository. The
 * config itself was refused if it lay outside (runner.ts refuseSymlinkOut), so a base that is a plain
 * directory entry of that directory is inside: one listing answers a fleet's `hv0001`…`hv1700`, where
 * a realpath(3) per host cost a syscall per path component. Anything else (a symlink, a deeper base)
 * is resolved.
 */
export class BaseCheck {
  private top: Map<string, boolean> | undefined;
  private readonly resolved = new Map<string, boolean>();
  private readonly workspace: string;

  constructor(private readonly dir: string) {
    this.workspace = repositoryRoot(dir);
  }

  staysInside(base: string): boolean {
    if (!base.includes('/')) {
      if (this.top === undefined) {
        this.top = new Map();
        try {
          for (const e of readdirSync(this.dir, { withFileTypes: true })) this.top.set(e.name, e.isDirectory());
        } catch {
          // Unlistable: every base is resolved below.
        }
      }
      if (this.top.get(base) === true) return true;
    }
    let inside = this.resolved.get(base);
    if (inside === undefined) this.resolved.set(base, (inside = escapesWorkspace(join(this.dir, base), this.workspace) === undefined));
    return inside;
  }
}

/** Entries the plain walk reads for one host before it leaves the host to globby. */
const PLAIN_WALK_ENTRIES = 20_000;

/**
 * Every file below `host`'s globs, as expandGlobs would return it, or undefined when the plain walk
 * cannot promise that. It answers only where the two cannot differ: globs of literal path characters,
 * `*`, `**` and `?` below a literal base (no braces, classes or escapes, no segment naming a dot file),
 * and trees of regular files and directories only. What it skips, the glob walk skips too: entries
 * starting with a dot (globby's `dot: false`, and no glob names one), `node_modules` (its ignore);
 * a symlink, a device or an entry without a type sends the host to globby. Matched with the host's
 * own matcher, as hostForDomain matches every file after either walk.
 */
export function plainMembers(config: ResolvedConfig, host: ConfigHost, gitignore: GitignoreFilter, inside = new BaseCheck(config.dir)): string[] | undefined {
  const bases: string[] = [];
  for (const [i, glob] of host.globs.entries()) {
    if (!/^[A-Za-z0-9_*?/+=@%,:~-][A-Za-z0-9_.*?/+=@%,:~ -]*$/.test(glob) || glob.startsWith('/') || /(^|\/)\./.test(glob)) return undefined;
    const scan = host.scans[i]!;
    if (scan.negated || !scan.isGlob || scan.base === '' || scan.base.split('/').includes('node_modules')) return undefined;
    bases.push(scan.base);
  }
  const out: string[] = [];
  let budget = PLAIN_WALK_ENTRIES;
  for (const base of new Set(bases)) {
    const root = join(config.dir, base);
    // The base itself may be a symlink out of the repository: refused by the glob walk (refuseEscapes
    // in expandGlobs), and not even listed here. Below it, no symlink is entered.
    if (!inside.staysInside(base)) return undefined;
    const stack = [root];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        // Missing, unreadable or not a directory: the glob walk's to judge.
        return undefined;
      }
      gitignore.noteDirectory(dir, entries.some((e) => e.name === '.gitignore' && !e.isDirectory()));
      for (const e of entries) {
        if (--budget < 0) return undefined;
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const abs = join(dir, e.name);
        if (e.isDirectory()) stack.push(abs);
        else if (!e.isFile()) return undefined;
        else if (host.matches(relative(config.dir, abs).split(sep).join('/')) && !gitignore.ignores(abs)) out.push(abs);
      }
    }
  }
  return out;
}
