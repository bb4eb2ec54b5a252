// What every bundle of the engine (dist/, the fuzz and bench engines) is built with: the same
// options, so what the bench and the fuzzer measure is the code that ships.
//
// libxml2-wasm (src/schema/validator.ts imports it dynamically, for --schema only) uses
// top-level await inside modules that import each other in a cycle. Bundled as they are behind
// a dynamic import, esbuild gives each module an async initialiser, and the cycle makes them
// wait on each other for ever: the process exits with nothing done. So the package is first
// flattened into one module (one scope, its top-level await kept at the top level). That module
// (1.4 MB, its wasm inlined) is written beside the bundle as libxml2-wasm.mjs, and
// `import('libxml2-wasm')` loads it from there: inside the bundle, every run would parse it at
// startup (half the bundle, ~50 ms) although only --schema runs use it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';

const require = createRequire(import.meta.url);

/** ESM for Node 20, one file, no legal comments: the engine's bundles and libxml2-wasm flattened beside them. */
const ESM_FOR_NODE20 = /** @type {const} */ ({ bundle: true, platform: 'node', format: 'esm', target: 'node20', legalComments: 'none', logLevel: 'warning' });

/** The file beside each engine bundle that `import('libxml2-wasm')` loads. */
export const LIBXML2_FILE = 'libxml2-wasm.mjs';
/**
 * The file beside each engine bundle that `import('globby')` loads, for a glob on the command line.
 * Inside the bundle globby and its dependencies were a sixth of it, and their static imports of
 * node:child_process, node:stream, node:process and the rest were loaded by every run (~15 ms of a
 * one-file run), glob or not: esbuild hoists a lazily imported module's own imports to the top.
 */
export const GLOBBY_FILE = 'globby.mjs';
/**
 * The `--schema` helper thread's script (src/schema/worker.ts), built by scripts/build.mjs beside
 * the bundles; src/schema/helper.ts starts it by this name. A bundle without it (the fuzz and
 * bench engines) validates on its main thread.
 */
export const SCHEMA_WORKER_FILE = 'schema-worker.mjs';
/** Every file written beside the bundles, loaded only when a run needs it. */
export const BUNDLE_SIBLINGS = [LIBXML2_FILE, GLOBBY_FILE, SCHEMA_WORKER_FILE];

/**
 * A package imported lazily (`await import(name)`), flattened into one module written beside the
 * bundle as `file` and imported from there.
 * @param {string} name
 * @param {string} file
 * @param {import('esbuild').BuildOptions} extra
 * @returns {Promise<import('esbuild').Plugin>}
 */
async function besideBundlePlugin(name, file, extra = {}, transform = (/** @type {string} */ text) => text) {
  // Imported here, not at the top: scripts/fuzz.ts bundles itself (with this file) into a worker
  // that runs where esbuild cannot be resolved, and never calls this.
  const { build } = await import('esbuild');
  const flat = await build({ ...ESM_FOR_NODE20, ...extra, entryPoints: [require.resolve(name)], write: false });
  const contents = transform(toAscii(flat.outputFiles[0].text));
  const filter = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return {
    name: `${name}-beside-bundle`,
    setup(b) {
      b.onResolve({ filter }, () => ({ path: `./${file}`, external: true }));
      b.onEnd(async (result) => {
        const out = b.initialOptions.outfile;
        if (result.errors.length > 0 || !out || b.initialOptions.write === false) return;
        await writeFile(join(dirname(out), file), contents);
      });
    },
  };
}

/**
 * libxml2-wasm's Emscripten output carries its 0.8 MB WebAssembly binary as a 1.28-million-character
 * escaped template literal, `ea(`\\0asm…`)`, which V8 scans at every import: in each of a --schema run's
 * two threads. The same bytes as base64 in a plain string literal scan several times faster and
 * Buffer decodes them in about a millisecond: importing the module took 41–65 ms before, 25–38 ms
 * after (whole `import()`, Node 20). Fails the build when the literal is not where it was, rather
 * than ship a module that does not load.
 * @param {string} text
 */
export function wasmLiteralAsBase64(text) {
  const magic = text.indexOf('(`\\0asm');
  if (magic < 0 || text.indexOf('(`\\0asm', magic + 1) >= 0) throw new Error('libxml2-wasm: expected one template literal holding the wasm binary');
  const callee = /[A-Za-z_$][\w$]*$/.exec(text.slice(0, magic))?.[0];
  const start = magic + 2;
  let end = start;
  for (; end < text.length && text[end] !== '`'; end++) {
    if (text[end] === '\\') end++;
    else if (text[end] === '$' && text[end + 1] === '{') throw new Error('libxml2-wasm: the wasm literal holds a substitution');
  }
  if (!callee || text[end + 1] !== ')') throw new Error('libxml2-wasm: the wasm literal does not end as a one-argument call');
  // A template literal without substitutions: evaluating it only decodes its escapes.
  const chars = /** @type {string} */ (new Function(`return \`${text.slice(start, end)}\`;`)());
  const bytes = Buffer.alloc(chars.length);
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    if (c > 0xff) throw new Error('libxml2-wasm: the wasm literal holds a character above U+00FF');
    bytes[i] = c;
  }
  return `${text.slice(0, magic - callee.length)}new Uint8Array(Buffer.from("${bytes.toString('base64')}", "base64"))${text.slice(end + 2)}`;
}

/** Non-ASCII characters as \\uXXXX escapes (left by esbuild only in comments, where the escape is harmless). */
function toAscii(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Escapes what non-ASCII is left in a written bundle (esbuild's default `charset: 'ascii'`
 * escapes strings and identifiers, not the comments it keeps). One curly quote in a
 * comment would make V8 hold the whole ~3 MB source as two-byte text: twice the
 * memory, for the life of every kvmlint process.
 * @returns {import('esbuild').Plugin}
 */
export function asciiOutputPlugin() {
  return {
    name: 'ascii-output',
    setup(b) {
      b.onEnd(async (result) => {
        const out = b.initialOptions.outfile;
        if (result.errors.length > 0 || !out || b.initialOptions.write === false) return;
        const text = await readFile(out, 'utf8');
        const ascii = toAscii(text);
        if (ascii !== text) await writeFile(out, ascii);
      });
    },
  };
}

/**
 * commander requires node:child_process at load, for executable subcommands, which kvmlint has
 * none of; loading it (with node:net, node:dgram and node:stream) was ~8 ms of every run's start.
 * Inside commander it becomes a stand-in that loads the module on first use.
 * @returns {import('esbuild').Plugin}
 */
function lazyChildProcessPlugin() {
  return {
    name: 'lazy-child-process',
    setup(b) {
      b.onResolve({ filter: /^node:child_process$/ }, (args) =>
        /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'node:child_process', namespace: 'lazy-builtin' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
        contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
        loader: 'js',
      }));
    },
  };
}

/** Some dependencies are CommonJS and call require(); an ESM bundle of them needs one. */
const REQUIRE_BANNER = { js: "import { createRequire as __kvmlintCreateRequire } from 'node:module'; const require = __kvmlintCreateRequire(import.meta.url);" };

/**
 * The options every engine bundle shares: ESM for Node 20, with a `require` for the CommonJS
 * dependencies, libxml2-wasm flattened and the output pure ASCII. Callers add entry and outfile.
 * @returns {Promise<import('esbuild').BuildOptions>}
 */
export async function engineBuildOptions() {
  return {
    ...ESM_FOR_NODE20,
    banner: REQUIRE_BANNER,
    define: { KVMLINT_SCHEMA_WORKER_FILE: JSON.stringify(`./${SCHEMA_WORKER_FILE}`) },
    plugins: [lazyChildProcessPlugin(), await besideBundlePlugin('libxml2-wasm', LIBXML2_FILE, {}, wasmLiteralAsBase64), await besideBundlePlugin('globby', GLOBBY_FILE, { banner: REQUIRE_BANNER }), asciiOutputPlugin()],
  };
}

/** The CLI bundle the launcher (dist/bin.cjs or dist/kvmlint.mjs, src/launcher.ts) starts, beside it. */
export const CLI_BUNDLE_FILE = 'kvmlint.cjs';

/** The launcher as CommonJS: package.json's bin. dist/kvmlint.mjs is the same launcher as an ES module. */
export const LAUNCHER_BIN_FILE = 'bin.cjs';

/** The launcher's hook for the CLI bundle's dynamic imports (src/launcher.ts). */
const IMPORT_HOOK = '__kvmlintImport';
/** What dist/kvmlint.cjs starts and ends with: the launcher calls it with CommonJS's arguments and the hook. */
const CLI_BUNDLE_WRAPPER_START = `(function (exports, require, module, __filename, __dirname, ${IMPORT_HOOK}) {`;
const CLI_BUNDLE_WRAPPER_END = '\n})\n';

/**
 * The CLI bundle (dist/kvmlint.cjs, started by the launcher, src/launcher.ts, from V8's code
 * cache): the engine's options as CommonJS, written inside the wrapper vm.Script compiles. `import.meta.url` is
 * the bundle's own URL. Code compiled by vm.Script has no module loader of its own (Node 20's
 * vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER is experimental and fails with cached data), so its
 * imports of the files beside it go through the launcher's hook instead.
 * @returns {Promise<import('esbuild').BuildOptions>}
 */
export async function cliBundleOptions() {
  const engine = await engineBuildOptions();
  return {
    ...engine,
    format: 'cjs',
    // Minified: every start reads the whole source into a V8 string, cached code or not (the 1.5 MB
    // of the readable bundle was ~15 ms of a one-file run). Nothing shows its names: an internal
    // error prints its message, never a stack.
    minify: true,
    banner: { js: "const __kvmlintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { ...engine.define, 'import.meta.url': '__kvmlintImportMetaUrl' },
    plugins: [readmesBesideBundlePlugin(), ...engine.plugins, importHookPlugin()],
  };
}

/**
 * The CLI bundle reads the rule READMEs from the package's rules/<id>/README.md when a format shows
 * them (src/engine/readme-files.ts), instead of carrying 307 KB of text every run reads: the
 * generated rules/index.ts's `readmes()` is replaced, and the build fails if it cannot be found.
 * @returns {import('esbuild').Plugin}
 */
function readmesBesideBundlePlugin() {
  return {
    name: 'readmes-beside-bundle',
    setup(b) {
      b.onLoad({ filter: /[\\/]rules[\\/]index\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const start = text.indexOf('export function readmes()');
        if (start < 0) throw new Error(`${args.path}: no readmes() to replace`);
        const replacement = [
          "import { readmesBesideBundle as __readmesBesideBundle } from '../src/engine/readme-files.ts';",
          "import { dirname as __dirnameOf } from 'node:path';",
          "import { fileURLToPath as __fileURLToPath } from 'node:url';",
          'export function readmes(): Readonly<Record<string, string>> {',
          '  return __readmesBesideBundle(rules.map((rule) => rule.meta.id), __dirnameOf(__fileURLToPath(import.meta.url)));',
          '}',
          '',
        ].join('\n');
        return { contents: text.slice(0, start) + replacement, loader: 'ts' };
      });
    },
  };
}

/**
 * Rewrites the written bundle's `import("./<sibling>")` to the launcher's hook, and fails the build
 * if any other dynamic import is left: it would throw at run time under vm.Script.
 * @returns {import('esbuild').Plugin}
 */
function importHookPlugin() {
  return {
    name: 'import-hook',
    setup(b) {
      b.onEnd(async (result) => {
        const out = b.initialOptions.outfile;
        if (result.errors.length > 0 || !out || b.initialOptions.write === false) return;
        let text = await readFile(out, 'utf8');
        for (const file of BUNDLE_SIBLINGS) text = text.split(`import("./${file}")`).join(`${IMPORT_HOOK}("./${file}")`);
        const left = /(?<![\w$.])import\(/.exec(text);
        if (left) throw new Error(`${out}: a dynamic import the launcher cannot serve: ${text.slice(left.index, left.index + 60)}`);
        // The file is the function expression the launcher compiles: CommonJS's wrapper plus the hook. Wrapped at
        // start-up, the source was a cons string V8 flattened into another 1.3 MB copy (src/launcher.ts).
        await writeFile(out, `${CLI_BUNDLE_WRAPPER_START}${text}${CLI_BUNDLE_WRAPPER_END}`);
      });
    },
  };
}
