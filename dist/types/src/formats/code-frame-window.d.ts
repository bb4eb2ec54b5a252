/** The frame of `source` at `loc`, from the lines it shows only; the gutter numbered as in the whole source. */
export declare function windowedCodeFrame(source: string, loc: {
    start: {
        line: number;
        column?: number;
    };
}, opts?: Record<string, unknown>): string;
