/**
 * The single-byte tables kvmlint decodes with (src/generated/charsets.ts) against the glibc iconv
 * of this machine, which is what libvirt's libxml2 decodes those encodings with: every name, every
 * byte, and which bytes iconv rejects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { SINGLE_BYTE_ALIASES, SINGLE_BYTE_UPPER_HALVES } from '../../src/generated/charsets.ts';
import { decodeXmlBytes, UsageError } from '../../src/engine/source.ts';

/** What iconv makes of each byte 0x80-0xFF alone: a character, or undefined where it rejects the byte. */
function iconvUpperHalf(name: string): Array<string | undefined> {
  const input = Buffer.alloc(256);
  for (let b = 0x80; b <= 0xff; b++) input.writeUInt16BE((b << 8) | 0x0a, (b - 0x80) * 2);
  const r = spawnSync('iconv', ['-c', '-f', name.toUpperCase(), '-t', 'UTF-8'], { input });
  assert.equal(r.error, undefined, `iconv: ${r.error?.message}`);
  const lines = r.stdout.toString('utf8').split('\n');
  assert.equal(lines.length, 129, `${name}: iconv gave ${lines.length - 1} lines for 128 bytes (stderr: ${r.stderr})`);
  return lines.slice(0, 128).map((l) => (l === '' ? undefined : l));
}

test('every single-byte table and name decodes as glibc iconv decodes it', () => {
  const names = Object.entries(SINGLE_BYTE_ALIASES);
  assert.ok(names.length >= 60, `${names.length} names`);
  for (const [alias, canonical] of names) {
    const table = SINGLE_BYTE_UPPER_HALVES[canonical];
    assert.ok(table && table.length === 128, `${alias}: table for ${canonical}`);
    const expected = iconvUpperHalf(alias);
    for (let i = 0; i < 128; i++) {
      const ours: string | undefined = table.charCodeAt(i) === 0xffff ? undefined : table[i];
      assert.equal(ours, expected[i], `${alias} byte 0x${(i + 0x80).toString(16)}`);
    }
  }
});

test('a document in a single-byte encoding: text as iconv reads it, and a byte iconv rejects is an error at that byte', () => {
  const head = "<?xml version='1.0' encoding='CP1250'?>\n<domain><name>";
  const ok = decodeXmlBytes(Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from([0x8a, 0xb9]), Buffer.from('</name></domain>')]));
  assert.equal(ok.error, undefined);
  assert.equal(ok.encoding, 'windows-1250');
  assert.equal(ok.text, `${head}\u0160\u0105</name></domain>`);
  const bad = decodeXmlBytes(Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from([0x8a, 0x81]), Buffer.from('</name></domain>')]));
  assert.equal(bad.text, `${head}\u0160`);
  assert.match(bad.error?.message ?? '', /byte 0x81, which windows-1250/);
  assert.equal(bad.error?.offset, head.length + 1);
});

test('multi-byte and stateful encodings are refused, not read as a browser would', () => {
  for (const name of ['Shift_JIS', 'EUC-JP', 'EUC-KR', 'GBK', 'GB2312', 'GB18030', 'Big5', 'ISO-2022-JP', 'windows-1255', 'windows-1258']) {
    assert.throws(
      () => decodeXmlBytes(Buffer.from(`<?xml version='1.0' encoding='${name}'?>\n<domain/>`)),
      (e: Error) => e instanceof UsageError && e.message.includes(`'${name.toLowerCase()}', which kvmlint cannot decode as libvirt does`),
      name,
    );
  }
});

test('UTF-16 without a byte order mark is said for what it is, at line 1 column 1, not as a NUL character (still not read)', () => {
  const declared = `<?xml version="1.0" encoding="UTF-16"?>\n<domain type='kvm'><name>a</name></domain>\n`;
  const le = Buffer.from(declared, 'utf16le');
  const be = Buffer.from(le).swap16();
  for (const [bytes, order] of [[le, 'little'], [be, 'big']] as const) {
    const d = decodeXmlBytes(bytes);
    assert.equal(d.text, '');
    assert.deepEqual([d.error?.offset, d.error?.line, d.error?.column], [0, 1, 1]);
    assert.equal(d.error?.message, `UTF-16 (${order}-endian) without a byte order mark, and an XML declaration naming UTF-16: kvmlint reads UTF-16 only after a byte order mark; add one or convert the file to UTF-8`);
  }
  // No declaration at all: `<\0d\0...`.
  assert.match(decodeXmlBytes(Buffer.from("<domain type='kvm'/>\n", 'utf16le')).error?.message ?? '', /^UTF-16 \(little-endian\) without a byte order mark, and no XML declaration naming an encoding: /);
  // With the byte order mark it is read.
  const withBom = decodeXmlBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]));
  assert.equal(withBom.error, undefined);
  assert.equal(withBom.encoding, 'utf-16le');
  // UTF-8 and single-byte texts are never taken for it.
  assert.equal(decodeXmlBytes(Buffer.from("<domain type='kvm'/>\n")).error, undefined);
});
