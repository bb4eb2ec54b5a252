import { test } from 'node:test';
import assert from 'node:assert/strict';
import babelCodeFrame from '@babel/code-frame';
import { windowedCodeFrame } from '../../src/formats/code-frame-window.ts';

// The frame from the shown lines alone must be the frame babel draws from the whole source.
test('a windowed code frame is the frame of the whole source: gutter numbers and widths, first and last lines, tabs', () => {
  const lines = Array.from({ length: 1203 }, (_, i) => (i % 7 === 0 ? `\t<vcpupin vcpu='${i}' cpuset='${i % 4}'/>` : `    <line n='${i + 1}'/>`));
  const source = lines.join('\n');
  // babel's own function, captured before the wrapper is consulted (the wrapper only takes over above 64 KB).
  const whole = (line: number, column: number) => babelCodeFrame.codeFrameColumns(source.slice(0), { start: { line, column } }, { highlightCode: false });
  for (const [line, column] of [[1, 1], [2, 5], [3, 1], [8, 2], [9, 3], [10, 4], [97, 1], [98, 6], [99, 2], [100, 1], [997, 3], [998, 1], [1000, 2], [1201, 1], [1203, 9]] as const) {
    assert.equal(windowedCodeFrame(source, { start: { line, column } }), whole(line, column), `line ${line}`);
  }
});
