import { shownPath } from './summary.ts';
import type { LintResult } from '../engine/types.ts';

/**
 * `file:line:col: severity: message [rule-id]`, one line per finding, for
 * editors' error parsers and grep. Notes about what could not be checked are
 * left out (they are not problems).
 */
export function formatCompact(result: LintResult): string {
  let out = '';
  for (const d of result.diagnostics) {
    if (d.unchecked) continue;
    out += `${shownPath(d.file)}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]\n`;
  }
  return out;
}
