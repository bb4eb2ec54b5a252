/**
 * The host's libvirt release, read from installed package metadata under a
 * root directory, without running a daemon or a command: dpkg's status
 * database (Debian, Ubuntu) or libvirt's pkg-config file (installed with the
 * development package on any distribution). RPM's database is binary, so on
 * RHEL-like hosts without libvirt-devel the version stays unknown: the config
 * (hosts[].libvirtVersion) or a hand-written snapshot field supplies it.
 */

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
