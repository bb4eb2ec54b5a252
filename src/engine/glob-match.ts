/**
 * Config globs (`ignores`, `hosts[].domains`) matched without backtracking.
 *
 * picomatch compiles a glob to a regular expression in which each `*` is a lazy `[^/]*?`. Three of
 * them in one path segment backtrack cubically on a name that fails late: `*a*a*a0` against a
 * 240-character name took 20 ms, and a pull request's config with 2,000 such globs held a run for
 * 43 s on one file (red-team round 3). The globs configs hold are mostly literals, `?`, `*`, `**`
 * segments and brace lists; those are matched here segment by segment, each segment by the
 * classic wildcard algorithm (greedy, resuming after the last `*`: O(name × pattern) at worst),
 * and `**` over segments with a memo. The answers are picomatch's with `{ dot: true }` on the
 * paths kvmlint matches (relative, `/`-separated, no empty segment or trailing `/`; `..` leads to
 * a file outside the config's directory); test/engine/glob-match.test.ts compares them on random
 * globs and paths. Globs outside that subset (classes, escapes, parentheses, negation, and a few
 * placements picomatch reads its own way) are left to picomatch, and the config refuses any of
 * those with more than two `*` in one segment (config.ts checkGlobs).
 */
import picomatch from 'picomatch';

/**
 * The characters of a glob the linear matcher takes: literals picomatch reads as themselves, `*`,
 * `?`, `/` and brace lists (expanded first). Not classes, escapes, parentheses, `!` (negation),
 * `+` and `@` (extglob prefixes picomatch half-reads even with noextglob), `$`, `^`, `|`.
 */
const SUBSET = /^[\w.\-~%=:#&' /*?{},\u0080-\uffff]*$/;

/** Brace alternatives one glob may expand to here (config.ts refuses more than 256 anyway). */
const MAX_EXPANSION = 256;

/**
 * The glob's brace lists expanded (`{a,b}/x` → `a/x`, `b/x`), nested lists included; undefined
 * when it has a brace that is not a list of two or more alternatives (picomatch reads `{a}` and
 * unbalanced braces in ways of its own) or expands to more than MAX_EXPANSION globs.
 */
export function expandBraces(glob: string): string[] | undefined {
  const open = glob.indexOf('{');
  if (open < 0) return glob.includes('}') ? undefined : [glob];
  // The group that opens first, to its matching close; its alternatives split at top-level commas.
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      close = i;
      break;
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0 || commas.length === 0 || glob.slice(0, open).includes('}')) return undefined;
  const head = glob.slice(0, open);
  const tail = glob.slice(close + 1);
  const cuts = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const alternative = glob.slice(cuts[k]! + 1, cuts[k + 1]!);
    // picomatch reads an empty alternative (`{,a}`) and wildcards inside braces (`{b,*}` takes `.`;
    // `{?,*}*` would join into `**`) its own ways: left to it.
    if (alternative === '' || /[*?]/.test(alternative.replace(/\{[^{}]*\}/g, ''))) return undefined;
    const expanded = expandBraces(`${head}${alternative}${tail}`);
    if (expanded === undefined) return undefined;
    out.push(...expanded);
    if (out.length > MAX_EXPANSION) return undefined;
  }
  return out;
}

/** Whether `name` (one path segment) matches `pattern` (one glob segment of literals, `?` and `*`). */
function segmentMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  // Where to resume after the last `*`: the pattern just past it, and the name one further each time.
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const c = pattern.charCodeAt(p);
    if (p < pattern.length && c === 42 /* * */) {
      while (pattern.charCodeAt(p) === 42) p++;
      starP = p;
      starN = n;
    } else if (p < pattern.length && (c === 63 /* ? */ || c === name.charCodeAt(n))) {
      p++;
      n++;
    } else if (starP >= 0) {
      p = starP;
      n = ++starN;
    } else return false;
  }
  while (pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}

const dots = (name: string): boolean => name === '.' || name === '..';

/**
 * A matcher of one glob segment (literals, `?`, `*`), with picomatch's guards: no wildcard takes
 * an empty segment (`(?=.)`), and a pattern that starts with `*` never takes `.` or `..` (`?` does).
 * The shapes configs use most (`*.xml`, `vm-*`, `*`) are tested with string methods.
 */
function compileSegment(pattern: string): (name: string) => boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return (name) => name === pattern;
  if (pattern === '*') return (name) => name !== '' && !dots(name);
  const rest = pattern.slice(1);
  if (pattern.startsWith('*') && !/[*?]/.test(rest)) return (name) => name.endsWith(rest) && name !== '' && !dots(name);
  const head = pattern.slice(0, -1);
  if (pattern.endsWith('*') && !/[*?]/.test(head)) return (name) => name.startsWith(head);
  const guarded = pattern.startsWith('*');
  return (name) => name !== '' && !(guarded && dots(name)) && segmentMatches(pattern, name);
}

/** Whether a segment of `prefix` (segments each followed by `/`) is `.` or `..`: `**` never crosses one. */
const DOT_SEGMENT = /(?:^|\/)\.\.?\//;

/** A matcher of one brace-free glob in the subset, over `/`-separated relative paths. */
function compileExpanded(glob: string): ((relPath: string) => boolean) | undefined {
  const parts = glob.split('/');
  if (parts.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  // picomatch's own readings, left to it: `**` inside a segment (beside braces it crosses `/`), and a
  // `**` after a segment ending in `*` (`a*/**` then needs one more segment, `a/**` does not).
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== '**' && parts[i]!.includes('**')) return undefined;
    if (parts[i] === '**' && i > 0 && parts[i - 1]!.endsWith('*')) return undefined;
    // `.*`: picomatch makes that `*` take at least one character, except in its fast paths (`a.*`).
    if (parts[i]!.includes('.*')) return undefined;
  }
  const segment = parts.map((p) => (p === '**' ? undefined : compileSegment(p)));
  const globstars = parts.filter((p) => p === '**').length;
  if (globstars === 0) {
    return (relPath) => {
      const path = relPath.split('/');
      if (path.length !== parts.length) return false;
      for (let i = 0; i < parts.length; i++) if (!segment[i]!(path[i]!)) return false;
      return true;
    };
  }
  if (globstars === 1 && parts.length === 2 && parts[0] === '**') {
    // `**/*.xml`, every host's pattern below its directory: the last segment, and no `.` or `..` before it.
    const last = segment[1]!;
    return (relPath) => {
      const slash = relPath.lastIndexOf('/');
      if (slash < 0) return last(relPath);
      return last(relPath.slice(slash + 1)) && !DOT_SEGMENT.test(relPath.slice(0, slash + 1));
    };
  }
  if (globstars === 1) {
    // One `**` (`hv01/**/*.xml`): the parts before it match the path's first segments, those after
    // it its last ones, and it takes whatever lies between (no `.` or `..` among them).
    const at = parts.indexOf('**');
    const after = parts.length - at - 1;
    return (relPath) => {
      const path = relPath.split('/');
      if (path.length < at + after) return false;
      for (let i = 0; i < at; i++) if (!segment[i]!(path[i]!)) return false;
      for (let k = 1; k <= after; k++) if (!segment[parts.length - k]!(path[path.length - k]!)) return false;
      for (let j = at; j < path.length - after; j++) if (dots(path[j]!)) return false;
      return true;
    };
  }
  return (relPath) => {
    const path = relPath.split('/');
    // matches(i, j): parts[i..] match path[j..]; `**` takes any number of whole segments, none included.
    const memo = new Map<number, boolean>();
    const matches = (i: number, j: number): boolean => {
      if (i === parts.length) return j === path.length;
      const key = i * (path.length + 1) + j;
      const known = memo.get(key);
      if (known !== undefined) return known;
      let result: boolean;
      if (parts[i] === '**') result = matches(i + 1, j) || (j < path.length && !dots(path[j]!) && matches(i, j + 1));
      else result = j < path.length && segment[i]!(path[j]!) && matches(i + 1, j + 1);
      memo.set(key, result);
      return result;
    };
    return matches(0, 0);
  };
}

/**
 * A matcher of one glob, as picomatch with `{ dot: true }` matches it on kvmlint's paths, in
 * time linear in the path for each segment pair; undefined for a glob outside the subset.
 */
export function linearGlobMatcher(glob: string): ((relPath: string) => boolean) | undefined {
  if (!SUBSET.test(glob)) return undefined;
  const expanded = expandBraces(glob);
  if (expanded === undefined) return undefined;
  const matchers: Array<(relPath: string) => boolean> = [];
  for (const g of expanded) {
    const m = compileExpanded(g);
    if (m === undefined) return undefined;
    matchers.push(m);
  }
  return matchers.length === 1 ? matchers[0]! : (relPath) => matchers.some((m) => m(relPath));
}

/**
 * One matcher for a config's globs: the linear one for each glob in the subset, picomatch (as
 * before, extglobs off) for the rest, which config.ts has bounded (checkGlobs).
 */
export function compileConfigGlobs(globs: readonly string[]): (relPath: string) => boolean {
  const linear: Array<(relPath: string) => boolean> = [];
  const rest: string[] = [];
  for (const g of globs) {
    const m = linearGlobMatcher(g);
    if (m) linear.push(m);
    else rest.push(g);
  }
  const other = rest.length > 0 ? picomatch(rest, { dot: true, noextglob: true }) : undefined;
  if (other === undefined && linear.length === 1) return linear[0]!;
  return (relPath) => linear.some((m) => m(relPath)) || (other !== undefined && other(relPath));
}

/** `*` runs in the busiest path segment of `glob` (a whole-segment `**` counts as none): 3 or more backtrack cubically in picomatch. */
export function starsPerSegment(glob: string): number {
  let most = 0;
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    let runs = 0;
    for (let at = segment.indexOf('*'); at >= 0; at = segment.indexOf('*', at + 1)) if (segment.charCodeAt(at - 1) !== 42) runs++;
    most = Math.max(most, runs);
  }
  return most;
}
