import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lint } from '../../src/engine/runner.ts';
import { repoRoot } from '../support/paths.ts';

// A path the runner maps to the texts below (overrides), never read.
const file = join(repoRoot, 'examples', 'production-vm.xml');
const run = async (text: string) => (await lint({ paths: [file], cwd: repoRoot, configFile: false, overrides: new Map([[file, text]]) })).diagnostics.map((d) => `${d.line} ${d.ruleId}`);

test('kvmlint-disable-line silences its own line only: a lone CR ends a line, as kvmlint numbers lines', async () => {
  const body = (eol: string) => `<domain type='kvm'>${eol}  <name>cr</name>${eol}  <vcpu placement='static'>four</vcpu>${eol}  <memory unit='GiB'>4</memory> <!-- kvmlint-disable-line -->${eol}</domain>${eol}`;
  for (const eol of ['\n', '\r\n', '\r']) {
    assert.deepEqual(await run(body(eol)), ['3 value-invalid'], JSON.stringify(eol));
  }
  // A lone CR between LF lines: the <vcpu> line before it is not the directive's.
  assert.deepEqual(await run("<domain type='kvm'>\n  <name>cr</name>\n  <vcpu placement='static'>four</vcpu>\r  <memory unit='GiB'>4</memory> <!-- kvmlint-disable-line -->\n</domain>\n"), ['3 value-invalid']);
  // On the <vcpu> line it does silence that finding.
  assert.deepEqual(await run("<domain type='kvm'>\r  <name>cr</name>\r  <memory unit='GiB'>4</memory>\r  <vcpu placement='static'>four</vcpu> <!-- kvmlint-disable-line value-invalid -->\r</domain>\r"), []);
});
