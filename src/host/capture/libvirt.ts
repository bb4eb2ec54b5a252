/**
 * libvirt on the host, read from files only (no daemon, no command):
 * - its release, from installed package metadata: dpkg's status database (Debian,
 *   Ubuntu) or libvirt's pkg-config file. RPM's database is binary, so on RHEL-like
 *   hosts without libvirt-devel the version stays unknown: the config
 *   (hosts[].libvirtVersion) or a hand-written snapshot field supplies it;
 * - the persistent definitions under /etc/libvirt/qemu (reduced to what kvmlint
 *   reasons about, plus a digest) and the status XML under /run/libvirt/qemu that
 *   maps a running guest's vCPU ids to thread ids. Both are root-only on a normal
 *   install (libvirtd creates them 0600): unreadable files are said once, never fatal.
 */
import { buildDomainModel, isDomainRoot } from '../../model/domain.ts';
import type { SnapshotDefinition } from '../../model/host.ts';
import { reduceDefinition } from '../../model/definition-reduce.ts';
import { parseXml } from '../../xml/parse.ts';
import { childrenNamed } from '../../xml/query.ts';
import type { TreeReader } from './tree.ts';

/** `10.4.0` from `10.4.0-1ubuntu2`, `1:9.0.0-4+deb12u1` or `10.4.0`; undefined when it does not start like a release. */
export function libvirtReleaseOf(version: string): string | undefined {
  const m = /^(?:\d+:)?(\d+\.\d+(?:\.\d+)?)/.exec(version.trim());
  return m?.[1];
}

/** The Version of an installed libvirt package in a dpkg status file (libvirt-daemon, else libvirt0). */
export function libvirtVersionFromDpkgStatus(status: string): string | undefined {
  const found = new Map<string, string>();
  for (const stanza of status.split(/\n\s*\n/)) {
    const pkg = /^Package:\s*(\S+)/m.exec(stanza)?.[1];
    if (pkg !== 'libvirt-daemon' && pkg !== 'libvirt0' && pkg !== 'libvirt-daemon-system') continue;
    if (!/^Status:.*\binstalled\b/m.test(stanza) || /^Status:.*\bnot-installed\b/m.test(stanza)) continue;
    const v = /^Version:\s*(\S+)/m.exec(stanza)?.[1];
    const release = v === undefined ? undefined : libvirtReleaseOf(v);
    if (release !== undefined) found.set(pkg, release);
  }
  return found.get('libvirt-daemon') ?? found.get('libvirt-daemon-system') ?? found.get('libvirt0');
}

/** `Version:` of a libvirt.pc file. */
export function libvirtVersionFromPkgConfig(pc: string): string | undefined {
  const v = /^Version:\s*(\S+)/m.exec(pc)?.[1];
  return v === undefined ? undefined : libvirtReleaseOf(v);
}

/** pkg-config locations of libvirt.pc under the root, in the order tried. */
export const LIBVIRT_PKGCONFIG_PATHS = [
  'usr/lib64/pkgconfig/libvirt.pc',
  'usr/lib/pkgconfig/libvirt.pc',
  'usr/lib/x86_64-linux-gnu/pkgconfig/libvirt.pc',
  'usr/lib/aarch64-linux-gnu/pkgconfig/libvirt.pc',
  'usr/share/pkgconfig/libvirt.pc',
];

/** The host's libvirt release from the first source that has it; `read` returns a file's text under the root. */
export function captureLibvirtVersion(read: (rel: string) => string | undefined): string | undefined {
  const status = read('var/lib/dpkg/status');
  const fromDpkg = status === undefined ? undefined : libvirtVersionFromDpkgStatus(status);
  if (fromDpkg !== undefined) return fromDpkg;
  for (const path of LIBVIRT_PKGCONFIG_PATHS) {
    const pc = read(path);
    const v = pc === undefined ? undefined : libvirtVersionFromPkgConfig(pc);
    if (v !== undefined) return v;
  }
  return undefined;
}

export const LIBVIRT_DEFINITIONS = 'etc/libvirt/qemu';
export const LIBVIRT_STATUS = 'run/libvirt/qemu';

/** Why a file could not be read, for a note: EACCES is the usual non-root case. */
export function describeReadError(code: string): string {
  return code === 'EACCES' || code === 'EPERM' ? `${code}: not readable by this user (libvirt keeps it root-only; run as root)` : code;
}

/** The persistent definitions, reduced; undefined (named in `missing`) when the directory cannot be read. */
export function captureDefinitions(reader: TreeReader): SnapshotDefinition[] | undefined {
  const listing = reader.entriesOrError(LIBVIRT_DEFINITIONS);
  if ('code' in listing) {
    // No /etc/libvirt/qemu: no libvirt here (or a copied tree without it), nothing to say.
    if (listing.code === 'ENOENT' || listing.code === 'ENOTDIR') return undefined;
    reader.miss('libvirt.definitions');
    reader.cannotRead('libvirt', `/${LIBVIRT_DEFINITIONS}: ${describeReadError(listing.code)} (persistent definitions left out)`);
    return undefined;
  }
  const out: SnapshotDefinition[] = [];
  const unreadable: string[] = [];
  for (const file of listing.entries.filter((e) => e.endsWith('.xml')).sort()) {
    const r = reader.textOrError(`${LIBVIRT_DEFINITIONS}/${file}`);
    if ('code' in r) {
      if (r.code !== 'EISDIR') unreadable.push(`${file} (${describeReadError(r.code)})`);
      continue;
    }
    const doc = parseXml(r.text);
    if (doc.error || !isDomainRoot(doc.root)) {
      reader.notes.push(`/${LIBVIRT_DEFINITIONS}/${file}: not a domain definition${doc.error ? ` (${doc.error.message})` : ''}; left out`);
      continue;
    }
    const model = buildDomainModel(doc.root!);
    const { elements, digest } = reduceDefinition(doc.root!);
    const def: SnapshotDefinition = { file, digest, elements };
    if (model.name !== undefined) def.name = model.name;
    if (model.uuid !== undefined) def.uuid = model.uuid.toLowerCase();
    out.push(def);
  }
  if (unreadable.length > 0) reader.cannotRead('libvirt', `/${LIBVIRT_DEFINITIONS}: cannot read ${unreadable.join(', ')} (left out)`);
  return out;
}

/**
 * vCPU id → thread id from a running guest's status XML (`<domstatus pid>` with
 * `<vcpus><vcpu id pid/>`, qemu_domain.c qemuDomainObjPrivateXMLFormatVcpus), or
 * why it could not be had. IOThread thread ids are not in it: libvirt asks QEMU
 * for them on reconnect, so IOThreads are always known by their thread names.
 */
export function readStatusVcpuThreads(reader: TreeReader, guestName: string, pid: number): { vcpuOfTid: Map<number, number> } | { why: string } {
  const rel = `${LIBVIRT_STATUS}/${guestName}.xml`;
  const r = reader.textOrError(rel);
  if ('code' in r) return { why: `/${rel}: ${describeReadError(r.code)}` };
  const doc = parseXml(r.text);
  const root = doc.root;
  if (doc.error || root?.name !== 'domstatus') return { why: `/${rel}: not libvirt status XML` };
  // A status file left from an earlier run of the guest names another process.
  if (root.attributeValues.pid !== String(pid)) return { why: `/${rel}: describes pid ${root.attributeValues.pid ?? '?'}, not ${pid}` };
  const vcpuOfTid = new Map<number, number>();
  for (const vcpus of childrenNamed(root, 'vcpus')) {
    for (const v of childrenNamed(vcpus, 'vcpu')) {
      const id = Number(v.attributeValues.id);
      const tid = Number(v.attributeValues.pid);
      if (Number.isSafeInteger(id) && Number.isSafeInteger(tid)) vcpuOfTid.set(tid, id);
    }
  }
  return { vcpuOfTid };
}
