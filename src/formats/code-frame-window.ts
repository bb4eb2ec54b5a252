/**
 * eslint-formatter-friendly frames each finding with @babel/code-frame's
 * `codeFrameColumns(source, location)`, which splits the whole source for every
 * finding: 20,000 findings in a 700 KB file took 44 s (issue 14). For a large source
 * this wrapper splits it once (kept for the next finding of the same file), frames
 * only the lines the frame shows, and puts the real line numbers back in the gutter.
 * Imported for its effect before the formatter, which reads the function when it loads.
 */
import babelCodeFrame from '@babel/code-frame';

type CodeFrame = (rawLines: string, loc: { start: { line: number; column?: number } }, opts?: Record<string, unknown>) => string;

/** Below this many characters a source is framed as the formatter always did. */
const WINDOW_ABOVE_CHARS = 64 * 1024;
/** babel's defaults: two lines above the marked line, three below. */
const LINES_ABOVE = 2;
const LINES_BELOW = 3;
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

// The module object itself (the instance the bundle gives the formatter too), so the assignment below is what it reads.
const babel = babelCodeFrame as unknown as { codeFrameColumns: CodeFrame };
const original = babel.codeFrameColumns;

let cachedSource: string | undefined;
let cachedLines: string[] = [];

/** The frame of `source` at `loc`, from the lines it shows only; the gutter numbered as in the whole source. */
export function windowedCodeFrame(source: string, loc: { start: { line: number; column?: number } }, opts: Record<string, unknown> = {}): string {
  if (cachedSource !== source) {
    cachedSource = source;
    cachedLines = source.split(LINE_BREAK);
  }
  const line = loc.start.line;
  const first = Math.max(0, line - 1 - LINES_ABOVE);
  const end = Math.min(cachedLines.length, line + LINES_BELOW);
  // Colour would highlight the window as code out of its context; a frame of a huge file is shown plain.
  const frame = original(cachedLines.slice(first, end).join('\n'), { start: { ...loc.start, line: line - first } }, { ...opts, highlightCode: false, forceColor: false });
  const width = String(end).length;
  return frame
    .split('\n')
    .map((l) => {
      const m = /^([> ]) +(\d*) \|/.exec(l);
      if (!m) return l;
      const number = m[2] === '' ? '' : String(Number(m[2]) + first);
      return `${m[1]} ${number.padStart(width)} |${l.slice(m[0].length)}`;
    })
    .join('\n');
}

babel.codeFrameColumns = (rawLines, loc, opts) =>
  typeof rawLines === 'string' && rawLines.length > WINDOW_ABOVE_CHARS && loc?.start?.line !== undefined ? windowedCodeFrame(rawLines, loc, opts) : original(rawLines, loc, opts);
