export * from './types.js';
export { parseXml } from './parse.js';
export { LineIndex } from './lines.js';
export { attribute, attributeValue, firstChild, childrenNamed, childPath } from './query.js';
