/** Outcome of parsing one attribute or element value. `offset`/`length` locate the fault inside the value text. */
export type Parsed<T> =
  | { ok: true; value: T; notes?: string[] }
  | { ok: false; error: string; offset: number; length: number };

export function parsedOk<T>(value: T, notes?: string[]): Parsed<T> {
  return notes && notes.length > 0 ? { ok: true, value, notes } : { ok: true, value };
}

export function parsedError<T>(error: string, offset = 0, length = 0): Parsed<T> {
  return { ok: false, error, offset, length };
}
