import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lint } from '../../src/engine/runner.ts';
import { libvirtUint } from '../../src/model/domain.ts';
import { repoRoot } from '../support/paths.ts';

// A path the runner maps to the texts below (overrides), never read.
const file = join(repoRoot, 'examples', 'production-vm.xml');
const run = async (body: string) =>
  (await lint({ paths: [file], cwd: repoRoot, configFile: false, overrides: new Map([[file, `<domain type='kvm'>\n<name>n</name>\n<memory unit='GiB'>4</memory>\n${body}\n<os><type>hvm</type></os></domain>\n`]]) })).diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.line} ${d.ruleId}`);

test('libvirtUint reads as virStrToLong_uip: blanks and + before the digits, nothing after, at most UINT_MAX', () => {
  assert.deepEqual(['7', ' 7', '+7', '\n7', '007', '4294967295'].map(libvirtUint), [7, 7, 7, 7, 7, 4294967295]);
  assert.deepEqual(['7 ', '-0', '', ' ', '4294967296', '0x7', '\u00a07', '7\u00a0'].map(libvirtUint), Array(8).fill(undefined));
});

test("the rules' own integer readings agree with libvirt's: '+0' is vCPU 0, which libvirt refuses to leave offline", async () => {
  // domain_conf.c virDomainVcpuParse reads <vcpus><vcpu id> with virXMLPropUInt: '+0' is 0.
  const vcpus = (id: string) => `<vcpu placement='static'>2</vcpu>\n<vcpus><vcpu id='${id}' enabled='no' hotpluggable='yes'/><vcpu id='1' enabled='yes' hotpluggable='no'/></vcpus>`;
  assert.deepEqual(await run(vcpus('0')), ['5 vcpu-id-range']);
  assert.deepEqual(await run(vcpus('+0')), ['5 vcpu-id-range']);
});

test('an empty memory device <node> is no node, as virXPathInt reads it: a DIMM with one in a NUMA guest is refused', async () => {
  const body = (node: string) =>
    `<maxMemory slots='4' unit='GiB'>16</maxMemory>\n<vcpu placement='static'>2</vcpu>\n<cpu><numa><cell id='0' cpus='0-1' memory='4' unit='GiB'/></numa></cpu>\n` +
    `<devices><memory model='dimm'><target><size unit='GiB'>1</size>${node}</target></memory></devices>`;
  assert.deepEqual(await run(body('<node>0</node>')), []);
  assert.deepEqual(await run(body('')), ['7 memory-config-invalid']);
  assert.deepEqual(await run(body('<node></node>')), ['7 memory-config-invalid']);
});
