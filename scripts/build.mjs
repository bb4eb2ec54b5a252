// Bundles the CLI and the GitHub Action into single ESM files under dist/,
// committed so pre-commit and Actions run the repository as checked out.
import { build } from 'esbuild';
import { asciiOutputPlugin, libxml2FlatPlugin } from './esbuild-libxml2.mjs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __kvmlintCreateRequire } from 'node:module'; const require = __kvmlintCreateRequire(import.meta.url);" },
  // libxml2-wasm (loaded only with --schema) as one flattened module: see the plugin.
  plugins: [await libxml2FlatPlugin(), asciiOutputPlugin()],
};

await build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/kvmlint.mjs', });
await build({ ...common, entryPoints: ['src/action/main.ts'], outfile: 'dist/action.mjs' });
