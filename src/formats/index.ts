import type { FormatOptions, LintResult } from '../engine/types.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatSarif } from './sarif.ts';
import type * as CodeframeFormat from './text.ts';
import { formatCompact } from './compact.ts';
import { formatStylish, stylishParts } from './stylish.ts';
import { neutraliseResult } from './neutralise.ts';

export type FormatName = 'text' | 'codeframe' | 'compact' | 'json' | 'sarif' | 'github';

// The human-readable formats print PR-controlled text (file names, messages, source lines) to terminals
// and CI logs: they get it neutralised (src/formats/neutralise.ts, SECURITY.md). JSON and SARIF escape by syntax.
const FORMATTERS: Record<FormatName, (result: LintResult, opts: FormatOptions) => string> = {
  text: (result, opts) => formatStylish(neutraliseResult(result, { withSources: false }), opts),
  codeframe: (result, opts) => codeframeFormat().formatCodeframe(neutraliseResult(result), opts),
  compact: (result) => formatCompact(neutraliseResult(result, { withSources: false })),
  json: (result) => formatJson(result),
  sarif: (result) => formatSarif(result),
  github: (result) => formatGithub(result),
};

/** The formats that read LintResult.sources (code frames, SARIF regions); the others need no file text. */
export function formatReadsSources(format: FormatName): boolean {
  return format === 'codeframe' || format === 'sarif';
}

/** Every output format, in the order `--format` lists them. */
export const FORMATS: readonly FormatName[] = ['text', 'codeframe', 'compact', 'json', 'sarif', 'github'];

/**
 * `-f codeframe`'s module. It loads eslint-formatter-friendly, chalk and @babel/code-frame, whose
 * set-up was ~7 ms of every run's start; so it is imported only by a run that asks for the format
 * (prepareFormat), or handed over by a caller that imports it anyway (the library entry).
 */
let codeframeModule: typeof CodeframeFormat | undefined;

function codeframeFormat(): typeof CodeframeFormat {
  if (!codeframeModule) throw new Error('the codeframe format was not prepared (prepareFormat)');
  return codeframeModule;
}

/** Sets up what `name` needs before formatResult renders it. */
export async function prepareFormat(name: FormatName): Promise<void> {
  if (name === 'codeframe') codeframeModule ??= await import('./text.ts');
}

/** The codeframe format's module, for a caller that imports it statically and formats synchronously. */
export function provideCodeframeFormat(module: typeof CodeframeFormat): void {
  codeframeModule = module;
}

export function formatResult(name: FormatName, result: LintResult, opts: FormatOptions): string {
  return FORMATTERS[name](result, opts);
}

/** formatResult's text in parts whose concatenation is that text: the default format's file by file, the others' whole. */
export function formatResultParts(name: FormatName, result: LintResult, opts: FormatOptions): Iterable<string> {
  return name === 'text' ? stylishParts(neutraliseResult(result, { withSources: false }), opts) : [formatResult(name, result, opts)];
}
