/**
 * The x86 machine families libvirt's QEMU driver tells apart by name (qemu_domain.c qemuDomainMachineIsQ35,
 * qemuDomainMachineIsI440FX). libvirt compares the canonical name, after it has resolved an alias through the QEMU
 * binary's capabilities: a name matched here is one whose family every QEMU gives it; another name (`ubuntu`, a
 * distribution alias) may be either, and is neither here.
 */

/** qemuDomainMachineIsQ35: `q35` or a versioned `pc-q35-` name. */
export function isQ35Machine(machine: string): boolean {
  return machine === 'q35' || machine.startsWith('pc-q35-');
}

/** qemuDomainMachineIsI440FX: `pc`, the old `pc-0.*` and `pc-1.*`, a versioned `pc-i440fx-` name, or RHEL 6's `rhel*`. */
export function isI440fxMachine(machine: string): boolean {
  return machine === 'pc' || machine.startsWith('pc-i440fx-') || machine.startsWith('pc-0.') || machine.startsWith('pc-1.') || machine.startsWith('rhel');
}

/** ARCH_IS_X86 (virarch.h). */
export function isX86Arch(arch: string | undefined): boolean {
  return arch === 'x86_64' || arch === 'i686';
}

/** ARCH_IS_PPC64 (virarch.h). */
export function isPpc64Arch(arch: string | undefined): boolean {
  return arch === 'ppc64' || arch === 'ppc64le';
}

/** ARCH_IS_S390 (virarch.h). */
export function isS390Arch(arch: string | undefined): boolean {
  return arch === 's390' || arch === 's390x';
}

/**
 * qemu_domain.c qemuDomainIsPSeries: a ppc64 arch and a `pseries` or `pseries-*` machine. undefined when the XML
 * leaves out what decides it (libvirt would take the host's default).
 */
export function isPSeries(arch: string | undefined, machine: string | undefined): boolean | undefined {
  if (arch === undefined) return undefined;
  if (!isPpc64Arch(arch)) return false;
  if (machine === undefined) return undefined;
  return machine === 'pseries' || machine.startsWith('pseries-');
}

/** qemu_domain.c qemuDomainIsARMVirt: an ARM arch and a `virt` or `virt-*` machine; undefined when the XML leaves out what decides it. */
export function isArmVirt(arch: string | undefined, machine: string | undefined): boolean | undefined {
  if (arch === undefined) return undefined;
  if (arch !== 'aarch64' && arch !== 'armv7l') return false;
  if (machine === undefined) return undefined;
  return machine === 'virt' || machine.startsWith('virt-');
}

/** x86 machine types of neither family that every QEMU names so (microvm, the ISA-only PC, Xen's). */
const OTHER_X86_MACHINES: ReadonlySet<string> = new Set(['microvm', 'isapc', 'xenfv', 'xenpv', 'xenpvh']);

/**
 * Whether libvirt's qemuDomainIsQ35 is certainly false for this `<os><type>`: an arch other than x86 (it requires
 * ARCH_IS_X86), or an x86 machine of the i440fx family or another known one. A distribution alias (`ubuntu-q35`)
 * or an unwritten arch or machine may be q35 once libvirt has made the name canonical: false here.
 */
export function isKnownNotQ35(arch: string | undefined, machine: string | undefined): boolean {
  if (arch === undefined || machine === undefined) return false;
  if (arch !== 'x86_64' && arch !== 'i686') return true;
  return isI440fxMachine(machine) || OTHER_X86_MACHINES.has(machine);
}

/** The x86 machine family of an `<os><type arch machine>`: undefined unless the arch is x86 and the machine names its family. */
export function x86MachineFamily(os: { arch: string | undefined; machine: string | undefined } | undefined): 'q35' | 'i440fx' | undefined {
  if (!os || (os.arch !== 'x86_64' && os.arch !== 'i686') || os.machine === undefined) return undefined;
  if (isQ35Machine(os.machine)) return 'q35';
  if (isI440fxMachine(os.machine)) return 'i440fx';
  return undefined;
}
