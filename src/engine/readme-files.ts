/**
 * The rule READMEs of the CLI bundle, read from the package's own `rules/<id>/README.md` (package.json
 * "files" ships them beside `dist/`; a clone has them too) when a format shows them: SARIF's help,
 * `kvmlint rules <id>`. Embedded, they were 307 KB of the 1.06 MB bundle that every run read and
 * copied into a string (~3 ms of a one-file run) and almost none used. scripts/esbuild-engine.mjs
 * puts this in place of `readmes()` in the CLI bundle only; the library and the Action keep them embedded.
 *
 * The path is the bundle's own directory and a rule id from the registry: nothing a linted file, a
 * config or the command line says. A README that cannot be read leaves the registry's fallback (the
 * rule's summary).
 */
import { join } from 'node:path';
import { readRegularFile } from './source.ts';

/** No rule README comes near it (the largest is ~12 KB). */
const MAX_README_BYTES = 1024 * 1024;

export function readmesBesideBundle(ids: readonly string[], bundleDir: string): Readonly<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const id of ids) {
    try {
      texts[id] = readRegularFile(join(bundleDir, '..', 'rules', id, 'README.md'), MAX_README_BYTES).toString('utf8');
    } catch {
      // Not shipped (a stripped install): the registry shows the summary instead.
    }
  }
  return texts;
}
