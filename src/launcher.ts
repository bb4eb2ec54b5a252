#!/usr/bin/env node
/**
 * The `kvmlint` command as installed (dist/bin.cjs, package.json's bin; dist/kvmlint.mjs is the same
 * file built as an ES module, which starts ~9 ms later: Node first starts its ES module loader): it
 * starts the CLI bundle beside it (dist/kvmlint.cjs, built from src/main.ts) from V8's code cache.
 *
 * A one-file run (a pre-commit hook) spent ~35 ms of its ~210 ms compiling the bundle and the
 * functions the run calls. V8 can serialise that bytecode (vm.Script#createCachedData, taken after
 * the run, so it holds the lazily compiled functions too) and accept it back instead of
 * compiling. The cache is a file beside the bundle, one per Node version and architecture,
 * written by the first lint run and by any run whose cache V8 refused.
 *
 * What it can and cannot be:
 * - Its path comes from this file's own location, never from the command line, a config or a
 *   linted file, and it lives in kvmlint's own directory, which whoever could write to could
 *   replace the bundle too. Nothing a pull request contains decides what is read or written.
 * - V8 checks its own version, its flags and the source's length, not the source's content; so
 *   the file starts with the build id (a hash of the bundle, fixed at build time) and a cache of
 *   another build is never handed to V8.
 * - A directory kvmlint cannot write to (a root-owned global install) gets no cache, and the run
 *   is what it was without one. Writing goes to a temporary file renamed into place, so a
 *   concurrent run reads a whole cache or none.
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, unlinkSync, writeSync, constants } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { hasLinted } from './cli-linted.ts';
import { keepFreedMallocMemory, restoreLaunchFlags, tuneV8ForLint } from './engine/v8-flags.ts';

/** sha256 of dist/kvmlint.cjs, set by scripts/build.mjs. */
declare const KVMLINT_CLI_BUILD_ID: string;

/** The CLI bundle's name beside this file. */
const CLI_BUNDLE = 'kvmlint.cjs';

// Before anything is compiled: V8 refuses a cache made under other flags, and the CLI sets one.
tuneV8ForLint();
// Freed memory kept for reuse (src/engine/v8-flags.ts): the bytecode below is no longer copied, which did that by chance.
keepFreedMallocMemory();

const here = dirname(fileURLToPath(import.meta.url));
const bundlePath = join(here, CLI_BUNDLE);
const cachePath = join(here, `kvmlint-code-cache-${process.version}-${process.arch}.bin`);
// V8's version too: a Node build with another V8 under the same Node version gets its own cache.
const headerText = `kvmlint code cache ${KVMLINT_CLI_BUILD_ID} ${process.versions.v8}`;
// Padded to a multiple of 8 bytes, so the bytecode after it starts pointer-aligned in the buffer: V8 copies
// cached data that is not (AlignedCachedData, src/snapshot/code-serializer.cc), a megabyte of fresh memory
// (~240 page faults of a one-file run) for nothing.
const header = Buffer.from(`${headerText.padEnd(Math.ceil((headerText.length + 1) / 8) * 8 - 1)}\n`, 'latin1');
/** No cache of this bundle comes near it (a 10,000-domain run wrote 1.3 MB): a larger file is not one. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

let script: Script;
try {
  // The bundle on disk is already the function expression the launcher compiles (scripts/build.mjs):
  // a wrapper added here made a cons string V8 copied flat again, another 1.3 MB of fresh memory.
  // Both files go through one buffer: the source is copied out into a string before the cache is read
  // over it. On a machine whose page faults are slow (11-14 us each, a microVM), each megabyte of
  // memory touched for the first time costs ~3 ms; these two saved ~600 faults of a one-file run.
  const { source, cached } = readBundleAndCache();
  script = new Script(source, {
    filename: bundlePath,
    ...(cached ? { cachedData: cached } : {}),
  });
  if (cached === undefined || script.cachedDataRejected) process.on('exit', writeCache);
  const module = { exports: {} };
  const importSibling = (specifier: string): Promise<unknown> => import(pathToFileURL(join(here, specifier)).href);
  // The bundle requires only Node's own modules, so this file's `require` serves it: CommonJS's own in dist/bin.cjs,
  // the build's createRequire in dist/kvmlint.mjs. Loading node:module here would start Node's ES module loader.
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, bundlePath, here, importSibling);
} catch (e) {
  // Exit 1 would read as "findings": a launcher without its bundle is kvmlint failing (exit 2).
  process.stderr.write(`kvmlint: internal error: cannot start ${bundlePath}: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}

/**
 * The bundle's text, and the cache's bytecode when the cache file is this build's (undefined when
 * absent, short, foreign, larger than any cache or unreadable). The bytecode is a view of the
 * buffer the source was read through, valid until the next call (there is none).
 */
function readBundleAndCache(): { source: string; cached: Buffer | undefined } {
  const sourceFd = openSync(bundlePath, 'r');
  let cacheFd: number | undefined;
  try {
    const sourceSize = fstatSync(sourceFd).size;
    let cacheSize = 0;
    try {
      cacheFd = openSync(cachePath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      const stats = fstatSync(cacheFd);
      if (stats.isFile() && stats.size > header.length && stats.size <= MAX_CACHE_BYTES) cacheSize = stats.size;
    } catch {
      // No cache, or none kvmlint can read: compile from source.
    }
    const buffer = Buffer.allocUnsafeSlow(Math.max(sourceSize, cacheSize));
    // Latin-1, not UTF-8: the bundle is ASCII (scripts/esbuild-engine.mjs escapes the rest), so the
    // string is the same, made by a plain copy without validation (~5 ms less of every start).
    const source = buffer.toString('latin1', 0, readFully(sourceFd, buffer, sourceSize));
    if (cacheFd === undefined || cacheSize === 0) return { source, cached: undefined };
    let length: number;
    try {
      length = readFully(cacheFd, buffer, cacheSize);
    } catch {
      return { source, cached: undefined };
    }
    if (length <= header.length || !buffer.subarray(0, header.length).equals(header)) return { source, cached: undefined };
    return { source, cached: buffer.subarray(header.length, length) };
  } finally {
    closeSync(sourceFd);
    if (cacheFd !== undefined) closeSync(cacheFd);
  }
}

/** Reads up to `size` bytes of `fd` into the start of `buffer`; how many it read (fewer when the file shrank). */
function readFully(fd: number, buffer: Buffer, size: number): number {
  let at = 0;
  while (at < size) {
    const n = readSync(fd, buffer, at, size - at, at);
    if (n === 0) break;
    at += n;
  }
  return at;
}

/** After a lint run: the bytecode V8 holds now, this build's header first; any failure leaves no cache. */
function writeCache(): void {
  // A cache taken after --version would hold little of what a lint compiles.
  if (!hasLinted()) return;
  const temporary = `${cachePath}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    // A long run turned Sparkplug on (src/engine/v8-flags.ts); the next process starts with it off.
    restoreLaunchFlags();
    const data = script.createCachedData();
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    for (const chunk of [header, data]) for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, cachePath);
  } catch {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Not created, or already gone.
    }
  }
}
