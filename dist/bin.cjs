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
var RESTORE_DEFAULTS = /* @__PURE__ */ Symbol.for("kvmlint.v8.restoreDefaults");
function v8FlagsTuned() {
  return typeof globalThis[RESTORE_DEFAULTS] === "function";
}
function restoreV8Defaults() {
  const restore = globalThis[RESTORE_DEFAULTS];
  return restore === void 0 || restore();
}

// src/launcher.ts
var CLI_BUNDLE = "kvmlint.cjs";
var here = (0, import_node_path.dirname)((0, import_node_url.fileURLToPath)(__kvmlintLauncherUrl));
var bundlePath = (0, import_node_path.join)(here, CLI_BUNDLE);
var cachePath = (0, import_node_path.join)(here, `kvmlint-code-cache-${process.version}-${process.arch}.bin`);
var header = Buffer.from(`kvmlint code cache ${"de346f6e94871c0c699cf141b95037ffbb3fbaa7ff3da6cf38f690472358baca"} ${process.versions.v8}
`, "latin1");
var WRITTEN_BY_SHORT_RUN = 115;
var WRITTEN_BY_LONG_RUN = 108;
var MAX_CACHE_BYTES = 64 * 1024 * 1024;
var script;
try {
  const { source, cached, writtenBy } = readBundleAndCache();
  script = new import_node_vm.Script(source, {
    filename: bundlePath,
    ...cached ? { cachedData: cached } : {}
  });
  if (cached === void 0 || script.cachedDataRejected) process.on("exit", () => writeCache(false));
  else if (writtenBy === WRITTEN_BY_LONG_RUN) process.on("exit", () => writeCache(true));
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
      if (stats.isFile() && stats.size > header.length + 1 && stats.size <= MAX_CACHE_BYTES) cacheSize = stats.size;
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
    if (length <= header.length + 1 || !buffer.subarray(0, header.length).equals(header)) return { source, cached: void 0 };
    return { source, cached: buffer.subarray(header.length + 1, length), writtenBy: buffer[header.length] };
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
function writeCache(onlyIfShort) {
  if (!hasLinted()) return;
  const long = v8FlagsTuned();
  if (onlyIfShort && long) return;
  if (long && !restoreV8Defaults()) return;
  const temporary = `${cachePath}.${process.pid}.tmp`;
  let fd;
  try {
    const data = script.createCachedData();
    fd = (0, import_node_fs.openSync)(temporary, import_node_fs.constants.O_WRONLY | import_node_fs.constants.O_CREAT | import_node_fs.constants.O_EXCL | import_node_fs.constants.O_NOFOLLOW, 420);
    const kind = Buffer.of(long ? WRITTEN_BY_LONG_RUN : WRITTEN_BY_SHORT_RUN);
    for (const chunk of [header, kind, data]) for (let at = 0; at < chunk.length; ) at += (0, import_node_fs.writeSync)(fd, chunk, at);
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
