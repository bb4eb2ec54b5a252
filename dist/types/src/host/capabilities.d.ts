import { type HostImport } from './load.js';
/** True when the text's root element is `<capabilities>` (after an XML declaration, comments, a doctype). */
export declare function looksLikeCapabilities(text: string): boolean;
export declare function importCapabilities(text: string, path: string): HostImport;
