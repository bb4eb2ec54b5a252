// Bundles the CLI and the GitHub Action into single ESM files under dist/,
// committed so pre-commit and Actions run the repository as checked out.
import { build } from 'esbuild';
import { engineBuildOptions } from './esbuild-engine.mjs';

const common = await engineBuildOptions();

await build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/kvmlint.mjs' });
await build({ ...common, entryPoints: ['src/action/main.ts'], outfile: 'dist/action.mjs' });
// The library entry (package.json "exports"): lintPlan, the formatters and the rule list; its types in dist/types/.
await build({ ...common, entryPoints: ['src/api.ts'], outfile: 'dist/api.mjs' });
await import('./build-types.mjs');
