export * from './types.ts';
export { parseXml } from './parse.ts';
export { LineIndex } from './lines.ts';
export { attribute, attributeValue, firstChild, childrenNamed, childPath } from './query.ts';
