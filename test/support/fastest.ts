/**
 * The fastest of `runs` calls of `f`, in milliseconds. Tests that guard against work proportional to a huge
 * input (a range of 2^32 CPUs, 10,000 digits) compare this with a bound: one slow call on a loaded machine (a
 * helper seen at 73 ms against a 50 ms bound) is the scheduler's, five are the code's.
 */
export function fastestMs(f: () => void, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    f();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
