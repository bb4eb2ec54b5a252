/**
 * Maps UTF-16 offsets to 1-based line and column. Line breaks are `\r\n`, `\n`
 * and a lone `\r`, as XML 1.0 §2.11 normalises them (and as saxes counts lines).
 * Columns count UTF-16 code units, SARIF's default `columnKind`.
 */
export class LineIndex {
  private computed: number[] | undefined;
  private firstEnd = -1;

  /** Cheap: the line starts are found on first use (most files, and most host snapshots, never need them). */
  constructor(private readonly text: string) {}

  private get starts(): number[] {
    if (this.computed) return this.computed;
    const { text } = this;
    const starts = [0];
    // Most files have no \r at all: then the native indexOf finds each \n (several times faster than a
    // loop over every character, and a text-format run indexes every file that has a finding).
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return (this.computed = starts);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return (this.computed = starts);
  }

  /**
   * Where the first line ends (as `lineStart(2) - 1` would say, or the text's length for one
   * line), found without indexing the whole text: host findings anchor there, and a host
   * snapshot can be megabytes.
   */
  firstLineEnd(): number {
    if (this.firstEnd < 0) this.firstEnd = this.findFirstLineEnd();
    return this.firstEnd;
  }

  private findFirstLineEnd(): number {
    const lf = this.text.indexOf('\n');
    const cr = this.text.indexOf('\r');
    if (cr < 0 || (lf >= 0 && lf < cr)) return lf < 0 ? this.text.length : lf;
    return this.text.charCodeAt(cr + 1) === 10 ? cr + 1 : cr;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }

  position(offset: number): { line: number; column: number } {
    if (!this.computed && offset <= this.firstLineEnd()) return { line: 1, column: offset + 1 };
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}
