/** Outcome of parsing one attribute or element value. `offset`/`length` locate the fault inside the value text. */
export type Parsed<T> = {
    ok: true;
    value: T;
    notes?: string[];
} | {
    ok: false;
    error: string;
    offset: number;
    length: number;
};
export declare function parsedOk<T>(value: T, notes?: string[]): Parsed<T>;
export declare function parsedError<T>(error: string, offset?: number, length?: number): Parsed<T>;
