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
import type { XmlAttribute, XmlElement } from '../xml/types.ts';

export const QEMU_NAMESPACE = 'http://libvirt.org/schemas/domain/qemu/1.0';

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
export const HOST_CPU_MODELS: ReadonlySet<string> = new Set(['host', 'max']);

/** Whether `el` is in the QEMU namespace: by its own prefix (declared on it or on an ancestor) or its default namespace. */
function inQemuNamespace(el: XmlElement, local: string): boolean {
  const colon = el.name.indexOf(':');
  if ((colon < 0 ? el.name : el.name.slice(colon + 1)) !== local) return false;
  return isQemuNamespaced(el);
}

/** Whether `el`'s name is in the QEMU namespace, whatever its local name. */
export function isQemuNamespaced(el: XmlElement): boolean {
  const colon = el.name.indexOf(':');
  const prefix = colon < 0 ? undefined : el.name.slice(0, colon);
  const declaration = prefix === undefined ? 'xmlns' : `xmlns:${prefix}`;
  // The nearest declaration of the prefix decides (an inner one may rebind it).
  for (let at: XmlElement | undefined = el; at; at = at.parent) {
    const uri = at.attributeValues[declaration];
    if (uri !== undefined) return uri === QEMU_NAMESPACE;
  }
  return false;
}

/** The `-cpu` of the domain's `<qemu:commandline>`, the last one when there are several; undefined without one. */
export function commandlineCpu(domain: XmlElement): CommandlineCpu | undefined {
  let found: CommandlineCpu | undefined;
  // <domain>'s children are built for every domain already (the model reads <vcpu>, <cputune>, …); a
  // scan of the text for "commandline" cost 2% of a fleet of pinned guests.
  for (const commandline of domain.children) {
    if (!commandline.name.endsWith('commandline') || !inQemuNamespace(commandline, 'commandline')) continue;
    const args = commandline.children.filter((c) => inQemuNamespace(c, 'arg'));
    for (let i = 0; i + 1 < args.length; i++) {
      const option = args[i]!.attributeValues['value'];
      if (option !== '-cpu' && option !== '--cpu') continue;
      const attr = args[i + 1]!.attribute('value');
      if (attr === undefined) continue;
      const [model = '', ...properties] = attr.value.split(',');
      found = { model, properties, attr };
      i++;
    }
  }
  return found;
}

/** Whether the `-cpu` properties turn a feature on (`+invtsc`, `invtsc=on`, `invtsc=true`), the last mention deciding. */
export function enablesFeature(cpu: CommandlineCpu, feature: string): boolean {
  let on = false;
  for (const p of cpu.properties) {
    if (p === `+${feature}`) on = true;
    else if (p === `-${feature}`) on = false;
    // qapi_bool_parse: on, yes, true, y.
    else if (p.startsWith(`${feature}=`)) on = ['on', 'yes', 'true', 'y'].includes(p.slice(feature.length + 1));
  }
  return on;
}
