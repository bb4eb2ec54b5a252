#!/usr/bin/env node
import { createRequire as __kvmlintCreateRequire } from 'node:module'; const require = __kvmlintCreateRequire(import.meta.url);
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});

// src/launcher.ts
import { closeSync, fstatSync, openSync, readSync, renameSync, unlinkSync, writeSync, constants } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Script } from "node:vm";

// src/cli-linted.ts
var LINTED = /* @__PURE__ */ Symbol.for("kvmlint.cli.linted");
function hasLinted() {
  return globalThis[LINTED] === true;
}

// src/engine/v8-flags.ts
import { createRequire } from "node:module";

// src/node-binding.ts
function legacyBinding(name) {
  const proc = process;
  const quiet = proc.noDeprecation;
  try {
    proc.noDeprecation = true;
    const binding = proc.binding?.(name);
    return typeof binding === "object" && binding !== null ? binding : void 0;
  } catch {
    return void 0;
  } finally {
    proc.noDeprecation = quiet;
  }
}

// src/engine/v8-flags.ts
var setter;
function setFlagsFromString(flags) {
  (setter ??= v8FlagSetter())(flags);
}
function v8FlagSetter() {
  const binding = legacyBinding("v8");
  const set = binding?.setFlagsFromString;
  if (typeof set === "function") return (flags) => void set.call(binding, flags);
  return createRequire(import.meta.url)("node:v8").setFlagsFromString;
}
function tuneV8ForLint() {
  setFlagsFromString("--no-allocation-site-pretenuring");
  setFlagsFromString("--max-inlined-bytecode-size-cumulative=460");
  setFlagsFromString("--no-turbo-loop-peeling");
  setFlagsFromString("--no-sparkplug");
}
var MALLOC_THRESHOLD_BLOCK = 2 * 1024 * 1024;
function keepFreedMallocMemory() {
  Buffer.allocUnsafeSlow(MALLOC_THRESHOLD_BLOCK);
}
function restoreLaunchFlags() {
  setFlagsFromString("--no-sparkplug");
}

// src/launcher.ts
var CLI_BUNDLE = "kvmlint.cjs";
tuneV8ForLint();
keepFreedMallocMemory();
var here = dirname(fileURLToPath(import.meta.url));
var bundlePath = join(here, CLI_BUNDLE);
var cachePath = join(here, `kvmlint-code-cache-${process.version}-${process.arch}.bin`);
var headerText = `kvmlint code cache ${"d0d91754821b12a3739d06e9fdefdf7aa188424c310e9f47dcc2ec2ba69a2991"} ${process.versions.v8}`;
var header = Buffer.from(`${headerText.padEnd(Math.ceil((headerText.length + 1) / 8) * 8 - 1)}
`, "latin1");
var MAX_CACHE_BYTES = 64 * 1024 * 1024;
var script;
try {
  const { source, cached } = readBundleAndCache();
  script = new Script(source, {
    filename: bundlePath,
    ...cached ? { cachedData: cached } : {}
  });
  if (cached === void 0 || script.cachedDataRejected) process.on("exit", writeCache);
  const module = { exports: {} };
  const importSibling = (specifier) => import(pathToFileURL(join(here, specifier)).href);
  script.runInThisContext()(module.exports, __require, module, bundlePath, here, importSibling);
} catch (e) {
  process.stderr.write(`kvmlint: internal error: cannot start ${bundlePath}: ${e instanceof Error ? e.message : String(e)}
`);
  process.exit(2);
}
function readBundleAndCache() {
  const sourceFd = openSync(bundlePath, "r");
  let cacheFd;
  try {
    const sourceSize = fstatSync(sourceFd).size;
    let cacheSize = 0;
    try {
      cacheFd = openSync(cachePath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      const stats = fstatSync(cacheFd);
      if (stats.isFile() && stats.size > header.length && stats.size <= MAX_CACHE_BYTES) cacheSize = stats.size;
    } catch {
    }
    const buffer = Buffer.allocUnsafeSlow(Math.max(sourceSize, cacheSize));
    const source = buffer.toString("latin1", 0, readFully(sourceFd, buffer, sourceSize));
    if (cacheFd === void 0 || cacheSize === 0) return { source, cached: void 0 };
    let length;
    try {
      length = readFully(cacheFd, buffer, cacheSize);
    } catch {
      return { source, cached: void 0 };
    }
    if (length <= header.length || !buffer.subarray(0, header.length).equals(header)) return { source, cached: void 0 };
    return { source, cached: buffer.subarray(header.length, length) };
  } finally {
    closeSync(sourceFd);
    if (cacheFd !== void 0) closeSync(cacheFd);
  }
}
function readFully(fd, buffer, size) {
  let at = 0;
  while (at < size) {
    const n = readSync(fd, buffer, at, size - at, at);
    if (n === 0) break;
    at += n;
  }
  return at;
}
function writeCache() {
  if (!hasLinted()) return;
  const temporary = `${cachePath}.${process.pid}.tmp`;
  let fd;
  try {
    restoreLaunchFlags();
    const data = script.createCachedData();
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 420);
    for (const chunk of [header, data]) for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
    closeSync(fd);
    fd = void 0;
    renameSync(temporary, cachePath);
  } catch {
    if (fd !== void 0) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
    }
  }
}
