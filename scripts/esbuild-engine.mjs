// What every bundle of the engine (dist/, the fuzz and bench engines) is built with: the same
// options, so what the bench and the fuzzer measure is the code that ships.
//
// libxml2-wasm (src/schema/validator.ts imports it dynamically) uses top-level await inside
// modules that import each other in a cycle. Bundled as they are behind a dynamic import,
// esbuild gives each module an async initialiser, and the cycle makes them wait on each other
// for ever: the process exits with nothing done. So the package is first flattened into one
// module (one scope, its top-level await kept at the top level), and that single module is
// what `import('libxml2-wasm')` loads: one initialiser, no cycle.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

/** ESM for Node 20, one file, no legal comments: the engine's bundles and libxml2-wasm flattened for them. */
const ESM_FOR_NODE20 = /** @type {const} */ ({ bundle: true, platform: 'node', format: 'esm', target: 'node20', legalComments: 'none', logLevel: 'warning' });

/** @returns {Promise<import('esbuild').Plugin>} */
export async function libxml2FlatPlugin() {
  // Imported here, not at the top: scripts/fuzz.ts bundles itself (with this file) into a worker
  // that runs where esbuild cannot be resolved, and never calls this.
  const { build } = await import('esbuild');
  const entry = require.resolve('libxml2-wasm');
  const flat = await build({ ...ESM_FOR_NODE20, entryPoints: [entry], write: false });
  const contents = flat.outputFiles[0].text;
  return {
    name: 'libxml2-wasm-flat',
    setup(b) {
      b.onResolve({ filter: /^libxml2-wasm$/ }, () => ({ path: 'libxml2-wasm', namespace: 'libxml2-wasm-flat' }));
      b.onLoad({ filter: /.*/, namespace: 'libxml2-wasm-flat' }, () => ({ contents, loader: 'js', resolveDir: dirname(entry) }));
    },
  };
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
        const { readFile, writeFile } = await import('node:fs/promises');
        const text = await readFile(out, 'utf8');
        // eslint-disable-next-line no-control-regex
        if (/[^\x00-\x7f]/.test(text)) await writeFile(out, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
      });
    },
  };
}

/**
 * The options every engine bundle shares: ESM for Node 20, with a `require` for the CommonJS
 * dependencies, libxml2-wasm flattened and the output pure ASCII. Callers add entry and outfile.
 * @returns {Promise<import('esbuild').BuildOptions>}
 */
export async function engineBuildOptions() {
  return {
    ...ESM_FOR_NODE20,
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __kvmlintCreateRequire } from 'node:module'; const require = __kvmlintCreateRequire(import.meta.url);" },
    plugins: [await libxml2FlatPlugin(), asciiOutputPlugin()],
  };
}
