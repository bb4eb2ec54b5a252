import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findJsonSyntaxError, HostSnapshotError, loadHostFile, loadHostSnapshotText, locateJsonKey } from '../../src/host/load.ts';
import { locateTokenInJsonString } from '../../src/json/document.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { rtLeftover } from '../../src/model/sched.ts';

const root = new URL('../../', import.meta.url).pathname;
const exampleFiles = ['examples/hosts/dual-socket.json', 'fixtures/hosts/dual-socket.json', 'fixtures/hosts/no-isolation.json', 'fixtures/hosts/mixed-pages.json'];
const dualText = readFileSync(join(root, 'examples/hosts/dual-socket.json'), 'utf8');

/** The dual-socket example, changed by `edit`, as JSON text. */
function edited(edit: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(dualText) as Record<string, any>;
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

function loadError(text: string): HostSnapshotError {
  try {
    loadHostSnapshotText(text, 'hv.json');
  } catch (err) {
    assert.ok(err instanceof HostSnapshotError, `expected HostSnapshotError, got ${String(err)}`);
    return err;
  }
  assert.fail('the snapshot loaded but should have been rejected');
}

describe('shipped host snapshots', () => {
  for (const file of exampleFiles) {
    it(`${file} loads and builds a model`, () => {
      const { snapshot, text } = loadHostFile(join(root, file));
      assert.equal(text, readFileSync(join(root, file), 'utf8'));
      const m = buildHostModel(snapshot);
      assert.equal(m.nodes.length, 2);
      assert.equal(m.minFreeKbytes, 524288);
      assert.equal(m.defaultHugepageSizeKiB, 2048);
    });
  }

  it('dual-socket: the guide\'s numbers', () => {
    const m = buildHostModel(loadHostFile(join(root, 'fixtures/hosts/dual-socket.json')).snapshot);
    assert.equal(m.housekeeping?.toString(), '0-3');
    assert.equal(m.node(0)?.memFreeKiB, 42000 * 1024);
    assert.equal(m.node(1)?.memFreeKiB, 45000 * 1024);
    assert.equal(m.node(1)?.memTotalKiB, 65536 * 1024);
    assert.deepEqual(m.node(1)?.hugepages, [{ sizeKiB: 2048, total: 8192, free: 8192 }]);
    assert.ok(m.missing.has('zoneinfo'));
  });

  it('examples/hosts/dual-socket.json and fixtures/hosts/dual-socket.json are the same host', () => {
    // The example also states the guide's libvirt release (9.0.0); the fixture leaves it unknown on purpose,
    // so the rules' fixtures keep exercising the "version unknown" assumption.
    const withoutVersion = dualText.replace(/^ {2}"libvirtVersion": "9\.0\.0",\n/m, '');
    assert.notEqual(withoutVersion, dualText, 'the example states its libvirt version');
    assert.equal(readFileSync(join(root, 'fixtures/hosts/dual-socket.json'), 'utf8'), withoutVersion);
  });

  it('no-isolation declares none; mixed-pages has both page sizes on each node', () => {
    const none = buildHostModel(loadHostFile(join(root, 'fixtures/hosts/no-isolation.json')).snapshot);
    assert.equal(none.isolation, undefined);
    assert.equal(none.housekeeping, undefined);
    const mixed = buildHostModel(loadHostFile(join(root, 'fixtures/hosts/mixed-pages.json')).snapshot);
    for (const n of mixed.nodes) assert.deepEqual(n.hugepages.map((p) => [p.sizeKiB, p.total]), [[2048, 4096], [1048576, 16]]);
    assert.equal(mixed.housekeeping?.toString(), '0-3');
  });
});

describe('loadHostSnapshotText rejects bad snapshots, naming the field', () => {
  it('a wrong type', () => {
    const e = loadError(edited((d) => (d.nodes[1].memFreeKiB = '45000')));
    assert.equal(e.field, 'nodes[1].memFreeKiB');
    assert.match(e.message, /^hv\.json: nodes\[1\]\.memFreeKiB: must be a whole number, not the string "45000"/);
    assert.ok(e.range);
  });

  it('missing nodes', () => {
    const e = loadError(edited((d) => delete d.nodes));
    assert.equal(e.field, 'nodes');
    assert.match(e.message, /nodes: is required/);
  });

  it('a negative size', () => {
    const text = edited((d) => (d.nodes[0].hugepages[0].sizeKiB = -2048));
    const e = loadError(text);
    assert.equal(e.field, 'nodes[0].hugepages[0].sizeKiB');
    assert.match(e.message, /must be at least 1, not -2048/);
    assert.equal(text.slice(e.range!.start, e.range!.end), '-2048');
  });

  it('a negative memory amount', () => {
    const e = loadError(edited((d) => (d.nodes[1].memTotalKiB = -1)));
    assert.equal(e.field, 'nodes[1].memTotalKiB');
    assert.match(e.message, /must be at least 0, not -1/);
  });

  it('a number above 2^53 - 1, where JSON stops being exact: refused, naming the field, however it is written', () => {
    const huge = loadError(edited((d) => (d.nodes[1].memTotalKiB = 1e308)));
    assert.equal(huge.field, 'nodes[1].memTotalKiB');
    assert.match(huge.message, /1e\+308 is larger than a snapshot value can be \(at most 9007199254740991/);
    // Written exactly in the text, 2^53 + 1 would silently read as 2^53.
    const text = edited((d) => (d.nodes[0].hugepages[0].total = 424242)).replace('424242', '9007199254740993');
    const rounded = loadError(text);
    assert.equal(rounded.field, 'nodes[0].hugepages[0].total');
    assert.equal(text.slice(rounded.range!.start, rounded.range!.end), '9007199254740993');
    // 2^53 - 1 itself loads.
    loadHostSnapshotText(edited((d) => (d.nodes[0].hugepages[0].total = Number.MAX_SAFE_INTEGER)), 'hv.json');
  });

  it('a name given twice in one object: refused, naming the field, however the topology is shared', () => {
    // JSON.parse keeps the last: a reviewer reading the first value would read a watermark that is not used.
    const text = dualText.replace('"vm": {', '"vm": {\n    "minFreeKbytes": 1024,');
    assert.notEqual(text, dualText);
    // Loaded once whole (the topology is then shared), then again through the shared topology's path.
    loadHostSnapshotText(dualText, 'hv.json');
    for (const attempt of [text, text]) {
      const e = loadError(attempt);
      assert.equal(e.field, 'vm.minFreeKbytes');
      assert.match(e.message, /appears twice in the same object; JSON keeps the last/);
      assert.equal(attempt.slice(e.range!.start, e.range!.end), '"minFreeKbytes"');
    }
    // Inside a CPU of the topology too.
    const inCpu = dualText.replace(/"cpu": 5,/, '"cpu": 5, "core": 9,');
    assert.notEqual(inCpu, dualText);
    assert.equal(loadError(inCpu).field, 'cpuTopology[5].core');
  });

  it('running data that names a guest, pid, tid, IRQ or memory slot twice: refused, naming the field', () => {
    // The drift rules read the first running guest of a name: a clean copy listed first hid the real one's drift.
    const live = readFileSync(join(root, 'fixtures/hosts/running-affinity-vcpu-repinned-live.json'), 'utf8');
    loadHostSnapshotText(live, 'hv.json');
    const running = (edit: (r: Record<string, any>) => void): string => {
      const doc = JSON.parse(live) as Record<string, any>;
      edit(doc.running);
      return JSON.stringify(doc, null, 2);
    };
    const renumbered = (g: Record<string, any>, by: number) => ({ ...g, pid: g.pid + by, threads: g.threads.map((t: Record<string, any>) => ({ ...t, tid: t.tid + by })) });
    const cases: Array<[string, (r: Record<string, any>) => void, RegExp]> = [
      ['running.guests[1].name', (r) => r.guests.push(renumbered(r.guests[0], 100)), /guest name "rt-live" appears twice \(also running\.guests\[0\]\.name\)/],
      ['running.guests[1].uuid', (r) => r.guests.push({ ...renumbered(r.guests[0], 100), name: 'other', uuid: r.guests[0].uuid.toUpperCase() }), /guest uuid .* appears twice/],
      ['running.guests[1].pid', (r) => r.guests.push({ ...r.guests[0], name: 'other', uuid: undefined, threads: [] }), /pid 4100 appears twice/],
      ['running.guests[0].threads[1].tid', (r) => (r.guests[0].threads[1].tid = r.guests[0].threads[0].tid), /tid 4100 appears twice/],
      ['running.irqs[1].irq', (r) => (r.irqs = [{ irq: 40, affinity: '0-1' }, { irq: 40, affinity: '4' }]), /IRQ 40 appears twice/],
    ];
    for (const [field, edit, problem] of cases) {
      const e = loadError(running(edit));
      assert.equal(e.field, field);
      assert.match(e.message, problem);
    }
    // Two guests, each once: loads.
    loadHostSnapshotText(running((r) => r.guests.push({ ...renumbered(r.guests[0], 100), name: 'other', uuid: undefined })), 'hv.json');
  });

  it('a duplicate node id', () => {
    const text = edited((d) => (d.nodes[1].id = 0));
    const e = loadError(text);
    assert.equal(e.field, 'nodes[1].id');
    assert.match(e.message, /node id 0 appears twice \(also nodes\[0\]\.id\)/);
  });

  it('a CPU in two nodes', () => {
    const e = loadError(edited((d) => (d.nodes[1].cpus = '14-31')));
    assert.equal(e.field, 'nodes[1].cpus');
    assert.match(e.message, /CPUs 14-15 are also in node 0 \(nodes\[0\]\.cpus\)/);
  });

  it('an unparseable CPU list, in plain and {raw} form', () => {
    const plain = loadError(edited((d) => (d.cpus.online = '0-31x')));
    assert.equal(plain.field, 'cpus.online');
    assert.match(plain.message, /"0-31x" is not a valid kernel CPU list/);
    const raw = loadError(edited((d) => (d.nodes[0].cpus = { raw: '15-0' })));
    assert.equal(raw.field, 'nodes[0].cpus.raw');
    const tuned = loadError(edited((d) => (d.tuned = { activeProfile: 'cpu-partitioning', isolatedCores: '4-x' })));
    assert.equal(tuned.field, 'tuned.isolatedCores');
    assert.match(tuned.message, /not a valid tuned CPU list/);
  });

  it('a CPU list of the wrong JSON type, and a "parsed" form that contradicts "raw"', () => {
    const num = loadError(edited((d) => (d.nodes[0].cpus = 15)));
    assert.equal(num.field, 'nodes[0].cpus');
    assert.match(num.message, /must be a CPU list/);
    const contra = loadError(edited((d) => (d.nodes[0].cpus = { raw: '0-15', parsed: '0-7' })));
    assert.equal(contra.field, 'nodes[0].cpus.parsed');
  });

  it('a node CPU that is not possible', () => {
    const e = loadError(edited((d) => (d.nodes[1].cpus = '16-40')));
    assert.equal(e.field, 'nodes[1].cpus');
  });

  it('an unknown field, with a suggestion', () => {
    const e = loadError(edited((d) => (d.vm = { minfreekbytes: 1 })));
    assert.equal(e.field, 'vm.minfreekbytes');
    assert.match(e.message, /is not a known field \(did you mean "minFreeKbytes"\?\)/);
  });

  it('an unsupported format version', () => {
    const e = loadError(edited((d) => (d.kvmlintHostSnapshot = 2)));
    assert.equal(e.field, 'kvmlintHostSnapshot');
    assert.match(e.message, /version 2 is not supported/);
  });

  it('MemFree above MemTotal, a distance row of the wrong length, a pool size twice', () => {
    assert.equal(loadError(edited((d) => (d.nodes[0].memFreeKiB = d.nodes[0].memTotalKiB + 1))).field, 'nodes[0].memFreeKiB');
    assert.equal(loadError(edited((d) => (d.nodes[0].reclaimableKiB = d.nodes[0].memTotalKiB + 1))).field, 'nodes[0].reclaimableKiB');
    assert.equal(loadError(edited((d) => (d.nodes[1].distances = [21]))).field, 'nodes[1].distances');
    const twice = loadError(edited((d) => d.nodes[0].hugepages.push({ sizeKiB: 2048, total: 1 })));
    assert.equal(twice.field, 'nodes[0].hugepages[1].sizeKiB');
  });

  it('counts further problems', () => {
    const e = loadError(edited((d) => {
      d.nodes[0].memFreeKiB = -1;
      d.nodes[1].memFreeKiB = -1;
    }));
    assert.match(e.message, /\(and 1 more problem\)$/);
  });

  it('invalid JSON: line and column', () => {
    const e = loadError('{\n  "kvmlintHostSnapshot": 1,\n  "nodes": [}\n');
    assert.equal(e.field, '');
    assert.match(e.message, /^hv\.json: not valid JSON at line 3, column 13: unexpected "}"/);
    assert.equal(e.range?.start, 42);
  });

  it('finds the first syntax error where JSON.parse does', () => {
    for (const bad of ['{"a":1,}', '{"a" 1}', '{"a":tru}', '{"a":1', '[1 2]', '{"a":"x\ty"}', '{"a":01}', '{} x', '{"a":"\\q"}']) {
      assert.throws(() => JSON.parse(bad));
      assert.ok(findJsonSyntaxError(bad), bad);
    }
    assert.deepEqual(findJsonSyntaxError('{"a":1,}'), { offset: 7, reason: 'expected a property name in double quotes, found "}"' });
    assert.equal(findJsonSyntaxError('[1 2]')?.offset, 3);
    assert.equal(findJsonSyntaxError(dualText), undefined);
    assert.equal(findJsonSyntaxError('{"a": [1.5e-3, -0, "\\u00e9\\n", true, false, null]}'), undefined);
  });

  it('not an object', () => {
    assert.match(loadError('[1]').message, /a host snapshot is a JSON object, not an array/);
  });
});

describe('loadHostFile', () => {
  it('detects the format by content and refuses what it cannot import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvmlint-host-'));
    try {
      const xml = join(dir, 'caps.json');
      writeFileSync(xml, '<capabilities><host/></capabilities>\n');
      // Detected as `virsh capabilities` by content (not by the .json name), which without <topology> describes no node.
      assert.throws(() => loadHostFile(xml), (e: unknown) => e instanceof HostSnapshotError && /has no <topology><cells>/.test(e.message));
      const bom = join(dir, 'bom.txt');
      writeFileSync(bom, `\ufeff${dualText}`);
      assert.equal(loadHostFile(bom).snapshot.hostname, 'dual-socket');
      assert.throws(() => loadHostFile(join(dir, 'absent.json')), /absent\.json: no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('locateJsonKey', () => {
  it('finds values in the dual-socket example exactly', () => {
    const at = (p: string): string | undefined => {
      const r = locateJsonKey(dualText, p);
      return r && dualText.slice(r.start, r.end);
    };
    assert.equal(at('vm.minFreeKbytes'), '524288');
    assert.equal(at('nodes[1].memFreeKiB'), '46080000');
    assert.equal(at('nodes.1.memFreeKiB'), '46080000');
    assert.equal(at('kernel.cmdline'), '"isolcpus=4-31 nohz_full=4-31 rcu_nocbs=4-31"');
    assert.equal(at('nodes[0].distances'), '[10, 21]');
    assert.equal(at('nodes[1].hugepages[0].free'), '8192');
    assert.deepEqual(JSON.parse(at('nodes[1]')!), JSON.parse(dualText).nodes[1]);
    assert.equal(at('vm.absent'), undefined);
    assert.equal(at('nodes[2]'), undefined);
    assert.equal(at('vm.minFreeKbytes.deeper'), undefined);
  });

  it('counts UTF-16 units and is not fooled by keys or braces inside strings', () => {
    const text = '{"hostname": "hôte-😀 {\\"vm\\": 1}", "v\\u006d": {"a": [1, {"b": "x]}"}], "minFreeKbytes": 67584}}';
    const r = locateJsonKey(text, 'vm.minFreeKbytes')!;
    assert.equal(r.start, text.indexOf('67584'));
    assert.equal(text.slice(r.start, r.end), '67584');
    const b = locateJsonKey(text, 'vm.a[1].b')!;
    assert.equal(text.slice(b.start, b.end), '"x]}"');
  });

  it('every leaf of a document locates to text that parses back to that leaf', () => {
    const doc = JSON.parse(dualText);
    const leaves: Array<[string, unknown]> = [];
    const walk = (v: unknown, path: string): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
      else leaves.push([path, v]);
    };
    walk(doc, '');
    assert.ok(leaves.length > 30);
    for (const [path, value] of leaves) {
      const r = locateJsonKey(dualText, path);
      assert.ok(r, path);
      assert.deepEqual(JSON.parse(dualText.slice(r.start, r.end)), value, path);
    }
  });
});

describe('locateTokenInJsonString', () => {
  it('finds a command-line parameter as a whole token inside the JSON string, escapes included', () => {
    const text = JSON.stringify({ kernel: { cmdline: 'ro xisolcpus=1 isolcpus=4-31 nohz_full=4-31\tirqaffinity=0-3 a="x y" isolcpus=4-31' } }, null, 2);
    const at = (token: string | undefined) => {
      const r = locateTokenInJsonString(text, 'kernel.cmdline', token)!;
      return text.slice(r.start, r.end);
    };
    assert.equal(at('isolcpus=4-31'), 'isolcpus=4-31');
    assert.equal(locateTokenInJsonString(text, 'kernel.cmdline', 'isolcpus=4-31')!.start, text.indexOf(' isolcpus=4-31') + 1);
    // Bounded by an escaped tab on one side.
    assert.equal(at('nohz_full=4-31'), 'nohz_full=4-31');
    assert.equal(at('irqaffinity=0-3'), 'irqaffinity=0-3');
    assert.equal(at('a="x y"'), 'a=\\"x y\\"');
    // Not a whole token, absent, or no token: the whole string value.
    const whole = text.slice(text.indexOf('"ro '), text.lastIndexOf('"') + 1);
    assert.equal(at('4-31'), whole);
    assert.equal(at('isolcpus=1'), whole);
    assert.equal(at(undefined), whole);
    assert.equal(locateTokenInJsonString(text, 'kernel.absent', 'ro'), undefined);
  });
});

describe('snapshots that share a CPU topology', () => {
  /** What a loader that has seen no snapshot yet makes of `text`: the snapshot, or the error's field and message. */
  async function freshOutcome(text: string): Promise<unknown> {
    // Another instance of the module (its own URL): its shared-topology table is empty.
    const fresh = (await import(`../../src/host/load.ts?fresh=${Math.random()}`)) as typeof import('../../src/host/load.ts');
    return outcome(() => fresh.loadHostSnapshotText(text, 'hv.json'));
  }
  function outcome(load: () => unknown): unknown {
    try {
      return { snapshot: JSON.parse(JSON.stringify(load())) as unknown };
    } catch (err) {
      assert.equal((err as Error).name, 'HostSnapshotError', String(err));
      const e = err as HostSnapshotError;
      return { field: e.field, message: e.message, range: e.range };
    }
  }
  const topologyText = dualText.slice(dualText.indexOf('"cpuTopology"'), dualText.indexOf(']', dualText.indexOf('"cpuTopology"')) + 1);
  const withHost = (name: string) => dualText.replace('"hostname": "dual-socket"', `"hostname": "${name}"`);

  it('a second host of the same hardware gets the first one\'s array, frozen', () => {
    assert.notEqual(withHost('a'), dualText, 'the example names its host');
    const a = loadHostSnapshotText(withHost('a'), 'a.json');
    const b = loadHostSnapshotText(withHost('b'), 'b.json');
    assert.equal(b.hostname, 'b');
    assert.equal(b.cpuTopology, a.cpuTopology);
    assert.deepEqual(b, JSON.parse(withHost('b')));
    assert.ok(Object.isFrozen(b.cpuTopology) && Object.isFrozen(b.cpuTopology![0]));
    assert.throws(() => {
      (b.cpuTopology![0] as { node?: number }).node = 1;
    }, TypeError);
  });

  it('an array of the same length that differs only between the characters the lookup samples is not taken for the shared one', async () => {
    const seen = loadHostSnapshotText(dualText, 'seen.json');
    const start = dualText.indexOf('[', dualText.indexOf('"cpuTopology"'));
    // The lookup samples one character in 61 of the array's text (src/host/load.ts): change a core id it skips.
    const re = /"core": (\d)/g;
    re.lastIndex = start;
    let m: RegExpExecArray | null;
    let at = -1;
    while ((m = re.exec(dualText)) !== null) {
      const digit = m.index + m[0].length - 1;
      if ((digit - start) % 61 !== 0) {
        at = digit;
        break;
      }
    }
    assert.ok(at > start, 'a core id to change');
    const text = dualText.slice(0, at) + (dualText[at] === '9' ? '8' : '9') + dualText.slice(at + 1);
    assert.equal(text.length, dualText.length);
    assert.deepEqual(outcome(() => loadHostSnapshotText(text, 'hv.json')), await freshOutcome(text));
    const other = outcome(() => loadHostSnapshotText(text, 'hv.json')) as { snapshot?: { cpuTopology: unknown } };
    if (other.snapshot) assert.notDeepEqual(other.snapshot.cpuTopology, JSON.parse(JSON.stringify(seen.cpuTopology)));
  });

  // Each text holds the example's topology text verbatim, so a loader that has seen the example takes
  // its shortcut as far as it can: the outcome must be exactly what a loader that never saw it gives.
  const hostile: Array<[string, string]> = [
    ['the same host renamed', withHost('c')],
    ['a NUL escape elsewhere in the text', withHost('x\\u0000y')],
    ['a byte-order mark', `\ufeff${withHost('d')}`],
    ['a later duplicate key wins', dualText.replace(/\n}\s*$/, ',\n  "cpuTopology": [{"cpu": 0, "node": 0}]\n}\n')],
    ['a later duplicate key holding the stand-in\'s value', dualText.replace(/\n}\s*$/, ',\n  "cpuTopology": "\\u0000"\n}\n')],
    ['a later duplicate key that is invalid', dualText.replace(/\n}\s*$/, ',\n  "cpuTopology": 7\n}\n')],
    ['the key as a string value first', dualText.replace('"hostname": "dual-socket"', '"hostname": "cpuTopology"')],
    ['the array nested in another object first', dualText.replace('"hostname": "dual-socket"', `"tuned": {${topologyText}}`)],
    ['the rest of the snapshot invalid', dualText.replace(/"memFreeKiB": \d+/, '"memFreeKiB": -1')],
    ['the rest fails a check the schema cannot make', dualText.replace(/"memFreeKiB": \d+/, '"memFreeKiB": 999999999999')],
    ['the rest not JSON', dualText.replace('"hostname"', 'hostname')],
    ['the array closed early by a string', dualText.replace('"siblings": "0"}', '"siblings": "0]"}')],
  ];
  for (const [what, text] of hostile) {
    it(`${what}: as if no topology had been seen`, async () => {
      assert.ok(text.includes(topologyText) || what.includes('closed early'), 'the text holds the example\'s topology');
      loadHostSnapshotText(dualText, 'seen.json');
      assert.deepEqual(outcome(() => loadHostSnapshotText(text, 'hv.json')), await freshOutcome(text));
    });
  }
});

describe('realtime throttling facts (kernel.rtRuntimeUs, kernel.rtPeriodUs)', () => {
  it('a runtime above the period is exit 2 naming the field; -1 and the shipped 950000 load', () => {
    const e = loadError(edited((d) => (d.kernel = { ...d.kernel, rtRuntimeUs: 2_000_000, rtPeriodUs: 1_000_000 })));
    assert.equal(e.field, 'kernel.rtRuntimeUs');
    assert.match(e.message, /2000000 exceeds the period 1000000/);
    for (const rtRuntimeUs of [-1, 950_000]) loadHostSnapshotText(edited((d) => (d.kernel = { ...d.kernel, rtRuntimeUs })), 'hv.json');
    assert.equal(loadError(edited((d) => (d.kernel = { ...d.kernel, rtRuntimeUs: -2 }))).field, 'kernel.rtRuntimeUs');
  });

  it('what busy realtime threads leave the rest: the fair server from Linux 6.12, else throttling, else nothing assumed', () => {
    const model = (edit: (d: Record<string, any>) => void) => buildHostModel(loadHostSnapshotText(edited(edit), 'hv.json'));
    const at = (kernelRelease: string | undefined, rtRuntimeUs: number | undefined, rtPeriodUs?: number) =>
      rtLeftover(
        model((d) => {
          if (kernelRelease === undefined) delete d.kernelRelease;
          else d.kernelRelease = kernelRelease;
          d.kernel = { ...d.kernel, ...(rtRuntimeUs === undefined ? {} : { rtRuntimeUs }), ...(rtPeriodUs === undefined ? {} : { rtPeriodUs }) };
        }),
      );
    assert.deepEqual(at('5.14.0-427.el9.x86_64', -1), { percent: 0, source: 'sched_rt_runtime_us=-1' });
    assert.deepEqual(at('5.14.0-427.el9.x86_64', 950_000), { percent: 5, source: 'sched_rt_runtime_us=950000' });
    assert.deepEqual(at(undefined, 900_000, 1_000_000), { percent: 10, source: 'sched_rt_runtime_us=900000' });
    assert.deepEqual(at('6.12.9-200.fc41.x86_64', -1), { percent: 5, source: 'the fair server of Linux 6.12' });
    assert.deepEqual(at('7.0.1', undefined), { percent: 5, source: 'the fair server of Linux 7.0' });
    assert.equal(at('6.11.0', undefined), undefined);
    assert.equal(rtLeftover(undefined), undefined);
  });
});
