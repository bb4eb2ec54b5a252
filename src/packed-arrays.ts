/**
 * `list.map(fn)`, with a result of the same elements kind in every V8 tier.
 *
 * The builtin returns a PACKED array; the same call inlined by TurboFan returns a HOLEY one.
 * Code optimized while it only saw the builtin's arrays checks for PACKED, so the first HOLEY
 * array from a caller that has just been optimized deoptimizes it ("wrong map" on a for-of or
 * an indexed read), and TurboFan compiles it again. On the bench fleets those recompiles were
 * 5-16% of all TurboFan work (`node --trace-opt --trace-deopt`), in a run whose warm-up waits on
 * TurboFan. A loop that pushes onto `[]` makes the same array in both tiers.
 *
 * Used where those recompiles were measured: lists kept in models and handed between rules.
 */
export function mapPacked<T, U>(list: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < list.length; i++) out.push(fn(list[i]!, i));
  return out;
}
