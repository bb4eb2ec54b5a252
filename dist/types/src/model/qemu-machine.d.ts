/**
 * The x86 machine families libvirt's QEMU driver tells apart by name (qemu_domain.c qemuDomainMachineIsQ35,
 * qemuDomainMachineIsI440FX). libvirt compares the canonical name, after it has resolved an alias through the QEMU
 * binary's capabilities: a name matched here is one whose family every QEMU gives it; another name (`ubuntu`, a
 * distribution alias) may be either, and is neither here.
 */
/** qemuDomainMachineIsQ35: `q35` or a versioned `pc-q35-` name. */
export declare function isQ35Machine(machine: string): boolean;
/** qemuDomainMachineIsI440FX: `pc`, the old `pc-0.*` and `pc-1.*`, a versioned `pc-i440fx-` name, or RHEL 6's `rhel*`. */
export declare function isI440fxMachine(machine: string): boolean;
/** ARCH_IS_X86 (virarch.h). */
export declare function isX86Arch(arch: string | undefined): boolean;
/** ARCH_IS_PPC64 (virarch.h). */
export declare function isPpc64Arch(arch: string | undefined): boolean;
/** ARCH_IS_S390 (virarch.h). */
export declare function isS390Arch(arch: string | undefined): boolean;
/**
 * qemu_domain.c qemuDomainIsPSeries: a ppc64 arch and a `pseries` or `pseries-*` machine. undefined when the XML
 * leaves out what decides it (libvirt would take the host's default).
 */
export declare function isPSeries(arch: string | undefined, machine: string | undefined): boolean | undefined;
/** qemu_domain.c qemuDomainIsARMVirt: an ARM arch and a `virt` or `virt-*` machine; undefined when the XML leaves out what decides it. */
export declare function isArmVirt(arch: string | undefined, machine: string | undefined): boolean | undefined;
/**
 * Whether libvirt's qemuDomainIsQ35 is certainly false for this `<os><type>`: an arch other than x86 (it requires
 * ARCH_IS_X86), or an x86 machine of the i440fx family or another known one. A distribution alias (`ubuntu-q35`)
 * or an unwritten arch or machine may be q35 once libvirt has made the name canonical: false here.
 */
export declare function isKnownNotQ35(arch: string | undefined, machine: string | undefined): boolean;
/** The x86 machine family of an `<os><type arch machine>`: undefined unless the arch is x86 and the machine names its family. */
export declare function x86MachineFamily(os: {
    arch: string | undefined;
    machine: string | undefined;
} | undefined): 'q35' | 'i440fx' | undefined;
