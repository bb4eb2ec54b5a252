import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIBXML2_FILE, wasmLiteralAsBase64 } from '../../scripts/esbuild-engine.mjs';
import { repoRoot } from '../support/paths.ts';

const WASM_HEADER = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);

test('the wasm template literal becomes the same bytes in base64, whatever escapes and line breaks it used', () => {
  // \0asm, version 1, then a raw line break, an escaped backtick and backslash, \u00ff and \xfe.
  const module = 'var pa; function ea(a) { return a; }\npa ??= ea(`\\0asm\\x01\\0\\0\\0\n\\`\\\\\\u00ff\\xfe`);\nexport { pa };\n';
  const out = wasmLiteralAsBase64(module);
  const expected = Buffer.concat([WASM_HEADER, Buffer.from([0x0a, 0x60, 0x5c, 0xff, 0xfe])]);
  assert.equal(out, `var pa; function ea(a) { return a; }\npa ??= new Uint8Array(Buffer.from("${expected.toString('base64')}", "base64"));\nexport { pa };\n`);
});

test('a module not shaped as expected fails the build instead of shipping', () => {
  assert.throws(() => wasmLiteralAsBase64('var x = 1;'), /one template literal/);
  assert.throws(() => wasmLiteralAsBase64('f(`\\0asm`); g(`\\0asm`);'), /one template literal/);
  assert.throws(() => wasmLiteralAsBase64('f(`\\0asm${x}`);'), /substitution/);
  assert.throws(() => wasmLiteralAsBase64('f(`\\0asm`, 2);'), /one-argument call/);
  assert.throws(() => wasmLiteralAsBase64('f(`\\0asm\\u0100`);'), /above U\+00FF/);
});

test('the shipped libxml2-wasm.mjs carries its wasm as base64, which decodes to a WebAssembly module', () => {
  const text = readFileSync(join(repoRoot, 'dist', LIBXML2_FILE), 'latin1');
  assert.ok(!text.includes('`\\0asm'), 'no wasm template literal left');
  const match = /Buffer\.from\("([A-Za-z0-9+/=]+)", "base64"\)/.exec(text);
  assert.ok(match, 'a base64 literal');
  const bytes = Buffer.from(match[1]!, 'base64');
  assert.deepEqual(bytes.subarray(0, 8), WASM_HEADER);
  const wasm = (globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } }).WebAssembly;
  assert.ok(wasm.validate(bytes), 'a valid WebAssembly binary');
});
