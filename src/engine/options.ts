import type { OptionsSchema } from './types.ts';

/**
 * Checks a rule's options against its `meta.schema` before the rule runs (ESLint
 * validates `meta.schema` the same way): a misspelt or mistyped option is a
 * config error naming the key, never silently ignored. Covers the JSON Schema
 * subset rule schemas use (types, properties, additionalProperties, enum,
 * minimum/maximum, items). Returns the first problem: a key path and what is wrong.
 */
export function optionsProblem(schema: OptionsSchema | undefined, value: unknown, path = ''): { key: string; problem: string } | undefined {
  if (schema === undefined) {
    if (value !== null && typeof value === 'object' && Object.keys(value).length === 0) return undefined;
    return { key: path, problem: 'takes no options' };
  }
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (schema.type) {
    const ok =
      schema.type === 'integer' ? typeof value === 'number' && Number.isInteger(value) : schema.type === 'number' ? typeof value === 'number' && Number.isFinite(value) : actual === schema.type;
    if (!ok) return { key: path, problem: `must be ${schema.type === 'integer' || schema.type === 'array' || schema.type === 'object' ? 'an' : 'a'} ${schema.type}, not ${actual === 'object' ? 'an object' : JSON.stringify(value)}` };
  }
  if (schema.enum && !schema.enum.includes(value as string | number | boolean)) return { key: path, problem: `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}` };
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return { key: path, problem: `must be at least ${schema.minimum}` };
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return { key: path, problem: `must be more than ${schema.exclusiveMinimum}` };
    if (schema.maximum !== undefined && value > schema.maximum) return { key: path, problem: `must be at most ${schema.maximum}` };
  }
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const p = optionsProblem(schema.items, value[i], `${path}[${i}]`);
      if (p) return p;
    }
  }
  if (actual === 'object' && (schema.properties || schema.additionalProperties === false)) {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const sub = schema.properties?.[key];
      const where = path ? `${path}.${key}` : key;
      if (!sub) {
        if (schema.additionalProperties === false) {
          const known = Object.keys(schema.properties ?? {});
          return { key: where, problem: `no such option${known.length > 0 ? ` (options: ${known.join(', ')})` : ''}` };
        }
        continue;
      }
      const p = optionsProblem(sub, v, where);
      if (p) return p;
    }
  }
  return undefined;
}
