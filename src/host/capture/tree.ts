/**
 * Reading a host tree (`/` or a copy under `--root`) for `kvmlint snapshot`: every
 * source module (sys.ts, proc.ts, tuned.ts, libvirt.ts, guests.ts) reads through one
 * TreeReader, which turns a missing file into an absent fact (named in `missing`) and
 * an unreadable one into a note.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isInside } from '../../engine/paths.ts';

/**
 * The most one file of the tree may hold. /sys and /proc files are small; a large guest's
 * /proc/PID/numa_maps is the biggest, a few MB. A copied tree (`--root`) is as hostile as a pull
 * request: a file linked to /dev/zero must not fill memory.
 */
const MAX_TREE_FILE_BYTES = 64 * 1024 * 1024;

/** A read refused for what the file is, not for a system error: reported with its own code. */
class TreeReadRefusal extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
import type { CpuSet } from '../../model/cpuset.ts';
import type { SnapshotCpuList } from '../../model/host.ts';
import { parseSnapshotCpuList, type CpuListGrammar } from '../../model/host-model.ts';

export class TreeReader {
  readonly missing = new Set<string>();
  readonly notes: string[] = [];
  /** What a source could not read or use, said in one note per source at the end of the capture (`libvirt` → problems). */
  readonly unreadable = new Map<string, string[]>();

  /** The tree's real path, for the confinement of a copied tree (undefined for `/`: everything is inside). */
  private readonly realRoot: string | undefined;

  constructor(readonly root: string) {
    let real: string | undefined;
    try {
      real = realpathSync.native(root);
    } catch {
      real = undefined;
    }
    this.realRoot = real === '/' ? undefined : real;
  }

  /**
   * Reads a file of the tree as text: a regular file only (a FIFO would block, a device never end),
   * at most MAX_TREE_FILE_BYTES (procfs reports size 0, so the bound is checked while reading), and
   * for a copied tree only where the file really is inside it (a link to /etc/shadow, or a name with
   * `..` taken from the tree, such as a guest name, is refused).
   */
  private read(rel: string, maxBytes = MAX_TREE_FILE_BYTES, within?: string): string {
    const abs = this.abs(rel);
    const real = realpathSync.native(abs);
    if (this.realRoot !== undefined && !isInside(this.realRoot, real)) throw new TreeReadRefusal('leads outside the tree');
    if (within !== undefined && !isInside(realpathSync.native(this.abs(within)), real)) throw new TreeReadRefusal(`leads outside /${within}`);
    const fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      if (!fstatSync(fd).isFile()) throw new TreeReadRefusal('not a regular file');
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const buf = Buffer.allocUnsafe(16 * 1024);
        const n = readSync(fd, buf, 0, buf.length, null);
        if (n === 0) break;
        total += n;
        if (total > maxBytes) throw new TreeReadRefusal(`larger than ${maxBytes} bytes`);
        chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      }
      return Buffer.concat(chunks, total).toString('utf8');
    } finally {
      closeSync(fd);
    }
  }

  /** Records a problem of a source that reads many files (libvirt's), for its one note. */
  cannotRead(source: string, problem: string): void {
    const list = this.unreadable.get(source) ?? [];
    list.push(problem);
    this.unreadable.set(source, list);
  }

  abs(rel: string): string {
    return join(this.root, rel);
  }

  /** The file's text, or undefined when it does not exist (or cannot be read, with a note). */
  text(rel: string): string | undefined {
    try {
      return this.read(rel);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.notes.push(`/${rel}: cannot read (${code ?? (err as Error).message}); treated as missing`);
      return undefined;
    }
  }

  /**
   * The file's text, or why it could not be read (`ENOENT`, `EACCES`, …), with no
   * note: for sources that read many files and say once what they could not read.
   */
  textOrError(rel: string): { text: string } | { code: string } {
    try {
      return { text: this.read(rel) };
    } catch (err) {
      return { code: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
    }
  }

  /**
   * A file that must really lie inside the tree's directory `within` (its real path, links resolved: a script
   * linked to /etc/shadow or to another part of the tree is refused), a regular file of at most `maxBytes`;
   * or why it could not be read.
   */
  textWithinOrError(rel: string, within: string, maxBytes: number): { text: string } | { code: string } {
    try {
      return { text: this.read(rel, maxBytes, within) };
    } catch (err) {
      return { code: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
    }
  }

  /** Whether `rel` exists and its real path lies inside the tree and inside its directory `within`. */
  isWithin(rel: string, within: string): boolean {
    try {
      const real = realpathSync.native(this.abs(rel));
      if (this.realRoot !== undefined && !isInside(this.realRoot, real)) return false;
      return isInside(realpathSync.native(this.abs(within)), real);
    } catch {
      return false;
    }
  }

  /** One line of sysfs/procfs text: the value without its trailing newline. */
  line(rel: string): string | undefined {
    const t = this.text(rel);
    return t === undefined ? undefined : t.replace(/\r?\n$/, '');
  }

  /** A whole number from a one-value file; undefined (with a note) when it is not one. */
  int(rel: string): number | undefined {
    const t = this.line(rel);
    if (t === undefined) return undefined;
    const v = t.trim();
    if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
      this.notes.push(`/${rel}: ${JSON.stringify(v)} is not a whole number; treated as missing`);
      return undefined;
    }
    return Number(v);
  }

  /** For a copied tree: whether `rel` really lies inside it (a directory linked out of it is not listed). */
  private inside(rel: string): boolean {
    if (this.realRoot === undefined) return true;
    try {
      return isInside(this.realRoot, realpathSync.native(this.abs(rel)));
    } catch {
      return true; // missing: the read that follows says so
    }
  }

  entries(rel: string): string[] | undefined {
    if (!this.inside(rel)) return undefined;
    try {
      return readdirSync(this.abs(rel));
    } catch {
      return undefined;
    }
  }

  /** Directory entries, or why the directory could not be listed. */
  entriesOrError(rel: string): { entries: string[] } | { code: string } {
    if (!this.inside(rel)) return { code: 'leads outside the tree' };
    try {
      return { entries: readdirSync(this.abs(rel)) };
    } catch (err) {
      return { code: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
    }
  }

  isDir(rel: string): boolean {
    if (!this.inside(rel)) return false;
    try {
      return statSync(this.abs(rel)).isDirectory();
    } catch {
      return false;
    }
  }

  miss(name: string): void {
    this.missing.add(name);
  }
}

/** Directory entries `<prefix><number><suffix>` as numbers, ascending. */
export function numberedEntries(entries: readonly string[] | undefined, prefix: string, suffix = ''): number[] {
  const re = new RegExp(`^${prefix}(\\d+)${suffix}$`);
  return (entries ?? [])
    .map((e) => re.exec(e))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/** A CPU list read from a source: as stored in the snapshot, and as a set. */
export interface ReadCpuList {
  list: SnapshotCpuList;
  set: CpuSet;
}

/**
 * A CPU list as `{raw, parsed}`. undefined (with a note) when the raw text does not
 * parse with its grammar: the loader would reject the whole snapshot for it.
 */
export function cpuList(reader: TreeReader, where: string, raw: string, grammar: CpuListGrammar, nrCpuIds: number | undefined): ReadCpuList | undefined {
  const r = parseSnapshotCpuList(raw, grammar, nrCpuIds);
  if (!r.ok) {
    reader.notes.push(`${where}: ${JSON.stringify(raw)} is not a ${grammar} CPU list (${r.error}); left out`);
    return undefined;
  }
  return { list: { raw, parsed: r.value.toString() }, set: r.value };
}

/** A sysfs/procfs CPU-list file as `{raw, parsed}`, or undefined when missing (named in `missing` as `missingName`). */
export function kernelCpuListFile(reader: TreeReader, rel: string, missingName: string | undefined, nrCpuIds: number | undefined): ReadCpuList | undefined {
  let raw = reader.line(rel);
  if (raw === undefined) {
    if (missingName !== undefined) reader.miss(missingName);
    return undefined;
  }
  // %*pbl of a cpumask that was never allocated (nohz_full on a kernel booted without it) prints "(null)".
  if (raw.trim() === '(null)') {
    reader.notes.push(`/${rel} reads "(null)": the kernel has no such mask, so no CPUs; stored as an empty list`);
    raw = '';
  }
  return cpuList(reader, `/${rel}`, raw, 'kernel', nrCpuIds);
}

/** `Node 0 MemTotal:  65536000 kB` lines of nodeN/meminfo (or `MemTotal:` of /proc/meminfo) → KiB by key. */
export function parseMeminfo(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(?:Node\s+\d+\s+)?([A-Za-z0-9_()]+):\s+(\d+)(?:\s+kB)?\s*$/.exec(line);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}
