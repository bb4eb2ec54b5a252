import path from 'node:path';
import { repoRelativePath } from '../engine/paths.ts';
import type { Diagnostic, LintResult, Severity } from '../engine/types.ts';
import { neutralise } from './neutralise.ts';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), read by GitHub and by other
 * CI systems that understand them. One module for `--format github` and the Action. Escaping is
 * the one `@actions/core` applies (toolkit `packages/core/src/command.ts`).
 */

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** A command's message: `%`, CR and LF would end or corrupt the command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: additionally `:` (ends the properties) and `,` (separates them). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name k=v,k=v::message`; properties without a value are left out, as `@actions/core` does. */
export function workflowCommand(name: string, properties: ReadonlyArray<[string, string | number | undefined]>, message: string): string {
  // Control characters (ESC, C1) would reach the log as they are: neutralised first, then escaped.
  const props = properties.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${escapeProperty(neutralise(String(v)))}`);
  return `::${name}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(neutralise(message))}`;
}

/**
 * A diagnostic's file as GitHub wants it in an annotation: relative to the repository root
 * (`result.root`, which is GITHUB_WORKSPACE on Actions), with `/` separators; absolute when outside.
 */
export function annotationPath(file: string, root: string, cwd: string): string {
  return repoRelativePath(file, root, cwd) ?? path.resolve(cwd, file);
}

/** One annotation: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`. */
export function annotation(d: Diagnostic, root: string, cwd: string): string {
  return workflowCommand(
    COMMAND[d.severity],
    [
      ['file', annotationPath(d.file, root, cwd)],
      ['line', d.line],
      ['col', d.column],
      ['endLine', d.endLine],
      ['endColumn', d.endColumn],
      ['title', d.ruleId],
    ],
    d.message,
  );
}

/** `--format github`: one annotation line per finding, nothing else. */
export function formatGithub(result: LintResult): string {
  return result.diagnostics.map((d) => `${annotation(d, result.root, result.cwd)}\n`).join('');
}
