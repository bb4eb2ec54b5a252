import picomatch from 'picomatch';
import type { RuleSetting } from './types.js';
export declare const CONFIG_FILE_NAME = "kvmlint.config.json";
/** A configuration problem: exit 2, naming the file and the key. */
export declare class ConfigError extends Error {
    readonly file: string;
    readonly key: string;
    constructor(file: string, key: string, problem: string);
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
/**
 * The nearest kvmlint.config.json at or above `startDir`, stopping at the
 * repository root (the first directory holding `.git`), as ESLint and
 * markdownlint look for theirs; outside a repository, at `cwd`.
 */
export declare function findConfigFile(startDir: string, cwd?: string): string | undefined;
export declare function loadConfigFile(path: string, displayPath?: string): ResolvedConfig;
/**
 * The patterns the brace lists of `glob` expand to (`a{b,c{d,e}}` → ab, acd, ace), as fast-glob's braces
 * expansion walks them; a backslash escapes the next character. checkGlobs bounds the count
 * (MAX_BRACE_ALTERNATIVES) and refuses ranges. A group without a comma is expanded too (braces keeps
 * it literal): a check that errs towards refusing.
 */
export declare function expandBraces(glob: string): string[];
/**
 * The matcher of one host's `domains` globs. A fleet's config names a thousand hosts whose globs
 * differ only in their directory (`hv0001/**\/*.xml`, `hv0002/**\/*.xml`): compiling each with
 * picomatch took more time than linting the fleet's domains. Such a glob is matched as its literal
 * directory followed by the pattern below it, compiled once for all hosts (picomatch matches the
 * remainder of a path exactly as it matches the whole; test/config.test.ts checks they agree).
 * Any other glob is compiled as it is.
 */
export declare function domainGlobMatcher(globs: readonly string[], scans?: readonly GlobScan[]): (relPath: string) => boolean;
/** Path of `abs` relative to the config's directory, with forward slashes (what its globs match). */
export declare function configRelative(config: ResolvedConfig, abs: string): string;
/**
 * The host a domain file is planned on. Matched by two hosts' globs is a
 * configuration error naming both: a guest runs on one hypervisor.
 */
export declare function hostForDomain(config: ResolvedConfig, abs: string): ConfigHost | undefined;
/** hostForDomain of a path already relative to the config's directory, with forward slashes. */
export declare function hostForRelative(config: ResolvedConfig, rel: string): ConfigHost | undefined;
export {};
