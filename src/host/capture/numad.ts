/**
 * Whether numad is installed, for `placement='auto'` (rule placement-auto-without-numad).
 *
 * libvirt asks numad for a nodeset when a guest with `<vcpu placement='auto'>` or `<numatune><memory
 * placement='auto'>` starts (qemu_process.c qemuProcessPrepareDomainNUMAPlacement →
 * virnuma.c virNumaGetAutoPlacementAdvice, which runs `numad -w vcpus:MiB`; its path is compiled in as
 * NUMAD by meson's find_program('numad')). Without numad the start fails: the command cannot run
 * ("Failed to query numad for the advisory nodeset"), and a libvirt built without numad support
 * refuses outright ("numad is not available on this host").
 *
 * Distributions install numad as /usr/bin/numad (Fedora, RHEL, Debian, Ubuntu, SUSE); /usr/sbin is
 * looked at too. Only the file's metadata is looked at, never its content, and never run. A copied tree
 * (`snapshot --root`) without /usr/bin says nothing about installed programs (undefined), nor does a
 * candidate that is a link out of the tree.
 */
import { realpathSync, statSync } from 'node:fs';
import type { TreeReader } from './tree.ts';

export const NUMAD_PATHS = ['usr/bin/numad', 'usr/sbin/numad'] as const;

/** true: an executable numad; false: /usr/bin is there and no numad in it or /usr/sbin; undefined: cannot say. */
export function captureNumad(reader: TreeReader): boolean | undefined {
  const bin = reader.entries('usr/bin');
  if (!reader.isDir('usr/bin') || !bin || bin.length === 0) return undefined;
  let unsure = false;
  for (const rel of NUMAD_PATHS) {
    let real: string;
    try {
      real = realpathSync.native(reader.abs(rel));
    } catch {
      continue; // absent (or a dangling link)
    }
    // A link out of /usr of the tree (a copied tree's absolute link to the capturing machine's files).
    if (!reader.isWithin(rel, 'usr')) {
      unsure = true;
      continue;
    }
    try {
      const st = statSync(real);
      if (st.isFile() && (st.mode & 0o111) !== 0) return true;
    } catch {
      unsure = true;
    }
  }
  return unsure ? undefined : false;
}
