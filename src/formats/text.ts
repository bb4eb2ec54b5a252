// Before the formatter: it reads @babel/code-frame's function when it loads.
import './code-frame-window.ts';
import friendly from 'eslint-formatter-friendly';
// The chalk 2 instance eslint-formatter-friendly requires (npm hoists its exact 2.4.2 pin, so this
// import resolves to the same module; test/formats/text.test.ts checks it). Its colour level is
// decided from the TTY when loaded, so `--color`/`--no-color` must set it around each call.
import chalkModule from 'chalk';
import { relative } from 'node:path';
import type { Diagnostic, FormatOptions, LintResult } from '../engine/types.ts';
import { countFindings, pluralize } from './summary.ts';
import { notesFooter as stylishNotes, outputWidth, paint } from './stylish.ts';

const notesFooter = (notes: readonly Diagnostic[], width: number, color: boolean) => stylishNotes(notes, width, paint(color));

const chalk = chalkModule.default;

/**
 * `-f codeframe`: ESLint's "friendly" report, findings with code frames, then counts and the `--fix`
 * trailer; notes about what could not be checked follow as a footer. Empty when clean.
 */
export function formatCodeframe(result: LintResult, opts: FormatOptions): string {
  const problems = result.diagnostics.filter((d) => !d.unchecked);
  const notes = result.diagnostics.filter((d) => d.unchecked);
  const footer = notes.length > 0 ? notesFooter(notes, outputWidth(opts), opts.color) : '';
  if (problems.length === 0) return footer.replace(/^\n/, '');
  return withChalkColor(opts.color, () => {
    const { results: eslintResults, framed } = toEslintResults({ ...result, diagnostics: problems });
    const rendered = restoreFramedLocations(withFriendlyEnv(() => friendly(eslintResults)), framed);
    const findings = stripFriendlySummary(stripItermHint(rendered), eslintResults);
    const text = findings + summaryText(problems) + footer;
    // Code frames are highlighted by @babel/highlight whenever stdout is a TTY, whatever chalk says.
    return opts.color ? text : stripAnsi(text);
  });
}

/** The formatter's input, and the real location of each finding framed on a cut line (see framedPathToken). */
function toEslintResults(result: LintResult): { results: friendly.FileResult[]; framed: FramedLocation[] } {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const out: friendly.FileResult[] = [];
  const framed: FramedLocation[] = [];
  for (const [filePath, diagnostics] of byFile) {
    // An empty source is falsy to the formatter, which would then read the file from disk.
    const source = result.sources.get(filePath) || '\n';
    const message = (d: Diagnostic): friendly.Message => ({
      ruleId: d.ruleId,
      severity: d.severity === 'error' ? 2 : 1,
      message: describe(d),
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
    });
    const lines = source.split(LINE_BREAK);
    if (!lines.some((l) => l.length > MAX_FRAME_LINE)) {
      out.push({ filePath, source, messages: diagnostics.map(message) });
      continue;
    }
    // A file with a long line: each finding gets its own copy of the source with that line cut
    // around it, and its column moved to match; restoreFramedLocations puts the real location back.
    const ordered = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
    // The formatter shows paths relative to the working directory; so does the real location.
    const shown = relative('.', filePath);
    for (const d of ordered) {
      const frame = cutLine(lines, d.line, d.column);
      const k = framed.length;
      framed.push({ path: shown, real: `${shown}:${d.line}:${d.column}` });
      out.push({ filePath, source: frame.source, messages: [{ ...message(d), column: frame.column, filePath: framedPathToken(shown, k) }] });
    }
  }
  return { results: out, framed };
}

/** Characters of one source line a code frame shows; longer lines are cut around the finding. */
export const MAX_FRAME_LINE = 160;
/** How much of a cut line is shown before the finding's column. */
const FRAME_LEAD = 40;
/** Line breaks as @babel/code-frame splits them, so a cut line is the line it prints. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

/**
 * The source as the frame of a finding at `line`:`column` shows it: that line
 * cut to MAX_FRAME_LINE characters around the column (marked with '…'), and
 * the column within the cut line. A minified domain, or one megabyte-long
 * attribute, would otherwise be printed whole under every finding in the file.
 */
function cutLine(lines: readonly string[], line: number, column: number): { source: string; column: number } {
  const text = lines[line - 1] ?? '';
  let from = 0;
  let lead = '';
  // Only the lines a frame shows are kept (two above, three below), cut at their start when long;
  // the others are emptied so line numbers stay and a file with many findings is not copied whole for each.
  const copy = lines.map((l, i) => (i < line - 3 || i > line + 2 ? '' : l.length > MAX_FRAME_LINE ? `${l.slice(0, wholeEnd(l, MAX_FRAME_LINE))}…` : l));
  if (text.length > MAX_FRAME_LINE) {
    from = Math.max(0, Math.min(column - 1 - FRAME_LEAD, text.length - MAX_FRAME_LINE));
    // A cut never splits a surrogate pair: half of one is printed as U+FFFD.
    if (isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))) from++;
    const to = wholeEnd(text, Math.min(text.length, from + MAX_FRAME_LINE));
    lead = from > 0 ? '…' : '';
    copy[line - 1] = `${lead}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  }
  return { source: copy.join('\n'), column: column - from + lead.length };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** `end`, or one less when the character before it opens a surrogate pair that `end` would split. */
function wholeEnd(text: string, end: number): number {
  return end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end)) ? end - 1 : end;
}

/**
 * The formatter prints `path:line:column` from the message it frames, so a
 * finding on a cut line is given a stand-in path, `path §k`, that sorts where
 * the real one does (a space sorts before any file-name character; k, unique
 * in the report, follows each file's findings in position order), and the
 * real location is put back afterwards, in one pass over the report.
 */
function framedPathToken(filePath: string, k: number): string {
  return `${filePath} §${String(k).padStart(9, '0')}`;
}

/** The k-th finding framed on a cut line: its path as printed, and its real `path:line:column`. */
interface FramedLocation {
  path: string;
  real: string;
}

function restoreFramedLocations(text: string, framed: readonly FramedLocation[]): string {
  if (framed.length === 0) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/ §(\d{9}):\d+:\d+/g)) {
    const entry = framed[Number(m[1])];
    const start = m.index - (entry?.path.length ?? 0);
    if (!entry || start < last || text.slice(start, m.index) !== entry.path) continue;
    out += text.slice(last, start) + entry.real;
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}

/** The message line(s): ESLint has no info level, so infos print as `(info)` next to the warning sign. */
function describe(d: Diagnostic): string {
  let text = d.message.replace(/\.$/, '');
  if (d.severity === 'info') text = `(info) ${text}`;
  if (d.fix) text += ' (fixable)';
  if (d.help) text += `\n       ${chalk.cyan('help:')} ${d.help}`;
  for (const r of d.related ?? []) text += `\n       ${chalk.dim('also:')} ${relative('.', r.file)}:${r.line}:${r.column} ${r.message}`;
  for (const s of d.suggestions ?? []) {
    text += `\n       ${chalk.cyan('suggestion:')} ${s.message.replace(/\.$/, '')}`;
  }
  return text;
}

function withChalkColor<T>(color: boolean, render: () => T): T {
  const saved = { enabled: chalk.enabled, level: chalk.level };
  chalk.enabled = color;
  chalk.level = color ? Math.max(saved.level, 1) : 0;
  try {
    return render();
  } finally {
    chalk.enabled = saved.enabled;
    chalk.level = saved.level;
  }
}

/**
 * The formatter reads its options from EFF_* variables: clear the user's (EFF_FILTER would hide
 * findings, EFF_EDITOR_SCHEME adds links) and stop it linking rule ids to eslint.org.
 */
function withFriendlyEnv<T>(render: () => T): T {
  const isFriendlyVar = (key: string) => key.startsWith('EFF_') || key === 'FORCE_ITERM_HINT';
  const saved = Object.entries(process.env).filter(([key]) => isFriendlyVar(key));
  for (const [key] of saved) delete process.env[key];
  process.env.EFF_NO_LINK_RULES = 'true';
  try {
    return render();
  } finally {
    for (const key of Object.keys(process.env)) if (isFriendlyVar(key)) delete process.env[key];
    for (const [key, value] of saved) process.env[key] = value;
  }
}

/** On a TTY the formatter prefixes an iTerm2 escape carrying the cwd; it is noise in kvmlint output. */
function stripItermHint(text: string): string {
  return text.replace(/^\u001B\]1337;CurrentDir=[^\u0007]*\u0007/, '');
}

/**
 * Cut the formatter's own summary (it counts infos as warnings) by finding the exact headline it
 * printed; kvmlint's summary replaces it.
 */
function stripFriendlySummary(text: string, results: friendly.FileResult[]): string {
  const messages = results.flatMap((r) => r.messages);
  const errors = messages.filter((m) => m.severity === 2).length;
  const warnings = messages.length - errors;
  const color = errors > 0 ? chalk.red : chalk.yellow;
  const headline = color.bold(
    `✘ ${pluralize(messages.length, 'problem')} (${pluralize(errors, 'error')}, ${pluralize(warnings, 'warning')})`,
  );
  const at = text.lastIndexOf(headline);
  if (at < 0) throw new Error('eslint-formatter-friendly output changed: its summary line was not found');
  return text.slice(0, at);
}

function summaryText(diagnostics: readonly Diagnostic[]): string {
  const counts = countFindings(diagnostics);
  const color = counts.errors > 0 ? chalk.red : counts.warnings > 0 ? chalk.yellow : chalk.cyan;
  let out = color.bold(
    `✘ ${pluralize(diagnostics.length, 'problem')} (${pluralize(counts.errors, 'error')}, ` +
      `${pluralize(counts.warnings, 'warning')}, ${pluralize(counts.infos, 'info')})`,
  );
  out += '\n';
  if (counts.fixable > 0) {
    out += `  ${pluralize(counts.fixable, 'problem')} potentially fixable with the \`--fix\` option.\n`;
  }
  out += ruleTable('Errors', chalk.red, diagnostics, 'error');
  out += ruleTable('Warnings', chalk.yellow, diagnostics, 'warning');
  out += ruleTable('Infos', chalk.cyan, diagnostics, 'info');
  return out;
}

/** Per-rule counts for one severity, most frequent first, as eslint-formatter-friendly lists them. */
function ruleTable(
  title: string,
  color: typeof chalk.red,
  diagnostics: readonly Diagnostic[],
  severity: Diagnostic['severity'],
): string {
  const perRule = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.severity === severity) perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
  }
  if (perRule.size === 0) return '';
  const rows = [...perRule].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  const width = String(rows[0]![1]).length;
  const lines = rows.map(([ruleId, count]) => `  ${String(count).padStart(width)}  ${ruleId}`);
  return `\n${color(`${title}:`)}\n${lines.join('\n')}\n`;
}

// SGR colour codes (chalk, @babel/highlight) and OSC sequences (terminal hints).
const ANSI_PATTERN = /\u001B\[[0-9;]*m|\u001B\][^\u0007]*\u0007/g;

function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, '');
}
