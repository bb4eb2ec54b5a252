import type { XmlAttribute, XmlElement } from './types.js';
export declare function attribute(el: XmlElement, name: string): XmlAttribute | undefined;
export declare function attributeValue(el: XmlElement, name: string): string | undefined;
export declare function firstChild(el: XmlElement | undefined, name: string): XmlElement | undefined;
export declare function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[];
/** Follows a path of child names, e.g. `childPath(domain, 'cpu', 'numa')`. */
export declare function childPath(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined;
