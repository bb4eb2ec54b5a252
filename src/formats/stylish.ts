/**
 * The default text format, after ESLint's `stylish`: findings grouped by file,
 * one line each (`line:col  severity  message  rule-id`, columns aligned per
 * file), the help line and related places indented beneath, wrapped at word
 * boundaries to the terminal width. Notes about what could not be checked are
 * shown once, as a footer, and are not counted as problems. Each file's block
 * is rendered from that file's findings alone, so output can stream per file.
 */
import type { Diagnostic, FormatOptions, LintResult } from '../engine/types.ts';
import { countFindings, pluralize, shownPath } from './summary.ts';

/** SGR colours, written directly: the format needs six and no dependency. */
export function paint(color: boolean) {
  const sgr = (open: number, close: number) => (s: string) => (color ? `\u001B[${open}m${s}\u001B[${close}m` : s);
  return { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39), magenta: sgr(35, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24) };
}

/** Width text is wrapped to: the option, else the terminal's, else 120 (logs and pipes). */
export function outputWidth(opts: FormatOptions): number {
  return Math.max(40, opts.width ?? (process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 120));
}

/** Words of `text` in lines of at most `width` characters (a longer word stands alone on its line). */
export function wrapWords(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A finding's "could not be checked" note, shown in the footer rather than among problems. */
export function isUncheckedNote(d: Diagnostic): boolean {
  return d.unchecked === true;
}

export function formatStylish(result: LintResult, opts: FormatOptions): string {
  let out = '';
  for (const part of stylishParts(result, opts)) out += part;
  return out;
}

/**
 * The report in parts: each file's block, then the summary and the footer. The CLI writes them
 * as they come, so a long report is never one string (nor one buffer of its bytes): 10,000
 * findings made a 3.5 MB string, two bytes a character once the summary's '✖' joined it.
 */
export function* stylishParts(result: LintResult, opts: FormatOptions): Generator<string, void, undefined> {
  const c = paint(opts.color);
  const width = outputWidth(opts);
  const problems = result.diagnostics.filter((d) => !isUncheckedNote(d));
  const notes = result.diagnostics.filter(isUncheckedNote);
  const bodies = new Map<string, string>();
  for (const [file, list] of groupByFile(problems)) yield formatFileBlock(file, list, width, c, bodies);
  if (problems.length > 0) yield summaryLines(problems, c);
  // A run that refused a file (or failed) is no clean pass, whatever the files it did check say.
  else if (!result.executionSuccessful) yield `${c.red(`✖ incomplete run: ${pluralize(result.files.length, 'file')} checked; stderr says what was refused or failed`)}\n`;
  // A clean run says so in one line (issue 13): silence would not tell a pass from a run that checked nothing.
  else yield `${c.green(`✔ no problems (${pluralize(result.files.length, 'file')} checked)`)}\n`;
  if (notes.length > 0) yield notesFooter(notes, width, c);
}

export function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  return byFile;
}

export type Paint = ReturnType<typeof paint>;

/** One file: its path, then its findings in position order, errors and warnings together. */
export function formatFileBlock(file: string, diagnostics: readonly Diagnostic[], width: number, c: Paint, bodies = new Map<string, string>()): string {
  const list = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const pos = (d: Diagnostic) => `${d.line}:${d.column}`;
  const posWidth = list.reduce((w, d) => Math.max(w, pos(d).length), 0);
  const sevWidth = list.reduce((w, d) => Math.max(w, d.severity.length), 0);
  // "  13:5  warning  " — where the message column starts.
  const indent = 2 + posWidth + 2 + sevWidth + 2;
  const pad = ' '.repeat(indent);
  let out = `\n${c.underline(shownPath(file))}\n`;
  for (const d of list) {
    const sevColor = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.cyan;
    const head = `  ${c.dim(pos(d).padEnd(posWidth))}  ${sevColor(d.severity.padEnd(sevWidth))}  `;
    const message = d.fix ? `${d.message} (fixable)` : d.message;
    const room = width - indent;
    // The message and help lines depend on these alone; a report repeats them, file after file.
    const key = `${indent}\0${d.ruleId}\0${message}\0${d.help ?? ''}`;
    let body = bodies.get(key);
    if (body === undefined) {
      const rule = c.magenta(d.ruleId);
      // The rule id follows the message on its line when it fits, else it ends the message's last line or stands alone.
      const lines = wrapWords(message, room);
      const last = lines.length - 1;
      if (lines[last]!.length + 2 + d.ruleId.length <= room) lines[last] = `${lines[last]}  ${rule}`;
      else lines.push(rule);
      body = lines.join(`\n${pad}`) + '\n';
      if (d.help) body += wrapWords(`help: ${d.help}`, room).map((l, i) => pad + (i === 0 ? c.cyan('help:') + l.slice(5) : `      ${l}`)).join('\n') + '\n';
      bodies.set(key, body);
    }
    out += head + body;
    for (const s of d.suggestions ?? []) out += wrapWords(`suggestion: ${s.message}`, room).map((l, i) => pad + (i === 0 ? c.cyan('suggestion:') + l.slice(11) : `            ${l}`)).join('\n') + '\n';
    for (const r of d.related ?? []) {
      const where = r.file === d.file ? `${r.line}:${r.column}` : `${shownPath(r.file)}:${r.line}:${r.column}`;
      out += wrapWords(`also: ${where} ${r.message}`, room).map((l, i) => pad + (i === 0 ? c.dim('also:') + l.slice(5) : `      ${l}`)).join('\n') + '\n';
    }
  }
  return out;
}

function summaryLines(problems: readonly Diagnostic[], c: Paint): string {
  const counts = countFindings(problems);
  const color = counts.errors > 0 ? c.red : counts.warnings > 0 ? c.yellow : c.cyan;
  const parts = [pluralize(counts.errors, 'error'), pluralize(counts.warnings, 'warning')];
  if (counts.infos > 0) parts.push(pluralize(counts.infos, 'info'));
  let out = `\n${c.bold(color(`✖ ${pluralize(problems.length, 'problem')} (${parts.join(', ')})`))}\n`;
  if (counts.fixable > 0) out += `  ${pluralize(counts.fixable, 'problem')} fixable with the \`--fix\` option.\n`;
  return out;
}

/** What could not be checked, once per note, after the problems; never counted as one. */
export function notesFooter(notes: readonly Diagnostic[], width: number, c: Paint): string {
  let out = `\n${c.dim('not checked:')}\n`;
  const seen = new Set<string>();
  for (const n of notes) {
    const text = `${n.message}${n.help ? ` (${n.help})` : ''} [${n.ruleId}]`;
    if (seen.has(text)) continue;
    seen.add(text);
    out += wrapWords(text, width - 4).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join('\n') + '\n';
  }
  return out;
}
