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
var import_node_v8 = require("node:v8");
function tuneV8ForLint() {
  (0, import_node_v8.setFlagsFromString)("--no-allocation-site-pretenuring");
  (0, import_node_v8.setFlagsFromString)("--max-inlined-bytecode-size-cumulative=460");
  (0, import_node_v8.setFlagsFromString)("--no-turbo-loop-peeling");
  (0, import_node_v8.setFlagsFromString)("--no-sparkplug");
}
function restoreLaunchFlags() {
  (0, import_node_v8.setFlagsFromString)("--no-sparkplug");
}

// src/launcher.ts
var CLI_BUNDLE = "kvmlint.cjs";
var IMPORT_HOOK = "__kvmlintImport";
tuneV8ForLint();
var here = (0, import_node_path.dirname)((0, import_node_url.fileURLToPath)(__kvmlintLauncherUrl));
var bundlePath = (0, import_node_path.join)(here, CLI_BUNDLE);
var cachePath = (0, import_node_path.join)(here, `kvmlint-code-cache-${process.version}-${process.arch}.bin`);
var header = Buffer.from(`kvmlint code cache ${"9af23b8d2c46a781d29d72b241af04f1ccab39248c5cc925914a347c949d06dc"} ${process.versions.v8}
`, "latin1");
var script;
try {
  const source = (0, import_node_fs.readFileSync)(bundlePath, "latin1");
  const cached = readCache();
  script = new import_node_vm.Script(`(function (exports, require, module, __filename, __dirname, ${IMPORT_HOOK}) {${source.replace(/^#!.*/, "")}
})`, {
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
function readCache() {
  let bytes;
  try {
    bytes = (0, import_node_fs.readFileSync)(cachePath);
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
