#!/usr/bin/env node
const __kvmlintLauncherUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";

// src/launcher.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
var import_node_url = require("node:url");
var import_node_vm = require("node:vm");

// src/cli-linted.ts
var LINTED = /* @__PURE__ */ Symbol.for("kvmlint.cli.linted");
function hasLinted() {
  return globalThis[LINTED] === true;
}

// src/engine/v8-flags.ts
var import_node_module = require("node:module");

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
  return (0, import_node_module.createRequire)(__kvmlintLauncherUrl)("node:v8").setFlagsFromString;
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
var here = (0, import_node_path.dirname)((0, import_node_url.fileURLToPath)(__kvmlintLauncherUrl));
var bundlePath = (0, import_node_path.join)(here, CLI_BUNDLE);
var cachePath = (0, import_node_path.join)(here, `kvmlint-code-cache-${process.version}-${process.arch}.bin`);
var headerText = `kvmlint code cache ${"d0d91754821b12a3739d06e9fdefdf7aa188424c310e9f47dcc2ec2ba69a2991"} ${process.versions.v8}`;
var header = Buffer.from(`${headerText.padEnd(Math.ceil((headerText.length + 1) / 8) * 8 - 1)}
`, "latin1");
var MAX_CACHE_BYTES = 64 * 1024 * 1024;
var script;
try {
  const { source, cached } = readBundleAndCache();
  script = new import_node_vm.Script(source, {
    filename: bundlePath,
    ...cached ? { cachedData: cached } : {}
  });
  if (cached === void 0 || script.cachedDataRejected) process.on("exit", writeCache);
  const module2 = { exports: {} };
  const importSibling = (specifier) => import((0, import_node_url.pathToFileURL)((0, import_node_path.join)(here, specifier)).href);
  script.runInThisContext()(module2.exports, require, module2, bundlePath, here, importSibling);
} catch (e) {
  process.stderr.write(`kvmlint: internal error: cannot start ${bundlePath}: ${e instanceof Error ? e.message : String(e)}
`);
  process.exit(2);
}
function readBundleAndCache() {
  const sourceFd = (0, import_node_fs.openSync)(bundlePath, "r");
  let cacheFd;
  try {
    const sourceSize = (0, import_node_fs.fstatSync)(sourceFd).size;
    let cacheSize = 0;
    try {
      cacheFd = (0, import_node_fs.openSync)(cachePath, import_node_fs.constants.O_RDONLY | import_node_fs.constants.O_NOFOLLOW | import_node_fs.constants.O_NONBLOCK);
      const stats = (0, import_node_fs.fstatSync)(cacheFd);
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
    (0, import_node_fs.closeSync)(sourceFd);
    if (cacheFd !== void 0) (0, import_node_fs.closeSync)(cacheFd);
  }
}
function readFully(fd, buffer, size) {
  let at = 0;
  while (at < size) {
    const n = (0, import_node_fs.readSync)(fd, buffer, at, size - at, at);
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
    fd = (0, import_node_fs.openSync)(temporary, import_node_fs.constants.O_WRONLY | import_node_fs.constants.O_CREAT | import_node_fs.constants.O_EXCL | import_node_fs.constants.O_NOFOLLOW, 420);
    for (const chunk of [header, data]) for (let at = 0; at < chunk.length; ) at += (0, import_node_fs.writeSync)(fd, chunk, at);
    (0, import_node_fs.closeSync)(fd);
    fd = void 0;
    (0, import_node_fs.renameSync)(temporary, cachePath);
  } catch {
    if (fd !== void 0) (0, import_node_fs.closeSync)(fd);
    try {
      (0, import_node_fs.unlinkSync)(temporary);
    } catch {
    }
  }
}
