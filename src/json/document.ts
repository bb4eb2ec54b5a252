/**
 * JSON documents kvmlint reads (host snapshots, kvmlint.config.json): JSON
 * paths, the exact range of a value in the text, where a syntax error is, and
 * schema errors (Ajv's, as src/json/schema-validator.ts reproduces them) worded as "field: what is wrong".
 */
import type { SchemaError } from './schema-validator.ts';
import { LineIndex } from '../xml/lines.ts';

export interface TextRange {
  /** UTF-16 offsets into the file text, end exclusive. */
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------
// JSON paths and locating values in the text

export type PathSegment = string | number;

/** `nodes[1].memFreeKiB` (or `nodes.1.memFreeKiB`) → ['nodes', 1, 'memFreeKiB']. */
export function parseJsonPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const part of path.split('.')) {
    if (part === '') continue;
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1] !== '') out.push(/^\d+$/.test(m[1]!) ? Number(m[1]) : m[1]!);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function formatJsonPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}

function isJsonSpace(c: number): boolean {
  // JSON whitespace, plus a leading BOM which the loader tolerates.
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}

/**
 * The UTF-16 range of the JSON value at `dottedPath` (`vm.minFreeKbytes`,
 * `nodes[1].memFreeKiB`) in `text`; a string value's range includes its quotes.
 * undefined when the path is not in the document or the text is not JSON there.
 */
export function locateJsonKey(text: string, dottedPath: string): TextRange | undefined {
  const path = parseJsonPath(dottedPath);
  let pos = 0;
  const skipSpace = (): void => {
    while (pos < text.length && isJsonSpace(text.charCodeAt(pos))) pos++;
  };
  /** End of the string token starting at `at` (a quote), or -1. */
  const stringEnd = (at: number): number => {
    let i = at + 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) i += 2;
      else if (c === 0x22) return i + 1;
      else i++;
    }
    return -1;
  };
  /** End of the value starting at `at`, or -1. */
  const valueEnd = (at: number): number => {
    const c = text[at];
    if (c === '"') return stringEnd(at);
    if (c === '{' || c === '[') {
      let depth = 0;
      let i = at;
      while (i < text.length) {
        const d = text[i];
        if (d === '"') {
          i = stringEnd(i);
          if (i < 0) return -1;
          continue;
        }
        if (d === '{' || d === '[') depth++;
        else if (d === '}' || d === ']') {
          depth--;
          if (depth === 0) return i + 1;
        }
        i++;
      }
      return -1;
    }
    const m = /^[^\s,\]}]+/.exec(text.slice(at, at + 64));
    return m ? at + m[0].length : -1;
  };

  skipSpace();
  for (const seg of path) {
    const open = text[pos];
    if (open === '{' && typeof seg === 'string') {
      pos++;
      // The last member of that name: JSON.parse keeps the last of duplicate keys, and the range must
      // show the value that was used.
      let found = -1;
      skipSpace();
      if (text[pos] === '}') return undefined;
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') return undefined;
        const keyEnd = stringEnd(pos);
        if (keyEnd < 0) return undefined;
        let key: string;
        try {
          key = JSON.parse(text.slice(pos, keyEnd)) as string;
        } catch {
          return undefined;
        }
        pos = keyEnd;
        skipSpace();
        if (text[pos] !== ':') return undefined;
        pos++;
        skipSpace();
        if (key === seg) found = pos;
        const end = valueEnd(pos);
        if (end < 0) return undefined;
        pos = end;
        skipSpace();
        if (text[pos] === '}') break;
        if (text[pos] !== ',') return undefined;
        pos++;
      }
      if (found < 0) return undefined;
      pos = found;
    } else if (open === '[' && typeof seg === 'number') {
      pos++;
      for (let i = 0; ; i++) {
        skipSpace();
        if (text[pos] === ']') return undefined;
        if (i === seg) break;
        const end = valueEnd(pos);
        if (end < 0) return undefined;
        pos = end;
        skipSpace();
        if (text[pos] !== ',') return undefined;
        pos++;
      }
    } else {
      return undefined;
    }
  }
  const end = valueEnd(pos);
  return end < 0 ? undefined : { start: pos, end };
}

/**
 * The range of a whitespace-separated token (`isolcpus=4-31`) inside the JSON
 * string value at `dottedPath` (a kernel command line), the token matched as
 * written and JSON-escaped; else the range of the whole string; undefined when
 * the path is not in the document.
 */
export function locateTokenInJsonString(text: string, dottedPath: string, token: string | undefined): TextRange | undefined {
  const value = locateJsonKey(text, dottedPath);
  if (!value || token === undefined || token === '' || text[value.start] !== '"') return value;
  const innerStart = value.start + 1;
  const innerEnd = value.end - 1;
  const escaped = JSON.stringify(token).slice(1, -1);
  // A token ends at the string's ends or at whitespace (a space, or an escaped tab or newline).
  const spaceBefore = (at: number): boolean => at === innerStart || text[at - 1] === ' ' || /\\[tn]$/.test(text.slice(Math.max(innerStart, at - 2), at));
  const spaceAfter = (at: number): boolean => at === innerEnd || text[at] === ' ' || /^\\[tn]/.test(text.slice(at, at + 2));
  for (let from = innerStart; ; ) {
    const at = text.indexOf(escaped, from);
    if (at < 0 || at + escaped.length > innerEnd) return value;
    if (spaceBefore(at) && spaceAfter(at + escaped.length)) return { start: at, end: at + escaped.length };
    from = at + 1;
  }
}

function pointerToSegments(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number' && !Number.isInteger(v)) return `the number ${v}`;
  return `${typeof v} ${String(v)}`;
}

const TYPE_NAMES: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

/** Wording a document type gives an error itself (e.g. its version field); undefined: the generic wording. */
export type AjvWording = (e: SchemaError, segments: readonly PathSegment[], got: string) => string | undefined;

/** An ajv error as the JSON path of the field at fault and a sentence about it. */
export function describeAjvError(e: SchemaError, special?: AjvWording): { segments: PathSegment[]; problem: string } {
  const segments = pointerToSegments(e.instancePath);
  const params = e.params as Record<string, unknown>;
  const got = describeValue(e.data);
  const own = special?.(e, segments, got);
  if (own !== undefined) return { segments, problem: own };
  switch (e.keyword) {
    case 'required':
      return { segments: [...segments, String(params.missingProperty)], problem: 'is required but missing' };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
      const near = known.find((k) => k.toLowerCase() === name.toLowerCase());
      const hint = near ? ` (did you mean "${near}"?)` : known.length > 0 ? ` (known fields: ${known.join(', ')})` : '';
      return { segments: [...segments, name], problem: `is not a known field${hint}` };
    }
    case 'type': {
      const types = String(params.type).split(',');
      return { segments, problem: `must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}, not ${got}` };
    }
    case 'minimum':
      return { segments, problem: `must be at least ${String(params.limit)}, not ${String(e.data)}` };
    case 'maximum':
      return { segments, problem: `must be at most ${String(params.limit)}, not ${String(e.data)}` };
    case 'const':
      return { segments, problem: `must be ${JSON.stringify(params.allowedValue)}, not ${got}` };
    case 'enum':
      return {
        segments,
        problem: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, not ${got}`,
      };
    case 'minItems':
      return { segments, problem: `must have at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}` };
    case 'uniqueItems':
      return { segments, problem: `has the same value twice (entries ${String(params.j)} and ${String(params.i)})` };
    case 'minLength':
      return { segments, problem: 'must not be empty' };
    default:
      return { segments, problem: e.message ?? `fails schema keyword ${e.keyword}` };
  }
}

/** A member name's closing quote and its colon: every name in JSON text ends so (a string value may hold it too). */
const NAME_END = /"[\t\n\r ]*:/g;

/** How many member names the objects of a parsed JSON value hold; iterative, for any depth JSON.parse took. */
function memberCount(value: unknown): number {
  let n = 0;
  const todo: unknown[] = [value];
  while (todo.length > 0) {
    const v = todo.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const e of v) if (e !== null && typeof e === 'object') todo.push(e);
      continue;
    }
    for (const k of Object.keys(v)) {
      n++;
      const e = (v as Record<string, unknown>)[k];
      if (e !== null && typeof e === 'object') todo.push(e);
    }
  }
  return n;
}

/**
 * findDuplicateJsonKey for text JSON.parse made `parsed` from, with a quick answer for the usual
 * case: the text has no more name endings than `parsed` has names, so no name was dropped.
 */
export function duplicateJsonKey(text: string, parsed: unknown): { path: string; offset: number } | undefined {
  let endings = 0;
  NAME_END.lastIndex = 0;
  while (NAME_END.exec(text) !== null) endings++;
  return endings === memberCount(parsed) ? undefined : findDuplicateJsonKey(text);
}

/**
 * The first member name that appears twice in one object of `text` (which JSON.parse accepted), as a
 * dotted path (`vm.minFreeKbytes`, `nodes[1].id`) with the offset of its second occurrence. RFC 8259
 * leaves duplicates to the parser; JSON.parse keeps the last, so a reviewer reading the first would
 * read a value that is not used. Undefined when every name is unique.
 */
export function findDuplicateJsonKey(text: string): { path: string; offset: number } | undefined {
  /** Per open container: its member names so far (objects) or its element index (arrays), and how it was reached. */
  const stack: Array<{ keys: Set<string> | undefined; index: number; segment: PathSegment | undefined }> = [];
  /** The member name the next value in an object takes. */
  let pending = '';
  const path = (last: string): string => formatJsonPath([...stack.slice(1).map((f) => f.segment!), last]);
  // Structural characters and quotes are found by a native scan; the rest of the text is skipped.
  const token = /["{}[\],]/g;
  for (let m = token.exec(text); m !== null; m = token.exec(text)) {
    const at = m.index;
    const c = text.charCodeAt(at);
    if (c === 0x22 /* " */) {
      // The closing quote: the next one not escaped (preceded by an even run of backslashes).
      let end = text.indexOf('"', at + 1);
      while (end > 0) {
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) return undefined;
      token.lastIndex = end + 1;
      const top = stack[stack.length - 1];
      if (top?.keys === undefined) continue;
      let j = end + 1;
      while (isJsonSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3a /* : */) continue;
      const raw = text.slice(at + 1, end);
      const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      if (top.keys.has(key)) return { path: path(key), offset: at };
      top.keys.add(key);
      pending = key;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const parent = stack[stack.length - 1];
      const segment = parent === undefined ? undefined : parent.keys ? pending : parent.index;
      stack.push({ keys: c === 0x7b ? new Set() : undefined, index: 0, segment });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else {
      const top = stack[stack.length - 1];
      if (top && top.keys === undefined) top.index++;
    }
  }
  return undefined;
}

/**
 * Where JSON text first breaks the grammar (RFC 8259), and why. JSON.parse's own
 * message carries no position for some errors (Node 20: "Unexpected token"), so
 * the loader finds it itself to point the user at a line and column.
 */
export function findJsonSyntaxError(text: string): { offset: number; reason: string } | undefined {
  let pos = 0;
  const fail = (reason: string): never => {
    throw { offset: pos, reason };
  };
  const ws = (): void => {
    while (pos < text.length && isJsonSpace(text.charCodeAt(pos))) pos++;
  };
  const describeHere = (): string => (pos >= text.length ? 'the end of the file' : JSON.stringify(text[pos]));
  const literal = (word: string): void => {
    if (text.startsWith(word, pos)) pos += word.length;
    else fail(`unexpected ${describeHere()}`);
  };
  const string = (): void => {
    pos++;
    for (;;) {
      if (pos >= text.length) fail('unterminated string');
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        pos++;
        return;
      }
      if (c < 0x20) fail('control character in a string (escape it)');
      if (c === 0x5c) {
        const e = text[pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail('bad \\u escape');
          pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) pos += 2;
        else fail('bad escape in a string');
      } else pos++;
    }
  };
  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!m) fail(`unexpected ${describeHere()}`);
    pos += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[pos];
    if (c === '{') {
      pos++;
      ws();
      if (text[pos] === '}') {
        pos++;
        return;
      }
      for (;;) {
        ws();
        if (text[pos] !== '"') fail(`expected a property name in double quotes, found ${describeHere()}`);
        string();
        ws();
        if (text[pos] !== ':') fail(`expected ':' after the property name, found ${describeHere()}`);
        pos++;
        value();
        ws();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return;
        }
        fail(`expected ',' or '}' after a property value, found ${describeHere()}`);
      }
    } else if (c === '[') {
      pos++;
      ws();
      if (text[pos] === ']') {
        pos++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return;
        }
        fail(`expected ',' or ']' after an array element, found ${describeHere()}`);
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail(`unexpected ${describeHere()}`);
  };
  try {
    value();
    ws();
    if (pos < text.length) fail(`unexpected ${describeHere()} after the document`);
    return undefined;
  } catch (e) {
    if (e !== null && typeof e === 'object' && 'offset' in e) return e as { offset: number; reason: string };
    throw e;
  }
}

/** A JSON.parse failure located at a line and column of `text`, for an error message. */
export function describeJsonSyntaxError(text: string, err: Error): { problem: string; range: TextRange | undefined } {
  let found: { offset: number; reason: string } | undefined;
  try {
    found = findJsonSyntaxError(text);
  } catch {
    found = undefined; // e.g. nesting too deep for the checker's recursion
  }
  if (!found) return { problem: `not valid JSON: ${err.message}`, range: undefined };
  const { line, column } = new LineIndex(text).position(found.offset);
  return {
    problem: `not valid JSON at line ${line}, column ${column}: ${found.reason}`,
    range: { start: found.offset, end: Math.min(found.offset + 1, text.length) },
  };
}
