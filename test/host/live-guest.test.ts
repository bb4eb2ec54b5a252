/**
 * The tuning guide's `virsh vcpuinfo` check, end to end on this machine: a stand-in
 * QEMU process (test/host/live/qemu-stand-in.py: comm qemu-system-x86, threads named
 * as debug-threads=on names them, each pinned with sched_setaffinity, a secret on its
 * command line) is captured by `kvmlint snapshot`, then linted against a domain that
 * matches it (no drift) and one whose <vcpupin> differs (drift on that <vcpupin>).
 * Needs Linux with CPUs 0 and 1 online and python3; CI has both, so it fails there
 * rather than skip.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { HostSnapshot, SnapshotCpuList } from '../../src/model/host.ts';
import { copyBundle } from '../support/bundle.ts';
import { repoRoot } from '../support/paths.ts';

// Unique to this process: two test runs at once (CI beside a local run) would each find the other's stand-in.
const GUEST = `kvmlint-live-stand-in-${process.pid}`;
const UUID = `0f6a4c2e-9b1d-4e7a-8c3f-${process.pid.toString(16).padStart(12, '0')}`;
const SECRET = 'live-S3CRET-not-for-snapshots';
/** Thread name → CPUs. vCPU 0 on CPU 1, vCPU 1 and everything else on CPU 0. */
const LAYOUT: Record<string, number[]> = {
  'qemu-system-x86': [0],
  'CPU 0/KVM': [1],
  'CPU 1/KVM': [0],
  'IO iothread1': [0],
  call_rcu: [0],
};

function online(): string {
  try {
    return readFileSync('/sys/devices/system/cpu/online', 'utf8').trim();
  } catch {
    return '';
  }
}
const hasPython = spawnSync('python3', ['-c', 'import ctypes, os; os.sched_setaffinity'], { stdio: 'ignore' }).status === 0;
const usable = process.platform === 'linux' && /^0-\d+/.test(online()) && availableParallelism() >= 2 && hasPython;
const skip = usable ? false : process.env.CI ? false : 'needs Linux, CPUs 0-1 online and python3';

function domainXml(vcpu1Cpu: number): string {
  return `<domain type='kvm'>
  <name>${GUEST}</name>
  <uuid>${UUID}</uuid>
  <memory unit='MiB'>512</memory>
  <vcpu placement='static'>2</vcpu>
  <iothreads>1</iothreads>
  <cputune>
    <vcpupin vcpu='0' cpuset='1'/>
    <vcpupin vcpu='1' cpuset='${vcpu1Cpu}'/>
    <emulatorpin cpuset='0'/>
    <iothreadpin iothread='1' cpuset='0'/>
  </cputune>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
  </os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
  </devices>
</domain>
`;
}

function raw(list: SnapshotCpuList | undefined): string | undefined {
  return list === undefined ? undefined : typeof list === 'string' ? list : list.raw;
}

describe('live: a stand-in QEMU process on this machine', { skip }, () => {
  let dir = '';
  let bundle = '';
  let child: ChildProcessWithoutNullStreams | undefined;
  let snapshotText = '';
  let snapshotNotes = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kvmlint-live-'));
    bundle = copyBundle('kvmlint.mjs', join(dir, 'bundle', 'kvmlint.mjs'));
    const script = join(repoRoot, 'test/host/live/qemu-stand-in.py');
    child = spawn('python3', [script, JSON.stringify(LAYOUT), '-name', `guest=${GUEST},debug-threads=on`, '-uuid', UUID, '-object', `secret,id=sec0,data=${SECRET}`]);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      let err = '';
      child!.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('ready')) resolve();
      });
      child!.stderr.on('data', (b: Buffer) => (err += b.toString()));
      child!.on('exit', (code) => reject(new Error(`stand-in exited (${code}): ${err}`)));
    });
    const snap = spawnSync(process.execPath, [bundle, 'snapshot', '-o', join(dir, 'host.json')], { encoding: 'utf8', cwd: dir });
    assert.equal(snap.status, 0, snap.stderr);
    snapshotText = readFileSync(join(dir, 'host.json'), 'utf8');
    snapshotNotes = snap.stderr;
  });

  after(() => {
    child?.stdin.end();
    child?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("captures the stand-in's threads with their roles and real affinities", () => {
    const snapshot = JSON.parse(snapshotText) as HostSnapshot;
    const guest = snapshot.running?.guests?.find((g) => g.name === GUEST);
    assert.ok(guest, `guest ${GUEST} in the snapshot; notes: ${snapshotNotes}`);
    assert.equal(guest.uuid, UUID);
    assert.equal(guest.pid, child!.pid);
    assert.equal(guest.rolesFrom, existsSync(`/run/libvirt/qemu/${GUEST}.xml`) ? 'status-xml' : 'thread-names');
    const byName = new Map(guest.threads.map((t) => [t.name, t]));
    assert.deepEqual([byName.get('CPU 0/KVM')?.role, byName.get('CPU 0/KVM')?.id, raw(byName.get('CPU 0/KVM')?.allowedCpus)], ['vcpu', 0, '1']);
    assert.deepEqual([byName.get('CPU 1/KVM')?.role, byName.get('CPU 1/KVM')?.id, raw(byName.get('CPU 1/KVM')?.allowedCpus)], ['vcpu', 1, '0']);
    assert.deepEqual([byName.get('IO iothread1')?.role, byName.get('IO iothread1')?.id, raw(byName.get('IO iothread1')?.allowedCpus)], ['iothread', 1, '0']);
    assert.deepEqual([byName.get('qemu-system-x86')?.role, raw(byName.get('qemu-system-x86')?.allowedCpus)], ['main', '0']);
    assert.equal(byName.get('CPU 0/KVM')?.policy, 'other');
    // Where it last ran is one of the CPUs it may run on.
    assert.equal(byName.get('CPU 0/KVM')?.lastCpu, 1);
  });

  it('keeps the secret on its command line out of the snapshot', () => {
    assert.ok(readFileSync(`/proc/${child!.pid}/cmdline`, 'utf8').includes(SECRET));
    assert.ok(!snapshotText.includes(SECRET));
    assert.ok(!snapshotNotes.includes(SECRET));
  });

  function driftFindings(xml: string): Array<{ line: number; message: string }> {
    writeFileSync(join(dir, 'guest.xml'), xml);
    const r = spawnSync(process.execPath, [bundle, '--no-config-lookup', '--host', 'host.json', '-f', 'json', 'guest.xml'], { encoding: 'utf8', cwd: dir });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const report = JSON.parse(r.stdout) as { diagnostics: Array<{ ruleId: string; line: number; message: string }> };
    return report.diagnostics.filter((m) => m.ruleId === 'running-affinity-drift').map(({ line, message }) => ({ line, message }));
  }

  it('a domain that matches it shows no drift', () => {
    assert.deepEqual(driftFindings(domainXml(0)), []);
  });

  it("a changed <vcpupin> is reported on that <vcpupin>", () => {
    const xml = domainXml(1);
    const found = driftFindings(xml);
    const line = xml.split('\n').findIndex((l) => l.includes("<vcpupin vcpu='1'")) + 1;
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0]!.line, line);
    assert.match(found[0]!.message, /vCPU 1 .* allowed on CPUs 0; the XML gives it CPUs 1/);
  });
});
