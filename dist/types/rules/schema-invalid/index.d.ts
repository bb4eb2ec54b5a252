/**
 * libvirt's own RelaxNG grammar (domain.rng), applied by libxml2 as `virsh define --validate`
 * and virt-xml-validate do (virxml.c virXMLValidateAgainstSchema). libxml2 reports the first
 * failure only, and inside an <interleave> only where the interleave gave up, so the finding
 * says where validation stopped, not always the exact fault. libxml2's text is quoted, cut to fit the line.
 */
declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
