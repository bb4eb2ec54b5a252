import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeJsonControls, neutralise, neutraliseLine } from '../../src/formats/neutralise.ts';

/** What SECURITY.md promises for each character, written out independently of the implementation. */
function expected(code: number, line: boolean): number {
  const keptInText = code === 0x09 || code === 0x0a || code === 0x0d;
  if (code <= 0x1f) return keptInText && !line ? code : 0x2400 + code;
  if (code === 0x7f) return 0x2421;
  if (code >= 0x80 && code <= 0x9f) return 0xfffd;
  if (code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 0xfffd;
  if ((code === 0x2028 || code === 0x2029) && line) return 0xfffd;
  return code;
}

test('every BMP character, alone and between others: neutraliseLine and neutralise change exactly what they promise, one for one', () => {
  const wrong: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const c = String.fromCharCode(code);
    for (const [fn, line] of [[neutraliseLine, true], [neutralise, false]] as const) {
      const want = String.fromCharCode(expected(code, line));
      if (fn(c) !== want || fn(`a${c}b`) !== `a${want}b`) wrong.push(`${line ? 'line' : 'text'} U+${code.toString(16).padStart(4, '0')}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('a line with nothing to neutralise comes back as the same string', () => {
  const s = "vCPUs are pinned (CPUs 16-19) but the emulator threads can run on every online host CPU: <emulatorpin cpuset='…'/>";
  assert.equal(neutraliseLine(s), s);
});

test('JSON text: every BMP character a terminal would act on (C1, bidi, DEL, U+2028/9) is written as an escape, and the JSON parses back to the same string', () => {
  const raw: string[] = [];
  for (let code = 0x20; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const c = String.fromCharCode(code);
    const value = { s: `a${c}b\\${c}`, [c]: c };
    const json = escapeJsonControls(JSON.stringify(value, null, 2));
    assert.deepEqual(JSON.parse(json), value, `U+${code.toString(16)}`);
    const unsafe = expected(code, true) !== code;
    if (unsafe && json.includes(c)) raw.push(`U+${code.toString(16).padStart(4, '0')}`);
    if (!unsafe && !json.includes(c) && code !== 0x22 && code !== 0x5c) raw.push(`U+${code.toString(16).padStart(4, '0')} escaped needlessly`);
  }
  assert.deepEqual(raw, []);
});

test('runnerInertWriter: no line opens with ":" or holds "##[" for the Actions runner, across split writes; JSON escapes "##[" losslessly', async () => {
  const { runnerInertWriter } = await import('../../src/formats/runner-inert.ts');
  let out = '';
  const write = runnerInertWriter((s) => (out += s));
  for (const part of ['a.xml\n  ', ':', ':error file=x::y\r\t::warning::z #', '#', '[add-mask]k ##[x] a:b ::c\n', '#']) write(part);
  assert.equal(out, 'a.xml\n  \u2236:error file=x::y\r\t\u2236:warning::z ##\uFF3Badd-mask]k ##\uFF3Bx] a:b ::c\n#');
  const value = { s: 'a ##[stop-commands]t \\##[x' };
  const json = escapeJsonControls(JSON.stringify(value));
  assert.ok(!json.includes('##['));
  assert.deepEqual(JSON.parse(json), value);
});
