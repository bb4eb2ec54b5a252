/**
 * libvirt asks numad for the guest's nodeset when either placement is auto (domain_conf.c
 * virDomainDefNeedsPlacementAdvice: `<vcpu placement='auto'>`, or a numatune whose placement is auto,
 * which an unset one is under `<vcpu placement='auto'>`), in qemu_process.c
 * qemuProcessPrepareDomainNUMAPlacement → virnuma.c virNumaGetAutoPlacementAdvice. That runs
 * `numad -w`; when numad cannot run, or libvirt was built without it, the call fails and so does the
 * start. Whether numad is installed is the snapshot's `libvirt.numad` (src/host/capture/numad.ts).
 */
declare const _default: import("../../src/engine/types.js").Rule;
export default _default;
