import type { Diagnostic, Fix, LintResult } from '../engine/types.ts';
import { VERSION } from '../version.ts';
import { countFindings } from './summary.ts';
import { escapeJsonControls } from './neutralise.ts';

/**
 * Machine-readable report. Objects are rebuilt key by key so the order is stable and nothing
 * beyond the documented fields (Maps, engine internals) leaks into the output.
 */
export function formatJson(result: LintResult): string {
  const report = {
    version: VERSION,
    files: [...result.files],
    diagnostics: result.diagnostics.map(diagnosticJson),
    summary: countFindings(result.diagnostics.filter((d) => !d.unchecked)),
  };
  return `${escapeJsonControls(JSON.stringify(report, null, 2))}\n`;
}

function diagnosticJson(d: Diagnostic) {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    ...(d.messageId !== undefined ? { messageId: d.messageId } : {}),
    ...(d.data ? { data: { ...d.data } } : {}),
    message: d.message,
    ...(d.help !== undefined ? { help: d.help } : {}),
    ...(d.unchecked ? { unchecked: true } : {}),
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    range: { start: d.range.start, end: d.range.end },
    ...(d.related?.length
      ? { related: d.related.map((r) => ({ file: r.file, range: { start: r.range.start, end: r.range.end }, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, message: r.message })) }
      : {}),
    ...(d.fix ? { fix: fixJson(d.fix) } : {}),
    ...(d.suggestions?.length
      ? { suggestions: d.suggestions.map((s) => ({ ...(s.messageId !== undefined ? { messageId: s.messageId } : {}), ...(s.data ? { data: { ...s.data } } : {}), message: s.message, fix: fixJson(s.fix) })) }
      : {}),
  };
}

function fixJson(fix: Fix) {
  return { range: [fix.range[0], fix.range[1]], text: fix.text };
}
