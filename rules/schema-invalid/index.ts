import { defineRule } from '../../src/engine/types.ts';
import { excerpt } from '../../src/model/describe.ts';
import { locateSchemaFailure, narrowSchemaFailure } from '../../src/schema/locate.ts';

/**
 * libvirt's own RelaxNG grammar (domain.rng), applied by libxml2 as `virsh define --validate`
 * and virt-xml-validate do (virxml.c virXMLValidateAgainstSchema). libxml2 reports the first
 * failure only, and inside an <interleave> only where the interleave gave up, so the finding
 * says where validation stopped, not always the exact fault.
 */
export default defineRule({
  meta: {
    id: 'schema-invalid',
    name: 'SchemaInvalid',
    severity: 'error',
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: "libvirt's RelaxNG schema (domain.rng) rejects the domain; reported where validation stopped (only with --schema).",
    tags: ['schema'],
  },
  checkDomain({ source, schema, report }) {
    if (!schema || !source.doc.root) return;
    const failure = schema.validate(source.text);
    if (!failure) return;
    const site = locateSchemaFailure(source.doc.root, source.lines, failure);
    const said = `"${excerpt(site.message.replace(/\s+/g, ' '), 160)}"`;
    const name = excerpt(site.element.name, 48);
    let message: string;
    if (failure.kind === 'unparsable' && (failure.details[0]?.level ?? 3) >= 3) {
      message = `libxml2, the XML parser libvirt uses, refuses this file (${said}), so libvirt cannot read it; correct the XML here`;
    } else if (failure.kind === 'unparsable') {
      // A namespace error: libvirt's parser only stops on fatal errors (virxml.c catchXMLError), so it reads the
      // file, but the element is in no namespace: libvirt's lookups by namespace miss it and validation cannot run.
      message =
        `libxml2, the XML parser libvirt uses, reports ${said}: libvirt reads the file but not this element as written, and its schema cannot check it; ` +
        `declare the namespace prefix on <domain> (for QEMU pass-through: xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0')`;
    } else if (site.attribute) {
      message = `libvirt's schema rejects attribute ${excerpt(site.attribute.name, 48)}='${excerpt(site.attribute.value)}' of <${name}> (libxml2: ${said}); use an attribute and value libvirt's Domain XML format allows here`;
    } else if (site.exact) {
      message = `libvirt's schema rejects a value of <${name}> (libxml2: ${said}); use a value libvirt's Domain XML format allows here`;
    } else {
      // Where libxml2 gave up is often a container (<devices>); the element whose removal makes the
      // domain valid is where the fault is.
      const culprit = narrowSchemaFailure(source.text, site.element, (text) => schema.validate(text));
      if (culprit) {
        const what = excerpt(culprit.name, 48);
        message =
          `libvirt's schema rejects <${what}> or something inside it (an attribute, its text or a child element): the domain validates without it; ` +
          `libxml2 itself stopped at <${name}> with ${said}; check <${what}> against libvirt's Domain XML format`;
        report({ range: culprit.startTag, message });
        return;
      }
      message =
        `libvirt's schema rejects <${name}> or something inside it (an attribute, its text or a child element): ` +
        `libxml2 stopped at this element with ${said} and reports nothing more precise; check it against libvirt's Domain XML format`;
    }
    report({ range: site.range, message });
  },
});
