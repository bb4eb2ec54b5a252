import type { Diagnostic } from '../engine/types.ts';
import { annotationPath } from '../formats/github.ts';
import { pluralize } from '../formats/summary.ts';
import { neutraliseLine } from '../formats/neutralise.ts';
import type { Env } from './core.ts';

/** A table this long is unreadable anyway. */
export const MAX_SUMMARY_ROWS = 200;
/**
 * GitHub refuses a step summary over 1 MiB, and then shows none ("upload aborted"): rows stop
 * before this many bytes. Long paths (each row repeats its path, then percent-encoded in the link)
 * made 198 rows 2.3 MB.
 */
export const MAX_SUMMARY_BYTES = 768 * 1024;

export interface SummaryInput {
  diagnostics: readonly Diagnostic[];
  fileCount: number;
  errors: number;
  warnings: number;
  /** Verdict line, e.g. "failed: 2 errors (fail-on: error)". */
  verdict: string;
  root: string;
  cwd: string;
  /** Where the report was written, relative to the workspace. */
  reportPath: string;
}

/**
 * Text for a Markdown table cell: no row breaks, no column breaks, no HTML (`<numatune>` is text),
 * and no Markdown: the ASCII punctuation that opens something inline (links `[…](…)`, images
 * `![…](…)` that would load a tracking URL, emphasis, code, strikethrough, `$…$` math) is backslash-escaped, as
 * CommonMark allows for any ASCII punctuation. A bare URL may still be autolinked by GitHub: it shows
 * as itself. Controls become visible pictures.
 */
export function markdownCell(s: string): string {
  return neutraliseLine(s.replace(/\r?\n|\r/g, ' '))
    .replace(/[\\`*_{}[\]()!~|$]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A link to the line on GitHub when the run says which commit this is; else the plain location. */
function locationCell(where: string, line: number, column: number, env: Env): string {
  const label = markdownCell(`${where}:${line}:${column}`);
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  if (!server || !repo || !sha || where.startsWith('/')) return label;
  // encodeURIComponent leaves ( ) ! * ' ~ as they are: a ')' in a file name would end the Markdown link.
  const href = `${server}/${repo}/blob/${sha}/${where.split('/').map(encodeUrlPathSegment).join('/')}#L${line}`;
  return `[${label}](${href})`;
}

/** The job summary: totals, the verdict, and one table row per finding (capped). */
export function summaryMarkdown(input: SummaryInput, env: Env): string {
  const lines = [
    '## kvmlint',
    '',
    `**${pluralize(input.errors, 'error')}, ${pluralize(input.warnings, 'warning')}** in ${pluralize(input.fileCount, 'file')} — ${input.verdict}.`,
    '',
  ];
  if (input.diagnostics.length > 0) {
    lines.push('| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |');
    let bytes = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
    let rows = 0;
    for (const d of input.diagnostics.slice(0, MAX_SUMMARY_ROWS)) {
      const where = annotationPath(d.file, input.root, input.cwd);
      const row = `| ${d.severity} | \`${d.ruleId}\` | ${locationCell(where, d.line, d.column, env)} | ${markdownCell(d.message)}${d.help ? `<br>help: ${markdownCell(d.help)}` : ''} |`;
      bytes += Buffer.byteLength(row) + 1;
      if (bytes > MAX_SUMMARY_BYTES) break;
      lines.push(row);
      rows++;
    }
    const more = input.diagnostics.length - rows;
    if (more > 0) lines.push('', `…and ${pluralize(more, 'more finding')}, all in the report.`);
    lines.push('');
  }
  lines.push(`Report: \`${neutraliseLine(input.reportPath).replace(/`/g, "'")}\``, '');
  return lines.join('\n');
}

/** A URL path segment that also survives Markdown link syntax: RFC 3986 sub-delimiters percent-encoded too. */
function encodeUrlPathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
