import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.ts';
import { BUNDLE_SIBLINGS, CLI_BUNDLE_FILE } from '../../scripts/esbuild-engine.mjs';

/**
 * Copies a committed bundle (`kvmlint.mjs`, `action.mjs`) to `to`, away from node_modules, with
 * the files it loads from beside itself: what a run from a clone or an npm install has, nothing more.
 */
export function copyBundle(name: string, to: string): string {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(repoRoot, 'dist', name), to);
  // The launcher, kvmlint.mjs, starts kvmlint.cjs from beside itself (src/launcher.ts).
  for (const sibling of [...BUNDLE_SIBLINGS, CLI_BUNDLE_FILE]) copyFileSync(join(repoRoot, 'dist', sibling), join(dirname(to), sibling));
  return to;
}

/**
 * The files a run of the launcher `bin` (dist/kvmlint.mjs or a copy) itself reads or writes: the
 * launcher, the CLI bundle beside it and the launcher's code cache (src/launcher.ts).
 */
export function launcherFiles(bin: string): string[] {
  const dir = dirname(bin);
  return [bin, join(dir, CLI_BUNDLE_FILE), join(dir, `kvmlint-code-cache-${process.version}-${process.arch}.bin`)];
}
