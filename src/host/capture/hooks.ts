/**
 * libvirt hooks that set hugepage pools when a guest starts (/etc/libvirt/hooks), for
 * insufficient-hugepages (src/model/hugepage-hooks.ts). Many single-GPU (VFIO) desktops reserve
 * hugepages only while the guest runs, so a snapshot taken with the guest off shows an empty pool.
 *
 * Which scripts run for which guest (https://libvirt.org/hooks.html):
 * - /etc/libvirt/hooks/qemu: libvirt runs it for every guest and operation. A script that
 *   mentions a pool counts for all guests (it may test the guest name itself: not read);
 * - /etc/libvirt/hooks/qemu.d/<script>: libvirt (6.5.0 on) runs each executable file there for
 *   every guest, after `qemu`;
 * - /etc/libvirt/hooks/qemu.d/<guest>/prepare/begin/<script> (or the file prepare/begin): the
 *   "hook helper" layout (the VFIO-Tools dispatcher, a `qemu` script that runs the executables
 *   under qemu.d/$1/$2/$3). libvirt itself does not enter these directories, so they count only
 *   when there is a `qemu` script to dispatch them. "prepare" runs before libvirt allocates the
 *   guest's resources; release/end gives the pages back and is not read.
 *
 * A script "sets a pool" when it names nr_hugepages: /proc/sys/vm/nr_hugepages(_mempolicy), a pool
 * directory under /sys/kernel/mm/hugepages or /sys/devices/system/node/nodeN/hugepages and the file
 * nr_hugepages (often joined through variables), `sysctl vm.nr_hugepages=`, or `hugeadm --pool-pages-min`.
 * Comment lines do not count; the value written is not read.
 *
 * The tree may be a hostile copy (`snapshot --root`): every script is read only where its real
 * path lies inside /etc/libvirt/hooks of the tree, as a regular file (a FIFO would block), at most
 * MAX_HOOK_BYTES, and only so many directories and files are looked at.
 */
import { statSync } from 'node:fs';
import type { SnapshotHugepageHook } from '../../model/host.ts';
import { describeReadError } from './libvirt.ts';
import type { TreeReader } from './tree.ts';

export const LIBVIRT_HOOKS = 'etc/libvirt/hooks';
/** A hook script is a shell script of a few KiB; anything far larger is not read. */
export const MAX_HOOK_BYTES = 1024 * 1024;
/** At most this many guest directories under qemu.d, and scripts in one directory, are looked at. */
export const MAX_HOOK_ENTRIES = 1024;

/** Whether a script's text (comment lines left out) names a hugepage pool size. */
export function setsHugepagePool(text: string): boolean {
  const lines = text.split('\n').filter((l) => !/^\s*#/.test(l));
  const code = lines.join('\n');
  // Each test runs in time linear in the script: an unanchored `P[^\s]*hugepages` or `\bsysctl\b[^\n]*…` is
  // retried from every occurrence of its prefix and scans to the end of the run each time, so a 1 MiB hook in
  // a copied tree of `/sys/devices/system/node/` repeated, or of `sysctl ` repeated, took minutes.
  return (
    code.includes('/proc/sys/vm/nr_hugepages') ||
    // The pool directory and the file are often joined through variables and quotes: VFIO-Tools'
    // alloc_hugepages.sh writes /sys/devices/system/node/node0/hugepages/hugepages-"$HPG_SIZE"kB/nr_hugepages.
    ((code.includes('/sys/kernel/mm/hugepages') || nodePoolPath(code)) && /\bnr_hugepages\b/.test(code)) ||
    lines.some((l) => laterOnLine(l, /\bsysctl\b/g, /\bvm[./]nr_hugepages(?:_mempolicy)?\s*=/g)) ||
    // libhugetlbfs: hugeadm --pool-pages-min 2MB:4096 sets the pool's size.
    lines.some((l) => laterOnLine(l, /\bhugeadm\b/g, /--pool-pages-(?:min|max)\b/g))
  );
}

const NODE_DIR = '/sys/devices/system/node/';

/** `/sys/devices/system/node/` and, later in the same word (no blank, `;`, `|`, `&` or `)` between), `hugepages`. */
function nodePoolPath(code: string): boolean {
  for (let at = code.indexOf(NODE_DIR); at >= 0; ) {
    const from = at + NODE_DIR.length;
    let end = from;
    while (end < code.length && !/[\s;|&)]/.test(code[end]!)) end++;
    if (code.slice(from, end).includes('hugepages')) return true;
    // The next occurrence after this word: each character is looked at once.
    at = code.indexOf(NODE_DIR, end);
  }
  return false;
}

/** Whether `second` matches on `line` after the end of the first match of `first` (both global, for lastIndex). */
function laterOnLine(line: string, first: RegExp, second: RegExp): boolean {
  first.lastIndex = 0;
  if (!first.exec(line)) return false;
  second.lastIndex = first.lastIndex;
  return second.exec(line) !== null;
}

/** The hooks that set pools, or undefined when there are none (or /etc/libvirt/hooks cannot be read). */
export function captureHugepageHooks(reader: TreeReader): SnapshotHugepageHook[] | undefined {
  const listing = reader.entriesOrError(LIBVIRT_HOOKS);
  if ('code' in listing) {
    if (listing.code === 'ENOENT' || listing.code === 'ENOTDIR') return undefined;
    reader.miss('libvirt.hooks');
    reader.cannotRead('libvirt hooks', `/${LIBVIRT_HOOKS}: ${describeReadError(listing.code)} (hooks that set hugepage pools not looked for)`);
    return undefined;
  }
  const problems: string[] = [];
  /** Whether the script at `rel` is run (executable) and sets a pool; problems noted. */
  const script = (rel: string): { runs: boolean; sets: boolean } => {
    if (!reader.isWithin(rel, LIBVIRT_HOOKS)) {
      problems.push(`/${rel} (leads outside /${LIBVIRT_HOOKS})`);
      return { runs: false, sets: false };
    }
    const r = reader.textWithinOrError(rel, LIBVIRT_HOOKS, MAX_HOOK_BYTES);
    if ('code' in r) {
      if (r.code !== 'EISDIR') problems.push(`/${rel} (${describeReadError(r.code)})`);
      return { runs: false, sets: false };
    }
    const sets = setsHugepagePool(r.text);
    let runs = true;
    try {
      runs = (statSync(reader.abs(rel)).mode & 0o111) !== 0;
    } catch {
      runs = false;
    }
    if (sets && !runs) problems.push(`/${rel} (sets hugepage pools but is not executable: libvirt does not run it)`);
    return { runs, sets };
  };
  const all: string[] = [];
  const perGuest = new Map<string, string[]>();
  const entries = new Set(listing.entries);
  const dispatcher = entries.has('qemu') ? script(`${LIBVIRT_HOOKS}/qemu`) : { runs: false, sets: false };
  if (dispatcher.runs && dispatcher.sets) all.push(`/${LIBVIRT_HOOKS}/qemu`);

  const qemuD = `${LIBVIRT_HOOKS}/qemu.d`;
  if (entries.has('qemu.d') && reader.isWithin(qemuD, LIBVIRT_HOOKS) && reader.isDir(qemuD)) {
    const names = reader.entries(qemuD)?.sort() ?? [];
    if (names.length > MAX_HOOK_ENTRIES) problems.push(`/${qemuD} (${names.length} entries: only the first ${MAX_HOOK_ENTRIES} looked at)`);
    for (const name of names.slice(0, MAX_HOOK_ENTRIES)) {
      const rel = `${qemuD}/${name}`;
      if (!reader.isWithin(rel, LIBVIRT_HOOKS)) {
        problems.push(`/${rel} (leads outside /${LIBVIRT_HOOKS})`);
        continue;
      }
      if (!reader.isDir(rel)) {
        // A script directly in qemu.d: libvirt runs it for every guest.
        const s = script(rel);
        if (s.runs && s.sets) all.push(`/${rel}`);
        continue;
      }
      // The hook-helper layout: only a `qemu` dispatcher runs it.
      if (!dispatcher.runs) continue;
      const begin = `${rel}/prepare/begin`;
      if (!reader.isWithin(begin, LIBVIRT_HOOKS)) continue;
      const found: string[] = [];
      if (reader.isDir(begin)) {
        const files = reader.entries(begin)?.sort() ?? [];
        if (files.length > MAX_HOOK_ENTRIES) problems.push(`/${begin} (${files.length} entries: only the first ${MAX_HOOK_ENTRIES} looked at)`);
        for (const f of files.slice(0, MAX_HOOK_ENTRIES)) {
          const s = script(`${begin}/${f}`);
          if (s.runs && s.sets) found.push(`/${begin}/${f}`);
        }
      } else {
        const s = script(begin);
        if (s.runs && s.sets) found.push(`/${begin}`);
      }
      if (found.length > 0) perGuest.set(name, found);
    }
  }
  if (problems.length > 0) reader.cannotRead('libvirt hooks', problems.join(', '));
  const out: SnapshotHugepageHook[] = [];
  if (all.length > 0) out.push({ allGuests: true, hooks: all });
  for (const [guest, hooks] of [...perGuest].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) out.push({ guest, hooks });
  return out.length > 0 ? out : undefined;
}
