/**
 * Whether this process's CLI has linted: the launcher (src/launcher.ts) takes its code cache only
 * after such a run, not after --version. A global symbol, as the launcher and the CLI are separate
 * bundles.
 */
const LINTED = Symbol.for('kvmlint.cli.linted');

export function markLinted(): void {
  (globalThis as Record<symbol, unknown>)[LINTED] = true;
}

export function hasLinted(): boolean {
  return (globalThis as Record<symbol, unknown>)[LINTED] === true;
}
