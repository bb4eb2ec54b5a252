import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseXml, LineIndex, type XmlElement } from '../../src/xml/index.ts';
import { parseXmlWithSaxes } from '../../src/xml/parse.ts';
import { repoRoot } from '../support/paths.ts';
import { elementShape } from '../support/xml-shape.ts';

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

test('every element and attribute range slices back to its own source text', () => {
  const text = readFileSync(join(repoRoot, 'examples', 'production-vm.xml'), 'utf8');
  const doc = parseXml(text);
  assert.equal(doc.error, undefined);
  let elements = 0;
  let attributes = 0;
  for (const el of walk(doc.root!)) {
    elements++;
    const start = text.slice(el.startTag.start, el.startTag.end);
    assert.match(start, new RegExp(`^<${el.name}[\\s/>]`));
    assert.ok(start.endsWith(el.selfClosing ? '/>' : '>'));
    if (el.endTag) assert.equal(text.slice(el.endTag.start, el.endTag.end), `</${el.name}>`);
    for (const a of el.attributes) {
      attributes++;
      assert.equal(text.slice(a.nameRange.start, a.nameRange.end), a.name);
      assert.equal(text.slice(a.valueRange.start, a.valueRange.end), a.value);
      assert.equal(text[a.valueRange.start - 1], a.quote);
      assert.equal(text[a.valueRange.end], a.quote);
      assert.equal(text.slice(a.range.start, a.range.end), `${a.name}=${a.quote}${a.value}${a.quote}`);
    }
  }
  assert.ok(elements > 40 && attributes > 40, `walked ${elements} elements, ${attributes} attributes`);
});

test('ranges survive CRLF, a BOM, odd spacing around =, entities and astral characters', () => {
  const text = '\uFEFF<?xml version="1.0"?>\r\n<domain type = "kvm">\r\n  <name>caf\u00e9 \u{1F600} &amp; co</name>\r\n  <vcpu\r\n    cpuset=\'0-3\'>4</vcpu>\r\n</domain>\r\n';
  const doc = parseXml(text);
  assert.equal(doc.error, undefined);
  const [name, vcpu] = doc.root!.children as [XmlElement, XmlElement];
  assert.equal(name.text, 'caf\u00e9 \u{1F600} & co');
  assert.equal(text.slice(name.contentRange.start, name.contentRange.end), 'caf\u00e9 \u{1F600} &amp; co');
  const type = doc.root!.attributes[0]!;
  assert.equal(text.slice(type.range.start, type.range.end), 'type = "kvm"');
  assert.equal(text.slice(vcpu.contentRange.start, vcpu.contentRange.end), '4');
  const lines = new LineIndex(text);
  assert.deepEqual(lines.position(vcpu.attributes[0]!.range.start), { line: 5, column: 5 });
});

test('comments are kept with exact ranges', () => {
  const text = '<domain>\n  <!-- kvmlint-disable-next-line x -->\n  <vcpu>1</vcpu>\n</domain>';
  const doc = parseXml(text);
  assert.equal(doc.comments.length, 1);
  const c = doc.comments[0]!;
  assert.equal(text.slice(c.range.start, c.range.end), '<!-- kvmlint-disable-next-line x -->');
});

test('malformed XML gives one error with the parser line and column', () => {
  // saxes reports where it noticed the fault: just past the offending token.
  const cases: Array<[string, number, number, RegExp]> = [
    ['<domain>\n  <vcpu>2</cpu>\n</domain>', 2, 16, /unexpected close tag/],
    ['<domain a="1" a="2"/>', 1, 22, /duplicate attribute/],
    ['<domain>\n</domain>\n<extra/>', 3, 1, /a second root element <extra>/],
    ['<domain>\n  <name>a</name>\n', 3, 1, /unclosed tag/],
  ];
  for (const [text, line, column, message] of cases) {
    const doc = parseXml(text);
    assert.ok(doc.error, text);
    assert.deepEqual([doc.error.line, doc.error.column], [line, column], `${text}: ${doc.error.message}`);
    assert.match(doc.error.message, message);
    assert.equal(new LineIndex(text).position(doc.error.offset).line, line);
  }
});

test('internal-subset entities are never expanded (billion laughs stops at the first reference)', () => {
  const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('\n');
  const text = `<?xml version="1.0"?>\n<!DOCTYPE domain [\n${lol}\n]>\n<domain><name>&lol9;</name></domain>`;
  const t = performance.now();
  const doc = parseXml(text);
  assert.ok(performance.now() - t < 1000);
  assert.match(doc.error?.message ?? '', /undefined entity/);
  assert.equal(doc.error?.line, 14);
});

test('an external entity is an undefined-entity error, its target never read', () => {
  const text = `<!DOCTYPE domain [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<domain><name>&x;</name></domain>`;
  const doc = parseXml(text);
  assert.match(doc.error?.message ?? '', /undefined entity/);
  assert.equal(doc.root?.children[0]?.text ?? '', '');
});

test('property: line/column from LineIndex agree with a naive count for any mix of line endings', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', '\r', '\u{1F600}'), { maxLength: 60 }), fc.nat(), (parts, pick) => {
      const text = parts.join('');
      const offset = text.length === 0 ? 0 : pick % (text.length + 1);
      let line = 1;
      let col = 1;
      for (let i = 0; i < offset; i++) {
        const ch = text[i];
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
          line++;
          col = 1;
        } else col++;
      }
      assert.deepEqual(new LineIndex(text).position(offset), { line, column: col });
      // The first line's end, found without indexing the text, is where the full index puts it.
      const full = new LineIndex(text);
      assert.equal(new LineIndex(text).firstLineEnd(), full.lineCount > 1 ? full.lineStart(2) - 1 : text.length);
    }),
    { numRuns: 1000 },
  );
});

test('property: attribute values and text decode exactly as saxes decodes them', async () => {
  const { SaxesParser } = await import('saxes');
  const piece = fc.constantFrom('a', ' ', '\t', '\n', '\r', '\r\n', '&amp;', '&#10;', '&#x41;', '&lt;', '&quot;', '\u00e9', '\u{1F600}');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), fc.array(piece, { maxLength: 12 }), fc.constantFrom('"', "'"), (v, t, q) => {
      const value = v.join('');
      const body = t.join('');
      const xml = `<domain x=${q}${value}${q}><name>${body}<![CDATA[<&]]>${body}</name></domain>`;
      const expected: { attr?: string; text: string } = { text: '' };
      const p = new SaxesParser();
      p.on('opentag', (n) => {
        if (n.name === 'domain') expected.attr = n.attributes.x as string;
      });
      p.on('text', (s) => (expected.text += s));
      p.on('cdata', (s) => (expected.text += s));
      p.write(xml).close();
      const doc = parseXml(xml);
      assert.equal(doc.root!.attributes[0]!.value, expected.attr);
      assert.equal(doc.root!.children[0]!.text, expected.text);
    }),
    { numRuns: 500 },
  );
});

test('lazily built containers (devices, os, ...) give exactly the tree an eager parse gives', async () => {
  const { globby } = await import('globby');
  // libvirt's own test XML too (test/libvirt-oracle): its whole grammar, not only kvmlint's fixtures.
  const files = await globby(['examples/**/*.xml', 'rules/*/fixtures/**/*.xml', 'fixtures/libvirt/**/*.xml', 'test/libvirt-oracle/**/*.xml'], { cwd: repoRoot, absolute: true });
  let compared = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const eager = parseXmlWithSaxes(text, true);
    // Both the fast path and saxes' lazy tree.
    for (const lazy of [parseXml(text), parseXmlWithSaxes(text)]) {
      assert.deepEqual(lazy.error, eager.error, f);
      if (!lazy.root) continue;
      assert.deepEqual(elementShape(lazy.root), elementShape(eager.root!), f);
      compared++;
    }
  }
  assert.ok(compared > 100, `compared ${compared} trees`);
});

test('a lazy container holding comments, CDATA, processing instructions and quoted > builds the eager tree', () => {
  // Pieces that fool a scanner looking for '<' and '>' naively.
  const piece = fc.constantFrom(
    '<disk type="file" note="a > b"/>',
    "<disk note='/>'><target dev='vda'/></disk>",
    '<!-- <interface type="x"/> -->',
    '<![CDATA[ <not-a-tag/> ]]>',
    '<?pi <fake/> ?>',
    '<interface\n  type="bridge"\n/>',
    '<controller type="usb" index="0"><address type="pci" slot="0x01"/></controller>',
    'text &amp; &#x3c; more',
    '<a:b xmlns:a="urn:x">t</a:b >',
    '<video><model type="vga"></model ></video>',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom(...['devices', 'os', 'metadata']), (pieces, container) => {
      const text = `<domain type="kvm"><name>x</name><${container}>${pieces.join('\n')}</${container}></domain>`;
      const eager = parseXmlWithSaxes(text, true);
      assert.equal(eager.error, undefined);
      for (const lazy of [parseXml(text), parseXmlWithSaxes(text)]) {
        assert.deepEqual(elementShape(lazy.root!), elementShape(eager.root!));
      }
    }),
    { numRuns: 300 },
  );
});

test('element and attribute names stay exact past the shared name table (thousands of distinct names, colliding hashes)', () => {
  // 6,000 distinct names fill the table; 'Aa'/'BB' collide under a 31-multiplier hash.
  const tags = Array.from({ length: 6000 }, (_, i) => `n${i.toString(36)}`);
  const text = `<domain><devices>${tags.map((t) => `<${t} ${t}a="1"/>`).join('')}<Aa BB="x"/><BB Aa="y"/></devices></domain>`;
  for (let pass = 0; pass < 2; pass++) {
    const devices = parseXml(text).root!.children[0]!;
    assert.deepEqual(devices.children.map((c) => c.name), [...tags, 'Aa', 'BB']);
    assert.deepEqual(devices.children.map((c) => c.attributes[0]!.name), [...tags.map((t) => `${t}a`), 'BB', 'Aa']);
  }
});

test('attribute(name) finds in the start tag exactly what attributes lists, and nothing for a name that is not there', () => {
  // Every domain the repository holds (rule fixtures, libvirt's test inputs, examples), every element built.
  // Not all of fixtures/: its sysfs trees hold the kernel's symlink cycles.
  const files = ['rules', 'fixtures/hostile', 'fixtures/libvirt', 'fixtures/host-imports', 'examples']
    .flatMap((dir) => readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(repoRoot, dir, f)))
    .filter((f) => f.endsWith('.xml'));
  let attributes = 0;
  for (const file of files) {
    const doc = parseXml(readFileSync(file, 'utf8'));
    // A document with an error is never linted: its tree may hold half a tag.
    if (!doc.root || doc.error) continue;
    for (const el of walk(doc.root)) {
      const all = el.attributes;
      for (const a of all) {
        attributes++;
        const found = el.attribute(a.name);
        assert.ok(found, `${file}: <${el.name} ${a.name}> not found`);
        assert.deepEqual([found.name, found.value, found.quote, found.range, found.nameRange, found.valueRange], [a.name, a.value, a.quote, a.range, a.nameRange, a.valueRange], `${file}: <${el.name} ${a.name}>`);
        // A prefix, an extension and a suffix of the name: found only when the tag has that attribute too.
        for (const other of [a.name.slice(0, -1), `${a.name}x`, a.name.slice(1)]) {
          assert.equal(el.attribute(other)?.value, all.find((x) => x.name === other)?.value, `${file}: <${el.name}> '${other}'`);
        }
      }
    }
  }
  assert.ok(attributes > 1000, `only ${attributes} attributes checked`);
});

test('contentIncludesEach finds each tail after the prefix inside the element only, as contentIncludes does', () => {
  const text =
    '<domain><devices><disk/><memballoon model="none"/></devices><memory>1</memory>' +
    '<cputune><!-- <memory --></cputune><empty/></domain>';
  for (const parse of [parseXml, parseXmlWithSaxes]) {
    const root = parse(text).root!;
    const [devices, , cputune, empty] = root.children;
    const tails = ['ory', 'balloon'];
    // <memory> after </devices> is not devices' content; the balloon is.
    assert.equal(devices!.contentIncludesEach('<mem', tails), 0b10);
    // A comment's text counts, as for contentIncludes: a false answer is the certain one.
    assert.equal(cputune!.contentIncludesEach('<mem', tails), 0b01);
    assert.equal(empty!.contentIncludesEach('<mem', tails), 0);
    assert.equal(root.contentIncludesEach('<mem', tails), 0b11);
    for (const el of [root, devices!, cputune!, empty!]) {
      for (const [i, tail] of tails.entries()) assert.equal(Boolean(el.contentIncludesEach('<mem', tails) & (1 << i)), el.contentIncludes(`<mem${tail}`), `${el.name} ${tail}`);
    }
  }
});

test('a name longer than libxml2 reads without XML_PARSE_HUGE (50,000 bytes) is a parse error, as libvirt meets it', () => {
  const long = (n: number) => 'a'.repeat(n);
  for (const text of [
    `<domain><metadata><${long(50_001)}/></metadata></domain>`,
    `<domain><metadata><x ${long(50_001)}='1'/></metadata></domain>`,
    `<domain><devices><${long(50_001)}/></devices></domain>`,
    // Counted in UTF-8 bytes: 25,001 two-byte letters.
    `<domain><metadata><${'é'.repeat(25_001)}/></metadata></domain>`,
  ]) {
    const doc = parseXml(text);
    assert.match(doc.error?.message ?? '', /longer than 50000 bytes/, text.slice(0, 40));
  }
  for (const text of [`<domain><metadata><${long(50_000)}/></metadata></domain>`, `<domain><metadata><x ${long(50_000)}='1'/></metadata></domain>`]) {
    assert.equal(parseXml(text).error, undefined);
  }
});
