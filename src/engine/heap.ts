import { setFlagsFromString } from 'node:v8';

/**
 * Sets V8's heap up for a lint run. Called first thing by kvmlint's own
 * processes (the CLI, the Action); never by `lint()`, so a process that embeds
 * the engine keeps its own settings.
 *
 * V8 pretenures an allocation site (allocates its objects straight into the old
 * generation) once most of its objects survive a scavenge. A plan's trees,
 * models and memos do survive the scavenges that fall while the plan is being
 * linted, so their sites get pretenured. From then on every plan's data is born
 * old and dies at the plan's end, and until the next mark-compact each dead old
 * object keeps the young objects it points to alive: they are copied and
 * promoted in turn, plan after plan. On a 10,000-domain fleet that tripled the
 * scavenge time and raised peak RSS by a third (`npm run bench`). Without
 * pretenuring a plan's data dies young, which is what it is.
 */
export function tuneHeapForLint(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
