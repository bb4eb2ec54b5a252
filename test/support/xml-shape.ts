import type { XmlElement } from '../../src/xml/index.ts';

/** Everything a rule can observe of an element, with lazy subtrees built: two parsers agree when their shapes are deep-equal. */
export function elementShape(el: XmlElement): unknown {
  return {
    name: el.name,
    selfClosing: el.selfClosing,
    start: el.startTag,
    end: el.endTag,
    attrs: el.attributes.map((a) => [a.name, a.value, a.quote, a.range.start, a.range.end]),
    text: el.text,
    children: el.children.map(elementShape),
  };
}
