import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayHavePrefixedName } from '../../src/model/domain.ts';

// The text test's reference: the two expressions it replaced (a scan from every blank and every `<`), which it must
// answer exactly as, skipped ranges aside.
const PREFIXED_ATTRIBUTE = /[ \t\r\n](?!xmlns:)[^\s=<>/'":]+:[^\s=<>/'"]+[ \t\r\n]*=/g;
const PREFIXED_ELEMENT = /<[^\s=<>/'"!?:]+:/g;

function reference(text: string, from: number, to: number): boolean {
  for (const re of [PREFIXED_ATTRIBUTE, PREFIXED_ELEMENT]) {
    re.lastIndex = from;
    const m = re.exec(text);
    if (m !== null && m.index < to) return true;
  }
  return false;
}

test('the colon scan for prefixed names answers as the two expressions did, on 20,000 random texts', () => {
  // A seeded generator: the same texts every run.
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const alphabet = [':', ':', '<', ' ', '\n', '\t', '=', '=', 'x', 'm', 'l', 'n', 's', 'a', '!', '?', '\u00a0', '\u2003', '"', "'", '/', '>', 'π', 'xmlns:'];
  for (let i = 0; i < 20_000; i++) {
    const length = next() % 24;
    let text = '';
    for (let k = 0; k < length; k++) text += alphabet[next() % alphabet.length];
    const from = length === 0 ? 0 : next() % (text.length + 1);
    const to = text.length - (length === 0 ? 0 : next() % 3);
    assert.equal(mayHavePrefixedName(text, from, to, [], []), reference(text, from, to), JSON.stringify({ text, from, to }));
  }
});

test('the colon scan: a MAC address, a path and xmlns are no names; x:cpuset, <x:iothread and π:cpuset are', () => {
  const at = (text: string) => mayHavePrefixedName(text, 0, text.length, [], []);
  assert.equal(at("<mac address='52:54:00:b3:19:3e'/>"), false);
  assert.equal(at("<source file='/var/lib/x:y.qcow2'/>"), false);
  assert.equal(at("<domain xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>"), false);
  assert.equal(at("<vcpupin vcpu='0' x:cpuset='0'/>"), true);
  assert.equal(at("<iothreads><x:iothread id='1'/></iothreads>"), true);
  assert.equal(at("<vcpupin vcpu='0' π:cpuset = '0'/>"), true);
  // Inside a skipped range (metadata, the domain's own start tag), nothing counts.
  const text = "<metadata><x:a x:b='1'/></metadata>";
  assert.equal(mayHavePrefixedName(text, 0, text.length, [{ start: 0, end: text.length }], [{ start: 0, end: text.length }]), false);
});
