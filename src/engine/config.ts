import { existsSync, lstatSync, opendirSync, realpathSync, type Dir } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { readRegularFile } from './source.ts';
import { repositoryRoot } from './repo.ts';
import picomatch from 'picomatch';
import { compileConfigGlobs, linearGlobMatcher, starsPerSegment } from './glob-match.ts';
import { CONFIG_SCHEMA } from '../generated/config-schema.ts';
import { compileSchema, type SchemaValidator } from '../json/schema-validator.ts';
import { isInside, realAsFarAsExists, relativePosix, resolveBelow } from './paths.ts';
import { describeAjvError, describeJsonSyntaxError, duplicateJsonKey, formatJsonPath } from '../json/document.ts';
import { LineIndex } from '../xml/lines.ts';
import { optionsProblem } from './options.ts';
import { findRule, fixedLevelProblem } from './registry.ts';
import { schemaDirProblem } from '../schema/dir.ts';
import type { RuleSetting } from './types.ts';
import { uuidKey } from '../model/domain-identity.ts';

export const CONFIG_FILE_NAME = 'kvmlint.config.json';

/** A configuration problem: exit 2, naming the file and the key. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    problem: string,
  ) {
    super(`${file}${key ? `: ${key}` : ''}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export interface FindingIgnore {
  files: ((relPath: string) => boolean) | undefined;
  domains: ReadonlySet<string> | undefined;
  rules: ReadonlySet<string> | undefined;
}

export interface ConfigHost {
  /** Absolute path of the snapshot. */
  snapshot: string;
  /** Index in `hosts`, for messages. */
  index: number;
  /** The `domains` globs as written (relative to the config's directory). */
  globs: readonly string[];
  /** picomatch.scan of each glob, made once: a 1,700-host fleet scanned each glob five times (~9 µs a scan). */
  scans: readonly GlobScan[];
  matches(relPath: string): boolean;
  housekeeping: string | undefined;
  /** The host's libvirt release, replacing the snapshot's libvirtVersion (src/model/libvirt-version.ts). */
  libvirtVersion: string | undefined;
}

/** What picomatch.scan says of a glob. */
export type GlobScan = ReturnType<typeof picomatch.scan>;

/** Hosts indexed by the static directory their globs start with, so a fleet is not files × hosts glob tests. */
interface HostIndex {
  byBase: Map<string, ConfigHost[]>;
  anywhere: ConfigHost[];
  /** The candidates of each directory seen, in config order: a fleet's files share a few thousand directories. */
  byDir: Map<string, readonly ConfigHost[]>;
}

/** Directories whose candidates are kept (a walk of more reads the index again for the rest). */
const MAX_INDEXED_DIRS = 100_000;

export interface ResolvedConfig {
  path: string;
  /** Absolute path of the file. */
  file: string;
  /** Directory globs and paths are relative to. */
  dir: string;
  rules: Record<string, RuleSetting>;
  ruleOptions: Record<string, Record<string, unknown>>;
  isIgnoredFile(absPath: string): boolean;
  findingIgnores: FindingIgnore[];
  hosts: ConfigHost[];
  hostIndex: HostIndex;
  reportUnusedDisableDirectives: boolean | undefined;
  maxFileSize: number | undefined;
  /** libvirt's schemas: an absolute directory holding domain.rng, true to search the installed locations, false for none. */
  schema: string | boolean | undefined;
}

interface RawConfig {
  rules?: Record<string, string | [string, Record<string, unknown>?]>;
  ignores?: Array<string | { files?: string[]; domains?: string[]; rules?: string[]; reason?: string }>;
  hosts?: Array<{ snapshot: string; domains: string[]; housekeeping?: string; libvirtVersion?: string }>;
  reportUnusedDisableDirectives?: boolean;
  maxFileSize?: number;
  schema?: boolean | string;
}

const SEVERITY: Record<string, RuleSetting> = { off: 'off', info: 'info', warn: 'warning', warning: 'warning', error: 'error' };

let configValidator: SchemaValidator | undefined;

/** schemas/kvmlint.config.schema.json (scripts/gen-validators.ts), compiled by the first run that reads a config. */
function validator(): SchemaValidator {
  return (configValidator ??= compileSchema(JSON.parse(CONFIG_SCHEMA) as Record<string, unknown>));
}

/**
 * The nearest kvmlint.config.json at or above `startDir`, stopping at the
 * repository root (the first directory holding `.git`), as ESLint and
 * markdownlint look for theirs; outside a repository, at `cwd`.
 */
export function findConfigFile(startDir: string, cwd: string = startDir): string | undefined {
  const found: string[] = [];
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) found.push(candidate);
    if (existsSync(join(dir, '.git'))) return found[0];
    if (dirname(dir) === dir) break;
  }
  // Outside a git repository the search stops at the working directory: a writable ancestor
  // (/tmp, a shared home) must not steer the run.
  const top = resolve(cwd);
  return found.find((f) => {
    const rel = relative(top, dirname(f));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}


export function loadConfigFile(path: string, displayPath = path): ResolvedConfig {
  let text: string;
  try {
    text = readRegularFile(path, MAX_CONFIG_BYTES).toString('utf8');
  } catch (e) {
    throw new ConfigError(displayPath, '', `cannot be read: ${(e as Error).message.replace(`${path}: `, '')}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new ConfigError(displayPath, '', describeJsonSyntaxError(text, e as Error).problem);
  }
  // JSON.parse keeps the last of two equal names: a reviewer reading the first would read a setting that is not used.
  const duplicate = duplicateJsonKey(text, data);
  if (duplicate) {
    const { line, column } = new LineIndex(text).position(duplicate.offset);
    throw new ConfigError(displayPath, duplicate.path, `appears twice in the same object (again at line ${line}, column ${column}); JSON keeps the last, so say it once`);
  }
  // Each rule's options against its meta.schema first: the message then names the rule and the key.
  checkRuleOptions(data, displayPath);
  const validate = validator();
  if (!validate(data)) {
    const first = validate.errors?.[0];
    if (first) {
      const { segments, problem } = describeAjvError(first);
      throw new ConfigError(displayPath, formatJsonPath(segments), problem);
    }
    throw new ConfigError(displayPath, '', 'does not match the configuration schema');
  }
  return resolveConfig(data as RawConfig, resolve(path), displayPath);
}

function checkRuleOptions(data: unknown, displayPath: string): void {
  const rules = (data as { rules?: unknown } | null)?.rules;
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return;
  for (const [id, setting] of Object.entries(rules)) {
    const rule = findRule(id);
    if (!rule || !Array.isArray(setting) || setting.length < 2) continue;
    const problem = optionsProblem(rule.meta.schema, setting[1]);
    if (problem) throw new ConfigError(displayPath, `rules.${id}[1]${problem.key ? `.${problem.key}` : ''}`, `rule '${id}' ${problem.key ? `option '${problem.key}': ${problem.problem}` : problem.problem}`);
  }
}

/** `*` and `**` one config glob may hold: each is a backtracking group in picomatch's regex. */
const MAX_WILDCARDS = 3;
/** `*` runs one path segment of a glob a regular expression matches may hold (src/engine/glob-match.ts). */
const MAX_STARS_PER_SEGMENT = 2;
/** Globs one config may hold in all: each is tried on every file. */
const MAX_CONFIG_GLOBS = 20_000;
const MAX_GLOB_LENGTH = 1024;

/**
 * Config globs come from the pull request and picomatch compiles them to backtracking regular
 * expressions: `**\/*a*a*a*a*a*a*a*a*a*a*a*a*b.xml` against one 40-character path runs for
 * minutes, and two `**` with two `*` each take 8 s on a 4 KiB path. Globs are bounded before
 * they are compiled: at most MAX_WILDCARDS runs of `*` (`**\/*.xml`, `hosts/**\/vm-*.xml` pass;
 * the worst that passes, `**\/*a*a.xml`, takes 44 ms on a 16-segment path of 255-byte names), no
 * extglobs (`+(a|aa)` is the textbook ReDoS: refused, and compiled with noextglob in any case), at
 * most MAX_GLOB_LENGTH characters, 8 brace groups and MAX_BRACE_ALTERNATIVES patterns, no brace
 * ranges (`{1..1000}{1..1000}`, 26 characters, made globby compile and stat a million patterns).
 */
function compileGlobs(globs: readonly string[], displayPath: string, where: string): (relPath: string) => boolean {
  checkGlobs(globs, displayPath, where);
  return compileConfigGlobs(globs);
}

/**
 * compileGlobs' bounds alone, for globs another matcher compiles (hosts' domains: domainGlobMatcher).
 * `globbed`: the globs are also walked by globby (hosts' domains, to complete a plan), whose
 * regular expressions backtrack as picomatch's do.
 */
function checkGlobs(globs: readonly string[], displayPath: string, where: string, globbed = false): void {
  for (const glob of globs) {
    const problem =
      glob.length > MAX_GLOB_LENGTH ? `is longer than ${MAX_GLOB_LENGTH} characters`
      : wildcardRuns(glob) > MAX_WILDCARDS ? `has more than ${MAX_WILDCARDS} '*' or '**' wildcards`
      // Three `*` in one segment backtrack cubically in a regular expression (`*a*a*a0` took 20 ms a name): only
      // the linear matcher (src/engine/glob-match.ts) takes them.
      : starsPerSegment(glob) > MAX_STARS_PER_SEGMENT && (globbed || linearGlobMatcher(glob) === undefined)
        ? `has more than ${MAX_STARS_PER_SEGMENT} '*' in one path segment${globbed ? '' : ' together with a class, an escape or another character picomatch reads specially'}`
      // Without braces or parentheses none of the checks below can find anything (a fleet's `hv01/**/*.xml`).
      : !glob.includes('{') && !glob.includes('(') ? undefined
      : (glob.match(/\{/g) ?? []).length > 8 ? 'has more than 8 brace groups'
      : /\{[^{}]*\.\.[^{}]*\}/.test(glob) ? "has a brace range ('{1..1000}'), which expands to a pattern per number"
      : braceAlternatives(glob) > MAX_BRACE_ALTERNATIVES ? `expands to more than ${MAX_BRACE_ALTERNATIVES} patterns`
      : /[@?!+*]\(/.test(glob) ? "has an extglob ('@(…)', '+(…)', …)"
      : undefined;
    if (problem) throw new ConfigError(displayPath, where, `glob '${glob.length > 80 ? `${glob.slice(0, 80)}…` : glob}' ${problem}: such globs can take minutes to match (catastrophic backtracking)`);
  }
}

/** Runs of `*` in `glob` (`*` and `**` each count once). */
function wildcardRuns(glob: string): number {
  let runs = 0;
  for (let at = glob.indexOf('*'); at >= 0; at = glob.indexOf('*', at + 1)) if (glob.charCodeAt(at - 1) !== 42 /* * */) runs++;
  return runs;
}

/** Patterns one glob's braces may expand to: globby compiles and walks each of them. */
const MAX_BRACE_ALTERNATIVES = 256;

/** How many patterns the braces of `glob` expand to (the product of each group's alternatives; nesting counted generously). */
function braceAlternatives(glob: string): number {
  let product = 1;
  let depth = 0;
  let alternatives = 1;
  for (const c of glob) {
    if (c === '{') {
      depth++;
      if (depth === 1) alternatives = 1;
    } else if (c === ',' && depth > 0) alternatives++;
    else if (c === '}' && depth > 0 && --depth === 0) product *= alternatives;
  }
  return product;
}

/**
 * The patterns the brace lists of `glob` expand to (`a{b,c{d,e}}` → ab, acd, ace), as fast-glob's braces
 * expansion walks them; a backslash escapes the next character. checkGlobs bounds the count
 * (MAX_BRACE_ALTERNATIVES) and refuses ranges. A group without a comma is expanded too (braces keeps
 * it literal): a check that errs towards refusing.
 */
export function expandBraces(glob: string): string[] {
  let open = -1;
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{') {
      if (depth++ === 0) open = i;
    } else if (c === '}' && depth > 0 && --depth === 0) {
      const alternatives: string[] = [];
      let from = open + 1;
      let inner = 0;
      for (let j = open + 1; j < i; j++) {
        const d = glob[j];
        if (d === '\\') j++;
        else if (d === '{') inner++;
        else if (d === '}') inner--;
        else if (d === ',' && inner === 0) {
          alternatives.push(glob.slice(from, j));
          from = j + 1;
        }
      }
      alternatives.push(glob.slice(from, i));
      const head = glob.slice(0, open);
      const tails = expandBraces(glob.slice(i + 1));
      const out: string[] = [];
      for (const a of alternatives) for (const x of expandBraces(head + a)) for (const t of tails) if (out.length < 4 * MAX_BRACE_ALTERNATIVES) out.push(x + t);
      return out;
    }
  }
  return [glob];
}

/** A config is a small JSON file; anything larger is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** `target`, symlinks resolved (as far as it exists), lies inside `realDir` (already a real path). */
function insideReal(realDir: string, target: string): boolean {
  return isInside(realDir, realAsFarAsExists(target));
}


/** The real path of `p` when it exists, else undefined. */
function realIfExists(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** What a directory listing says of an entry; `unknown` when the file system gave no type (DT_UNKNOWN). */
type EntryKind = 'file' | 'link' | 'other' | 'unknown';

/** Snapshots named in one directory from which it is listed once instead of lstat-ing each. */
const LIST_DIR_FROM = 16;
/** Entries read from such a directory at most: a bigger one is left to lstat, file by file. */
const MAX_LISTED_ENTRIES = 100_000;

/**
 * realIfExists for many files in few directories: the directory's real path once, then what the
 * file is (a symlink is resolved in full). A 1,700-host config's snapshots all sit in one
 * directory: realpath asks the kernel about every component of each path, and even one lstat
 * each was 10 µs a host here; a directory named by many snapshots is listed once instead
 * (getdents gives each entry's type). A name the listing lacks is asked again with lstat, so a
 * case-insensitive file system answers as before.
 */
class SnapshotPaths {
  private readonly realDirs = new Map<string, string | undefined>();
  private readonly listings = new Map<string, Map<string, EntryKind> | undefined>();
  private readonly named = new Map<string, number>();

  constructor(paths: readonly string[]) {
    for (const p of paths) {
      const dir = dirname(p);
      this.named.set(dir, (this.named.get(dir) ?? 0) + 1);
    }
  }

  realFileIfExists(p: string): string | undefined {
    const dir = dirname(p);
    if (dir === p) return realIfExists(p);
    let kind = this.listing(dir)?.get(basename(p));
    if (kind === undefined || kind === 'unknown') {
      try {
        const st = lstatSync(p, { throwIfNoEntry: false });
        if (st === undefined) return undefined;
        kind = st.isSymbolicLink() ? 'link' : 'other';
      } catch {
        return realIfExists(p);
      }
    }
    if (kind === 'link') return realIfExists(p);
    let realDir = this.realDirs.get(dir);
    if (!this.realDirs.has(dir)) this.realDirs.set(dir, (realDir = realIfExists(dir)));
    return realDir === undefined ? undefined : resolveBelow(realDir, basename(p));
  }

  /** The entries of `dir` when enough snapshots are named there and it is not too big to list. */
  private listing(dir: string): Map<string, EntryKind> | undefined {
    if ((this.named.get(dir) ?? 0) < LIST_DIR_FROM) return undefined;
    if (this.listings.has(dir)) return this.listings.get(dir);
    let entries: Map<string, EntryKind> | undefined = new Map();
    let handle: Dir | undefined;
    try {
      handle = opendirSync(dir, { bufferSize: 1024 });
      for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) {
        if (entries.size >= MAX_LISTED_ENTRIES) {
          entries = undefined;
          break;
        }
        entries.set(entry.name, entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'link' : entry.isDirectory() || entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice() ? 'other' : 'unknown');
      }
    } catch {
      entries = undefined;
    } finally {
      handle?.closeSync();
    }
    this.listings.set(dir, entries);
    return entries;
  }
}

function resolveConfig(raw: RawConfig, path: string, displayPath: string): ResolvedConfig {
  const dir = dirname(path);
  const workspace = repositoryRoot(dir);
  const rules: Record<string, RuleSetting> = {};
  const ruleOptions: Record<string, Record<string, unknown>> = {};
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    if (!findRule(id)) throw new ConfigError(displayPath, `rules.${id}`, `unknown rule '${id}' (see 'kvmlint rules')`);
    const [level, options] = Array.isArray(setting) ? setting : [setting];
    rules[id] = SEVERITY[level]!;
    const fixed = fixedLevelProblem(id, rules[id]!);
    if (fixed) throw new ConfigError(displayPath, `rules.${id}`, fixed);
    if (options) ruleOptions[id] = options;
  }

  const globCount = (raw.ignores ?? []).reduce((n, i) => n + (typeof i === 'string' ? 1 : (i.files?.length ?? 0)), 0) + (raw.hosts ?? []).reduce((n, h) => n + (h.domains?.length ?? 0), 0);
  if (globCount > MAX_CONFIG_GLOBS) throw new ConfigError(displayPath, '', `holds ${globCount} globs in ignores and hosts[].domains, more than ${MAX_CONFIG_GLOBS}: each is tried on every file`);
  const fileGlobs = (raw.ignores ?? []).filter((i): i is string => typeof i === 'string');
  const ignoredFile = fileGlobs.length > 0 ? compileGlobs(fileGlobs, displayPath, 'ignores') : undefined;
  const findingIgnores: FindingIgnore[] = (raw.ignores ?? [])
    .filter((i): i is Exclude<typeof i, string> => typeof i !== 'string')
    .map((i, n) => {
      for (const id of i.rules ?? []) {
        if (!findRule(id)) throw new ConfigError(displayPath, `ignores[${n}].rules`, `unknown rule '${id}'`);
      }
      return {
        files: i.files ? compileGlobs(i.files, displayPath, `ignores[${n}].files`) : undefined,
        // Each entry as written (a name) and as the uuid libvirt parses it to, when it is one.
        domains: i.domains ? new Set(i.domains.flatMap((d) => [d, uuidKey(d) ?? d])) : undefined,
        rules: i.rules ? new Set(i.rules) : undefined,
      };
    });

  const hostIndex: HostIndex = { byBase: new Map(), anywhere: [], byDir: new Map() };
  // Resolved once for every host's snapshot check (a 1,700-host config resolved it 1,700 times).
  const realWorkspace = realAsFarAsExists(workspace);
  const snapshots = (raw.hosts ?? []).map((h) => resolveBelow(dir, h.snapshot));
  const snapshotPaths = new SnapshotPaths(snapshots);
  const firstEntryOf = new Map<string, number>();
  const hosts: ConfigHost[] = (raw.hosts ?? []).map((h, index) => {
    const snapshot = snapshots[index]!;
    // A snapshot path from the config is the pull request's to choose: confined to the repository
    // the config lives in (through symlinks too), so it cannot probe /etc/shadow or read /dev/zero.
    // One real path answers both questions for a snapshot that exists (a 1,700-host config asked 3,400).
    const real = snapshotPaths.realFileIfExists(snapshot);
    if (real === undefined ? !insideReal(realWorkspace, snapshot) : !isInside(realWorkspace, real)) {
      throw new ConfigError(displayPath, `hosts[${index}].snapshot`, `${h.snapshot} is outside the repository ${workspace}`);
    }
    if (real === undefined) throw new ConfigError(displayPath, `hosts[${index}].snapshot`, `file ${h.snapshot} does not exist`);
    // One host, one plan: two entries naming one snapshot would be planned apart, each placing guests on CPUs
    // and pages the other entry's guests hold.
    const earlier = firstEntryOf.get(real);
    if (earlier !== undefined) {
      throw new ConfigError(displayPath, `hosts[${index}].snapshot`, `${h.snapshot} is hosts[${earlier}]'s snapshot too: list all of that host's domain globs in one entry`);
    }
    firstEntryOf.set(real, index);
    // Checked for backtracking before the matcher is built (domainGlobMatcher compiles them, shared by pattern).
    checkGlobs(h.domains, displayPath, `hosts[${index}].domains`, true);
    // Walked for the plan: like the snapshot, confined to the repository (a literal symlink out of it is
    // refused when the walk meets it: discover.ts expandGlobs).
    const scans = h.domains.map((g) => picomatch.scan(g));
    // Each pattern the braces expand to, as globby walks them: `.{.,}/x` is `../x`, `{/etc,d}/*` is `/etc/*`.
    const leaving = h.domains.find((g, i) =>
      (g.includes('{') ? expandBraces(g) : [g]).some((p) => {
        const { base, glob } = p === g ? scans[i]! : picomatch.scan(p);
        return isAbsolute(p) || /^[A-Za-z]:/.test(p) || glob.split(/[\\/]/).includes('..') || !isInside(workspace, resolveBelow(dir, base));
      }),
    );
    if (leaving !== undefined) {
      throw new ConfigError(displayPath, `hosts[${index}].domains`, `glob '${leaving.length > 80 ? `${leaving.slice(0, 80)}…` : leaving}' reaches outside the repository ${workspace}`);
    }
    const host = { snapshot, index, globs: h.domains, scans, matches: domainGlobMatcher(h.domains, scans), housekeeping: h.housekeeping, libvirtVersion: h.libvirtVersion };
    // Indexed by the directory their files lie below: a glob's literal base, and for a literal file
    // name (no wildcard: `vms/db.xml`, `d.xml`) the directory holding it, not the file itself.
    const bases = new Set(scans.map(({ base, isGlob }) => (isGlob ? base : base.slice(0, Math.max(0, base.lastIndexOf('/'))))));
    for (const base of bases) {
      if (base === '') hostIndex.anywhere.push(host);
      else {
        const list = hostIndex.byBase.get(base);
        if (list) list.push(host);
        else hostIndex.byBase.set(base, [host]);
      }
    }
    return host;
  });

  let schemaSetting: string | boolean | undefined = raw.schema;
  if (typeof raw.schema === 'string') {
    schemaSetting = resolve(dir, raw.schema);
    // A path from the config is the pull request's to choose. Outside the repository it may only be a
    // libvirt schema directory (the system's /usr/share/libvirt/schemas), and any other path gets the
    // same answer, so the config cannot probe what exists there (/root/.ssh, a token file).
    if (!insideReal(realWorkspace, schemaSetting) && schemaDirProblem(schemaSetting) !== undefined) {
      throw new ConfigError(displayPath, 'schema', `${raw.schema} is outside the repository ${workspace} and is not a libvirt schema directory`);
    }
    const problem = schemaDirProblem(schemaSetting);
    if (problem) throw new ConfigError(displayPath, 'schema', `directory ${raw.schema} ${problem}`);
  }

  const rel = (abs: string) => relativePosix(dir, abs);
  return {
    path: displayPath,
    file: path,
    dir,
    rules,
    ruleOptions,
    isIgnoredFile: (abs) => (ignoredFile ? ignoredFile(rel(abs)) : false),
    findingIgnores,
    hosts,
    hostIndex,
    reportUnusedDisableDirectives: raw.reportUnusedDisableDirectives,
    maxFileSize: raw.maxFileSize,
    schema: schemaSetting,
  };
}

/** Globs that are a plain directory and a pattern below it (`hv01/**\/*.xml`): the directory is compared as text. */
const LITERAL_BASE = /^(?!\.\.?(?:\/|$))[\w+@=,~-][\w.+@=,~-]*(?:\/(?!\.\.?(?:\/|$))[\w.+@=,~-]+)*$/;
/** Compiled patterns below a base (`**\/*.xml`), shared by every host whose globs use them. */
const patternsBelowBase = new Map<string, (relPath: string) => boolean>();

/**
 * The matcher of one host's `domains` globs. A fleet's config names a thousand hosts whose globs
 * differ only in their directory (`hv0001/**\/*.xml`, `hv0002/**\/*.xml`): compiling each with
 * picomatch took more time than linting the fleet's domains. Such a glob is matched as its literal
 * directory followed by the pattern below it, compiled once for all hosts (picomatch matches the
 * remainder of a path exactly as it matches the whole; test/config.test.ts checks they agree).
 * Any other glob is compiled as it is.
 */
export function domainGlobMatcher(globs: readonly string[], scans: readonly GlobScan[] = globs.map((g) => picomatch.scan(g))): (relPath: string) => boolean {
  const split = globs.map((g, i) => {
    const scan = scans[i]!;
    const simple = scan.prefix === '' && scan.isGlob && !scan.negated && LITERAL_BASE.test(scan.base) && g === `${scan.base}/${scan.glob}`;
    // `dir/**` also matches `dir` itself; other patterns ending in ** or / are left to picomatch.
    return simple && (scan.glob === '**' || !/(?:\*\*|\/)$/.test(scan.glob)) ? { dir: `${scan.base}/`, pattern: scan.glob } : undefined;
  });
  // noextglob as compileGlobs: checkGlobs refuses them, and `@(a|aa)` runs would backtrack exponentially.
  if (split.some((s) => s === undefined)) return compileConfigGlobs(globs);
  const parts = split.map((s) => {
    let below = patternsBelowBase.get(s!.pattern);
    if (!below) patternsBelowBase.set(s!.pattern, (below = compileConfigGlobs([s!.pattern])));
    return { dir: s!.dir, below, itself: s!.pattern === '**' ? s!.dir.slice(0, -1) : undefined };
  });
  return (rel) => parts.some((p) => (rel.startsWith(p.dir) && p.below(rel.slice(p.dir.length))) || rel === p.itself);
}

/** Path of `abs` relative to the config's directory, with forward slashes (what its globs match). */
export function configRelative(config: ResolvedConfig, abs: string): string {
  return relativePosix(config.dir, abs);
}

/** Hosts whose globs start at `dir` or one of its ancestors, or anywhere: the only ones that can match a file in `dir`. */
function hostCandidates(index: HostIndex, dir: string): readonly ConfigHost[] {
  const known = index.byDir.get(dir);
  if (known !== undefined) return known;
  const found = new Set(index.anywhere);
  for (let cut = dir.length; cut > 0; cut = dir.lastIndexOf('/', cut - 1)) {
    for (const h of index.byBase.get(dir.slice(0, cut)) ?? []) found.add(h);
  }
  const candidates = [...found].sort((a, b) => a.index - b.index);
  if (index.byDir.size < MAX_INDEXED_DIRS) index.byDir.set(dir, candidates);
  return candidates;
}

/**
 * The host a domain file is planned on. Matched by two hosts' globs is a
 * configuration error naming both: a guest runs on one hypervisor.
 */
export function hostForDomain(config: ResolvedConfig, abs: string): ConfigHost | undefined {
  return hostForRelative(config, configRelative(config, abs));
}

/** hostForDomain of a path already relative to the config's directory, with forward slashes. */
export function hostForRelative(config: ResolvedConfig, rel: string): ConfigHost | undefined {
  const matched = hostCandidates(config.hostIndex, rel.slice(0, Math.max(0, rel.lastIndexOf('/')))).filter((h) => h.matches(rel));
  if (matched.length > 1) {
    throw new ConfigError(
      config.path,
      `hosts[${matched[0]!.index}].domains`,
      `${rel} is matched by both hosts[${matched[0]!.index}] (${relative(config.dir, matched[0]!.snapshot)}) and hosts[${matched[1]!.index}] (${relative(config.dir, matched[1]!.snapshot)}): a domain must be planned on one host`,
    );
  }
  return matched[0];
}
