/**
 * Maps UTF-16 offsets to 1-based line and column. Line breaks are `\r\n`, `\n`
 * and a lone `\r`, as XML 1.0 §2.11 normalises them (and as saxes counts lines).
 * Columns count UTF-16 code units, SARIF's default `columnKind`.
 */
export declare class LineIndex {
    private readonly text;
    private computed;
    private firstEnd;
    /** Cheap: the line starts are found on first use (most files, and most host snapshots, never need them). */
    constructor(text: string);
    private get starts();
    /**
     * Where the first line ends (as `lineStart(2) - 1` would say, or the text's length for one
     * line), found without indexing the whole text: host findings anchor there, and a host
     * snapshot can be megabytes.
     */
    firstLineEnd(): number;
    private findFirstLineEnd;
    get lineCount(): number;
    /** Offset of the first character of a 1-based line. */
    lineStart(line: number): number;
    position(offset: number): {
        line: number;
        column: number;
    };
}
