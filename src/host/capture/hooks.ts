/**
 * libvirt hooks that set hugepage pools when a guest starts (/etc/libvirt/hooks), for
 * insufficient-hugepages (src/model/hugepage-hooks.ts). Many single-GPU (VFIO) desktops reserve
 * hugepages only while the guest runs, so a snapshot taken with the guest off shows an empty pool.
 *
 * Which scripts run for which guest (https://libvirt.org/hooks.html):
 * - /etc/libvirt/hooks/qemu: libvirt runs it for every guest and operation. A script that
 *   mentions a pool counts for all guests, unless every pool write sits under a test of the guest
 *   name $1 (poolWriteGuests): then for those guests only;
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
 * Comment lines do not count; the value written is not read. A script that writes only the host-wide
 * pool is marked (hostWide): the kernel spreads those pages over the nodes with memory.
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
  const code = codeOf(text);
  return (
    /\/proc\/sys\/vm\/nr_hugepages/.test(code) ||
    // The pool directory and the file are often joined through variables and quotes: VFIO-Tools'
    // alloc_hugepages.sh writes /sys/devices/system/node/node0/hugepages/hugepages-"$HPG_SIZE"kB/nr_hugepages.
    (/\/sys\/kernel\/mm\/hugepages|\/sys\/devices\/system\/node\/[^\s;|&)]{0,256}hugepages/.test(code) && /\bnr_hugepages\b/.test(code)) ||
    /\bsysctl\b[^\n]{0,512}\bvm[./]nr_hugepages(?:_mempolicy)?[ \t]*=/.test(code) ||
    // libhugetlbfs: hugeadm --pool-pages-min 2MB:4096 sets the pool's size.
    /\bhugeadm\b[^\n]{0,512}--pool-pages-(?:min|max)\b/.test(code)
  );
}

/** The text's lines without comment lines. */
function codeOf(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
}

/**
 * Whether a script that sets a pool sets only the host-wide one: it names no node's pool
 * (/sys/devices/system/node/nodeN/hugepages) and runs nothing under numactl (whose policy would steer
 * nr_hugepages_mempolicy). A write to the host-wide nr_hugepages makes the kernel spread the new pages
 * round-robin over the nodes with memory (mm/hugetlb.c __nr_hugepages_store_common: nodes_allowed =
 * N_MEMORY without a node or a task mempolicy; alloc_pool_huge_folio walks them with
 * for_each_node_mask_to_alloc). libvirt runs hooks from libvirtd, whose policy is the default one.
 */
export function setsOnlyHostWidePool(text: string): boolean {
  const code = codeOf(text);
  return setsHugepagePool(text) && !/\/sys\/devices\/system\/node\b/.test(code) && !/\bnumactl\b/.test(code);
}

/**
 * The host nodes whose own pools a script writes, when every pool it names is a node's pool given by number
 * (/sys/devices/system/node/node0/hugepages…, as VFIO-Tools' alloc_hugepages.sh writes): writing a node's
 * nr_hugepages allocates on that node only (mm/hugetlb.c __nr_hugepages_store_common with nid set:
 * nodes_allowed = that node). undefined when it also writes a host-wide pool, runs numactl, or builds the
 * node from a variable (node$N).
 */
export function nodePoolsWritten(text: string): number[] | undefined {
  const code = codeOf(text);
  if (!setsHugepagePool(text) || /\/proc\/sys\/vm\/nr_hugepages|\/sys\/kernel\/mm\/hugepages|\bsysctl\b[^\n]{0,512}nr_hugepages|\bhugeadm\b|\bnumactl\b/.test(code)) return undefined;
  const paths = [...code.matchAll(/\/sys\/devices\/system\/node\/([^\s/"';|&)]*)/g)].map((m) => m[1]!);
  const nodes = new Set<number>();
  for (const p of paths) {
    const m = /^node(\d{1,5})$/.exec(p);
    if (!m) return undefined;
    nodes.add(Number(m[1]));
  }
  return nodes.size > 0 ? [...nodes].sort((a, b) => a - b) : undefined;
}

/** The longest statement poolWriteGuests reads (a shell line of a hook script is far shorter). */
export const MAX_STATEMENT_CHARS = 2000;

const WORD_END = String.raw`(?=\s|\]|;|\)|$)`;
/** A literal guest name as a shell word: quoted, or bare without glob characters. */
const LITERAL = String.raw`(?:"([^"$\x60\\*?[\]]+)"|'([^'*?[\]]+)'|([A-Za-z0-9._+:@-]+)${WORD_END})`;
/** The same, where it precedes the operator: a bare word must start after a space or bracket. */
const LITERAL_START = String.raw`(?:"([^"$\x60\\*?[\]]+)"|'([^'*?[\]]+)'|(?<=\s|\[)([A-Za-z0-9._+:@-]+))`;

/**
 * The guest names that guard every pool write of a script libvirt runs for all guests (the monolithic
 * /etc/libvirt/hooks/qemu, or a script directly in qemu.d), or undefined when a pool write is not under
 * such a test. libvirt passes the guest name as $1 (https://libvirt.org/hooks.html, "the first argument
 * is the name of the object involved"); a write inside `if [ "$1" = win11 ]` (or `==`, `[[ ]]`, `test`,
 * a variable assigned from $1, `elif`, a `case "$1" in win11)` arm, or `[ "$1" = win11 ] && …`) runs only
 * for that guest. Anything else (negated tests, `!=`, globs, `else`, functions, a write before the test,
 * nesting this reading loses track of) leaves the script counting for every guest, as before.
 */
export function poolWriteGuests(text: string): string[] | undefined {
  const code = codeOf(text);
  const vars = new Set<string>(['1']);
  // Line-anchored patterns use [ \t], never \s: \s also spans newlines, which made them quadratic in blank lines.
  for (const m of code.matchAll(/^[ \t]*(?:local[ \t]+|readonly[ \t]+|declare[ \t]+(?:-\w+[ \t]+)?)?([A-Za-z_]\w*)=(["']?)\$(?:1|\{1\})\2[ \t]*(?:;|$)/gm)) vars.add(m[1]!);
  // A hook copies $1 into a variable or two; a hostile one with thousands is not read.
  if (vars.size > 32) return undefined;
  const ref = String.raw`"?\$(?:\{(?:${[...vars].join('|')})\}|(?:${[...vars].join('|')})\b)"?`;
  const eqAfter = new RegExp(String.raw`${ref}\s*==?\s*${LITERAL}`, 'g');
  const eqBefore = new RegExp(String.raw`${LITERAL_START}\s*==?\s*${ref}`, 'g');
  const isRef = new RegExp(String.raw`^${ref}$`);
  // A variable assigned one literal once (my_guest_name="windows10") stands for that literal in a test.
  const assigned = new Map<string, string[]>();
  for (const m of code.matchAll(/^[ \t]*(?:readonly[ \t]+|declare[ \t]+(?:-\w+[ \t]+)?)?([A-Za-z_]\w*)=(.*)$/gm)) {
    const list = assigned.get(m[1]!);
    if (list) list.push(m[2]!.trim());
    else assigned.set(m[1]!, [m[2]!.trim()]);
  }
  const literals = new Map<string, string>();
  for (const [name, values] of assigned) {
    const v = values.length === 1 ? /^(?:"([^"$\x60\\*?[\]]+)"|'([^'*?[\]]+)'|([A-Za-z0-9._+:@-]+))$/.exec(values[0]!) : null;
    if (v && !vars.has(name)) literals.set(name, v[1] ?? v[2] ?? v[3]!);
  }
  const resolve = (cond: string): string =>
    cond.replace(/"?\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))"?/g, (all, a: string | undefined, b: string | undefined) => {
      const v = literals.get((a ?? b)!);
      return v === undefined ? all : `"${v}"`;
    });
  /**
   * The guest names of `cond` when it is a single test that the guest name is NOT one literal
   * (`[ "$1" != win10 ]`): an early exit under it confines everything after it to that name.
   */
  const negatedName = (raw: string): string | undefined => {
    const cond = resolve(raw);
    if (/&&|\|\||\s-[ao]\s/.test(cond)) return undefined;
    const lit = String.raw`(?:"([^"$\x60\\*?[\]]+)"|'([^'*?[\]]+)'|([A-Za-z0-9._+:@-]+))`;
    const m =
      new RegExp(String.raw`^(?:\[\[?|test)\s+${ref}\s*!=\s*${lit}\s*(?:\]\]?)?$`).exec(cond) ??
      new RegExp(String.raw`^(?:\[\[?|test)\s+${lit}\s*!=\s*${ref}\s*(?:\]\]?)?$`).exec(cond);
    return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  };
  /** The names a condition requires, or null when it does not confine to names. */
  const condNames = (raw: string): string[] | null => {
    const cond = resolve(raw);
    if (/(?:^|\s)!(?:\s|\[)|!=|=~|-ne\b/.test(cond)) return null;
    const out: string[] = [];
    for (const part of cond.split(/\|\||\s-o\s/)) {
      const names = [...part.matchAll(eqAfter), ...part.matchAll(eqBefore)].map((m) => m[1] ?? m[2] ?? m[3]!);
      if (names.length === 0) return null;
      out.push(...names);
    }
    return out;
  };
  type Frame = { kind: 'if' | 'case'; names: string[] | null; nameCase?: boolean; armOpen?: boolean };
  const stack: Frame[] = [];
  const guards = new Set<string>();
  const statements = code
    .replace(/;;/g, '\n;;\n')
    .split(/\n|;(?!;)/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  // A hook's statements are short; a very long one (a hostile copy) is not read: the patterns below would take
  // time quadratic in its length, and the script then counts for every guest.
  if (statements.some((t) => t.length > MAX_STATEMENT_CHARS)) return undefined;
  const writes = (stmt: string) => /nr_hugepages|\bhugeadm\b/.test(stmt);
  const confined = (extra: string[] | null): string[] | null => {
    let names: string[] | null = onlyFor === null ? extra : extra === null ? onlyFor : extra.filter((n) => onlyFor!.includes(n));
    for (const f of stack) {
      if (f.names === null) continue;
      names = names === null ? f.names : names.filter((n) => f.names!.includes(n));
    }
    return names;
  };
  /** Set by an early exit at the top level (`if [ "$1" != win10 ]; then exit; fi`): the rest runs for that guest only. */
  let onlyFor: string[] | null = null;
  const harmless = (t: string) => /^(?:exit(?:\s+\d+)?|return(?:\s+\d+)?|(?:echo|printf|logger)\b.*)$/.test(t);
  for (let i = 0; i < statements.length; i++) {
    let stmt = statements[i]!;
    // if [ "$1" != name ]; then [echo …;] exit; fi — or [ "$1" != name ] && exit — at the top level.
    if (stack.length === 0) {
      const ifNeg = /^if\s+(.*?)(?:\s+then)?$/.exec(stmt);
      const name = ifNeg ? negatedName(ifNeg[1]!) : undefined;
      if (name !== undefined) {
        const body: string[] = [];
        let j = i + 1;
        for (; j < statements.length && statements[j] !== 'fi'; j++) body.push(statements[j]!.replace(/^then\s*/, ''));
        const parts = body.filter((t) => t !== '');
        if (j < statements.length && parts.length > 0 && parts.every(harmless) && parts.some((t) => /^exit\b/.test(t))) {
          onlyFor = onlyFor === null ? [name] : onlyFor.filter((n) => n === name);
          i = j;
          continue;
        }
      }
      const andExit = /^(.*?)\s*&&\s*exit(?:\s+\d+)?$/.exec(stmt);
      const andName = andExit ? negatedName(andExit[1]!) : undefined;
      if (andName !== undefined) {
        onlyFor = onlyFor === null ? [andName] : onlyFor.filter((n) => n === andName);
        continue;
      }
      const orExit = /^(.*?)\s*\|\|\s*exit(?:\s+\d+)?$/.exec(stmt);
      const orNames = orExit ? condNames(orExit[1]!) : null;
      if (orNames !== null && orNames.length === 1) {
        onlyFor = onlyFor === null ? orNames : onlyFor.filter((n) => n === orNames[0]);
        continue;
      }
    }
    for (;;) {
      const m = /^(then|else|do)\s+(.*)$/.exec(stmt);
      if (!m) break;
      if (m[1] === 'else') {
        const top = stack.at(-1);
        if (top?.kind !== 'if') return undefined;
        top.names = null;
      }
      stmt = m[2]!;
    }
    let m: RegExpExecArray | null;
    if ((m = /^(if|elif)\s+(.*?)(?:\s+then)?$/.exec(stmt))) {
      const names = condNames(m[2]!);
      if (m[1] === 'if') stack.push({ kind: 'if', names });
      else {
        const top = stack.at(-1);
        if (top?.kind !== 'if') return undefined;
        top.names = names;
      }
      continue;
    }
    if (stmt === 'then' || stmt === 'do' || stmt === 'done' || /^(while|for|until)\b/.test(stmt)) {
      // Loops do not confine; their bodies are read with the frames around them.
      if (!writes(stmt)) continue;
    }
    if (stmt === 'else') {
      const top = stack.at(-1);
      if (top?.kind !== 'if') return undefined;
      top.names = null;
      continue;
    }
    if (stmt === 'fi') {
      if (stack.pop()?.kind !== 'if') return undefined;
      continue;
    }
    if ((m = /^case\s+(\S+)\s+in$/.exec(stmt))) {
      stack.push({ kind: 'case', names: null, nameCase: isRef.test(m[1]!), armOpen: false });
      continue;
    }
    if (stmt === 'esac') {
      if (stack.pop()?.kind !== 'case') return undefined;
      continue;
    }
    if (stmt === ';;') {
      const top = stack.at(-1);
      if (top?.kind !== 'case') return undefined;
      top.names = null;
      top.armOpen = false;
      continue;
    }
    const top = stack.at(-1);
    if (top?.kind === 'case' && !top.armOpen && (m = /^\(?([^()]+)\)\s*(.*)$/.exec(stmt))) {
      top.armOpen = true;
      const labels = m[1]!.split('|').map((l) => l.trim());
      const lit = new RegExp(String.raw`^${LITERAL}$`);
      const names = labels.map((l) => lit.exec(l)).map((x) => (x ? (x[1] ?? x[2] ?? x[3]!) : undefined));
      top.names = top.nameCase && names.every((n) => n !== undefined) ? (names as string[]) : null;
      stmt = m[2]!;
      if (stmt === '') continue;
    }
    if (!writes(stmt)) continue;
    // `[ "$1" = win11 ] && echo 4096 > …`
    const and = stmt.split('&&');
    const inline = and.length > 1 ? condNames(and[0]!) : null;
    const names = confined(inline);
    if (names === null) return undefined;
    for (const n of names) guards.add(n);
  }
  if (stack.length > 0) return undefined;
  return guards.size > 0 ? [...guards].sort() : undefined;
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
  interface Script {
    runs: boolean;
    sets: boolean;
    hostWide?: boolean;
    /** The host nodes whose own pools it writes (nodePoolsWritten). */
    nodes?: number[];
    /** For a script run for every guest: the guest names its pool writes are confined to. */
    guests?: string[];
  }
  const script = (rel: string): Script => {
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
    const facts = sets ? { hostWide: setsOnlyHostWidePool(r.text), guests: poolWriteGuests(r.text), nodes: nodePoolsWritten(r.text) } : {};
    let runs = true;
    try {
      runs = (statSync(reader.abs(rel)).mode & 0o111) !== 0;
    } catch {
      runs = false;
    }
    if (sets && !runs) problems.push(`/${rel} (sets hugepage pools but is not executable: libvirt does not run it)`);
    return { runs, sets, ...facts };
  };
  const all: Script[] = [];
  const allPaths: string[] = [];
  const perGuest = new Map<string, { path: string; s: Script }[]>();
  const addFor = (guest: string, path: string, s: Script) => {
    const list = perGuest.get(guest) ?? [];
    if (!list.some((e) => e.path === path)) list.push({ path, s });
    perGuest.set(guest, list);
  };
  /** A script libvirt runs for every guest: for the guests its pool writes are confined to, else for all. */
  const forEveryGuest = (path: string, s: Script) => {
    if (!s.runs || !s.sets) return;
    if (s.guests) for (const g of s.guests) addFor(g, path, s);
    else {
      all.push(s);
      allPaths.push(path);
    }
  };
  const entries = new Set(listing.entries);
  const dispatcher: Script = entries.has('qemu') ? script(`${LIBVIRT_HOOKS}/qemu`) : { runs: false, sets: false };
  forEveryGuest(`/${LIBVIRT_HOOKS}/qemu`, dispatcher);

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
        forEveryGuest(`/${rel}`, script(rel));
        continue;
      }
      // The hook-helper layout: only a `qemu` dispatcher runs it.
      if (!dispatcher.runs) continue;
      const begin = `${rel}/prepare/begin`;
      if (!reader.isWithin(begin, LIBVIRT_HOOKS)) continue;
      if (reader.isDir(begin)) {
        const files = reader.entries(begin)?.sort() ?? [];
        if (files.length > MAX_HOOK_ENTRIES) problems.push(`/${begin} (${files.length} entries: only the first ${MAX_HOOK_ENTRIES} looked at)`);
        for (const f of files.slice(0, MAX_HOOK_ENTRIES)) {
          const s = script(`${begin}/${f}`);
          if (s.runs && s.sets) addFor(name, `/${begin}/${f}`, s);
        }
      } else {
        const s = script(begin);
        if (s.runs && s.sets) addFor(name, `/${begin}`, s);
      }
    }
  }
  if (problems.length > 0) reader.cannotRead('libvirt hooks', problems.join(', '));
  const out: SnapshotHugepageHook[] = [];
  const hostWide = (list: { path: string; s: Script }[]) => {
    const paths = list.filter((e) => e.s.hostWide).map((e) => e.path);
    const nodes = list.filter((e) => e.s.nodes);
    return {
      ...(paths.length > 0 && { hostWide: paths }),
      ...(nodes.length > 0 && { hookNodes: Object.fromEntries(nodes.map((e) => [e.path, e.s.nodes!])) }),
    };
  };
  const allList = allPaths.map((path, i) => ({ path, s: all[i]! }));
  if (allList.length > 0) out.push({ allGuests: true, hooks: allPaths, ...hostWide(allList) });
  for (const [guest, list] of [...perGuest].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    out.push({ guest, hooks: list.map((e) => e.path), ...hostWide(list) });
  }
  return out.length > 0 ? out : undefined;
}
