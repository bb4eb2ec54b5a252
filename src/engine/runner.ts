import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LineIndex } from '../xml/lines.ts';
import { isDomainRoot } from '../model/domain.ts';
import { exactName, uuidKey } from '../model/domain-identity.ts';
import { buildHostModel } from '../model/host-model.ts';
import type { HostModel } from '../model/host.ts';
import { parseKernelCpuList } from '../model/kernel-cpulist.ts';
import { loadHostFile } from '../host/load.ts';
import { ConfigError, configRelative, findConfigFile, hostForDomain, loadConfigFile, type ConfigHost, type ResolvedConfig } from './config.ts';
import { capFindingsPerFile, diagnosticOf, effectiveSeverity, lineColumnOf, lintPlanSources, PLAN_SUGGESTIONS_AUTO_MAX_DOMAINS, type PlanEnvironment, type PlanSource } from './core.ts';
import { discoverFiles, displayPath, escapesWorkspace, type DiscoveredFile } from './discover.ts';
import { completePlans } from './plans.ts';
import { addPlanSuggestions } from '../plan/suggest.ts';
import { repositoryRoot } from './repo.ts';
import { isInside, realAsFarAsExists } from './paths.ts';
import { rules as registeredRules, ruleDoc } from './registry.ts';
import { decodeXmlBytes, DEFAULT_MAX_FILE_BYTES, oversizeMessage, readBoundedText, sourceFromText, UsageError } from './source.ts';
import { checkSchemaDir, defaultSchemaDirs, findSchemaDir } from '../schema/dir.ts';
import { loadSchemaValidator } from '../schema/validator.ts';
import type { SchemaValidator } from '../schema/types.ts';
import type { Diagnostic, LintedDomain, LintHost, LintResult, Rule, RuleSetting, SourceFile } from './types.ts';

/** Above this many files a lint plans no suggestions unless asked (LintOptions.planSuggestions). */
export const PLAN_SUGGESTIONS_AUTO_MAX_FILES = PLAN_SUGGESTIONS_AUTO_MAX_DOMAINS;

export interface LintOptions {
  paths: readonly string[];
  cwd?: string;
  /** Host snapshot applied to every linted domain (`--host`); overrides the config's host mapping. */
  hostFile?: string;
  /** Config file (`-c`); `false` disables the upward search for kvmlint.config.json. */
  configFile?: string | false;
  /** Per-rule severity overrides (`--rule id=warn`), applied over the config's. */
  ruleSettings?: Readonly<Record<string, RuleSetting>>;
  ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  maxFileBytes?: number;
  /** Directory SARIF URIs are relative to; default: the git root above cwd. */
  root?: string;
  /** Rules to run (tests); default every registered rule. */
  rules?: readonly Rule[];
  reportUnusedDisableDirectives?: boolean;
  /** Current contents by absolute path, used instead of reading the file (fix passes). */
  overrides?: ReadonlyMap<string, string>;
  /**
   * Bytes read from standard input, linted as the file at `path` (ESLint's
   * `--stdin-filename`): displayed under that name, mapped to a host by it, and
   * planned with the other linted domains, replacing that file if it is one of them.
   */
  stdin?: { bytes: Buffer; path: string };
  /** Shared by repeated lints of the same paths (fix passes): config and hosts are loaded once. */
  session?: LintSession;
  /** Measure each rule's time (ESLint's TIMING=1): filled into LintRun.ruleTimes. */
  timing?: boolean;
  /**
   * libvirt's RelaxNG schemas for `schema-invalid` (`--schema [dir]`): a directory holding
   * domain.rng (relative to cwd), true to search `schemaSearchDirs`, false for none.
   * Default: the config's `schema`.
   */
  schema?: string | boolean;
  /** Where `schema: true` looks; default $KVMLINT_LIBVIRT_SCHEMAS, then the installed locations. */
  schemaSearchDirs?: readonly string[];
  /**
   * Directories and globs that hold no domain are a usage error (exit 2), as ESLint's "No files
   * matching": a wrong path must not pass silently. True accepts them (`--allow-no-domains`).
   */
  allowNoDomains?: boolean;
  /**
   * Whether .gitignore hides walked files (default true, as ruff and git's own tools). false in CI:
   * git ignores patterns only for untracked files, and a checkout holds tracked ones.
   */
  gitignore?: boolean;
  /**
   * Called once per host plan after its rules ran, with its domains and the findings
   * kept for them (`kvmlint plan` and `kvmlint map` read the plan this way).
   */
  onPlan?: (plan: { host: LintHost; domains: readonly LintedDomain[]; diagnostics: readonly Diagnostic[]; unparsed: readonly string[] }) => void;
  /**
   * Attach `kvmlint plan`'s change of a guest as a suggestion on its placement findings. Default: on
   * when the run lints at most PLAN_SUGGESTIONS_AUTO_MAX_FILES files (an editor, a hook, a pull
   * request), off above (a whole fleet: planning every host costs ~20% more CPU; `kvmlint plan` is for that).
   */
  planSuggestions?: boolean;
  /**
   * Keep the text of each file a finding points into (LintRun.sources), for formats that print or
   * index source lines and for fixes. Default true; false lets every text go with its plan.
   */
  keepSources?: boolean;
}

/** The rule that needs libvirt's compiled schema; the schema is looked for only when it runs. */
const SCHEMA_RULE_ID = 'schema-invalid';

/** What stays the same from one fix pass to the next: only domain texts change. */
export interface LintSession {
  /** null: resolved, and there is none. */
  config?: ResolvedConfig | null;
  /** Loaded hosts by absolute snapshot path and housekeeping override. */
  hosts: Map<string, LintHost>;
}

export interface LintRun extends LintResult {
  /** How many domains were linted and reported on (not counting those that only completed a plan). */
  domainCount: number;
  /** Usage-level refusals (oversized files): reported on stderr, exit 2. */
  refusals: string[];
  /** Rules that threw: reported on stderr, exit 2; every other finding is still reported. */
  ruleFailures: string[];
  /**
   * What the run left out that a person may have meant it to check, said on stderr without changing
   * the exit code: a named JSON file that is neither a host snapshot of the config nor the config (a
   * pre-commit hook hands every staged .json to kvmlint, so this cannot be an error).
   */
  notes: string[];
  /** Absolute path of each displayed file path. */
  absPaths: Map<string, string>;
  /** Absolute path → the encoding a file was decoded from (source.ts), for the files not in UTF-8. */
  encodings: Map<string, string>;
  /** Milliseconds spent in each rule's checks, when LintOptions.timing asked for it. */
  ruleTimes?: Map<string, number>;
  config: ResolvedConfig | undefined;
}

export { repositoryRoot };

/** The group key of domains planned on the `--host` snapshot. */
const CLI_HOST = Symbol('--host');

/** One plan's files as read, before their lint. */
interface ReadPlan {
  planFiles: PlanSource[];
  /** Displayed paths whose findings are reported (the rest only complete the plan). */
  reportedFiles: Set<string>;
  /** The texts of its well-formed domains, for --schema (empty without it). */
  domainTexts: string[];
}

export { diagnosticOf, effectiveSeverity, lineColumnOf };

export function loadLintHost(hostFile: string, cwd: string, housekeeping?: string, libvirtVersion?: string): LintHost {
  const abs = resolve(cwd, hostFile);
  const { snapshot, text } = loadHostFile(abs);
  const path = displayPath(abs, cwd);
  let housekeepingOverride;
  if (housekeeping !== undefined) {
    const parsed = parseKernelCpuList(housekeeping);
    if (!parsed.ok) throw new UsageError(`housekeeping '${housekeeping}' for ${path}: ${parsed.error}`);
    housekeepingOverride = parsed.value;
  }
  const model = buildHostModel(snapshot, { name: path, housekeepingOverride, libvirtVersion });
  return new LoadedHost(model, path, text);
}

/**
 * A host as linted. A class, not an object literal with a `get lines()` closure: with the
 * literal, most hosts of a fleet outlived their plan until the next full GC. A heap snapshot
 * (which collects first) found no path to them after their plan, yet the scavenges kept
 * copying and then promoting their text: the scavenger treats what the old generation
 * points to as live, dead or not. On 1,700 hosts the scavenges promoted 33 MB instead of
 * 12 MB (`--trace-gc-nvp`), and their pauses took 204 ms instead of 127 ms.
 */
class LoadedHost implements LintHost {
  /** Indexed when a finding points into the snapshot: most hosts of a fleet have none. */
  private index: LineIndex | undefined;

  constructor(
    readonly model: HostModel,
    readonly path: string,
    readonly text: string,
  ) {}

  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }
}

function commonAncestor(paths: readonly string[]): string {
  let dir = paths[0]!;
  for (const p of paths.slice(1)) while (!(p + '/').startsWith(dir.endsWith('/') ? dir : dir + '/') && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The config a lint of `options.paths` uses: `-c`, else the nearest kvmlint.config.json above them. */
export function resolveConfig(options: Pick<LintOptions, 'paths' | 'configFile' | 'stdin'>, cwd: string): ResolvedConfig | undefined {
  if (options.configFile === false) return undefined;
  if (options.configFile) {
    refuseSymlinkOut(options.configFile, cwd, 'config');
    return loadConfigFile(resolve(cwd, options.configFile), options.configFile);
  }
  // Search upward from where the linted paths are (their common directory).
  // The stdin file name counts as a linted path (ESLint looks up its config from there too).
  const named = options.stdin ? [...options.paths, options.stdin.path] : options.paths;
  const starts = (named.length > 0 ? named : ['.']).map((p) => {
    const abs = resolve(cwd, p);
    // A named .xml file starts at its directory: no stat for each of a pre-commit run's thousands.
    return !abs.endsWith('.xml') && existsSync(abs) ? abs : dirname(abs);
  });
  const found = findConfigFile(commonAncestor(starts), cwd);
  if (!found) return undefined;
  refuseSymlinkOut(found, cwd, 'config');
  return loadConfigFile(found, displayPath(found, cwd));
}

/**
 * A file kvmlint reads that lies inside the workspace by name must really be there: a committed
 * symlink to a token file or /etc/passwd would otherwise surface in error messages (exit 2).
 */
export function refuseSymlinkOut(file: string, cwd: string, what: string): void {
  const abs = resolve(cwd, file);
  const workspace = repositoryRoot(cwd);
  const escape = escapesWorkspace(abs, workspace);
  if (escape) throw new UsageError(`${displayPath(abs, cwd)}: the ${what} is a symlink to ${escape}, outside the workspace ${workspace}; not read`);
}

/** The text a host-less batch holds alive through a scavenge: ~6 guests of 7 KB, 16 of 2.5 KB (see lint()). */
const HOSTLESS_BATCH_CHARS = 40_000;

export async function lint(options: LintOptions): Promise<LintRun> {
  const cwd = options.cwd ?? process.cwd();
  const session = options.session;
  let config: ResolvedConfig | undefined;
  if (session?.config !== undefined) config = session.config ?? undefined;
  else {
    config = resolveConfig(options, cwd);
    if (session) session.config = config ?? null;
  }
  const hostFor = (file: string, housekeeping?: string, libvirtVersion?: string): LintHost => {
    if (!session) return loadLintHost(file, cwd, housekeeping, libvirtVersion);
    const key = `${resolve(cwd, file)}\0${housekeeping ?? ''}\0${libvirtVersion ?? ''}`;
    let host = session.hosts.get(key);
    if (!host) session.hosts.set(key, (host = loadLintHost(file, cwd, housekeeping, libvirtVersion)));
    return host;
  };
  // The config is the pull request's (SECURITY.md): it may lower the bound on what kvmlint reads, not lift it. A
  // `maxFileSize` of 10^12 let a committed 95 MB domain (GitHub's limit is 100 MB a file) be parsed whole, gigabytes
  // of memory on a runner. Only the person running kvmlint raises it (--max-file-size).
  if (options.maxFileBytes === undefined && config?.maxFileSize !== undefined && config.maxFileSize > DEFAULT_MAX_FILE_BYTES) {
    throw new ConfigError(config.path, 'maxFileSize', `${config.maxFileSize} is above the default ${DEFAULT_MAX_FILE_BYTES} bytes: a config may lower the limit on what kvmlint reads, only --max-file-size raises it`);
  }
  const maxBytes = options.maxFileBytes ?? config?.maxFileSize ?? DEFAULT_MAX_FILE_BYTES;
  const settings: Record<string, RuleSetting> = { ...config?.rules, ...options.ruleSettings };
  const ruleOptions = { ...config?.ruleOptions, ...options.ruleOptions };
  const activeRules = (options.rules ?? registeredRules).filter((r) => settings[r.meta.id] !== 'off');
  const reportUnused = options.reportUnusedDisableDirectives ?? config?.reportUnusedDisableDirectives ?? false;

  // libvirt's schema: found (or refused, exit 2) before any file is read, compiled once per process.
  const schemaSetting = options.schema ?? config?.schema;
  let schemaDir: string | undefined;
  if (schemaSetting && activeRules.some((r) => r.meta.id === SCHEMA_RULE_ID)) {
    if (typeof schemaSetting === 'string') schemaDir = options.schema !== undefined ? checkSchemaDir(schemaSetting, cwd) : schemaSetting;
    else schemaDir = findSchemaDir(options.schemaSearchDirs ?? defaultSchemaDirs(process.env), cwd);
  }

  // Hosts: --host applies to every domain; otherwise the config maps globs to snapshots.
  // A --host inside the workspace that a pull request turned into a symlink out of it is not read.
  if (options.hostFile) refuseSymlinkOut(options.hostFile, cwd, 'host snapshot');
  const cliHost = options.hostFile ? hostFor(options.hostFile) : undefined;

  const stdinAbs = options.stdin ? resolve(cwd, options.stdin.path) : undefined;
  // With --stdin and no paths there is nothing to walk (not the default ".").
  const walkedPaths = options.stdin && options.paths.length === 0 ? [] : options.paths.length > 0 ? options.paths : ['.'];
  const namedDirs: string[] = [];
  const isIgnored = (abs: string) => config?.isIgnoredFile(abs) ?? false;
  const discovered = walkedPaths.length === 0 ? [] : (await discoverFiles(options.paths, cwd, namedDirs, options.gitignore ?? true, config ? isIgnored : undefined)).filter((f) => f.absPath !== stdinAbs);
  if (stdinAbs !== undefined) discovered.push({ absPath: stdinAbs, explicit: true });
  // Plans are checked whole: the other members of a named domain's plan are linted with it.
  const plans = await completePlans({
    discovered,
    config,
    cliHost: options.hostFile ? resolve(cwd, options.hostFile) : undefined,
    namedDirs,
    isIgnored,
    gitignore: options.gitignore ?? true,
  });
  /** The config's host for a domain file, by mapping only: snapshots are loaded one plan at a time. */
  const configHostOf = (abs: string): ConfigHost | undefined =>
    cliHost || !config || config.hosts.length === 0 ? undefined : plans.hostOf.has(abs) ? plans.hostOf.get(abs) : hostForDomain(config, abs);
  const files = plans.files.filter((f) => !isIgnored(f.absPath));
  const planSuggestions = options.planSuggestions ?? files.length <= PLAN_SUGGESTIONS_AUTO_MAX_FILES;
  const keepSources = options.keepSources ?? true;
  // Schemas inside the workspace are the pull request's to write: validated on the helper thread under a watchdog.
  const schemaBounded = schemaDir !== undefined && isInside(realAsFarAsExists(repositoryRoot(cwd)), realAsFarAsExists(resolve(cwd, schemaDir)));
  const schema: SchemaValidator | undefined =
    schemaDir && files.length > 0 ? await loadSchemaValidator(schemaDir, displayPath(schemaDir, cwd), files.length, schemaBounded) : undefined;
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const absPaths = new Map<string, string>();
  const encodings = new Map<string, string>();
  const shown: string[] = [];
  const refusals: string[] = [];
  const ruleFailures: string[] = [];
  /** One rule's bug must not cost the report on every other file and rule. */
  const ruleTimes = options.timing ? new Map<string, number>() : undefined;
  const env: PlanEnvironment = { rules: activeRules, settings, ruleOptions, schema, reportUnusedDisableDirectives: reportUnused, hostOnceKeys: new Set(), ruleFailures, ruleTimes };
  let domainCount = 0;
  let malformedCount = 0;

  /**
   * Reads one plan's files (the domains of one host, or a batch of host-less domains). lintGroup
   * then lints them with the text-level core and lets them go: only findings and the text of files
   * that have findings outlive it. A fleet's memory is that of its largest plan (two with --schema's
   * helper thread, which validates the next plan while this thread lints one), not of the whole fleet.
   */
  const readGroup = (hosted: boolean, group: readonly DiscoveredFile[]): ReadPlan => {
    const planFiles: PlanSource[] = [];
    /** Displayed paths whose findings are reported (the rest only complete the plan). */
    const reportedFiles = new Set<string>();
    // A host's plan in path order, however its files were named or completed: which of two equal guests a
    // finding lands on (and which one `kvmlint plan` moves) must not depend on the command line.
    const ordered = hosted ? [...group].sort((a, b) => (a.absPath < b.absPath ? -1 : a.absPath > b.absPath ? 1 : 0)) : group;
    for (const f of ordered) {
      const shownPath = displayPath(f.absPath, cwd);
      let source: SourceFile;
      const override = options.overrides?.get(f.absPath);
      if (override !== undefined) {
        // Text handed in (fix passes, tools) meets the same bound as text read from disk.
        if (override.length > maxBytes / 3 && Buffer.byteLength(override) > maxBytes) {
          refusals.push(oversizeMessage(`${shownPath}: text is`, Buffer.byteLength(override), maxBytes));
          continue;
        }
        source = sourceFromText(shownPath, override);
      } else if (f.absPath === stdinAbs) {
        const { bytes } = options.stdin!;
        if (bytes.length > maxBytes) {
          refusals.push(oversizeMessage(`${shownPath} (standard input):`, bytes.length, maxBytes));
          continue;
        }
        let decoded: ReturnType<typeof decodeXmlBytes>;
        try {
          decoded = decodeXmlBytes(bytes);
        } catch (e) {
          if (!(e instanceof UsageError)) throw e;
          refusals.push(`${shownPath} (standard input): ${e.message}`);
          continue;
        }
        source = sourceFromText(shownPath, decoded.text, decoded.error);
        if (decoded.encoding !== 'utf-8') encodings.set(f.absPath, decoded.encoding);
      } else {
        try {
          const { text, error, encoding } = readBoundedText(f.absPath, maxBytes);
          source = sourceFromText(shownPath, text, error);
          if (encoding !== 'utf-8') encodings.set(f.absPath, encoding);
        } catch (e) {
          if (e instanceof UsageError) {
            refusals.push(e.message.replace(f.absPath, shownPath));
            continue;
          }
          // One unreadable file is that file's problem, not the run's. A name that is not valid
          // UTF-8 comes back from readdir with U+FFFD, and the glob library (for glob arguments) reads `\`
          // in a name as a path separator: neither names a file that can be opened.
          const code = (e as NodeJS.ErrnoException).code;
          if (!code) throw e;
          const hint = code === 'ENOENT' && !f.explicit ? ' (a name that is not valid UTF-8, or one holding a backslash matched by a glob, cannot be named by the walk)' : '';
          refusals.push(`${shownPath}: cannot be read: ${code}${hint}; not linted`);
          continue;
        }
      }
      absPaths.set(shownPath, f.absPath);
      if (plans.reported.has(f.absPath)) reportedFiles.add(shownPath);
      planFiles.push({ source, explicit: f.explicit });
    }
    const domainTexts = schema ? planFiles.flatMap(({ source: { doc, text } }) => (!doc.error && isDomainRoot(doc.root) ? [text] : [])) : [];
    return { planFiles, reportedFiles, domainTexts };
  };

  const lintGroup = (host: LintHost | undefined, { planFiles, reportedFiles }: ReadPlan): void => {
    const outcome = lintPlanSources(host, planFiles, env);
    const texts = new Map<string, SourceFile>();
    for (const s of outcome.linted) {
      texts.set(s.path, s);
      if (!reportedFiles.has(s.path)) continue;
      shown.push(s.path);
      if (!s.doc.error && isDomainRoot(s.doc.root)) domainCount++;
      // A file that does not parse may be the only domain: its xml-malformed finding is the report.
      else if (s.doc.error) malformedCount++;
    }
    // At most MAX_FINDINGS_PER_FILE per file, counted after directives and the config's ignores (core.ts).
    const kept = capFindingsPerFile(ignoredByConfig(outcome.diagnostics, texts, config, absPaths));
    // The plan's files that do not parse: their guests take CPUs and memory no one can see.
    const unparsed = host ? outcome.linted.filter((s) => s.doc.error).map((s) => s.path) : [];
    if (host && planSuggestions) addPlanSuggestions(host, outcome.domains, kept, unparsed);
    if (host && options.onPlan) options.onPlan({ host, domains: outcome.domains, diagnostics: kept, unparsed });
    for (const d of kept) {
      const files = involvedFiles(d);
      // A finding on a member that only completes the plan is reported when it involves a named file.
      if (!files.some((f) => reportedFiles.has(f) || f === host?.path)) continue;
      diagnostics.push(d);
      for (const f of files) {
        const source = texts.get(f);
        if (source !== undefined && keepSources) sources.set(f, source.text);
      }
    }
  };

  // Group files by plan before reading any: the config maps domains to hosts by path.
  const groups = new Map<ConfigHost | typeof CLI_HOST | undefined, DiscoveredFile[]>();
  for (const f of files) {
    const key = cliHost ? CLI_HOST : configHostOf(f.absPath);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  if (cliHost && !groups.has(CLI_HOST)) groups.set(CLI_HOST, []);
  // With --schema's helper thread, the next plan is read and handed to the helper before this one is
  // linted: otherwise the helper sits idle through every batch's lint (0.95x the wall time of 1,000
  // host-less domains with --schema, `npm run bench`).
  const readAhead = schema?.prefetch !== undefined && schema.helperAlive?.() === true;
  // Host-less domains share no plan rule: a batch only amortises the per-plan setup, and a small one keeps
  // few trees alive through each scavenge (256: 14% slower over 10,000 small files). What survives a
  // scavenge is the batch's text and trees, so without --schema's read-ahead a batch is sized by its text
  // (sizeHostless): 16 files of 7 KB made the new space grow, 6 made 0.75x the page faults (12,600 against
  // 16,700) and ran 0.91-0.95x, while 6 files of 2 KB each cost 1.05x in per-plan setup.
  const HOSTLESS_BATCH = 16;
  const batches: Array<{ key: ConfigHost | typeof CLI_HOST | undefined; group: readonly DiscoveredFile[]; sizeHostless?: boolean }> = [];
  for (const [key, group] of groups) {
    if (key !== undefined) batches.push({ key, group });
    else if (!readAhead) batches.push({ key, group, sizeHostless: true });
    else for (let i = 0; i < group.length; i += HOSTLESS_BATCH) batches.push({ key, group: group.slice(i, i + HOSTLESS_BATCH) });
  }
  const lintedHosts: string[] = [];
  let ahead: ReadPlan | undefined;
  for (let b = 0; b < batches.length; b++) {
    const { key, group, sizeHostless } = batches[b]!;
    if (sizeHostless) {
      // Each batch as many files as the last batch's average size puts near HOSTLESS_BATCH_CHARS, 2 to 16.
      for (let i = 0, count = HOSTLESS_BATCH; i < group.length; ) {
        const slice = group.slice(i, i + count);
        i += slice.length;
        const read = readGroup(false, slice);
        lintGroup(undefined, read);
        let chars = 0;
        for (const f of read.planFiles) chars += f.source.text.length;
        count = Math.max(2, Math.min(HOSTLESS_BATCH, Math.round((HOSTLESS_BATCH_CHARS * slice.length) / Math.max(chars, 1))));
      }
      continue;
    }
    // Loaded for its plan and let go after it (unless a fix session keeps it): a host's model
    // is a few hundred KB, and a fleet's hundred of them need not all be alive at once.
    const host = key === undefined ? undefined : key === CLI_HOST ? cliHost! : hostFor(key.snapshot, key.housekeeping, key.libvirtVersion);
    const read = ahead ?? readGroup(key !== undefined, group);
    ahead = undefined;
    // The helper has the next plan before this one's last text is claimed, so it goes on to it without a pause.
    if (readAhead && b === 0) schema!.prefetch!(read.domainTexts);
    if (readAhead && b + 1 < batches.length) {
      ahead = readGroup(batches[b + 1]!.key !== undefined, batches[b + 1]!.group);
      schema!.prefetch!(ahead.domainTexts);
    }
    // With --schema, the plan's domains are validated first, part on the helper thread (src/schema/helper.ts).
    schema?.prevalidate?.(read.domainTexts);
    if (host === undefined) {
      lintGroup(undefined, read);
      continue;
    }
    const before = diagnostics.length;
    lintGroup(host, read);
    lintedHosts.push(host.path);
    // Its text is kept for the findings that point into it, not for every host of a fleet.
    for (let i = before; i < diagnostics.length; i++) {
      if (keepSources && diagnostics[i]!.file === host.path) {
        sources.set(host.path, host.text);
        break;
      }
    }
  }
  for (const path of lintedHosts) {
    shown.push(path);
    absPaths.set(path, resolve(cwd, path));
  }

  // A directory or glob without a single domain is a wrong path, not a clean one.
  if (domainCount === 0 && malformedCount === 0 && !options.allowNoDomains && !stdinAbs && plans.planInputs.length === 0 && !discovered.some((f) => f.explicit) && refusals.length === 0) {
    const where = walkedPaths.map((p) => `'${p}'`).join(' ');
    throw new UsageError(`no domain XML found in ${where} (no .xml file with a <domain> root${files.length < discovered.length ? ' that the config does not ignore' : ''}); check the path, or pass --allow-no-domains`);
  }

  diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId)));
  return {
    diagnostics,
    files: shown,
    sources,
    rules: activeRules.map(ruleDoc),
    root: options.root ?? repositoryRoot(cwd),
    cwd,
    executionSuccessful: ruleFailures.length === 0 && refusals.length === 0,
    executionNotes: [...refusals, ...ruleFailures.map((f) => `internal error: ${f}`)],
    domainCount,
    refusals,
    ruleFailures,
    notes: plans.skipped.map((abs) => `${displayPath(abs, cwd)}: a JSON file that no kvmlint.config.json maps as a host snapshot; not linted (--host names a snapshot to lint against)`),
    absPaths,
    encodings,
    config,
    ruleTimes,
  };
}

/** The config's finding ignores (by file glob, domain name or uuid, rule), after inline directives. */
function ignoredByConfig(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, SourceFile>,
  config: ResolvedConfig | undefined,
  absPaths: ReadonlyMap<string, string>,
): readonly Diagnostic[] {
  if (!config || config.findingIgnores.length === 0) return diagnostics;
  const names = new Map<string, { name?: string; uuid?: string } | undefined>();
  return diagnostics.filter((d) => {
    if (!names.has(d.file)) {
      const root = sources.get(d.file)?.doc.root;
      names.set(d.file, root ? domainName(root) : undefined);
    }
    const name = names.get(d.file);
    const abs = absPaths.get(d.file);
    const rel = abs ? configRelative(config, abs) : d.file;
    return !config.findingIgnores.some(
      (ig) =>
        (!ig.rules || ig.rules.has(d.ruleId)) &&
        (!ig.files || ig.files(rel)) &&
        (!ig.domains || (name !== undefined && (ig.domains.has(name.name ?? '') || ig.domains.has(name.uuid ?? '')))),
    );
  });
}

/** The files a finding involves: where it is reported, and its related places (when a rule gives them). */
function involvedFiles(d: Diagnostic): string[] {
  if (!d.related || d.related.length === 0) return [d.file];
  return [d.file, ...d.related.flatMap((r) => (r.file !== d.file ? [r.file] : []))];
}

/**
 * A domain's identity as `ignores` matches it, as libvirt tells domains apart (domain-identity.ts): the name
 * exactly as written (`web-02 ` is another guest than `web-02`, which an ignore of web-02 must not reach), the
 * uuid as virUUIDParse reads it.
 */
function domainName(root: import('../xml/types.ts').XmlElement): { name?: string; uuid?: string } {
  const uuid = root.children.find((c) => c.name === 'uuid')?.text;
  return { name: exactName({ element: root }), uuid: uuidKey(uuid) };
}

export { ConfigError };
