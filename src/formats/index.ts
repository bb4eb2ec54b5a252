import type { FormatOptions, LintResult } from '../engine/types.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatSarif } from './sarif.ts';
import { formatText } from './text.ts';

export type FormatName = 'text' | 'json' | 'sarif' | 'github';

const FORMATTERS: Record<FormatName, (result: LintResult, opts: FormatOptions) => string> = {
  text: formatText,
  json: (result) => formatJson(result),
  sarif: (result) => formatSarif(result),
  github: (result) => formatGithub(result),
};

/** Every output format, in the order `--format` lists them. */
export const FORMATS: readonly FormatName[] = ['text', 'json', 'sarif', 'github'];

export function formatResult(name: FormatName, result: LintResult, opts: FormatOptions): string {
  return FORMATTERS[name](result, opts);
}
