import { defineDomainRule } from '../../src/engine/types.ts';
import { attribute } from '../../src/xml/query.ts';
import { excerpt } from '../../src/model/describe.ts';
import type { XmlAttribute, XmlElement } from '../../src/xml/types.ts';

export default defineDomainRule({
  meta: {
    id: 'seclabel-invalid',
    name: 'SeclabelInvalid',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Domain <seclabel> elements libvirt rejects: two labels for one security model, or a label without model among several.',
    tags: ['security'],
    messages: {
      modelTwice: {
        message: "a second <seclabel> for security model '{{model}}': libvirt rejects the definition",
        help: "keep one <seclabel model='{{model}}'>; each security driver (selinux, apparmor, dac) takes one label",
      },
      modelMissing: {
        message: 'a <seclabel> without model among {{count}} domain labels: libvirt rejects the definition',
        help: "name the security driver of each label (model='selinux', 'apparmor' or 'dac') when there is more than one",
      },
    },
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
    // virSecurityLabelDefsParseXML: with more than one domain label, each must name its model ("missing security model
    // when using multiple labels"; libvirt's test seclabel-device-duplicates fails on this before its device labels).
    if (labels !== undefined && labels.length > 1) {
      for (const label of labels) {
        if (!attribute(label, 'model')) report({ range: label.startTag, messageId: 'modelMissing', data: { count: labels.length } });
      }
    }
  },
});
