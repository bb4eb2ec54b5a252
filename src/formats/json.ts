import type { Diagnostic, Fix, LintResult } from '../engine/types.ts';
import { VERSION } from '../version.ts';
import { countFindings } from './summary.ts';

/**
 * Machine-readable report. Objects are rebuilt key by key so the order is stable and nothing
 * beyond the documented fields (Maps, engine internals) leaks into the output.
 */
export function formatJson(result: LintResult): string {
  const report = {
    version: VERSION,
    files: [...result.files],
    diagnostics: result.diagnostics.map(diagnosticJson),
    summary: countFindings(result.diagnostics),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function diagnosticJson(d: Diagnostic) {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    range: { start: d.range.start, end: d.range.end },
    ...(d.fix ? { fix: fixJson(d.fix) } : {}),
    ...(d.suggestions?.length
      ? { suggestions: d.suggestions.map((s) => ({ message: s.message, fix: fixJson(s.fix) })) }
      : {}),
  };
}

function fixJson(fix: Fix) {
  return { range: [fix.range[0], fix.range[1]], text: fix.text };
}
