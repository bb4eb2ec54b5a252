import { createRequire } from 'node:module';

/**
 * Sets V8 up for a long lint run (more than a hook's few files: src/run-length.ts). Called by
 * kvmlint's own processes (the CLI, the Action), never by `lint()`, so a process that embeds the
 * engine keeps its own settings.
 *
 * Heap: V8 pretenures an allocation site (allocates its objects straight into the old
 * generation) once most of its objects survive a scavenge. A plan's trees, models and memos
 * do survive the scavenges that fall while the plan is being linted, so their sites get
 * pretenured. From then on every plan's data is born old and dies at the plan's end, and
 * until the next mark-compact each dead old object keeps the young objects it points to
 * alive: they are copied and promoted in turn, plan after plan. On a 10,000-domain fleet that
 * tripled the scavenge time and raised peak RSS by a third (`npm run bench`). Without
 * pretenuring a plan's data dies young, which is what it is.
 *
 * Optimizing compiler: a run is short, and most of it is warm-up. TurboFan's background
 * thread was busy for the whole of a 10,000-domain run (`--trace-opt`: 165 functions, ~1 s
 * of compile time in a ~1 s run), so the hot functions waited for their optimized code
 * while the main thread ran them in the baseline tier. Half the cumulative inlining budget
 * and no loop peeling make each compile cheaper, and the optimized code arrives sooner;
 * what they cost in optimized code is less than that on every bench shape (`npm run bench`).
 *
 * Short runs set nothing: loading `node:v8` loads Node's stream modules with it (3.6-5 ms, a
 * twentieth of a one-file run), and none of these flags matters to a few domains. They are set
 * after the launcher compiled the bundle from its code cache (src/launcher.ts), which V8 accepts
 * only under the flags it was written with; so every run reads the cache under V8's defaults, and a
 * long run puts them back (restoreV8Defaults) before it writes one.
 */
export function tuneV8ForLint(): void {
  const v8 = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
  const defaultsTag = v8.cachedDataVersionTag();
  for (const flag of TUNED_FLAGS) v8.setFlagsFromString(flag);
  (globalThis as Record<symbol, unknown>)[RESTORE_DEFAULTS] = (): boolean => {
    for (const flag of DEFAULT_FLAGS) v8.setFlagsFromString(flag);
    return v8.cachedDataVersionTag() === defaultsTag;
  };
}

const TUNED_FLAGS = ['--no-allocation-site-pretenuring', '--max-inlined-bytecode-size-cumulative=460', '--no-turbo-loop-peeling'];
/** V8's own values of TUNED_FLAGS (V8 11 in Node 20 to V8 13 in Node 24); restoreV8Defaults checks them against V8's cache tag. */
const DEFAULT_FLAGS = ['--allocation-site-pretenuring', '--max-inlined-bytecode-size-cumulative=920', '--turbo-loop-peeling'];
/** A global symbol, as the launcher and the CLI are separate bundles. */
const RESTORE_DEFAULTS = Symbol.for('kvmlint.v8.restoreDefaults');

/** Whether this process changed V8's flags (a long run). */
export function v8FlagsTuned(): boolean {
  return typeof (globalThis as Record<symbol, unknown>)[RESTORE_DEFAULTS] === 'function';
}

/**
 * Puts V8's defaults back after tuneV8ForLint; true when V8's code cache tag (its version, flags and
 * CPU features) is again the one this process started with, so a cache written now is accepted by a
 * run under the defaults. Also true when no flag was changed.
 */
export function restoreV8Defaults(): boolean {
  const restore = (globalThis as Record<symbol, unknown>)[RESTORE_DEFAULTS] as (() => boolean) | undefined;
  return restore === undefined || restore();
}
