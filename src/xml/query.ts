import type { XmlAttribute, XmlElement } from './types.ts';

export function attribute(el: XmlElement, name: string): XmlAttribute | undefined {
  return el.attribute(name);
}

export function attributeValue(el: XmlElement, name: string): string | undefined {
  return attribute(el, name)?.value;
}

export function firstChild(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.name === name) return c;
  return undefined;
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  const children = el.children;
  for (let i = 0; i < children.length; i++) if (children[i]!.name === name) out.push(children[i]!);
  return out;
}

/** Follows a path of child names, e.g. `childPath(domain, 'cpu', 'numa')`. */
export function childPath(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = firstChild(cur, n);
  return cur;
}
