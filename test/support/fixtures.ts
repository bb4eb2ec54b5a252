import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint, type LintOptions } from '../../src/engine/runner.ts';
import type { Diagnostic } from '../../src/engine/types.ts';

import { repoRoot } from './paths.ts';

export { repoRoot };

/**
 * A fixture: one domain XML file, or a directory of them that form one plan
 * (linted together against one host). Expected findings are marked inline:
 *   <!-- expect: rule-id -->                 a finding of rule-id on this line
 *   <!-- expect: rule-a:error, rule-b -->    several, optionally with severity
 *   <!-- expect-host: rule-id -->            a finding in the host snapshot file
 *   <!-- host: dual-socket -->               lint against fixtures/hosts/dual-socket.json
 *
 * Every fixture is linted twice: as is, and validated against libvirt's RelaxNG schemas
 * (`--schema`). `schema-invalid` markers count only in the second pass, so every fixture
 * is also a check that it is real libvirt XML, and a deliberately invalid one says where
 * libvirt's schema rejects it.
 */
export interface Fixture {
  name: string;
  /** Files linted together. */
  files: string[];
  host: string | undefined;
  /** "file:line rule[:severity]" strings, and "host rule[:severity]". */
  expected: string[];
  /** Rule ids named by any marker. */
  rulesExpected: Set<string>;
}

const MARKER = /<!--\s*(expect|expect-host|host):\s*([^>]*?)\s*-->/g;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

export function readFixture(path: string): Fixture {
  const files = statSync(path).isDirectory()
    ? readdirSync(path).filter((f) => f.endsWith('.xml') && !f.endsWith('.fixed.xml')).sort().map((f) => join(path, f))
    : [path];
  const expected: string[] = [];
  const rulesExpected = new Set<string>();
  let host: string | undefined;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(MARKER)) {
      const [, kind, value] = m as unknown as [string, string, string];
      if (kind === 'host') {
        host = value.trim();
        continue;
      }
      for (const item of value.split(/\s*,\s*/).filter(Boolean)) {
        rulesExpected.add(item.split(':')[0]!);
        expected.push(kind === 'expect-host' ? `host ${item}` : `${relative(repoRoot, file)}:${lineOf(text, m.index)} ${item}`);
      }
    }
  }
  return { name: relative(repoRoot, path), files, host, expected: expected.sort(), rulesExpected };
}

/** Every fixture under a `fixtures/` folder of a rule, or a shared fixtures folder. */
export function listFixtures(dir: string): Fixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => (f.endsWith('.xml') && !f.endsWith('.fixed.xml')) || statSync(join(dir, f)).isDirectory())
    .sort()
    .map((f) => readFixture(join(dir, f)));
}

export function hostPath(name: string): string {
  return join(repoRoot, 'fixtures', 'hosts', `${name}.json`);
}

/** Rules that report only when the run validates against libvirt's schemas. */
export const SCHEMA_RULES: ReadonlySet<string> = new Set(['schema-invalid']);

/** The expectations of a pass: without the schema, schema-invalid markers do not count. */
export function expectedFindings(f: Fixture, withSchema: boolean): string[] {
  return withSchema ? f.expected : f.expected.filter((e) => !SCHEMA_RULES.has(e.slice(e.indexOf(' ') + 1).split(':')[0]!));
}

/** Lint options for a fixture; `schemaDir` turns on validation against libvirt's schemas. */
export function fixtureLintOptions(f: Fixture, overrides?: ReadonlyMap<string, string>, schemaDir?: string): LintOptions {
  // Fixtures are self-contained: no config lookup; unused directives are findings to mark too.
  return {
    paths: f.files,
    cwd: repoRoot,
    hostFile: f.host ? hostPath(f.host) : undefined,
    configFile: false,
    reportUnusedDisableDirectives: true,
    overrides,
    schema: schemaDir ?? false,
  };
}

/** Lints a fixture and renders its findings in the same shape as `expected`, with and without severities. */
export async function lintFixture(f: Fixture, schemaDir?: string): Promise<{ actual: string[]; diagnostics: Diagnostic[] }> {
  const run = await lint(fixtureLintOptions(f, undefined, schemaDir));
  const hostFile = f.host ? relative(repoRoot, hostPath(f.host)) : undefined;
  const actual = run.diagnostics.map((d) => (d.file === hostFile ? `host ${d.ruleId}` : `${d.file}:${d.line} ${d.ruleId}`) + `:${d.severity}`);
  return { actual, diagnostics: run.diagnostics };
}

/** Drops the severity from actual findings whose marker did not state one, so markers may omit it. */
export function alignSeverities(expected: readonly string[], actual: readonly string[]): string[] {
  const withSeverity = new Set(expected.filter((e) => /:(error|warning|info)$/.test(e)));
  return actual.map((a) => (withSeverity.has(a) ? a : a.replace(/:(error|warning|info)$/, ''))).sort();
}

/** `name.fixed.xml` beside a single-file fixture `name.xml`: the expected output of --fix. */
export function fixedCounterpart(f: Fixture): string | undefined {
  if (f.files.length !== 1) return undefined;
  const fixed = f.files[0]!.replace(/\.xml$/, '.fixed.xml');
  return existsSync(fixed) ? fixed : undefined;
}

/**
 * Where a fixtures folder's snapshot lives: `rules/<id>/fixtures.snap.json`, `fixtures/domains.snap.json`.
 * It holds every finding of every fixture of the folder (markdownlint's and ruff's snapshots), compared
 * by test/fixtures.test.ts and rewritten by `npm run snapshots`, so changes are reviewed in diffs.
 */
export function snapshotPath(fixturesDir: string): string {
  return `${fixturesDir}.snap.json`;
}

/** A finding as snapshotted: everything but the UTF-16 range (line and column say where). */
export function snapshotFinding(d: Diagnostic) {
  const rel = (p: string) => relative(repoRoot, join(repoRoot, p));
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    ...(d.messageId !== undefined ? { messageId: d.messageId } : {}),
    ...(d.data ? { data: d.data } : {}),
    message: d.message,
    ...(d.help !== undefined ? { help: d.help } : {}),
    ...(d.unchecked ? { unchecked: true } : {}),
    at: `${rel(d.file)}:${d.line}:${d.column}-${d.endLine}:${d.endColumn}`,
    ...(d.related?.length ? { related: d.related.map((r) => ({ at: `${rel(r.file)}:${r.line}:${r.column}-${r.endLine}:${r.endColumn}`, message: r.message })) } : {}),
    ...(d.fix ? { fix: { range: d.fix.range, text: d.fix.text } } : {}),
    ...(d.suggestions?.length
      ? { suggestions: d.suggestions.map((s) => ({ ...(s.messageId !== undefined ? { messageId: s.messageId } : {}), ...(s.data ? { data: s.data } : {}), message: s.message, fix: { range: s.fix.range, text: s.fix.text } })) }
      : {}),
  };
}

/** Every fixtures folder: each rule's, and the shared one. */
export function fixtureFolders(): string[] {
  const rules = readdirSync(join(repoRoot, 'rules'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(repoRoot, 'rules', d.name, 'fixtures')))
    .map((d) => join(repoRoot, 'rules', d.name, 'fixtures'));
  return [...rules, join(repoRoot, 'fixtures', 'domains')];
}

/** The snapshot of one fixtures folder: fixture name → its findings, in report order. */
export async function renderSnapshot(fixturesDir: string): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const f of listFixtures(fixturesDir)) {
    const { diagnostics } = await lintFixture(f);
    out[relative(fixturesDir, join(repoRoot, f.name))] = diagnostics.map(snapshotFinding);
  }
  return `${JSON.stringify(out, null, 1)}\n`;
}
