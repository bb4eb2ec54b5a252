/**
 * Deep equality of two parsed JSON values (no `undefined` inside, no NaN): the same answers as
 * fast-deep-equal, which Ajv's const, enum and uniqueItems use (src/json/schema-validator.ts), for them.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // for-in rather than Object.keys: no key arrays allocated for a thousand CPUs' entries.
  let keys = 0;
  for (const k in a) {
    keys++;
    if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  for (const _ in b) keys--;
  return keys === 0;
}
