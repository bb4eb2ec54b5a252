import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import YAML from 'yaml';
import { convertActionTemplate, parseAction, type ActionRunsNode, type ActionTemplate } from '@actions/workflow-parser/actions/index';
import { repoRoot } from './support/paths.ts';
import { codeBlocks, readmeSection } from './support/readme.ts';
import { FAIL_ON, readInputs } from '../src/action/run.ts';
import { FORMATS } from '../src/formats/index.ts';

// action.yml checked against GitHub's own action metadata schema (`action-root-strict` in
// @actions/workflow-parser, from actions/languageservices: the parser behind the Actions editor
// support), then field by field against what kvmlint's Action reads and writes.

const actionYml = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');

/** GitHub's schema file, for the allowed branding icons and colours. */
function schemaDefinitions(): Record<string, { 'allowed-values'?: string[] }> {
  const dist = path.dirname(fileURLToPath(import.meta.resolve('@actions/workflow-parser')));
  return (JSON.parse(readFileSync(path.join(dist, 'action-v1.0.min.json'), 'utf8')) as { definitions: Record<string, { 'allowed-values'?: string[] }> }).definitions;
}

function parse(content: string): { errors: string[]; template?: ActionTemplate } {
  const result = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  return { errors, template: result.value && errors.length === 0 ? convertActionTemplate(result.context, result.value) : undefined };
}

const EXPECTED_DEFAULTS: Record<string, string> = {
  paths: '.',
  host: '',
  config: '',
  format: 'sarif',
  'sarif-file': 'kvmlint.sarif',
  'fail-on': 'error',
  'max-warnings': '-1',
  schema: '',
  'max-file-size': '',
  'map-file': '',
};

test('the schema check is not vacuous: it rejects a broken action.yml', () => {
  const broken = actionYml.replace('using: node24', 'using: node22').replace(/icon: \S+/, 'icon: not-an-icon').replace(/^name: .*$/m, "name: ''");
  const { errors } = parse(broken);
  assert.equal(errors.length, 3, errors.join('\n'));
  assert.ok(errors.some((e) => e.includes("'node22'")));
  assert.ok(errors.some((e) => e.includes("'not-an-icon'")));
});

test('action.yml is valid against GitHub action metadata syntax (strict)', () => {
  const { errors, template } = parse(actionYml);
  assert.deepEqual(errors, []);
  assert.ok(template);
});

test('name, description and author', () => {
  const t = parse(actionYml).template!;
  assert.equal(t.name, 'kvmlint');
  assert.ok(t.description.length > 0);
  // GitHub Marketplace truncates descriptions longer than 125 characters.
  assert.ok(t.description.length <= 125, `description is ${t.description.length} characters`);
  assert.ok(t.author && t.author.length > 0);
});

test('inputs: the documented set, each optional with a description and the default the code applies', () => {
  const inputs = parse(actionYml).template!.inputs ?? [];
  assert.deepEqual(inputs.map((i) => i.id), Object.keys(EXPECTED_DEFAULTS));
  for (const input of inputs) {
    assert.ok(input.description && input.description.length > 20, `${input.id} has no real description`);
    assert.notEqual(input.required, true, `${input.id} must not be required`);
    assert.equal(input.default?.toString(), EXPECTED_DEFAULTS[input.id], `${input.id} default`);
  }
  // What GitHub passes when every input is left at its default is what the Action assumes when none is set.
  const fromDefaults = Object.fromEntries(inputs.map((i) => [`INPUT_${i.id.toUpperCase()}`, i.default?.toString() ?? '']));
  assert.deepEqual(readInputs(fromDefaults), readInputs({}));
  const describe = (id: string) => inputs.find((i) => i.id === id)!.description!;
  for (const format of FORMATS) assert.ok(describe('format').includes(format), `format description omits ${format}`);
  for (const value of FAIL_ON) assert.ok(describe('fail-on').includes(value), `fail-on description omits ${value}`);
});

test('outputs: sarif-file, errors, warnings and map-file, each described', () => {
  const outputs = parse(actionYml).template!.outputs ?? [];
  assert.deepEqual(outputs.map((o) => o.id), ['sarif-file', 'errors', 'warnings', 'map-file']);
  for (const o of outputs) assert.ok(o.description && o.description.length > 10, `${o.id} has no real description`);
});

test('runs: node24 with the committed ESM bundle as main', () => {
  const runs = parse(actionYml).template!.runs as ActionRunsNode;
  assert.equal(runs.using, 'node24');
  assert.equal(runs.main, 'dist/action.mjs');
  assert.ok(existsSync(path.join(repoRoot, runs.main)), `${runs.main} is not in the repository: run npm run build`);
  assert.equal(runs.pre, undefined);
  assert.equal(runs.post, undefined);
});

test("branding: an icon and a colour from GitHub's allowed sets", () => {
  const branding = parse(actionYml).template!.branding;
  const defs = schemaDefinitions();
  const icons = defs['branding-icon']!['allowed-values']!;
  const colors = defs['branding-color']!['allowed-values']!;
  assert.ok(icons.length > 200 && colors.length >= 8, 'the schema lists the allowed values');
  assert.ok(branding?.icon && icons.includes(branding.icon), `icon ${branding?.icon}`);
  assert.ok(branding?.color && colors.includes(branding.color), `color ${branding?.color}`);
});

interface WorkflowStep {
  uses?: string;
  if?: string;
  with?: Record<string, string>;
}

test("README's workflow is valid GitHub workflow syntax and wires kvmlint's SARIF to upload-sarif", () => {
  const section = readmeSection('GitHub Action');
  const [workflow] = codeBlocks(section, 'yaml');
  assert.ok(workflow, 'no yaml block in the GitHub Action section');
  const parsed = parseWorkflow({ name: 'kvmlint.yml', content: workflow }, new NoOperationTraceWriter());
  assert.deepEqual(parsed.context.errors.getErrors().map((e) => e.message), []);

  const doc = YAML.parse(workflow) as { jobs: Record<string, { permissions: Record<string, string>; steps: WorkflowStep[] }> };
  const [job] = Object.values(doc.jobs);
  assert.equal(job!.permissions['security-events'], 'write', 'upload-sarif needs security-events: write');
  const steps = job!.steps;
  assert.match(steps[0]!.uses ?? '', /^actions\/checkout@/);
  const lintAt = steps.findIndex((s) => s.uses?.startsWith('kvmlint/kvmlint@'));
  const uploadAt = steps.findIndex((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
  assert.ok(lintAt > 0 && uploadAt > lintAt, 'checkout, then kvmlint, then upload-sarif');
  const inputs = parse(actionYml).template!.inputs!;
  for (const key of Object.keys(steps[lintAt]!.with ?? {})) assert.ok(inputs.some((i) => i.id === key), `README passes unknown input ${key}`);
  const upload = steps[uploadAt]!;
  assert.equal(upload.if, 'always()', 'upload even when kvmlint failed the step');
  assert.equal(upload.with?.sarif_file, EXPECTED_DEFAULTS['sarif-file']);

  // The inputs table says what action.yml says.
  const rows = [...section.matchAll(/^\| `([\w-]+)` \| *`?([^|`]*?)`? *\|/gm)].map((m) => [m[1], m[2]!.trim()]);
  assert.deepEqual(Object.fromEntries(rows), EXPECTED_DEFAULTS);
});
