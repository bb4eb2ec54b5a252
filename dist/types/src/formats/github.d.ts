import type { Diagnostic, LintResult } from '../engine/types.js';
/** A command's message: `%`, CR and LF would end or corrupt the command. */
export declare function escapeData(s: string): string;
/** A property value: additionally `:` (ends the properties) and `,` (separates them). */
export declare function escapeProperty(s: string): string;
/** `::name k=v,k=v::message`; properties without a value are left out, as `@actions/core` does. */
export declare function workflowCommand(name: string, properties: ReadonlyArray<[string, string | number | undefined]>, message: string): string;
/**
 * A diagnostic's file as GitHub wants it in an annotation: relative to the repository root
 * (`result.root`, which is GITHUB_WORKSPACE on Actions), with `/` separators; absolute when outside.
 */
export declare function annotationPath(file: string, root: string, cwd: string): string;
/** One annotation: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`. */
export declare function annotation(d: Diagnostic, root: string, cwd: string): string;
/** `--format github`: one annotation line per finding, nothing else. */
export declare function formatGithub(result: LintResult): string;
