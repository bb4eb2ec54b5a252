import type { FormatOptions, LintResult } from '../engine/types.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatSarif } from './sarif.ts';
import { formatCodeframe } from './text.ts';
import { formatCompact } from './compact.ts';
import { formatStylish } from './stylish.ts';

export type FormatName = 'text' | 'codeframe' | 'compact' | 'json' | 'sarif' | 'github';

const FORMATTERS: Record<FormatName, (result: LintResult, opts: FormatOptions) => string> = {
  text: formatStylish,
  codeframe: formatCodeframe,
  compact: (result) => formatCompact(result),
  json: (result) => formatJson(result),
  sarif: (result) => formatSarif(result),
  github: (result) => formatGithub(result),
};

/** Every output format, in the order `--format` lists them. */
export const FORMATS: readonly FormatName[] = ['text', 'codeframe', 'compact', 'json', 'sarif', 'github'];

export function formatResult(name: FormatName, result: LintResult, opts: FormatOptions): string {
  return FORMATTERS[name](result, opts);
}
