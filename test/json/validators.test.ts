import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { generatedDir, loadSchema, renderValidator, validatorSpecs, type ValidatorSpec } from '../../scripts/gen-validators.ts';
import { repoRoot } from '../support/paths.ts';

async function generated(spec: ValidatorSpec): Promise<ValidateFunction> {
  return (await import(join(generatedDir, spec.file))).default as ValidateFunction;
}

/** Each shipped document, then variants that break it in the ways people do. */
function documents(kind: 'snapshot' | 'config'): unknown[] {
  const files =
    kind === 'snapshot'
      ? [...readdirSync(join(repoRoot, 'fixtures', 'hosts')).map((f) => join('fixtures', 'hosts', f)), 'examples/hosts/dual-socket.json', 'examples/fleet/hosts/hv01.json']
      : ['examples/fleet/kvmlint.config.json'];
  const docs: unknown[] = files.filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(repoRoot, f), 'utf8')));
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

for (const spec of validatorSpecs) {
  test(`src/generated/${spec.file} is what scripts/gen-validators.ts writes from ${spec.schema} (run \`npm run gen\`)`, () => {
    assert.equal(readFileSync(join(generatedDir, spec.file), 'utf8'), renderValidator(spec));
  });

  test(`src/generated/${spec.file} reports exactly what Ajv compiling ${spec.schema} at run time reports`, async () => {
    const ahead = await generated(spec);
    const atRunTime = new Ajv(spec.options).compile(loadSchema(spec));
    const docs = documents(spec.file.startsWith('host') ? 'snapshot' : 'config');
    let invalid = 0;
    for (const doc of docs) {
      const ok = ahead(doc);
      assert.equal(ok, atRunTime(doc), JSON.stringify(doc).slice(0, 200));
      assert.deepEqual(ahead.errors ?? null, atRunTime.errors ?? null);
      if (!ok) invalid++;
    }
    // Both outcomes are exercised, and errors of many kinds.
    assert.ok(invalid > 20 && invalid < docs.length, `${invalid} of ${docs.length} invalid`);
  });
}
