/**
 * node:crypto, loaded on first use. Imported at the top of the bundle it was loaded by every run
 * (~5 ms of a one-file run), while only --fix backups and reduced host definitions use it.
 */
export declare function nodeCrypto(): typeof import('node:crypto');
