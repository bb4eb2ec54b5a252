import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.ts';
import { BUNDLE_SIBLINGS } from '../../scripts/esbuild-engine.mjs';

/**
 * Copies a committed bundle (`kvmlint.mjs`, `action.mjs`) to `to`, away from node_modules, with
 * the files it loads from beside itself: what a run from a clone or an npm install has, nothing more.
 */
export function copyBundle(name: string, to: string): string {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(repoRoot, 'dist', name), to);
  for (const sibling of BUNDLE_SIBLINGS) copyFileSync(join(repoRoot, 'dist', sibling), join(dirname(to), sibling));
  return to;
}
