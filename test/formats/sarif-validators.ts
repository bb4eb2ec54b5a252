import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvModule from 'ajv-draft-04';
import type { ErrorObject } from 'ajv-draft-04';
import type { Log, Result } from 'sarif';
import { repoRoot } from '../support/paths.ts';

/** The OASIS SARIF 2.1.0 (errata 01) schema, vendored byte for byte with its notice (test/vendor/sarif/NOTICE.md). */
export const SARIF_SCHEMA_PATH = path.join(repoRoot, 'test', 'vendor', 'sarif', 'sarif-schema-2.1.0.json');

// RFC 3986 characters; `%` only as an escape. ajv has no format checks of its own (ajv-formats is
// not installed) and an unchecked format passes anything, so the URIs would go unverified.
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:/;

// A CommonJS module: under NodeNext the default import is `module.exports`, whose `default` is the class.
const Ajv = AjvModule.default;

export function schemaValidator(): (log: unknown) => ErrorObject[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri-reference', (s: string) => URI_REFERENCE.test(s));
  ajv.addFormat('uri', (s: string) => URI.test(s) && URI_REFERENCE.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s));
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')));
  return (log) => (validate(log) ? [] : [...(validate.errors ?? [])]);
}

/** A multitool finding: its rule, its level (explicit, else the rule's default) and the log it is about. */
export interface MultitoolFinding {
  ruleId: string;
  level: string;
  file: string;
  message: string;
}

/**
 * Runs `Sarif.Multitool validate` once over several logs. It exits 0 even for an invalid log, so
 * the verdict is read from the SARIF log it writes: one result per problem, located in the log file.
 */
export function multitoolValidate(logs: Record<string, Log>): MultitoolFinding[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kvmlint-sarif-'));
  try {
    const files = Object.entries(logs).map(([name, log]) => {
      const file = path.join(dir, `${name}.sarif`);
      writeFileSync(file, JSON.stringify(log, null, 2));
      return file;
    });
    const output = path.join(dir, 'validation.sarif');
    const binary = createRequire(import.meta.url)('@microsoft/sarif-multitool-linux') as string;
    const run = spawnSync(binary, ['validate', ...files, '--output', output, '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (run.status !== 0) throw new Error(`multitool failed (${run.status}): ${run.stderr}${run.stdout}`);
    // The multitool writes a UTF-8 BOM.
    const report = JSON.parse(readFileSync(output, 'utf8').replace(/^\uFEFF/, '')) as Log;
    const run0 = report.runs[0]!;
    const rules = run0.tool.driver.rules ?? [];
    const byUri = new Map(files.map((f) => [pathToFileURL(f).href, path.basename(f, '.sarif')]));
    return (run0.results ?? []).map((r: Result) => {
      const rule = rules.find((d) => d.id === r.ruleId);
      // Messages come as a template id plus arguments: `{0}: The string '{1}' is not ...`.
      const template = rule?.messageStrings?.[r.message.id ?? '']?.text ?? r.message.text ?? '';
      return {
        ruleId: r.ruleId ?? '?',
        level: r.level ?? rule?.defaultConfiguration?.level ?? 'warning',
        file: byUri.get(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '') ?? '?',
        message: template.replace(/\{(\d+)\}/g, (_, i: string) => r.message.arguments?.[Number(i)] ?? ''),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
