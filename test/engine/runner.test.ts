import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lint } from '../../src/engine/runner.ts';
import { rules } from '../../src/engine/registry.ts';
import { defineDomainRule, defineHostRule, definePlanRule } from '../../src/engine/types.ts';
import { repoRoot } from '../support/paths.ts';

test('a rule that throws is reported as a failure; every other rule\'s findings survive', async () => {
  const broken = defineDomainRule({
    meta: { id: 'broken-rule', name: 'BrokenRule', severity: 'error', type: 'problem', fixable: false, hasSuggestions: false, summary: 'throws', tags: ['test'], messages: {} },
    check() {
      throw new Error('boom');
    },
  });
  const run = await lint({
    paths: ['examples/domains/missing-emulatorpin.xml'],
    cwd: repoRoot,
    hostFile: join(repoRoot, 'examples', 'hosts', 'dual-socket.json'),
    configFile: false,
    rules: [broken, ...rules],
  });
  assert.deepEqual(run.ruleFailures, ['rule broken-rule failed on examples/domains/missing-emulatorpin.xml: boom']);
  assert.equal(run.executionSuccessful, false);
  assert.deepEqual(run.diagnostics.map((d) => d.ruleId), ['missing-emulatorpin']);
});

test('a rule that throws on one domain of a plan still checks the domains after it', async () => {
  const domains = ['housekeeping-overlap.xml', 'insufficient-hugepages.xml', 'missing-emulatorpin.xml', 'pin-crosses-nodeset.xml'].map((f) => `examples/domains/${f}`);
  const picky = defineDomainRule({
    meta: { id: 'picky-rule', name: 'PickyRule', severity: 'warning', type: 'problem', fixable: false, hasSuggestions: false, summary: 'throws on one', tags: ['test'], messages: { seen: { message: 'seen' } } },
    check({ source, domain, report }) {
      if (source.path.endsWith('insufficient-hugepages.xml')) throw new Error('boom');
      report({ range: domain.element.startTag, messageId: 'seen' });
    },
  });
  for (const hostFile of [undefined, join(repoRoot, 'examples', 'hosts', 'dual-socket.json')]) {
    const run = await lint({ paths: domains, cwd: repoRoot, hostFile, configFile: false, rules: [picky] });
    assert.deepEqual(run.ruleFailures, ['rule picky-rule failed on examples/domains/insufficient-hugepages.xml: boom']);
    assert.deepEqual(
      run.diagnostics.map((d) => d.file),
      domains.filter((f) => !f.endsWith('insufficient-hugepages.xml')),
    );
  }
});

test('a rule that returns a fix without declaring fixable is refused (ESLint\'s guard)', async () => {
  const sneaky = defineDomainRule({
    meta: { id: 'sneaky-rule', name: 'SneakyRule', severity: 'warning', type: 'problem', fixable: false, hasSuggestions: false, summary: 'fixes without saying so', tags: ['test'], messages: { x: { message: 'x' } } },
    check({ domain, report }) {
      report({ range: domain.element.startTag, messageId: 'x', fix: { range: [0, 0], text: '' } });
    },
  });
  const run = await lint({ paths: ['examples/production-vm.xml'], cwd: repoRoot, configFile: false, rules: [sneaky] });
  assert.equal(run.diagnostics.length, 0);
  assert.match(run.ruleFailures[0] ?? '', /sneaky-rule .*does not declare fixable/);
});

test('text handed in as an override meets the same size bound as a file read from disk', async () => {
  const path = join(repoRoot, 'examples', 'production-vm.xml');
  const big = `<domain type='kvm'><description>${'x'.repeat(2000)}</description></domain>`;
  const refused = await lint({ paths: [path], cwd: repoRoot, configFile: false, overrides: new Map([[path, big]]), maxFileBytes: 1000 });
  assert.deepEqual(refused.refusals, [`examples/production-vm.xml: text is ${big.length} bytes, above the 1000-byte limit (raise it with --max-file-size)`]);
  assert.equal(refused.diagnostics.length, 0);
  // Multi-byte characters count as bytes, not UTF-16 units: 400 'é' are 800 bytes.
  const accented = `<domain type='kvm'><description>${'é'.repeat(400)}</description></domain>`;
  const under = await lint({ paths: [path], cwd: repoRoot, configFile: false, overrides: new Map([[path, accented]]), maxFileBytes: 1000 });
  assert.deepEqual(under.refusals, []);
  const over = await lint({ paths: [path], cwd: repoRoot, configFile: false, overrides: new Map([[path, accented]]), maxFileBytes: 800 });
  assert.equal(over.refusals.length, 1);
});

test('a fleet is linted plan by plan: each host with its own domains, a snapshot\'s text kept only for findings in it', async () => {
  const plans: Array<{ host: string; domains: number }> = [];
  const onFirstHost = definePlanRule({
    meta: { id: 'host-note', name: 'HostNote', severity: 'warning', type: 'problem', fixable: false, hasSuggestions: false, summary: 'notes hv01', tags: ['test'], messages: { noted: { message: 'noted' } } },
    check({ host, domains, reportHost }) {
      plans.push({ host: host.path, domains: domains.length });
      if (host.path.endsWith('hv01.json')) reportHost({ messageId: 'noted' });
    },
  });
  const run = await lint({ paths: ['examples/fleet'], cwd: repoRoot, rules: [onFirstHost] });
  assert.deepEqual(plans, [
    { host: 'examples/fleet/hosts/hv01.json', domains: 3 },
    { host: 'examples/fleet/hosts/hv02.json', domains: 2 },
  ]);
  assert.deepEqual(run.diagnostics.map((d) => `${d.file}:${d.line}`), ['examples/fleet/hosts/hv01.json:1']);
  // Both snapshots were linted and are listed; only the one with a finding keeps its text for the report.
  assert.ok(run.files.includes('examples/fleet/hosts/hv01.json') && run.files.includes('examples/fleet/hosts/hv02.json'));
  assert.ok(run.sources.get('examples/fleet/hosts/hv01.json')?.startsWith('{'));
  assert.equal(run.sources.has('examples/fleet/hosts/hv02.json'), false);
});

test('a finding is rendered from meta.messages by messageId and data, with its help and related places located', async () => {
  const example = defineDomainRule({
    meta: {
      id: 'example-rule', name: 'ExampleRule', severity: 'warning', type: 'problem', fixable: false, hasSuggestions: true, summary: 'example', tags: ['test'],
      messages: {
        pinned: { message: 'vCPU {{vcpu}} is pinned to CPU {{cpu}}', help: 'pin it to CPU {{better}}' },
        moveIt: { message: 'set cpuset={{better}}' },
      },
    },
    check({ domain, report }) {
      const pins = domain.cputune?.vcpupins ?? [];
      report({
        range: domain.element.startTag,
        messageId: 'pinned',
        data: { vcpu: 0, cpu: 16, better: 4 },
        related: pins.slice(1).map((p) => ({ range: p.element.startTag, message: 'another pin' })),
        suggestions: [{ messageId: 'moveIt', data: { better: 4 }, fix: { range: [0, 0], text: '' } }],
      });
      // @ts-expect-error a misspelt messageId is a type error
      if (pins.length < 0) report({ range: domain.element.startTag, messageId: 'pined', data: {} });
      // @ts-expect-error a missing placeholder value is a type error
      if (pins.length < 0) report({ range: domain.element.startTag, messageId: 'pinned', data: { vcpu: 0, cpu: 1 } });
    },
  });
  const run = await lint({ paths: ['examples/domains/missing-emulatorpin.xml'], cwd: repoRoot, configFile: false, rules: [example] });
  assert.deepEqual(run.ruleFailures, []);
  const [d] = run.diagnostics;
  assert.equal(d?.messageId, 'pinned');
  assert.deepEqual(d?.data, { vcpu: 0, cpu: 16, better: 4 });
  assert.equal(d?.message, 'vCPU 0 is pinned to CPU 16');
  assert.equal(d?.help, 'pin it to CPU 4');
  assert.deepEqual(d?.related?.map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`), [
    'examples/domains/missing-emulatorpin.xml:21:5 another pin',
    'examples/domains/missing-emulatorpin.xml:22:5 another pin',
    'examples/domains/missing-emulatorpin.xml:23:5 another pin',
  ]);
  assert.deepEqual(d?.suggestions?.map((s) => [s.messageId, s.message]), [['moveIt', 'set cpuset=4']]);
});

test('the engine enforces the contract: undeclared suggestions, unknown message ids and missing data throw', async () => {
  const meta = { name: 'Strict', severity: 'warning', type: 'problem', fixable: false, hasSuggestions: false, summary: 'x', tags: ['test'], messages: { m: { message: 'CPU {{cpu}}' } } } as const;
  const suggests = defineDomainRule({
    meta: { ...meta, id: 'suggests' },
    check({ domain, report }) {
      report({ range: domain.element.startTag, messageId: 'm', data: { cpu: 1 }, suggestions: [{ messageId: 'm', data: { cpu: 2 }, fix: { range: [0, 0], text: '' } }] });
    },
  });
  const unknownId = defineDomainRule({
    meta: { ...meta, id: 'unknown-id' },
    check({ domain, report }) {
      report({ range: domain.element.startTag, messageId: 'nope' as 'm', data: { cpu: 1 } });
    },
  });
  const noData = defineDomainRule({
    meta: { ...meta, id: 'no-data' },
    check({ domain, report }) {
      report({ range: domain.element.startTag, messageId: 'm', data: {} as { cpu: number } });
    },
  });
  const run = await lint({ paths: ['examples/production-vm.xml'], cwd: repoRoot, configFile: false, rules: [suggests, unknownId, noData] });
  assert.equal(run.diagnostics.length, 0);
  assert.deepEqual(run.ruleFailures.map((f) => f.replace(/ failed on \S+/, ':')), [
    'rule suggests: rule suggests returned suggestions but its metadata does not declare hasSuggestions',
    "rule unknown-id: rule unknown-id reported messageId 'nope', which its meta.messages does not declare",
    "rule no-data: rule no-data message 'm': no value for placeholder {{cpu}}",
  ]);
});

test('a host rule runs only with a host, and receives it', async () => {
  const seen: string[] = [];
  const hostRule = defineHostRule({
    meta: { id: 'needs-host', name: 'NeedsHost', severity: 'warning', type: 'problem', fixable: false, hasSuggestions: false, summary: 'x', tags: ['test'], messages: {} },
    check({ host }) {
      seen.push(host.path); // typed LintHost, never undefined
    },
  });
  assert.equal(hostRule.meta.needs, 'host');
  await lint({ paths: ['examples/production-vm.xml'], cwd: repoRoot, configFile: false, rules: [hostRule] });
  assert.deepEqual(seen, []);
  await lint({ paths: ['examples/production-vm.xml'], cwd: repoRoot, configFile: false, rules: [hostRule], hostFile: join(repoRoot, 'examples', 'hosts', 'dual-socket.json') });
  assert.deepEqual(seen, ['examples/hosts/dual-socket.json']);
});

test('placeholder values and related messages are cut to 200 characters: a 100,000-character name cannot flood a message', async () => {
  const huge = 'x'.repeat(100_000);
  const loud = defineDomainRule({
    meta: {
      id: 'loud-rule', name: 'LoudRule', severity: 'warning', type: 'problem', fixable: false, hasSuggestions: false, summary: 'echoes', tags: ['test'],
      messages: { echo: { message: 'guest {{name}} is named', help: 'rename {{name}}' } },
    },
    check({ domain, report }) {
      report({ range: domain.element.startTag, messageId: 'echo', data: { name: huge }, related: [{ range: domain.element.startTag, message: huge }] });
    },
  });
  const run = await lint({ paths: ['examples/production-vm.xml'], cwd: repoRoot, configFile: false, rules: [loud] });
  const [d] = run.diagnostics;
  assert.equal(d!.message.length, 'guest  is named'.length + 200);
  assert.ok(d!.message.endsWith('x… is named'));
  assert.equal(d!.help!.length, 'rename '.length + 200);
  assert.equal(String(d!.data!.name).length, 200);
  assert.equal(d!.related![0]!.message.length, 200);
});
