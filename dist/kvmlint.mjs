#!/usr/bin/env node
import { createRequire as __kvmlintCreateRequire } from 'node:module'; const require = __kvmlintCreateRequire(import.meta.url);
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});

// src/launcher.ts
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, constants } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Script } from "node:vm";

// src/cli-linted.ts
var LINTED = /* @__PURE__ */ Symbol.for("kvmlint.cli.linted");
function hasLinted() {
  return globalThis[LINTED] === true;
}

// src/engine/v8-flags.ts
import { setFlagsFromString } from "node:v8";
function tuneV8ForLint() {
  setFlagsFromString("--no-allocation-site-pretenuring");
  setFlagsFromString("--max-inlined-bytecode-size-cumulative=460");
  setFlagsFromString("--no-turbo-loop-peeling");
  setFlagsFromString("--no-sparkplug");
}
function restoreLaunchFlags() {
  setFlagsFromString("--no-sparkplug");
}

// src/launcher.ts
var CLI_BUNDLE = "kvmlint.cjs";
var IMPORT_HOOK = "__kvmlintImport";
tuneV8ForLint();
var here = dirname(fileURLToPath(import.meta.url));
var bundlePath = join(here, CLI_BUNDLE);
var cachePath = join(here, `kvmlint-code-cache-${process.version}-${process.arch}.bin`);
var header = Buffer.from(`kvmlint code cache ${"9af23b8d2c46a781d29d72b241af04f1ccab39248c5cc925914a347c949d06dc"} ${process.versions.v8}
`, "latin1");
var script;
try {
  const source = readFileSync(bundlePath, "latin1");
  const cached = readCache();
  script = new Script(`(function (exports, require, module, __filename, __dirname, ${IMPORT_HOOK}) {${source.replace(/^#!.*/, "")}
})`, {
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
function readCache() {
  let bytes;
  try {
    bytes = readFileSync(cachePath);
  } catch {
    return void 0;
  }
  if (bytes.length <= header.length || !bytes.subarray(0, header.length).equals(header)) return void 0;
  return bytes.subarray(header.length);
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
