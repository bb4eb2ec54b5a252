import friendly from 'eslint-formatter-friendly';
// The chalk 2 instance eslint-formatter-friendly requires (npm hoists its exact 2.4.2 pin, so this
// import resolves to the same module; test/formats/text.test.ts checks it). Its colour level is
// decided from the TTY when loaded, so `--color`/`--no-color` must set it around each call.
import chalkModule from 'chalk';
import { relative } from 'node:path';
import type { Diagnostic, FormatOptions, LintResult } from '../engine/types.ts';
import { countFindings, pluralize } from './summary.ts';

const chalk = chalkModule.default;

/** ESLint-style report: findings with code frames, then counts and the `--fix` trailer. Empty when clean. */
export function formatText(result: LintResult, opts: FormatOptions): string {
  if (result.diagnostics.length === 0) return '';
  return withChalkColor(opts.color, () => {
    const { results: eslintResults, framed } = toEslintResults(result);
    const rendered = restoreFramedLocations(withFriendlyEnv(() => friendly(eslintResults)), framed);
    const findings = stripFriendlySummary(stripItermHint(rendered), eslintResults);
    const text = findings + summaryText(result.diagnostics);
    // Code frames are highlighted by @babel/highlight whenever stdout is a TTY, whatever chalk says.
    return opts.color ? text : stripAnsi(text);
  });
}

/** The formatter's input, and the real location of each finding framed on a cut line (see framedPathToken). */
function toEslintResults(result: LintResult): { results: friendly.FileResult[]; framed: Map<string, string> } {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const out: friendly.FileResult[] = [];
  const framed = new Map<string, string>();
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
    // around it, and its column moved to match; framedLocation puts the real column back.
    const ordered = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
    ordered.forEach((d, k) => {
      const frame = cutLine(lines, d.line, d.column);
      out.push({
        filePath,
        source: frame.source,
        messages: [{ ...message(d), column: frame.column, filePath: framedPathToken(filePath, k) }],
      });
      framed.set(framedPathToken(filePath, k), `${relative('.', filePath)}:${d.line}:${d.column}`);
    });
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
 * The source with line `line` cut to MAX_FRAME_LINE characters around `column`
 * (marked with '…'), and the column within the cut line. A minified domain, or
 * one megabyte-long attribute, would otherwise be printed whole under every
 * finding in the file.
 */
function cutLine(lines: readonly string[], line: number, column: number): { source: string; column: number } {
  const text = lines[line - 1] ?? '';
  if (text.length <= MAX_FRAME_LINE) return { source: lines.join('\n'), column };
  const from = Math.max(0, Math.min(column - 1 - FRAME_LEAD, text.length - MAX_FRAME_LINE));
  const to = Math.min(text.length, from + MAX_FRAME_LINE);
  const lead = from > 0 ? '…' : '';
  const copy = lines.slice();
  copy[line - 1] = `${lead}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  // Other long lines in the frame's context are cut at their start.
  for (let i = Math.max(0, line - 3); i < Math.min(copy.length, line + 3); i++) {
    if (i !== line - 1 && copy[i]!.length > MAX_FRAME_LINE) copy[i] = `${copy[i]!.slice(0, MAX_FRAME_LINE)}…`;
  }
  return { source: copy.join('\n'), column: column - from + lead.length };
}

/**
 * The formatter prints `path:line:column` from the message it frames, so a
 * finding on a cut line is given a stand-in path that sorts where the real
 * one does (a space sorts before any file-name character; k orders the
 * file's findings by position), and the printed location is replaced with
 * the real one afterwards.
 */
function framedPathToken(filePath: string, k: number): string {
  return `${filePath} ${String(k).padStart(9, '0')}`;
}
function restoreFramedLocations(text: string, framed: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [token, real] of framed) out = out.replace(new RegExp(`${escapeRegExp(token)}:\\d+:\\d+`), () => real);
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The message line(s): ESLint has no info level, so infos print as `(info)` next to the warning sign. */
function describe(d: Diagnostic): string {
  let text = d.message.replace(/\.$/, '');
  if (d.severity === 'info') text = `(info) ${text}`;
  if (d.fix) text += ' (fixable)';
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
