import { defineDomainRule } from '../../src/engine/types.ts';
import { attribute } from '../../src/xml/query.ts';
import { excerpt } from '../../src/model/describe.ts';
import type { XmlAttribute } from '../../src/xml/types.ts';

export default defineDomainRule({
  meta: {
    id: 'seclabel-invalid',
    name: 'SeclabelInvalid',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Domain <seclabel> elements libvirt rejects: two labels for one security model.',
    tags: ['security'],
    messages: {
      modelTwice: {
        message: "a second <seclabel> for security model '{{model}}': libvirt rejects the definition",
        help: "keep one <seclabel model='{{model}}'>; each security driver (selinux, apparmor, dac) takes one label",
      },
    },
  },
  check({ domain, report }) {
    // domain_conf.c virSecurityLabelDefsParseXML reads the domain's ./seclabel elements and refuses a model that an
    // earlier one named ("seclabel for model %s is already provided"). Only models written out are compared: a
    // label without model gets the host's driver, which a file alone does not name.
    let seen: Map<string, XmlAttribute> | undefined;
    for (const child of domain.element.children) {
      if (child.name !== 'seclabel') continue;
      const model = attribute(child, 'model');
      if (!model) continue;
      seen ??= new Map();
      const first = seen.get(model.value);
      if (first) {
        report({ range: model.valueRange, messageId: 'modelTwice', data: { model: excerpt(model.value) }, related: [{ range: first.valueRange, message: 'the first label for this model' }] });
      } else seen.set(model.value, model);
    }
  },
});
