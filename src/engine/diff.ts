/**
 * Unified diff of two texts (for --fix-dry-run), in the form `git apply` and
 * `patch` accept. Lines keep their own endings, so CRLF files diff correctly;
 * a last line without a newline gets the usual "\ No newline at end of file".
 * Myers' O(ND) algorithm: fixes touch few lines, so D is small.
 */

function splitLines(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g);
  return lines ?? [];
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/**
 * Edit scripts longer than this are not searched for a minimal one: the trace Myers keeps grows with
 * the square of the edit count (8,000 changed lines held 2 GB). Past it, the lines between the common
 * head and tail are shown as removed, then added: a correct patch, only not the smallest.
 */
const MAX_EDITS = 4000;

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  // trace[d]: v for k in [-d, d] before step d (all the walk back reads), 2d + 1 values.
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    if (d > MAX_EDITS) return coarse(a, b);
    trace.push(v.slice(max - d, max + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from the end to recover the edit script.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const at = (k: number) => vd[k + d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x]! });
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  return ops.reverse();
}

/** The common head and tail kept, everything between removed and then added. */
function coarse(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', line: a[i]! });
  for (let i = head; i < a.length - tail; i++) ops.push({ kind: '-', line: a[i]! });
  for (let i = head; i < b.length - tail; i++) ops.push({ kind: '+', line: b[i]! });
  for (let i = a.length - tail; i < a.length; i++) ops.push({ kind: ' ', line: a[i]! });
  return ops;
}

function emitLine(kind: string, line: string): string {
  return line.endsWith('\n') ? `${kind}${line}` : `${kind}${line}\n\\ No newline at end of file\n`;
}

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = myers(a, b);
  // A name with a space ends in a tab, as git writes it (diff.c): GNU patch reads what follows the first
  // space of an unterminated name as a timestamp, and would patch `a/vm.xml` for `a/vm.xml copy.xml`.
  const tab = (name: string) => (name.includes(' ') ? '\t' : '');
  let out = `--- ${oldName}${tab(oldName)}\n+++ ${newName}${tab(newName)}\n`;
  // Group changes with `context` lines around them into hunks.
  let i = 0;
  let aLine = 0;
  let bLine = 0;
  const pos: Array<{ a: number; b: number }> = [];
  for (const op of ops) {
    pos.push({ a: aLine, b: bLine });
    if (op.kind !== '+') aLine++;
    if (op.kind !== '-') bLine++;
  }
  while (i < ops.length) {
    while (i < ops.length && ops[i]!.kind === ' ') i++;
    if (i >= ops.length) break;
    const start = Math.max(0, i - context);
    let end = i;
    let lastChange = i;
    while (end < ops.length) {
      if (ops[end]!.kind !== ' ') lastChange = end;
      else if (end - lastChange > 2 * context) break;
      end++;
    }
    end = Math.min(ops.length, lastChange + context + 1);
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    const aStart = aCount === 0 ? pos[start]!.a : pos[start]!.a + 1;
    const bStart = bCount === 0 ? pos[start]!.b : pos[start]!.b + 1;
    out += `@@ -${aStart},${aCount} +${bStart},${bCount} @@\n`;
    for (const op of hunk) out += emitLine(op.kind, op.line);
    i = end;
  }
  return out;
}

const C_ESCAPES: Record<number, string> = { 0x07: '\\a', 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0b: '\\v', 0x0c: '\\f', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

/**
 * A path as git writes it in a patch header (quote.c quote_c_style, core.quotePath on): as is when
 * plain, else in double quotes with C escapes and every other control or non-ASCII byte in octal.
 * Unquoted, a tab in a name ends it (the rest reads as a timestamp) and a newline starts a header
 * of its own, so `git apply` would patch another file. git apply and GNU patch read the quoted form.
 */
export function gitQuotedPath(path: string): string {
  const bytes = Buffer.from(path, 'utf8');
  if (!bytes.some((b) => b < 0x20 || b >= 0x7f || b === 0x22 || b === 0x5c)) return path;
  let out = '"';
  for (const b of bytes) {
    if (C_ESCAPES[b] !== undefined) out += C_ESCAPES[b];
    else if (b < 0x20 || b >= 0x7f) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}
