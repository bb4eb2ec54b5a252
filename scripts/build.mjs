// Bundles the CLI (a launcher, dist/bin.cjs and its ES module twin dist/kvmlint.mjs, and the bundle it starts, dist/kvmlint.cjs), the
// GitHub Action and the library under dist/, committed so pre-commit and Actions run the repository as checked out.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { CLI_BUNDLE_FILE, cliBundleOptions, engineBuildOptions, LAUNCHER_BIN_FILE, SCHEMA_WORKER_FILE } from './esbuild-engine.mjs';

const common = await engineBuildOptions();

// The CLI: its bundle, then the launcher that starts it from V8's code cache, which names the
// bundle's build in the cache file it accepts (src/launcher.ts).
await build({ ...(await cliBundleOptions()), entryPoints: ['src/main.ts'], outfile: `dist/${CLI_BUNDLE_FILE}` });
const cliBuildId = createHash('sha256').update(readFileSync(`dist/${CLI_BUNDLE_FILE}`)).digest('hex');
await build({ ...common, entryPoints: ['src/launcher.ts'], outfile: 'dist/kvmlint.mjs', define: { ...common.define, KVMLINT_CLI_BUILD_ID: JSON.stringify(cliBuildId) } });
// The same launcher as CommonJS: the npm bin (package.json), which the pre-commit hook runs. An ES module entry
// makes Node start its ES module loader first (17 more of its own modules, ~9 ms of a one-file run).
await build({
  ...common,
  format: 'cjs',
  entryPoints: ['src/launcher.ts'],
  outfile: `dist/${LAUNCHER_BIN_FILE}`,
  banner: { js: "const __kvmlintLauncherUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...common.define, 'import.meta.url': '__kvmlintLauncherUrl', KVMLINT_CLI_BUILD_ID: JSON.stringify(cliBuildId) },
});
await build({ ...common, entryPoints: ['src/action/main.ts'], outfile: 'dist/action.mjs' });
// The --schema helper thread every bundle above starts (src/schema/helper.ts).
await build({ ...common, entryPoints: ['src/schema/worker.ts'], outfile: `dist/${SCHEMA_WORKER_FILE}` });
// The library entry (package.json "exports"): lintPlan, the formatters and the rule list; its types in dist/types/.
await build({ ...common, entryPoints: ['src/api.ts'], outfile: 'dist/api.mjs' });
await import('./build-types.mjs');
