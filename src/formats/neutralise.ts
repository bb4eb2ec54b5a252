import type { LintResult } from '../engine/types.ts';

/**
 * Text from a pull request (file names, element text, attribute values, comments, source lines in
 * code frames) is shown in terminals, CI logs, Markdown and patches. These functions make it inert
 * there, one character for one so offsets and columns stay right: a control character becomes its
 * visible Unicode "control picture" (ESC → ␛, U+2400 block), a C1 control or a bidirectional
 * override (Trojan Source, CVE-2021-42574) becomes U+FFFD. See SECURITY.md.
 */

/** C0 controls and DEL; TAB, LF and CR are handled by the callers' choice below. */
const C0_OR_DEL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** C1 controls (U+0080–U+009F: CSI U+009B and OSC U+009D act as ESC [ and ESC ] on many terminals) and bidi controls. */
const C1_OR_BIDI = /[\u0080-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const BREAKS = /[\t\n\r\u2028\u2029]/g;
/** Any character neutraliseLine changes: the union of the three above (no `g`: test() keeps no state). */
const LINE_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

function picture(c: string): string {
  const code = c.charCodeAt(0);
  return code === 0x7f ? '\u2421' : String.fromCharCode(0x2400 + code);
}

/** For multi-line text (a source shown in a code frame, a report): keeps TAB, LF and CR, neutralises every other control. */
export function neutralise(s: string): string {
  return s.replace(C0_OR_DEL, picture).replace(C1_OR_BIDI, '\uFFFD');
}

/** For one line (a file name, a message, a stderr line): line breaks and TAB become pictures too, so nothing forges a line. */
export function neutraliseLine(s: string): string {
  // One scan for the common case, a line with nothing to neutralise (every message of a report), not three.
  if (!LINE_UNSAFE.test(s)) return s;
  return neutralise(s).replace(BREAKS, (c) => (c === '\u2028' || c === '\u2029' ? '\uFFFD' : picture(c)));
}

/**
 * Characters JSON.stringify leaves raw that act on a terminal or reorder what a person reads: DEL,
 * C1 controls (CSI U+009B, OSC U+009D), bidi controls, and the two Unicode line separators.
 */
const JSON_RAW_UNSAFE = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * JSON text (a -f json or SARIF report, a snapshot) with those characters written as `\uXXXX`
 * escapes. Lossless: outside strings JSON allows none of them, so each one found is inside a
 * string, where the escape parses back to the same character.
 */
export function escapeJsonControls(json: string): string {
  // `##[` anywhere in a line is a workflow command to the GitHub Actions runner (legacy syntax), in a
  // report printed in a step's log too: its `[` is written `\u005b`, which parses back to the same text.
  if (json.includes('##[')) json = json.replace(/##\[/g, '##\\u005b');
  JSON_RAW_UNSAFE.lastIndex = 0;
  if (!JSON_RAW_UNSAFE.test(json)) return json;
  return json.replace(JSON_RAW_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Controls and bidi characters neutralise changes in multi-line text (TAB, LF and CR kept). */
const TEXT_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A patch (`--fix-dry-run`, `kvmlint plan`) as it goes to standard output. Its lines are the file's
 * own, so piped to `git apply` or a file it must be exact; on a terminal, where a person reads it, a
 * bidi override or a C1 control (CSI, OSC) from the file would act on the screen instead, so it is
 * neutralised there. `note`: what the caller says on stderr when the patch holds such characters.
 */
export function patchForOutput(patch: string, file: string, terminal: boolean): { text: string; note?: string } {
  const hidden = patch.match(TEXT_UNSAFE)?.length ?? 0;
  if (hidden === 0) return { text: patch };
  const what = `the patch for ${neutraliseLine(file)} holds ${hidden} control or bidi character${hidden === 1 ? '' : 's'} from the file`;
  return terminal
    ? { text: neutralise(patch), note: `${what}, shown neutralised here (control pictures, U+FFFD); redirect the output for the exact patch` }
    : { text: patch, note: `${what}, written as they are (the patch must apply): review it in a viewer that shows them` };
}

/**
 * A lint result with every PR-controlled string a text report prints neutralised: file names and
 * messages as lines, sources with their line breaks kept (so line and column stay those of the file);
 * without `withSources`, the result carries no sources.
 */
export function neutraliseResult<R extends LintResult>(result: R, { withSources = true } = {}): R {
  const file = memoised(neutraliseLine);
  // Only a format that prints source lines needs them (and neutralising every linted text is a regex over all of it).
  const sources = new Map<string, string>();
  if (withSources) for (const [path, text] of result.sources) sources.set(file(path), neutralise(text));
  // Rule ids are kvmlint's own in a CLI run, but a result handed to the library's format() may come from anywhere.
  const ruleId = memoised(neutraliseLine);
  const diagnostics = result.diagnostics.map((d) => ({
    ...d,
    ruleId: ruleId(d.ruleId),
    file: file(d.file),
    message: neutraliseLine(d.message),
    ...(d.help !== undefined ? { help: neutraliseLine(d.help) } : {}),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, file: file(r.file), message: neutraliseLine(r.message) })) } : {}),
    ...(d.suggestions ? { suggestions: d.suggestions.map((s) => ({ ...s, message: neutraliseLine(s.message) })) } : {}),
  }));
  return { ...result, diagnostics, sources, files: result.files.map(file) };
}

function memoised(f: (s: string) => string): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) seen.set(s, (v = f(s)));
    return v;
  };
}

/** The most of one error message kvmlint echoes: a value from a pull request (an 11 MB CPU list) is cut, not repeated. */
export const MAX_ECHOED_MESSAGE = 2000;

/** `s` cut to MAX_ECHOED_MESSAGE characters (never inside a surrogate pair), saying how much was left out. */
export function boundedMessage(s: string, max = MAX_ECHOED_MESSAGE): string {
  if (s.length <= max) return s;
  let cut = max;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${s.slice(0, cut)}… (${s.length - cut} more characters)`;
}
