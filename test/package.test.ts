import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/paths.ts';

const require = createRequire(import.meta.url);

// The package as a user installs it: `npm pack`, installed into an empty project, imported by name,
// and type-checked against its declarations (the README's "Use from JavaScript" example).
test('the packed tarball installs into an empty project; lintPlan is importable by name and typed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kvmlint-pack-'));
  try {
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: repoRoot, encoding: 'utf8' }).trim().split('\n').pop()!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'embedder', version: '1.0.0', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(dir, tarball)], { cwd: dir, stdio: 'pipe' });
    const program = `
import { lintPlan, format, rules, type Diagnostic } from 'kvmlint';
const domain = \`<domain type='kvm'>
  <name>vm</name>
  <memory unit='GiB'>4</memory>
  <vcpu placement='static'>2</vcpu>
  <cputune>
    <vcpupin vcpu='0' cpuset='2'/>
    <vcpupin vcpu='1' cpuset='2'/>
  </cputune>
</domain>\`;
const result = lintPlan({ domains: [{ path: 'vm.xml', text: domain }] });
const found: Diagnostic[] = result.diagnostics;
console.log(JSON.stringify({ ids: found.map((d) => d.ruleId + ':' + (d.messageId ?? '')), rules: rules.length, text: format(result, 'compact') }));
`;
    writeFileSync(join(dir, 'main.ts'), program);
    writeFileSync(join(dir, 'main.mjs'), program.replace(', type Diagnostic', '').replace(': Diagnostic[]', ''));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['main.ts'] }),
    );
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, `the declarations type-check: ${tsc.stdout}${tsc.stderr}`);
    const run = spawnSync(process.execPath, [join(dir, 'main.mjs')], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { ids: string[]; rules: number; text: string };
    assert.ok(out.ids.includes('vcpu-pin-collision:shared'), out.ids.join(' '));
    assert.ok(out.rules > 30);
    assert.match(out.text, /^vm\.xml:7:\d+: warning: vCPUs 0 and 1 are both pinned to CPU 2/m);
    // CommonJS: require('kvmlint') where Node can require an ES module (20.19 and later).
    if ((process.features as { require_module?: boolean }).require_module) {
      writeFileSync(join(dir, 'main.cjs'), "const { lintPlan, HostSnapshotError } = require('kvmlint');\nconst r = lintPlan({ domains: [{ path: 'vm.xml', text: '<domain/>' }] });\nconsole.log(typeof HostSnapshotError, r.diagnostics.length);\n");
      const cjs = spawnSync(process.execPath, [join(dir, 'main.cjs')], { cwd: dir, encoding: 'utf8' });
      assert.equal(cjs.status, 0, cjs.stderr);
      assert.match(cjs.stdout, /^function \d+$/m);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the README\'s "Use from JavaScript" example runs (examples/embed.mjs, against the built dist/api.mjs)', () => {
  const run = spawnSync(process.execPath, ['examples/embed.mjs'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^pin-crosses-nodeset crosses 13 /m);
  // The README shows that file as installed users write it: the same code, importing 'kvmlint'.
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const block = /## Use from JavaScript[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)![1]!;
  const code = (text: string) => text.split('\n').filter((l) => !l.startsWith('//')).map((l) => l.replace(/\s*\/\/.*$/, '')).join('\n').trim();
  assert.equal(code(block).replace("from 'kvmlint'", "from '../dist/api.mjs'"), code(readFileSync(join(repoRoot, 'examples', 'embed.mjs'), 'utf8')));
});
