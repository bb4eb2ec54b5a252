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
// and CI logs: they get it neutralised (src/formats/neutralise.ts, SECURITY.md). JSON and SARIF escape by syntax,
// C1 and bidi controls included (escapeJsonControls).
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

/**
 * Characters in one write of a report: at least this many, so a report of thousands of small
 * file blocks is not a syscall per block; no more than about twice as many, because a string
 * made of many parts is flattened (copied) to be encoded, and a flat copy of 64 Ki characters
 * (128 KiB once a '…' makes it two-byte) is allocated outside the young generation, in memory new
 * to the process: encoding a 3.5 MB report took 47 ms in 64 Ki parts and 6 ms in 16 Ki ones.
 */
export const REPORT_WRITE_CHARS = 16 * 1024;

/**
 * A report's parts regrouped into writes: small parts joined up to `size` characters, a long part
 * (a whole JSON or SARIF report) cut into slices of `size`, never between the two halves of a
 * surrogate pair. The writes join to exactly the parts.
 */
export function* reportWrites(parts: Iterable<string>, size = REPORT_WRITE_CHARS): Generator<string, void, undefined> {
  let pending = '';
  for (const part of parts) {
    pending += part;
    if (pending.length < size) continue;
    let at = 0;
    while (pending.length - at >= 2 * size) {
      let end = at + size;
      const last = pending.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end++;
      yield pending.slice(at, end);
      at = end;
    }
    yield at === 0 ? pending : pending.slice(at);
    pending = '';
  }
  if (pending !== '') yield pending;
}
