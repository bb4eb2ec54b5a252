import { defineDomainRule, type MessageSpecs, type ReportDescriptor } from '../../src/engine/types.ts';
import { attribute, childrenNamed, firstChild } from '../../src/xml/query.ts';
import { mayContainElement } from '../../src/xml/element.ts';
import { excerpt } from '../../src/model/describe.ts';
import type { XmlAttribute, XmlElement } from '../../src/xml/types.ts';

const messages = {
  modelTwice: {
    message: "a second <seclabel> for security model '{{model}}': libvirt rejects the definition",
    help: "keep one <seclabel model='{{model}}'>; each security driver (selinux, apparmor, dac) takes one label",
  },
  deviceModelTwice: {
    message: "a second <seclabel> for model '{{model}}' in one disk source: libvirt rejects the definition",
    help: "keep one <seclabel model='{{model}}'> per <source>",
  },
  modelMissing: {
    message: 'a <seclabel> without model among {{count}} domain labels: libvirt rejects the definition',
    help: "name the security driver of each label (model='selinux', 'apparmor' or 'dac') when there is more than one",
  },
} as const satisfies MessageSpecs;

export default defineDomainRule({
  meta: {
    id: 'seclabel-invalid',
    name: 'SeclabelInvalid',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: '<seclabel> elements libvirt rejects: two labels for one security model (domain, or one disk source), or a domain label without model among several.',
    tags: ['security'],
    messages,
  },
  check({ domain, report }) {
    // domain_conf.c virSecurityLabelDefsParseXML reads the domain's ./seclabel elements and refuses a model that an
    // earlier one named ("seclabel for model %s is already provided"). Only models written out are compared: a
    // label without model gets the host's driver, which a file alone does not name.
    let seen: Map<string, XmlAttribute> | undefined;
    let labels: XmlElement[] | undefined;
    for (const child of domain.element.children) {
      if (child.name !== 'seclabel') continue;
      (labels ??= []).push(child);
      const model = attribute(child, 'model');
      if (!model) continue;
      seen ??= new Map();
      const first = seen.get(model.value);
      if (first) {
        report({ range: model.valueRange, messageId: 'modelTwice', data: { model: excerpt(model.value) }, related: [{ range: first.valueRange, message: 'the first label for this model' }] });
      } else seen.set(model.value, model);
    }
    const devices = firstChild(domain.element, 'devices');
    if (devices && mayContainElement(devices, 'seclabel')) checkDiskSourceLabels(devices, report);
    // virSecurityLabelDefsParseXML: with more than one domain label, each must name its model ("missing security model
    // when using multiple labels"; libvirt's test seclabel-device-duplicates fails on this before its device labels).
    if (labels !== undefined && labels.length > 1) {
      for (const label of labels) {
        if (!attribute(label, 'model')) report({ range: label.startTag, messageId: 'modelMissing', data: { count: labels.length } });
      }
    }
  },
});

type Report = (d: ReportDescriptor<typeof messages>) => void;

/**
 * domain_conf.c virSecurityDeviceLabelDefParseXML, which reads the <seclabel> elements of a disk's <source> (and of
 * each <backingStore>'s): a model given twice there is refused ("seclabel for model selinux is already provided"),
 * libvirt's test seclabel-device-duplicates. Labels without model are not compared, as libvirt does not.
 */
function checkDiskSourceLabels(devices: XmlElement, report: Report): void {
  for (const disk of childrenNamed(devices, 'disk')) {
    let holder: XmlElement | undefined = disk;
    while (holder) {
      const source = firstChild(holder, 'source');
      const seen = new Map<string, XmlAttribute>();
      for (const label of source ? childrenNamed(source, 'seclabel') : []) {
        const model = attribute(label, 'model');
        if (!model) continue;
        const first = seen.get(model.value);
        if (first) report({ range: model.valueRange, messageId: 'deviceModelTwice', data: { model: excerpt(model.value) }, related: [{ range: first.valueRange, message: 'the first label for this model' }] });
        else seen.set(model.value, model);
      }
      holder = firstChild(holder, 'backingStore');
    }
  }
}
