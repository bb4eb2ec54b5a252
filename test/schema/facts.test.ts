import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attributeNamesOf, dpkgLibvirtVersion, elementNamesOf } from '../../src/schema/facts.ts';

test('schema facts: element names from RelaxNG text, namespaces stripped', () => {
  const names = elementNamesOf(`<define name="x"><element name="vcpupin"><empty/></element><element name='emulatorpin'/><element name="qemu:commandline"/></define>`);
  assert.deepEqual([...names].sort(), ['commandline', 'emulatorpin', 'vcpupin']);
});

test('schema facts: attribute names from RelaxNG text; an anyName attribute names none', () => {
  const names = attributeNamesOf(`<element name="topology"><attribute name="sockets"/><attribute name='clusters'><ref name="uint"/></attribute><attribute><anyName/></attribute></element>`);
  assert.deepEqual([...names].sort(), ['clusters', 'sockets']);
});

test("schema facts: the libvirt version dpkg records for the package that installed the schema directory", () => {
  const root = mkdtempSync(join(tmpdir(), 'kvmlint-dpkg-'));
  try {
    mkdirSync(join(root, 'var/lib/dpkg/info'), { recursive: true });
    const status = [
      'Package: libvirt-clients\nStatus: install ok installed\nVersion: 9.0.0-4+deb12u2',
      'Package: libvirt0\nStatus: install ok installed\nArchitecture: amd64\nVersion: 9.0.0-4+deb12u2',
    ].join('\n\n');
    writeFileSync(join(root, 'var/lib/dpkg/status'), `${status}\n`);
    // Not listed by any package: unknown.
    assert.equal(dpkgLibvirtVersion('/usr/share/libvirt/schemas', root), undefined);
    writeFileSync(join(root, 'var/lib/dpkg/info/libvirt0:amd64.list'), '/.\n/usr/share/libvirt/schemas\n/usr/share/libvirt/schemas/domain.rng\n');
    assert.equal(dpkgLibvirtVersion('/usr/share/libvirt/schemas', root), '9.0.0');
    assert.equal(dpkgLibvirtVersion('/usr/share/libvirt/schemas/', root), '9.0.0');
    // Another directory, or a package that is not installed any more: unknown.
    assert.equal(dpkgLibvirtVersion('/opt/libvirt/schemas', root), undefined);
    writeFileSync(join(root, 'var/lib/dpkg/status'), 'Package: libvirt0\nStatus: deinstall ok config-files\nVersion: 9.0.0-4\n');
    assert.equal(dpkgLibvirtVersion('/usr/share/libvirt/schemas', root), undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
