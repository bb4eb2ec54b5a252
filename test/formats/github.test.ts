import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotation, annotationPath, escapeData, escapeProperty, formatGithub, workflowCommand } from '../../src/formats/github.ts';
import { formatResult } from '../../src/formats/index.ts';
import { DB_FILE, ROOT, sampleResult } from './lint-result.ts';

test('message data escapes %, CR and LF and nothing else', () => {
  assert.equal(escapeData('100% done\r\nnext: a,b'), '100%25 done%0D%0Anext: a,b');
  assert.equal(escapeData('%0A'), '%250A', 'an existing escape is escaped again, not passed through');
});

test('property values also escape : and ,', () => {
  assert.equal(escapeProperty('guests/a,b:c%.xml\n'), 'guests/a%2Cb%3Ac%25.xml%0A');
});

test('workflow commands leave out empty properties, as @actions/core does', () => {
  assert.equal(workflowCommand('error', [], 'failed'), '::error::failed');
  assert.equal(workflowCommand('warning', [['file', 'a.xml'], ['line', undefined], ['title', '']], 'm'), '::warning file=a.xml::m');
  assert.equal(workflowCommand('notice', [['line', 0]], 'zero is a value'), '::notice line=0::zero is a value');
});

test('annotations carry file, line, col, endLine, endColumn and the rule as title; info is a notice', () => {
  const result = sampleResult();
  const lines = formatGithub(result).split('\n');
  assert.equal(lines.pop(), '', 'every annotation ends with a newline');
  assert.deepEqual(lines, [
    // The astral character before the finding counts two UTF-16 code units; the space in the path stays.
    `::warning file=guests/db 01.xml,line=6,col=42,endLine=6,endColumn=52,title=housekeeping-overlap::vCPU 0 is pinned to CPU 0, a housekeeping CPU.`,
    `::error file=guests/db 01.xml,line=7,col=5,endLine=7,endColumn=35,title=pin-crosses-nodeset::vCPU 1 is pinned to CPU 9, which is on node 1, but memory is bound to node 0.`,
    `::notice file=guests/db 01.xml,line=5,col=3,endLine=5,endColumn=12,title=missing-emulatorpin::The vCPUs are pinned but the emulator threads are not.`,
    `::error file=guests/web01.xml,line=4,col=28,endLine=4,endColumn=43,title=cpuset-syntax::cpuset excludes CPU 8, which it never included.`,
    // Outside the root: the absolute path, since a relative one would name the wrong file.
    `::warning file=/srv/elsewhere/legacy.xml,line=4,col=3,endLine=4,endColumn=44,title=pin-crosses-nodeset::vCPUs may run on CPUs 0-3 but memory is bound elsewhere.`,
  ]);
  assert.equal(formatResult('github', result, { color: true }), formatGithub(result));
});

test('a multi-line message and a path with a comma stay one command', () => {
  const result = sampleResult();
  const d = { ...result.diagnostics[1]!, file: 'guests/a,b.xml', message: 'first line\nsecond: 50%' };
  assert.equal(
    annotation(d, ROOT, ROOT),
    '::error file=guests/a%2Cb.xml,line=7,col=5,endLine=7,endColumn=35,title=pin-crosses-nodeset::first line%0Asecond: 50%25',
  );
});

test('annotation paths are relative to the root, not the working directory', () => {
  assert.equal(annotationPath('db 01.xml', ROOT, `${ROOT}/guests`), DB_FILE);
  assert.equal(annotationPath('x.xml', `${ROOT}/guests`, ROOT), `${ROOT}/x.xml`);
  assert.equal(formatGithub({ ...sampleResult(), diagnostics: [] }), '');
});
