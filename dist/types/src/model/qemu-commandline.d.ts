/**
 * QEMU arguments passed through `<qemu:commandline>`, as they change what the guest runs.
 *
 * libvirt reads `<commandline>` children of `<domain>` in the namespace
 * `http://libvirt.org/schemas/domain/qemu/1.0`, under whatever prefix binds it
 * (qemu_domain.c `qemuDomainDefNamespaceParseCommandlineArgs`, XPath with the URI registered),
 * and appends each `<arg value>` after every argument it generates itself
 * (qemu_command.c `qemuBuildCommandLine`, `qemuBuildCommandLineNamespace` last). QEMU keeps the
 * last `-cpu` it is given (system/vl.c: `case QEMU_OPTION_cpu: cpu_option = optarg`), and accepts
 * `--cpu` as `-cpu` (`lookup_opt` skips a second dash). So a `-cpu` there replaces the model libvirt
 * built from `<cpu>`: macOS guests commonly say `<cpu mode='host-passthrough'>` and run `-cpu Penryn`.
 */
import type { XmlAttribute, XmlElement } from '../xml/types.js';
export declare const QEMU_NAMESPACE = "http://libvirt.org/schemas/domain/qemu/1.0";
/** The `-cpu` QEMU runs with, from `<qemu:commandline>`. */
export interface CommandlineCpu {
    /** The model name: `host`, `max`, `Skylake-Server`, … (the first comma-separated field). */
    model: string;
    /** The properties after the model (`+invtsc`, `vendor=GenuineIntel`, `-hypervisor`), as written. */
    properties: string[];
    /** The `value` attribute of the `<qemu:arg>` holding the model. */
    attr: XmlAttribute;
}
/** Models that give the guest the host's CPU: `host` (host-passthrough) and `max` (every feature KVM can give). */
export declare const HOST_CPU_MODELS: ReadonlySet<string>;
/** Whether `el`'s name is in the QEMU namespace, whatever its local name. */
export declare function isQemuNamespaced(el: XmlElement): boolean;
/** The `-cpu` of the domain's `<qemu:commandline>`, the last one when there are several; undefined without one. */
export declare function commandlineCpu(domain: XmlElement): CommandlineCpu | undefined;
/** Whether the `-cpu` properties turn a feature on (`+invtsc`, `invtsc=on`, `invtsc=true`), the last mention deciding. */
export declare function enablesFeature(cpu: CommandlineCpu, feature: string): boolean;
