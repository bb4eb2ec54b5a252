import { defineDomainRule } from '../../src/engine/types.ts';
import { excerpt } from '../../src/model/describe.ts';
import type { XmlAttribute, XmlElement } from '../../src/xml/types.ts';
import type { SchemaFailure } from '../../src/schema/types.ts';
import { blamedValueHolds, faultOutsideBlamed, locateSchemaFailure, narrowFirstFault, type NarrowedFault } from '../../src/schema/locate.ts';

/** The longest message line; libxml2's text (`said`) is cut to what is left of it. */
const MAX_MESSAGE = 120;

const messages = {
  unreadable: {
    message: 'libxml2, the XML parser libvirt uses, cannot read this file: "{{said}}"',
    help: 'correct the XML here: libvirt cannot read the file either',
  },
  namespace: {
    message: 'libxml2 reports "{{said}}": libvirt reads the file but not this element',
    help: "declare the namespace prefix on <domain> (QEMU pass-through: xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0')",
  },
  attribute: {
    message: "libvirt's schema rejects attribute {{attribute}}='{{value}}' of <{{element}}>: \"{{said}}\"",
    help: "use an attribute and value libvirt's Domain XML format allows here",
  },
  value: {
    message: "libvirt's schema rejects a value of <{{element}}>: \"{{said}}\"",
    help: "use a value libvirt's Domain XML format allows here",
  },
  culprit: {
    message: "libvirt's schema rejects <{{culprit}}> or something inside it: the domain validates without it",
    help: "check <{{culprit}}> against libvirt's Domain XML format (libxml2 stopped at <{{element}}>: \"{{said}}\")",
  },
  firstCulprit: {
    message: "libvirt's schema rejects <{{culprit}}> or something inside it, the first of several faults here",
    help: "check <{{culprit}}> against libvirt's Domain XML format, then validate again for the next (libxml2 stopped at <{{element}}>)",
  },
  attributeCulprit: {
    message: "libvirt's schema rejects {{attribute}}='{{value}}' on <{{element}}>{{first}}",
    help: "use a value libvirt's Domain XML format allows for {{attribute}} here, or drop the attribute",
  },
  unknownValueNear: {
    message: "{{attribute}}='{{value}}' on <{{element}}> is a value no schema{{version}} lists: newer than them, or misspelt",
    help: "the schemas take {{attribute}}='{{near}}' here: correct the value, or validate against the schemas of the libvirt you deploy to (--schema DIR; these are {{dir}})",
  },
  unknownElement: {
    message: '<{{element}}> is defined in no schema{{version}}: newer than them, or misspelt or obsolete',
    help: 'correct the element name, or validate against the schemas of the libvirt you deploy to (--schema DIR; these are {{dir}})',
  },
  unknownAttribute: {
    message: 'attribute {{attribute}} of <{{element}}> is defined in no schema{{version}}: newer than them, or misspelt or obsolete',
    help: 'correct the attribute name, or validate against the schemas of the libvirt you deploy to (--schema DIR; these are {{dir}})',
  },
  attributeNotHere: {
    message: 'attribute {{attribute}} is not one the schemas{{version}} allow on <{{element}}>: newer than them, or misspelt or misplaced',
    help: 'correct the attribute, or validate against the schemas of the libvirt you deploy to (--schema DIR; these are {{dir}})',
  },
  idsApart: {
    message: "<{{element}}> is not next to <name>: libxml2's validator (virsh define --validate) stops here, and gets past it with <{{element}}> moved there",
    help: 'move <{{element}}> right after <name>; plain virsh define reads it either way',
  },
  unvalidated: {
    message: 'could not validate against the schemas at {{dir}}: {{why}}',
    help: "the domain is not known to be valid: validate it against libvirt's installed schemas (--schema DIR, the Action's schema input)",
  },
  stopped: {
    message: "libvirt's schema rejects <{{element}}> or something inside it: \"{{said}}\"",
    help: "check it (attributes, text, children) against libvirt's Domain XML format; libxml2 says nothing more precise",
  },
} as const;

/**
 * libvirt's own RelaxNG grammar (domain.rng), applied by libxml2 as `virsh define --validate`
 * and virt-xml-validate do (virxml.c virXMLValidateAgainstSchema). libxml2 reports the first
 * failure only, and inside an <interleave> only where the interleave gave up, so the finding
 * says where validation stopped, not always the exact fault. libxml2's text is quoted, cut to fit the line.
 */
export default defineDomainRule({
  meta: {
    id: 'schema-invalid',
    name: 'SchemaInvalid',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: "libvirt's RelaxNG schema (domain.rng) rejects the domain; reported where validation stopped (only with --schema).",
    tags: ['schema'],
    messages,
  },
  check({ source, schema, report }) {
    if (!schema || !source.doc.root) return;
    const failure = schema.validate(source.text);
    if (!failure) return;
    // No verdict (libxml2 failed or was stopped): nothing to locate; the domain is reported as not known valid.
    if (failure.unvalidated) {
      const why = (failure.details[0]?.message ?? '').replace(/^libxml2 could not validate this domain: /, '').replace(/; it is not known to be valid$/, '');
      report({ range: source.doc.root.startTag, messageId: 'unvalidated', data: { dir: excerpt(schema.shown, 32), why: excerpt(why, 64) } });
      return;
    }
    const site = locateSchemaFailure(source.doc.root, source.lines, failure);
    const libxml2 = site.message.replace(/\s+/g, ' ').trim();
    const element = excerpt(site.element.name, 32);
    /** libxml2's text, cut so that the message of `id` with `data` stays within one line. */
    const said = (id: keyof typeof messages, data: Readonly<Record<string, string>>): string => {
      const rest = messages[id].message.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (k === 'said' ? '' : (data[k] ?? '')));
      return excerpt(libxml2, Math.max(32, MAX_MESSAGE - rest.length));
    };
    /**
     * An attribute no schema file defines, or none allows on its element: named, with the schemas' version,
     * rather than the element holding it.
     */
    const reportUnknownAttribute = (found: { element: XmlElement; attribute: XmlAttribute }): void => {
      const { libvirtVersion, definedAttributes } = schema.facts();
      report({
        range: found.attribute.range,
        messageId: definedAttributes.has(found.attribute.name) ? 'attributeNotHere' : 'unknownAttribute',
        data: {
          attribute: excerpt(found.attribute.name, 32),
          element: excerpt(found.element.name, 32),
          dir: excerpt(schema.shown, 40),
          version: libvirtVersion ? ` of libvirt ${excerpt(libvirtVersion, 16)}` : '',
        },
      });
    };
    /** An element of libvirt's `ids` group away from <name>, when that alone is the fault: reported so, true. */
    const reportIdsApart = (el: XmlElement): boolean => {
      if (!idsApartIsTheFault(source.text, el, (text) => schema.validate(text))) return false;
      report({ range: el.startTag, messageId: 'idsApart', data: { element: el.name } });
      return true;
    };
    /** A rejected attribute value: said to be newer than the schemas when it is a word no schema file lists. */
    const reportAttributeValue = (el: XmlElement, attribute: XmlAttribute, first: boolean, text = source.text): void => {
      const data = { attribute: excerpt(attribute.name, 32), value: excerpt(attribute.value, 32), element: excerpt(el.name, 32) };
      if (reportUnlistedValue(el, [attribute], text)) return;
      report({ range: attribute.range, messageId: 'attributeCulprit', data: { ...data, first: first ? ', the first of several faults here' : '' } });
    };
    /** The element (or the one attribute of it) whose removal makes the domain valid, or an attribute in it the schemas define nowhere. */
    const reportCulprit = (fault: NarrowedFault): void => {
      const culprit = fault.element;
      if (reportIdsApart(culprit)) return;
      const facts = schema.facts();
      const first = fault.text !== source.text;
      const allowedHere = (el: XmlElement, name: string) => facts.definedAttributes.has(name) && facts.elementAttributes.get(el.name)?.has(name) !== false;
      if (fault.attribute && !allowedHere(culprit, fault.attribute.name)) return reportUnknownAttribute({ element: culprit, attribute: fault.attribute });
      if (fault.attribute) return reportAttributeValue(culprit, fault.attribute, first, fault.text);
      const attr = firstUndefinedAttribute(culprit, facts);
      if (attr) return reportUnknownAttribute(attr);
      if (reportUnlistedValue(culprit, culprit.attributes, fault.text)) return;
      if (first) report({ range: culprit.startTag, messageId: 'firstCulprit', data: { culprit: excerpt(culprit.name, 32), element } });
      else report({ range: culprit.startTag, messageId: 'culprit', data: { culprit: excerpt(culprit.name, 32), element, said: excerpt(libxml2, 80) } });
    };
    const validate = (text: string) => schema.validate(text);
    /**
     * A required attribute cannot be removed to test it (`<model type='virtio-futuristic'>`): a word no schema file lists
     * is tried with the nearest words the schemas do list, and when one of them validates the domain, that value is
     * the fault. At most NEAR_TRIES validations per attribute.
     */
    const reportUnlistedValue = (el: XmlElement, attributes: readonly XmlAttribute[], text: string): boolean => {
      const { definedValues, libvirtVersion } = schema.facts();
      for (const attribute of attributes) {
        if (!isWord(attribute.value) || definedValues.has(attribute.value)) continue;
        const { start, end } = attribute.valueRange;
        // The word is at fault when a listed one in its place validates the domain, or moves the first failure past
        // this element (a later fault the narrowing did not blank): the slot is an enumeration, and this word not in it.
        const past = source.lines.position(el.range.end).line;
        for (const near of nearestWords(attribute.value, definedValues, NEAR_TRIES)) {
          const again = schema.validate(text.slice(0, start) + near + text.slice(end));
          const line = again?.details.find((d) => d.line > 0)?.line;
          if (again && (again.kind !== 'invalid' || line === undefined || line <= past)) continue;
          const version = libvirtVersion ? ` of libvirt ${excerpt(libvirtVersion, 16)}` : '';
          const data = { attribute: excerpt(attribute.name, 32), value: excerpt(attribute.value, 32), element: excerpt(el.name, 32), near: excerpt(near, 32) };
          report({ range: attribute.valueRange, messageId: 'unknownValueNear', data: { ...data, dir: excerpt(schema.shown, 40), version } });
          return true;
        }
      }
      return false;
    };
    // An element the schemas define nowhere is the fault, wherever libxml2 stopped: usually one newer than
    // the schema directory (build item 4 of issue 12). Only when libxml2 did not name an attribute or a value.
    const unknown = failure.kind === 'invalid' && !site.attribute && !site.exact ? firstUndefinedElement(source.doc.root, schema.facts().definedElements) : undefined;
    // The same for an attribute (<topology clusters='1'>, libvirt 10.1, against older schemas): libxml2 names
    // only the interleave member that holds it ("Extra element cpu in interleave").
    const unknownAttr =
      failure.kind === 'invalid' && !site.attribute && !site.exact && unknown === undefined
        ? firstUndefinedAttribute(source.doc.root, schema.facts())
        : undefined;
    if (failure.kind === 'unparsable' && (failure.details[0]?.level ?? 3) >= 3) {
      report({ range: site.range, messageId: 'unreadable', data: { said: said('unreadable', {}) } });
    } else if (failure.kind === 'unparsable') {
      // A namespace error: libvirt's parser only stops on fatal errors (virxml.c catchXMLError), so it reads the
      // file, but the element is in no namespace: libvirt's lookups by namespace miss it and validation cannot run.
      report({ range: site.range, messageId: 'namespace', data: { said: said('namespace', {}) } });
    } else if (site.attribute && schema.facts().definedAttributes.has(site.attribute.name) && reportUnlistedValue(site.element, [site.attribute], source.text)) {
      // A word no schema lists, where a listed one validates: said to be newer than the schemas, with that word.
    } else if (site.attribute) {
      const data = { attribute: excerpt(site.attribute.name, 32), value: excerpt(site.attribute.value, 32), element };
      report({ range: site.range, messageId: 'attribute', data: { ...data, said: said('attribute', data) } });
    } else if (site.exact && blamedValueHolds(source.text, source.lines, site.element, (text) => schema.validate(text))) {
      // A fault elsewhere can still be what made libxml2 blame this value (<clock sync='utc'/> blames <os><type>).
      const elsewhere = faultOutsideBlamed(source.text, site.element, validate);
      if (elsewhere) {
        reportCulprit(narrowFirstFault(source.text, elsewhere, validate, 16) ?? { element: elsewhere, text: source.text });
        return;
      }
      report({ range: site.range, messageId: 'value', data: { element, said: said('value', { element }) } });
    } else if (site.exact && site.element.parent) {
      // The blamed value validates on its own: the fault is among its siblings. Narrow from the parent.
      const parent = site.element.parent;
      const culprit = narrowFirstFault(source.text, parent, validate);
      if (culprit) {
        reportCulprit(culprit);
        return;
      }
      // No one child is the fault (two faults, or one libxml2 blamed on a sibling's value): an attribute the
      // schemas allow nowhere on its element, in the parent, is one for certain (<loader format='qcow2'>,
      // libvirt 9.2, against older schemas blames <os><type>'s value).
      const misplaced = firstUndefinedAttribute(parent, schema.facts());
      if (misplaced) {
        reportUnknownAttribute(misplaced);
        return;
      }
      const where = excerpt(parent.name, 32);
      report({ range: parent.startTag, messageId: 'stopped', data: { element: where, said: said('stopped', { element: where }) } });
    } else if (unknown !== undefined) {
      const { libvirtVersion } = schema.facts();
      report({
        range: unknown.startTag,
        messageId: 'unknownElement',
        data: { element: excerpt(unknown.name, 32), dir: excerpt(schema.shown, 40), version: libvirtVersion ? ` of libvirt ${excerpt(libvirtVersion, 16)}` : '' },
      });
    } else if (unknownAttr !== undefined) {
      reportUnknownAttribute(unknownAttr);
    } else {
      // Where libxml2 gave up is often a container (<devices>); the element whose removal makes the
      // domain valid is where the fault is.
      const culprit = narrowFirstFault(source.text, site.element, validate);
      if (culprit) {
        reportCulprit(culprit);
        return;
      }
      if (reportIdsApart(site.element)) return;
      if (reportUnlistedValue(site.element, site.element.attributes, source.text)) return;
      report({ range: site.range, messageId: 'stopped', data: { element, said: said('stopped', { element }) } });
    }
  },
});

/** Listed words tried in place of an unlisted one. */
const NEAR_TRIES = 6;

/**
 * The `count` words of `words` nearest to `word`, for a "did you mean": first those it extends at a word break
 * (`virtio` for `virtio-futuristic`, longest first), then by edit distance (ties: the longer common prefix, then the word).
 */
function nearestWords(word: string, words: ReadonlySet<string>, count: number): string[] {
  const scored: Array<{ w: string; d: number; p: number }> = [];
  for (const w of words) {
    if (!isWord(w) || Math.abs(w.length - word.length) > word.length) continue;
    let p = 0;
    while (p < w.length && p < word.length && w[p] === word[p]) p++;
    const extends_ = p === w.length && /[-_.+]/.test(word[p] ?? '');
    scored.push({ w, d: extends_ ? -w.length : editDistance(word, w), p });
  }
  scored.sort((a, b) => a.d - b.d || b.p - a.p || (a.w < b.w ? -1 : 1));
  return scored.slice(0, count).map((s) => s.w);
}

/** Levenshtein distance (two rows; words are at most 64 characters, isWord). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** A value that reads as one enumerated word (`unmap`, `virtio-non-transitional`), not a number, path or name with other characters. */
function isWord(value: string): boolean {
  return value.length <= 64 && /^[A-Za-z][A-Za-z0-9_.+-]*$/.test(value);
}

/**
 * domaincommon.rng's `ids`: <name>, <uuid> and <genid> are an <interleave> of their own inside the domain's, and
 * libxml2 matches a nested interleave only when its elements are next to each other, so `<name>`, `<memory>`,
 * `<uuid>` fails as "Extra element uuid in interleave" (virt-manager's own test domains are written so). Whether that
 * is the fault is checked by validating the text with the element moved right after <name>: it then validates, or
 * stops somewhere else.
 */
function idsApartIsTheFault(text: string, el: XmlElement, validate: (text: string) => SchemaFailure | undefined): boolean {
  if (el.name !== 'uuid' && el.name !== 'genid') return false;
  const root = el.parent;
  if (!root || root.parent) return false;
  const name = root.children.find((c) => c.name === 'name');
  if (!name) return false;
  const [a, b] = name.range.end <= el.range.start ? [name.range.end, el.range.start] : [el.range.end, name.range.start];
  if (text.slice(a, b).trim() === '') return false;
  const moved =
    name.range.end <= el.range.start
      ? text.slice(0, name.range.end) + text.slice(el.range.start, el.range.end) + text.slice(name.range.end, el.range.start) + text.slice(el.range.end)
      : text.slice(0, el.range.start) + text.slice(el.range.end, name.range.end) + text.slice(el.range.start, el.range.end) + text.slice(name.range.end);
  // Valid, or stopped by something else further on (a test domain may hold more than one fault).
  const after = validate(moved);
  if (!after) return true;
  const first = after.details[0];
  return after.kind === 'invalid' && first !== undefined && !/^\/domain\/(?:name|uuid|genid)\b/.test(first.xpath ?? '') && !/\belement (?:name|uuid|genid)\b/.test(first.message);
}

/**
 * The first element, in document order, whose name no schema file defines. `<metadata>` holds
 * any namespaced content and prefixed elements (qemu:commandline) belong to other grammars:
 * neither is looked into.
 */
function firstUndefinedElement(root: XmlElement, defined: ReadonlySet<string>): XmlElement | undefined {
  if (defined.size === 0) return undefined;
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.name.includes(':') || el.name === 'metadata') continue;
    if (!defined.has(el.name)) return el;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return undefined;
}

/**
 * The first attribute, in document order, whose name no schema file defines, or that no definition of its
 * element's name allows (elementAttributes, which leaves out an element any definition of which takes any
 * attribute), with its element; the same walk as firstUndefinedElement. Namespace declarations and prefixed
 * names (xmlns:qemu, xml:lang) belong to XML itself or to other grammars.
 */
function firstUndefinedAttribute(
  root: XmlElement,
  facts: { definedAttributes: ReadonlySet<string>; elementAttributes: ReadonlyMap<string, ReadonlySet<string>> },
): { element: XmlElement; attribute: XmlAttribute } | undefined {
  const defined = facts.definedAttributes;
  if (defined.size === 0) return undefined;
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.name.includes(':') || el.name === 'metadata') continue;
    const allowed = facts.elementAttributes.get(el.name);
    for (const name of Object.keys(el.attributeValues)) {
      if (name === 'xmlns' || name.includes(':')) continue;
      if (defined.has(name) && (allowed === undefined || allowed.has(name))) continue;
      const attribute = el.attribute(name);
      if (attribute) return { element: el, attribute };
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return undefined;
}
