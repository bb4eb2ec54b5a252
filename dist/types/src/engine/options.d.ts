import type { OptionsSchema } from './types.js';
/**
 * Checks a rule's options against its `meta.schema` before the rule runs (ESLint
 * validates `meta.schema` the same way): a misspelt or mistyped option is a
 * config error naming the key, never silently ignored. Covers the JSON Schema
 * subset rule schemas use (types, properties, additionalProperties, enum,
 * minimum/maximum, items). Returns the first problem: a key path and what is wrong.
 */
export declare function optionsProblem(schema: OptionsSchema | undefined, value: unknown, path?: string): {
    key: string;
    problem: string;
} | undefined;
