import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | undefined;

/**
 * node:crypto, loaded on first use. Imported at the top of the bundle it was loaded by every run
 * (~5 ms of a one-file run), while only --fix backups and reduced host definitions use it.
 */
export function nodeCrypto(): typeof import('node:crypto') {
  return (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));
}
