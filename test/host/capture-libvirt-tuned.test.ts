import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { captureHost } from '../../src/host/capture.ts';
import { formatSnapshot } from '../../src/host/snapshot-json.ts';
import { loadHostSnapshotText } from '../../src/host/load.ts';
import { libvirtVersionFromDpkgStatus, libvirtReleaseOf } from '../../src/host/capture/libvirt.ts';
import { tunedIncludeChain, tunedIncludesOf } from '../../src/host/capture/tuned-includes.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { SYSFS_FIXTURES_DIR } from '../../scripts/gen-sysfs-fixtures.ts';

// The libvirt version and the tuned include chain, captured from files (no daemon, no command),
// on a copy of a fixture tree with the package and profile files added.
const temps: string[] = [];
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(base: string, files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kvmlint-capture-')), base);
  temps.push(dirname(dir));
  cpSync(join(SYSFS_FIXTURES_DIR, base), dir, { recursive: true, verbatimSymlinks: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function capture(root: string) {
  const r = captureHost({ root, now: new Date('2026-01-01T00:00:00Z') });
  return loadHostSnapshotText(formatSnapshot(r.snapshot), `${root}.json`);
}

const DPKG_STATUS = [
  'Package: libvirt-clients\nStatus: install ok installed\nVersion: 10.0.0-2ubuntu8\n',
  'Package: libvirt-daemon\nStatus: install ok installed\nArchitecture: amd64\nVersion: 10.0.0-2ubuntu8.4\n',
  'Package: libvirt0\nStatus: deinstall ok config-files\nVersion: 9.0.0-4\n',
].join('\n');

describe('libvirt version from package metadata', () => {
  it("dpkg status: the installed libvirt-daemon's release; removed packages do not count", () => {
    assert.equal(libvirtVersionFromDpkgStatus(DPKG_STATUS), '10.0.0');
    assert.equal(libvirtVersionFromDpkgStatus('Package: libvirt0\nStatus: deinstall ok config-files\nVersion: 9.0.0-4\n'), undefined);
    assert.equal(libvirtReleaseOf('1:10.5.0-1+deb13u1'), '10.5.0');
  });

  it('captured into libvirtVersion (dpkg status, else libvirt.pc); absent, not missing, when neither exists', () => {
    assert.equal(capture(tree('no-tuned', { 'var/lib/dpkg/status': DPKG_STATUS })).libvirtVersion, '10.0.0');
    assert.equal(capture(tree('no-tuned', { 'usr/lib64/pkgconfig/libvirt.pc': 'prefix=/usr\nName: libvirt\nVersion: 10.10.0\n' })).libvirtVersion, '10.10.0');
    const none = capture(tree('no-tuned', {}));
    assert.equal(none.libvirtVersion, undefined);
    assert.ok(!(none.missing ?? []).includes('libvirtVersion'));
  });
});

describe('tuned include chains', () => {
  it('include= in [main], comma or space separated; includes come before the profile naming them, each once', () => {
    assert.deepEqual(tunedIncludesOf('[main]\nsummary=x\ninclude=cpu-partitioning, network-latency\n[sysctl]\ninclude=ignored\n'), ['cpu-partitioning', 'network-latency']);
    const confs: Record<string, string> = {
      'nfv-host': '[main]\ninclude=site-base\n',
      'site-base': '[main]\ninclude=realtime-virtual-host\n',
      'realtime-virtual-host': '[main]\ninclude=realtime\n',
      realtime: '[main]\ninclude=network-latency\n',
      'network-latency': '[main]\ninclude=latency-performance\n',
      'latency-performance': '[main]\n',
    };
    assert.deepEqual(tunedIncludeChain('nfv-host', (n) => confs[n]), ['latency-performance', 'network-latency', 'realtime', 'realtime-virtual-host', 'site-base']);
    // A loop ends.
    assert.deepEqual(tunedIncludeChain('a', (n) => ({ a: '[main]\ninclude=b\n', b: '[main]\ninclude=a\n' })[n]), ['b']);
  });

  it('a custom profile including cpu-partitioning: captured chain, its variables read, and its isolated_cores count as isolation', () => {
    const root = tree('dual-socket-isolated', {
      'etc/tuned/active_profile': 'vfio-host\n',
      'etc/tuned/vfio-host/tuned.conf': '[main]\nsummary=site profile\ninclude=cpu-partitioning\n\n[sysctl]\nvm.stat_interval=10\n',
      'usr/lib/tuned/cpu-partitioning/tuned.conf': '[main]\ninclude=network-latency\n',
      'usr/lib/tuned/network-latency/tuned.conf': '[main]\ninclude=latency-performance\n',
    });
    const s = capture(root);
    assert.equal(s.tuned?.activeProfile, 'vfio-host');
    assert.deepEqual(s.tuned?.includes, ['latency-performance', 'network-latency', 'cpu-partitioning']);
    assert.ok(s.tuned?.isolatedCores !== undefined, 'cpu-partitioning-variables.conf was read for the included profile');
    // Without the running kernel's view, tuned's isolated_cores is one source of I.
    delete s.isolation;
    const m = buildHostModel({ ...s, kernel: { cmdline: 'ro quiet' } });
    assert.equal(m.isolation?.isolated.toString(), '4-31');
    assert.ok(m.isolation?.sources.includes('tuned isolated_cores'));
    const withoutChain = buildHostModel({ ...s, kernel: { cmdline: 'ro quiet' }, tuned: { ...s.tuned, includes: undefined } });
    assert.equal(withoutChain.isolation, undefined, 'the same profile without its chain is not known to isolate');
  });
});
