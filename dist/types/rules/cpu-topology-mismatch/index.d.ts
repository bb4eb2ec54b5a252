/** Domain types run by libvirt's QEMU driver, whose qemu_validate.c compares the topology with <vcpu>. */
declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
