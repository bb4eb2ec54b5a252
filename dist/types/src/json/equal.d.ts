/**
 * Deep equality of two parsed JSON values (no `undefined` inside, no NaN): the same answers as
 * fast-deep-equal, which Ajv's const, enum and uniqueItems use (src/json/schema-validator.ts), for them.
 */
export declare function jsonEqual(a: unknown, b: unknown): boolean;
