// esbuild plugin shared by every bundle of the engine (dist/, the fuzz and bench engines).
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

/** @returns {Promise<import('esbuild').Plugin>} */
export async function libxml2FlatPlugin() {
  // Imported here, not at the top: scripts/fuzz.ts bundles itself (with this file) into a worker
  // that runs where esbuild cannot be resolved, and never calls this.
  const { build } = await import('esbuild');
  const entry = require.resolve('libxml2-wasm');
  const flat = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  const contents = flat.outputFiles[0].text;
  return {
    name: 'libxml2-wasm-flat',
    setup(b) {
      b.onResolve({ filter: /^libxml2-wasm$/ }, () => ({ path: 'libxml2-wasm', namespace: 'libxml2-wasm-flat' }));
      b.onLoad({ filter: /.*/, namespace: 'libxml2-wasm-flat' }, () => ({ contents, loader: 'js', resolveDir: dirname(entry) }));
    },
  };
}
