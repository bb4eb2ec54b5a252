import { createRequire } from 'node:module';
import { legacyBinding } from '../node-binding.ts';

type FlagSetter = (flags: string) => void;
let setter: FlagSetter | undefined;

/**
 * V8's flag setter, without loading node:v8 where Node allows it: that module loads Node's stream
 * modules when it loads (its heap snapshot functions return streams), 3.6-5 ms and ~110 page faults of
 * a one-file run that sets flags and takes no snapshot. Node 20 and 22 keep the same function on the
 * `v8` binding (what node:v8's own `setFlagsFromString` calls, lib/v8.js; src/node-binding.ts). Node 24
 * has no such binding: there node:v8 is loaded as before.
 */
function setFlagsFromString(flags: string): void {
  (setter ??= v8FlagSetter())(flags);
}

function v8FlagSetter(): FlagSetter {
  const binding = legacyBinding<{ setFlagsFromString: (flags: string) => void }>('v8');
  const set = binding?.setFlagsFromString;
  if (typeof set === 'function') return (flags) => void set.call(binding, flags);
  return (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString;
}

/**
 * Sets V8 up for a lint run. Called first thing by kvmlint's own processes (the CLI, the
 * Action), before the bundle is compiled (V8 refuses a code cache made under other flags);
 * never by `lint()`, so a process that embeds the engine keeps its own settings.
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
 */
export function tuneV8ForLint(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=460');
  setFlagsFromString('--no-turbo-loop-peeling');
  setFlagsFromString('--no-sparkplug');
}

/** The size of the block keepFreedMallocMemory frees: from 1 MB on, a 10,000-domain run's faults no longer fall. */
const MALLOC_THRESHOLD_BLOCK = 2 * 1024 * 1024;

/**
 * Lets glibc keep freed memory for reuse instead of handing it back to the kernel at once. TurboFan's compiler
 * threads allocate and free megabytes of zone memory per compile; with glibc's default trim threshold (128 KB)
 * each arena returns its free top to the kernel, and the next compile faults those pages in again. glibc raises
 * its mmap threshold to the size of an mmap'ed block when that block is freed, and its trim threshold to twice
 * that (malloc.c, "dynamic mmap threshold"); Node offers no mallopt. So a block above the default threshold is
 * allocated and dropped here, for the first scavenge to free. A 10,000-domain run made ~25,000 page faults
 * without it and ~18,500 with it (the same fall V8 used to cause by copying a misaligned code cache, see
 * src/launcher.ts); a one-file run ~75 fewer. Elsewhere than glibc it is one short-lived buffer.
 */
export function keepFreedMallocMemory(): void {
  // An external buffer: malloc'ed by Node's allocator, never touched (no page of it is faulted in).
  Buffer.allocUnsafeSlow(MALLOC_THRESHOLD_BLOCK);
}

/**
 * Baseline compiler: Sparkplug starts off, and a run that turns out longer than a hook's
 * (src/cli.ts) turns it back on before it lints. The reason is the launcher's code cache
 * (src/launcher.ts): a function Sparkplug compiled keeps that mark in the cache, and a process
 * that reads the cache compiles it with Sparkplug again as soon as it runs. A cache written
 * after a 10,200-domain run made a one-file run compile 285 functions with Sparkplug
 * (`--log-function-events`; none with a cache written by a one-file run) and take ~9% longer
 * (0.100 against 0.092 s). Without Sparkplug a one-file run is as fast from either cache, and
 * a long run has Sparkplug before its first domain.
 */
export function enableBaselineCompiler(): void {
  setFlagsFromString('--sparkplug');
}

/** The flags back as tuneV8ForLint set them: V8 accepts a code cache only under the flags it was taken with. */
export function restoreLaunchFlags(): void {
  setFlagsFromString('--no-sparkplug');
}
