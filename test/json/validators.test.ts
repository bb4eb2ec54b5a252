import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { generatedDir, loadSchema, renderSchemaModule, validatorSpecs, withoutProse } from '../../scripts/gen-validators.ts';
import { compileSchema } from '../../src/json/schema-validator.ts';
import { HOST_SNAPSHOT_SCHEMA } from '../../src/generated/host-snapshot-schema.ts';
import { CONFIG_SCHEMA } from '../../src/generated/config-schema.ts';
import { repoRoot } from '../support/paths.ts';

const SHIPPED: Readonly<Record<string, string>> = { HOST_SNAPSHOT_SCHEMA, CONFIG_SCHEMA };

const FULL_CONFIG = {
  $schema: '../schemas/kvmlint.config.schema.json',
  rules: { 'cpuset-syntax': 'error', 'boot-config-invalid': ['warn'], 'min-free-kbytes-guideline': ['warning', { maxPercent: 2 }], 'missing-emulatorpin': 'off', 'value-invalid': ['info', {}] },
  ignores: ['generated/**', { files: ['legacy/*.xml'], domains: ['old-*'], rules: ['cpuset-syntax'], reason: 'retired hosts' }],
  hosts: [{ snapshot: 'hosts/hv01.json', domains: ['hv01/**/*.xml'], housekeeping: '0-1', libvirtVersion: '10.0.0' }],
  reportUnusedDisableDirectives: true,
  maxFileSize: 1_000_000,
  schema: 'schemas/libvirt',
};

/** Each shipped document, then variants that break it in the ways people do. */
function documents(kind: 'snapshot' | 'config'): unknown[] {
  const files =
    kind === 'snapshot'
      ? [...readdirSync(join(repoRoot, 'fixtures', 'hosts')).map((f) => join('fixtures', 'hosts', f)), 'examples/hosts/dual-socket.json', 'examples/fleet/hosts/hv01.json']
      : ['examples/fleet/kvmlint.config.json'];
  const docs: unknown[] = files.filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(repoRoot, f), 'utf8')));
  // A config that uses every part of the schema, so mutations reach each: rule settings of each form, ignores of both kinds.
  if (kind === 'config') docs.push(FULL_CONFIG);
  const broken: unknown[] = [null, [], 'x', 7, {}];
  for (const doc of docs.slice(0, 6)) {
    const d = doc as Record<string, unknown>;
    broken.push({ ...d, extra: true });
    for (const key of Object.keys(d)) {
      const { [key]: _, ...without } = d;
      broken.push(without, { ...d, [key]: null }, { ...d, [key]: 'x' }, { ...d, [key]: -1 }, { ...d, [key]: [] }, { ...d, [key]: [{}] }, { ...d, [key]: { raw: 1 } });
    }
  }
  return [...docs, ...broken];
}

/** A small deterministic PRNG (mulberry32): the same mutations on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values a mutation puts in a field's place: every JSON type, limits, CPU-list-like text, a surrogate pair. */
const REPLACEMENTS: readonly unknown[] = [null, true, false, 0, -1, 1, 1.5, 2 ** 53, 2 ** 53 - 1, 1e308, '', 'x', '0-3', '0-3,8', '\u{1F600}', [], [1, 1], [-1, -1], ['a', 'a'], [{}], [{}, {}], {}, { raw: 1 }, { raw: '0-3' }, { extra: 1 }];

/** `count` copies of `doc`, each changed at 1-3 random places: a value replaced, a member removed or added, an entry repeated. */
function mutations(doc: unknown, count: number, next: () => number): unknown[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const out: unknown[] = [];
  for (let n = 0; n < count; n++) {
    const copy = structuredClone(doc) as Record<string, unknown>;
    for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
      // Walk down a random path, then change what is there.
      let parent: Record<string, unknown> | unknown[] = copy;
      for (let depth = 0; depth < 6; depth++) {
        const keys: Array<string | number> = Array.isArray(parent) ? parent.map((_, i) => i) : Object.keys(parent);
        if (keys.length === 0) break;
        const key = pick(keys);
        const child = (parent as Record<string | number, unknown>)[key];
        if (child !== null && typeof child === 'object' && next() < 0.7) {
          parent = child as Record<string, unknown> | unknown[];
          continue;
        }
        const r = next();
        if (Array.isArray(parent)) {
          if (r < 0.2) parent.splice(key as number, 1);
          else if (r < 0.4) parent.push(structuredClone(parent[key as number]));
          else parent[key as number] = structuredClone(pick(REPLACEMENTS));
        } else if (r < 0.2) delete parent[key as string];
        else if (r < 0.3) parent[`${String(key)}X`] = 1;
        else parent[key as string] = structuredClone(pick(REPLACEMENTS));
        break;
      }
    }
    out.push(copy);
  }
  return out;
}

for (const spec of validatorSpecs) {
  const kind = spec.file.startsWith('host') ? 'snapshot' : 'config';

  test(`src/generated/${spec.file} is what scripts/gen-validators.ts writes from ${spec.schema} (run \`npm run gen\`)`, () => {
    assert.equal(readFileSync(join(generatedDir, spec.file), 'utf8'), renderSchemaModule(spec));
  });

  test(`src/json/schema-validator.ts reports exactly what Ajv compiling ${spec.schema} reports, on shipped, broken and 3,000 mutated documents`, () => {
    const ours = compileSchema(JSON.parse(SHIPPED[spec.constant]!) as Record<string, unknown>);
    const ajv = new Ajv(spec.ajvOptions).compile(loadSchema(spec));
    const base = documents(kind);
    const next = random(kind === 'snapshot' ? 1 : 2);
    const valid = base.filter((d) => ajv(d));
    assert.ok(valid.length > 0, 'some shipped documents are valid');
    const docs = [...base, ...valid.flatMap((d) => mutations(d, Math.ceil(3000 / valid.length), next))];
    const keywords = new Set<string>();
    let invalid = 0;
    for (const doc of docs) {
      const ok = ours(doc);
      assert.equal(ok, ajv(doc), JSON.stringify(doc).slice(0, 300));
      // Our schema has no prose: compare Ajv's errors with theirs left out.
      const expected = ajv.errors?.map((e) => ({ ...e, schema: withoutProse(e.schema), parentSchema: withoutProse(e.parentSchema) })) ?? null;
      assert.deepEqual(ours.errors, expected, JSON.stringify(doc).slice(0, 300));
      if (!ok) invalid++;
      for (const e of ours.errors ?? []) keywords.add(e.keyword);
    }
    // Both outcomes are exercised, and errors of many kinds.
    assert.ok(invalid > docs.length / 4 && invalid < docs.length, `${invalid} of ${docs.length} invalid`);
    assert.ok(keywords.size >= 6, [...keywords].join(', '));
  });
}

test('a schema keyword or reference the validator does not implement fails preparing the schema, wherever it is; both shipped schemas prepare whole', () => {
  const prepared = (schema: Record<string, unknown>) => () => compileSchema(schema).prepareAll();
  assert.throws(prepared({ type: 'string', format: 'uri' }), /keyword 'format' is not implemented/);
  assert.throws(prepared({ type: 'object', properties: { a: { type: 'array', items: { type: 'number', multipleOf: 2 } } } }), /#\/properties\/a\/items: keyword 'multipleOf'/);
  assert.throws(prepared({ type: 'object', additionalProperties: { $ref: 'other.json#/x' } }), /only '#\/definitions\/<name>'/);
  assert.throws(prepared({ oneOf: [{ type: 'string' }, { $ref: '#/definitions/missing' }], definitions: {} }), /no definition 'missing'/);
  for (const text of Object.values(SHIPPED)) compileSchema(JSON.parse(text) as Record<string, unknown>).prepareAll();
});
