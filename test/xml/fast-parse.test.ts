import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { globby } from 'globby';
import type { XmlDocument } from '../../src/xml/index.ts';
import type { XmlComment, XmlElement } from '../../src/xml/types.ts';
import { childNamesMayRepeat, descendantTags, type ElementNode, mayContainElement, TAG_DEEP, TAG_DEPTH_BITS, tagNameKey } from '../../src/xml/element.ts';
import { fastParse } from '../../src/xml/fast-parse.ts';
import { parseXmlWithSaxes } from '../../src/xml/parse.ts';
import { repoRoot } from '../support/paths.ts';
import { elementShape } from '../support/xml-shape.ts';

/**
 * The contract of the fast path: when it accepts a text, saxes accepts it too
 * and yields the identical tree and comments. (When it declines, saxes decides.)
 * Returns whether the fast path accepted.
 */
function assertAgreesWithSaxes(text: string, label = JSON.stringify(text.slice(0, 200))): boolean {
  const fast = fastParse(text);
  if (!fast) return false;
  const reference: XmlDocument = parseXmlWithSaxes(text, true);
  assert.equal(reference.error, undefined, `fast path accepted what saxes rejects (${reference.error?.message}): ${label}`);
  assert.deepEqual(elementShape(fast.root), elementShape(reference.root!), label);
  assert.deepEqual(fast.comments, reference.comments, label);
  assertTagTable(text, fast.root, reference.root!, fast.comments, label);
  return true;
}

/**
 * The tag table on the fast path's root lists every start tag of saxes' (eager) tree, in document order, with its
 * depth and name key; descendantTags gives each element exactly the tags inside it; the root says there is no
 * reference only when no `&` is outside the comments.
 */
function assertTagTable(text: string, fastRoot: XmlElement, reference: XmlElement, comments: readonly XmlComment[], label: string): void {
  const expected: number[] = [];
  const walk = (el: XmlElement, depth: number): void => {
    expected.push(el.startTag.start, Math.min(depth, TAG_DEEP) | (tagNameKey(el.name) << TAG_DEPTH_BITS));
    for (const child of el.children) walk(child, depth + 1);
  };
  walk(reference, 0);
  const names = new Set<string>();
  const allNames = (el: XmlElement): void => (names.add(el.name), el.children.forEach(allNames));
  allNames(reference);
  const table = (fastRoot as ElementNode).tagTable;
  assert.deepEqual(table ? [...table.numbers.subarray(table.from, table.to)] : [], expected, `tag table: ${label}`);
  const check = (el: XmlElement): void => {
    const tags = descendantTags(el);
    if (el.endTag === undefined) assert.equal(tags, undefined, label);
    else {
      assert.ok(tags, label);
      const inside = expected.filter((offset, k) => k % 2 === 0 && offset > el.startTag.start && offset < el.endTag!.start);
      assert.deepEqual([...tags.table.subarray(tags.from, tags.to)].filter((_, k) => k % 2 === 0), inside, `descendants of <${el.name}>: ${label}`);
      const below = new Set<string>();
      const collect = (e: XmlElement): void => e.children.forEach((c) => (below.add(c.name), collect(c)));
      collect(el);
      for (const name of [...names, 'devices', 'memballoon']) assert.equal(mayContainElement(el, name), below.has(name), `<${name}> in <${el.name}>: ${label}`);
      const childNames = el.children.map((c) => c.name);
      assert.equal(childNamesMayRepeat(el), new Set(childNames).size < childNames.length, `repeated children of <${el.name}>: ${label}`);
    }
    for (const child of el.children) check(child);
  };
  check(fastRoot);
  let outsideComments = text;
  for (const c of [...comments].reverse()) outsideComments = outsideComments.slice(0, c.range.start) + outsideComments.slice(c.range.end);
  assert.equal((fastRoot as ElementNode).declaresNoReferences, !outsideComments.includes('&'), `references: ${label}`);
}

test('every shipped XML file: the fast path agrees with saxes, and takes the domain XML', async () => {
  const files = await globby(['examples/**/*.xml', 'rules/*/fixtures/**/*.xml', 'fixtures/**/*.xml'], { cwd: repoRoot, absolute: true, followSymbolicLinks: false });
  let accepted = 0;
  let wellFormed = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (assertAgreesWithSaxes(text, f)) accepted++;
    if (!parseXmlWithSaxes(text).error) wellFormed++;
  }
  // Not a speed claim: a check that the path is exercised, not declining everything.
  assert.ok(accepted > 0.8 * wellFormed, `fast path took ${accepted} of ${wellFormed} well-formed files`);
});

test('the constructs of real domain XML take the fast path', () => {
  const accepted = [
    `<domain type='kvm'><name>vm</name></domain>`,
    `\uFEFF<domain/>`,
    `<?xml version="1.0" encoding="UTF-8"?>\n<domain/>\n`,
    `<?xml version='1.0' standalone='yes'?><domain/>`,
    `<!--\nWARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE\nOVERWRITTEN AND LOST. Changes should be made with: virsh edit vm\n-->\n<domain type="kvm"/>`,
    `<domain>\r\n  <name>a &amp; b &lt;c&gt; &#233; &#x1F600; &quot;&apos;</name>\r\n</domain>\r\n`,
    `<domain><description>caf\u00e9 \u{1F600} 100% > 99</description><title x = "1" y='>'/></domain>`,
    `<domain><cputune><!-- kvmlint-disable-next-line missing-emulatorpin --><vcpupin vcpu='0' cpuset='2'/></cputune></domain>`,
    `<domain xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><qemu:commandline><qemu:arg value='-a&amp;b'/></qemu:commandline></domain >`,
    `<domain><devices><disk><source file='/a b/c.qcow2'/></disk></devices></domain>`,
  ];
  for (const text of accepted) assert.ok(assertAgreesWithSaxes(text), `declined: ${text}`);
});

test('whatever is outside the subset is left to saxes (declined), never accepted', () => {
  const declined = [
    `<!DOCTYPE domain [<!ENTITY a "b">]><domain>&a;</domain>`,
    `<domain><![CDATA[x]]></domain>`,
    `<domain><?pi x?></domain>`,
    `<domain><n\u00e4me/></domain>`,
    `<domain>&unknown;</domain>`,
    `<domain>&#0;</domain>`,
    `<domain>&#xD800;</domain>`,
    `<domain>]]></domain>`,
    `<domain a='1' a='2'/>`,
    `<domain a='1'b='2'/>`,
    `<domain a='<'/>`,
    `<domain a=1/>`,
    `<domain><!-- a -- b --></domain>`,
    `<domain><!-- a ---></domain>`,
    `<domain></domian>`,
    `<domain><a></domain>`,
    `<domain/>text`,
    `text<domain/>`,
    `<domain/><domain/>`,
    ` <?xml version="1.0"?><domain/>`,
    `<?xml version="1.1"?><domain/>`,
    `<domain>\u0001</domain>`,
    `<domain>\uFFFE</domain>`,
    `<domain>\uDC00</domain>`,
    `<domain>\uD800x</domain>`,
    `<domain`,
    `<domain>`,
    ``,
    `<domain>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</domain>`,
    `<domain ${Array.from({ length: 100 }, (_, i) => `a${i}='x'`).join(' ')}/>`,
  ];
  for (const text of declined) assert.equal(fastParse(text), undefined, `accepted: ${JSON.stringify(text.slice(0, 80))}`);
});

test('property: on near-XML built from risky pieces, the fast path accepts only what saxes accepts, with the same tree', () => {
  // Pieces at the edges of the subset: names, quotes, references, comment and CDATA
  // delimiters, line ends, non-ASCII, surrogates, control characters.
  const textPiece = fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\t', '&amp;', '&lt;', '&#10;', '&#x41;', '&#xD800;', '&#1114112;', '&#;', '&x;', '&', ']]>', ']]', '>', '\u00e9', '\u{1F600}', '\uD800', '\uFFFE', '\u0000', '\u007F', '\u0085', '"', "'", '--', '-', '<!-- c -->', '<!---->', '<!-- - -->', '<![CDATA[x]]>', '<?p?>');
  const name = fc.constantFrom('a', 'b', 'devices', 'cputune', 'x:y', '_a', 'a.b-c', 'a1', '1a', '-a', 'a\u00e9', ':');
  const attr = fc.tuple(name, fc.constantFrom('', ' ', '\n'), fc.constantFrom('"', "'"), fc.array(textPiece, { maxLength: 4 })).map(([n, sp, q, v]) => `${n}${sp}=${sp}${q}${v.join('')}${q}`);
  const tagSpace = fc.constantFrom(' ', '  ', '\n', '\t', '', '\r\n');
  const element: fc.Memo<string> = fc.memo((depth) =>
    fc
      .tuple(
        name,
        fc.array(fc.tuple(tagSpace, attr).map(([s, a]) => s + a), { maxLength: 3 }),
        tagSpace,
        fc.boolean(),
        fc.array(depth > 1 ? fc.oneof(element(depth - 1), fc.array(textPiece, { maxLength: 3 }).map((t) => t.join(''))) : fc.array(textPiece, { maxLength: 3 }).map((t) => t.join('')), { maxLength: 4 }),
        fc.constantFrom('', ' ', 'x'),
      )
      .map(([n, attrs, sp, empty, kids, closeJunk]) => (empty ? `<${n}${attrs.join('')}${sp}/>` : `<${n}${attrs.join('')}${sp}>${kids.join('')}</${closeJunk === 'x' ? n + 'x' : n}${closeJunk === ' ' ? ' ' : ''}>`)),
  );
  const prolog = fc.constantFrom('', '\uFEFF', '<?xml version="1.0"?>', "<?xml version='1.0' encoding='utf-8' ?>\n", '<!-- top -->\n', ' ', '<?xml version="1.0"?>\n<!---->', 'x');
  const epilog = fc.constantFrom('', '\n', '<!-- end -->', ' x', '<a/>', '<?p?>');
  let accepted = 0;
  fc.assert(
    fc.property(prolog, element(3), epilog, (p, body, e) => {
      if (assertAgreesWithSaxes(p + body + e)) accepted++;
    }),
    { numRuns: 3000 },
  );
  assert.ok(accepted > 100, `only ${accepted} of 3000 generated documents took the fast path`);
});

test('property: byte-level damage to a real domain is either declined or agreed on', async () => {
  const text = readFileSync(`${repoRoot}/examples/production-vm.xml`, 'utf8');
  const junk = fc.constantFrom('<', '>', '&', '"', "'", '/', '=', ' ', '-', '!', '?', ']', '\u0000', '\u00e9', '\uD800', '<!--', '-->', 'a');
  fc.assert(
    fc.property(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: 3 }), junk, (at, cut, ins) => {
      assertAgreesWithSaxes(text.slice(0, at) + ins + text.slice(at + cut), `damage at ${at} (cut ${cut}, insert ${JSON.stringify(ins)})`);
    }),
    { numRuns: 3000 },
  );
});

test('tag tables: a document with more tags than the shared arena holds, and the documents parsed around it, keep theirs', () => {
  const small = "<domain type='kvm'><name>a</name><devices><disk/></devices></domain>";
  const big = `<domain type='kvm'><devices>${'<controller type="pci"/>'.repeat(40_000)}</devices></domain>`;
  const before = fastParse(small)!;
  const texts = [small, big, small, big, small];
  const parsed = texts.map((t) => fastParse(t)!);
  texts.forEach((t, i) => assertAgreesWithSaxes(t, `document ${i}`));
  // Tables written before a new arena was begun are still whole.
  for (const [i, doc] of [before, ...parsed].entries()) {
    const reference = parseXmlWithSaxes(i === 0 ? small : texts[i - 1]!, true);
    assertTagTable(i === 0 ? small : texts[i - 1]!, doc.root, reference.root!, doc.comments, `document ${i} after the others`);
  }
});
