/** Domain types run by libvirt's QEMU driver (qemu_validate.c qemuValidateDomainDefMemory). */
declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
