import { defineDomainRule, type MessageSpecs, type ReportDescriptor } from '../../src/engine/types.ts';
import { attribute, childrenNamed, firstChild } from '../../src/xml/query.ts';
import { libvirtNonNegativeInt, libvirtUint } from '../../src/model/domain.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';
import { excerpt } from '../../src/model/describe.ts';
import { libvirtAtLeast } from '../../src/model/libvirt-version.ts';
import { isArmVirt, isX86Arch, x86MachineFamily } from '../../src/model/qemu-machine.ts';
import type { Range, XmlAttribute, XmlElement } from '../../src/xml/types.ts';
import { descendantTags, mayHaveReferences, TAG_DEEP, TAG_DEPTH_BITS, tagIs, tagNameKey } from '../../src/xml/element.ts';

/** domain_validate.c: VENDOR_LEN, PRODUCT_SCSI_LEN, PRODUCT_ATA_SATA_LEN (bytes, strlen). */
/** virDomainDiskCache modes other than none and directsync (domain_conf.c): with io='native' QEMU falls back to threads, and libvirt refuses. */
/** virDomainControllerDefValidate's bounds on a PCI controller's <target> numbers. */
const PCI_TARGET_RANGES: ReadonlyArray<readonly [string, number, number]> = [
  ['chassisNr', 1, 255],
  ['chassis', 0, 255],
  ['port', 0, 255],
  ['busNr', 1, 254],
];

/** An int as virStrToLong_i reads it with base 0 (strtol): blanks, a sign, then 0x hex, 0 octal or decimal, nothing after. */
function cIntegerBase0(text: string): number | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return undefined;
  const digits = m[2]!;
  const v = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits[0] === '0' ? parseInt(digits, 8) : parseInt(digits, 10);
  const signed = m[1] === '-' ? -v : v;
  return signed < -(2 ** 31) || signed > 2 ** 31 - 1 ? undefined : signed;
}

const CACHE_MODES_BESIDE_NATIVE_IO_REFUSED: ReadonlySet<string> = new Set(['default', 'writethrough', 'writeback', 'unsafe']);

const VENDOR_LEN = 8;
const PRODUCT_SCSI_LEN = 16;
const PRODUCT_ATA_SATA_LEN = 40;
/** virDomainDiskAddressDiskBusCompatibility: the buses common code decides, each taking only drive addresses. */
const DRIVE_ADDRESS_BUSES = new Set(['ide', 'fdc', 'scsi', 'sata']);
/** qemu_domain.c qemuDomainValidateStorageSource: image formats QEMU has no driver for, with libvirt's advice. */
const QEMU_REFUSED_FORMATS: Readonly<Record<string, { fix: string }>> = {
  // "storage format 'iso' is not directly supported by QEMU, use 'raw' instead"
  iso: { fix: "use <driver type='raw'/>: an ISO image is a raw image" },
  // "'directory' storage format is not directly supported by QEMU, use 'dir' disk type instead"
  dir: { fix: "for a directory use <disk type='dir'> with <driver type='fat'/>; for an image file its real format" },
  // "'cow' storage format is not supported"
  cow: { fix: "convert the image (qemu-img convert -O qcow2) and use <driver type='qcow2'/>" },
};
/**
 * storage_source_conf.c virStorageFileFormat: the image formats libvirt reads from <driver type> other than raw. A
 * shared disk in any of them is refused (qemuBlockStorageSourceSupportsConcurrentAccess: raw only).
 */
const NON_RAW_FORMATS: ReadonlySet<string> = new Set(['dir', 'bochs', 'cloop', 'dmg', 'iso', 'vpc', 'vdi', 'fat', 'vhd', 'ploop', 'cow', 'qcow', 'qcow2', 'qed', 'vmdk', 'luks', 'vhdx']);
/** util/virutil.c virDiskNameParse: the target name prefixes libvirt can turn into a disk index. */
const DISK_NAME_PREFIXES = ['fd', 'hd', 'vd', 'sd', 'xvd', 'ubd'];
const INT_MAX = 2 ** 31 - 1;
/**
 * virDomainDefHostdevValidate's duplicate check: libvirt commit 9c3b6b7a "conf: verify for duplicate hostdevs"
 * (June 2021); virt-manager's test suite met it after 7.6.0 (virt-manager PR 320). Older releases define such a guest.
 */
const HOSTDEV_DUPLICATES_SINCE = '7.7.0';
/** <interface><portForward> and the passt backend came in libvirt 9.0.0; an older release ignores the element. */
const PORT_FORWARD_SINCE = '9.0.0';
/** util/virpci.c virPCIDeviceAddressIsValid: the largest bus, slot and function a PCI address may name. */
const PCI_ADDRESS_MAX: ReadonlyArray<[field: string, max: number, shown: string]> = [['bus', 0xff, '0xff'], ['slot', 0x1f, '0x1f'], ['function', 7, '7']];
/**
 * domain_addr.c virDomainUSBAddressControllerModelToPorts: the ports of a USB controller model (xhci and qusb models
 * take a `ports` attribute instead). The ICH9 UHCI companions have none of their own (their EHCI master's count).
 */
const USB_MODEL_PORTS: Readonly<Record<string, number>> = {
  'piix3-uhci': 2, 'piix4-uhci': 2, 'vt82c686b-uhci': 2, ehci: 6, 'ich9-ehci1': 6, 'pci-ohci': 3, 'nec-xhci': 4, 'qemu-xhci': 4, qusb1: 8, qusb2: 8,
};
/** The devices qemuDomainAssignSpaprVIOAddresses gives spapr-vio addresses to, each checking its written reg. */
const SPAPR_VIO_DEVICES: ReadonlySet<string> = new Set(['interface', 'controller', 'serial', 'nvram', 'tpm']);
/** domain_conf.h VIR_DOMAIN_DEVICE_USB_MAX_PORT_DEPTH: the most numbers a USB port path holds. */
const USB_MAX_PORT_DEPTH = 4;

/**
 * domain_conf.c virDomainDeviceUSBAddressParsePort: up to 4 numbers, each read by virStrToLong_uip (base 10; leading
 * blanks and '+' allowed, no '-', at most UINT_MAX) and followed by a '.' or the end; what follows a number that is
 * neither is read as the next number.
 */
function usbPortParses(port: string): boolean {
  let rest = port;
  for (let i = 0; i < USB_MAX_PORT_DEPTH; i++) {
    const m = /^[ \t\n\v\f\r]*\+?([0-9]+)/.exec(rest);
    if (!m || Number(m[1]) > 0xffffffff) return false;
    rest = rest.slice(m[0].length);
    if (rest === '') return true;
    if (rest[0] === '.') rest = rest.slice(1);
  }
  return false;
}

/** A USB address's bus and port path written plainly: decimal, no leading zero, no port 0, at most 4 levels. */
const PLAIN_USB_BUS = /^(?:0|[1-9][0-9]{0,8})$/;
const PLAIN_USB_PORT = /^[1-9][0-9]{0,8}(?:\.[1-9][0-9]{0,8}){0,3}$/;
/** domain_conf.h VIR_DOMAIN_USB_HUB_PORTS. */
const USB_HUB_PORTS = 8;
/** qemu_postparse.c QEMU_USB_XHCI_MAXPORTS: the most ports a qemu-xhci or nec-xhci controller takes. */
const XHCI_MAX_PORTS = 15;

const messages = {
  duplicateTarget: {
    message: "disk target '{{dev}}' is used by another disk too: libvirt rejects this at define time",
    help: "give each <disk> its own <target dev>, e.g. '{{next}}'",
  },
  addressBus: {
    message: "the {{bus}} disk {{dev}} takes only a drive address, not type='{{type}}': libvirt rejects this at define time",
    help: "use <address type='drive' controller='0' bus='0' target='0' unit='0'/>, or drop the <address> (libvirt assigns one)",
  },
  duplicateDriveAddress: {
    message: "disk {{dev}} has disk {{other}}'s drive address ({{address}}): libvirt rejects this at define time",
    help: 'give each {{bus}} disk its own controller/bus/target/unit (a disk without <address> takes one from its target name)',
  },
  vendorLength: {
    message: 'the disk <vendor> is {{length}} bytes, more than 8: libvirt rejects this at define time',
    help: 'shorten <vendor> to at most 8 characters',
  },
  productLength: {
    message: 'the {{bus}} disk <product> is {{length}} bytes, more than {{max}}: libvirt rejects this at define time',
    help: 'shorten <product> to at most {{max}} characters',
  },
  vendorBus: {
    message: "a <vendor> on the {{bus}} disk {{dev}}: libvirt's QEMU driver takes it only for SCSI disks and rejects this",
    help: "remove <vendor>, or put the disk on bus='scsi'",
  },
  productBus: {
    message: "a <product> on the {{bus}} disk {{dev}}: libvirt's QEMU driver takes it only for IDE, SATA and SCSI disks",
    help: "remove <product>, or put the disk on an IDE, SATA or SCSI bus",
  },
  partitionTarget: {
    message: "disk target '{{dev}}' names a partition: libvirt's QEMU driver rejects this at define time",
    help: "a target names a whole guest disk: use '{{disk}}' (the guest partitions it itself)",
  },
  invalidTarget: {
    message: "disk target '{{dev}}' is not a disk name libvirt can parse: it rejects this at define time",
    help: 'use a name such as vda, sda, hda or fda: a prefix (vd, sd, hd, fd, xvd, ubd) and lowercase letters',
  },
  format: {
    message: "<driver type='{{format}}'> is no image format QEMU supports: libvirt rejects this disk at define time",
    help: '{{fix}}',
  },
  duplicateHostdev: {
    message: 'the host {{what}} is passed through twice: libvirt {{version}}rejects this ("Hostdev already exists")',
    help: 'remove one of the two (a guest can hold a host device once)',
  },
  pciAddressTwice: {
    message: 'PCI address {{address}} is given to two devices: libvirt rejects this at define time ("Attempted double use")',
    help: 'give each device its own slot or function, or drop one <address> and let libvirt assign it',
  },
  rootIndex: {
    message: "the {{model}} controller has index {{index}}: libvirt rejects this at define time (a root bus is index 0)",
    help: "give the {{model}} controller index='0', or remove it (libvirt adds the root bus itself)",
  },
  rootAddress: {
    message: 'the {{model}} controller has an <address>: libvirt rejects this at define time',
    help: 'remove the <address>: the root bus is not plugged into anything',
  },
  rootModel: {
    message: "machine type '{{machine}}' needs a '{{want}}' root bus, not '{{model}}': libvirt rejects this at define time",
    help: "use model='{{want}}', or remove the PCI controllers and let libvirt add them (was the machine type changed without them?)",
  },
  pciIndexHigh: {
    message: 'PCI controller index {{index}} is above 255: libvirt rejects this at define time',
    help: 'number PCI controllers from 0 to 255',
  },
  pciTargetRange: {
    message: "the {{model}} controller's <target {{attr}}='{{value}}'> is outside {{range}}: libvirt rejects this at define time",
    help: "give {{attr}} a value from {{range}}, or drop it for libvirt to assign one",
  },
  expanderMachine: {
    message: "a {{model}} controller on the {{family}} machine type '{{machine}}': libvirt rejects this at define time",
    help: '{{fix}}',
  },
  pciAddressRange: {
    message: "PCI address {{field}}='{{value}}' is above {{max}}: libvirt rejects this at define time",
    help: 'a PCI address has bus 0 to 0xff, slot 0 to 0x1f and function 0 to 7',
  },
  usbDisabled: {
    message: "{{what}} while USB is off (a model='none' USB controller): libvirt rejects this at define time",
    help: "remove it, or replace the model='none' USB controller with a real one (e.g. model='qemu-xhci')",
  },
  xhciPorts: {
    message: "the {{model}} controller has ports='{{ports}}', more than 15: libvirt rejects this at define time",
    help: 'set ports to 15 or fewer (add a second controller, or a USB hub, for more devices)',
  },
  diskRemovable: {
    message: "removable='{{value}}' on the {{bus}} {{device}} {{dev}}: libvirt rejects it off USB and SCSI hard disks",
    help: "remove removable, or put the disk on bus='usb' (or bus='scsi' for a hard disk)",
  },
  diskTray: {
    message: "tray='open' on the {{device}} {{dev}}: libvirt rejects a tray except on a cdrom or floppy",
    help: "remove tray='open', or make the device a cdrom",
  },
  floppyBus: {
    message: "the floppy {{dev}} is on bus '{{bus}}': libvirt rejects a floppy off the fdc bus",
    help: "use bus='fdc', or leave bus out",
  },
  fdcBus: {
    message: "the {{device}} {{dev}} is on bus 'fdc': libvirt rejects anything but a floppy there",
    help: "use another bus (virtio, sata, scsi), or make the device a floppy",
  },
  diskNoSource: {
    message: "the hard disk {{dev}} has no <source>: libvirt rejects this (\"missing source information\")",
    help: "give it a <source> (file, dev, …): only a cdrom or floppy may be empty",
  },
  vhostScsiBoot: {
    message: "a <boot order> on a vhost-scsi host device (type='scsi_host'): libvirt's QEMU driver cannot boot from it",
    help: "remove the <boot> element; boot from a disk, or pass the LUN through as a SCSI host device (type='scsi')",
  },
  hostdevScsiOnlyAttribute: {
    message: "{{name}}='{{value}}' on a <hostdev type='{{type}}'>: libvirt rejects this at define time",
    help: "remove {{name}}: libvirt takes it only on a SCSI LUN passed through as <hostdev type='scsi'>",
  },
  mdevRamfbTwice: {
    message: "a second mediated device with ramfb='on': libvirt rejects this at define time (only one may have it)",
    help: "keep ramfb='on' on one <hostdev type='mdev'> (the one the firmware should show) and remove it from the others",
  },
  authSecretType: {
    message: "<secret type='{{type}}'> in the <auth> of a protocol='{{protocol}}' disk: libvirt rejects this at define time",
    help: "a {{protocol}} source authenticates with a secret of usage type '{{expected}}': <secret type='{{expected}}' …/>",
  },
  authSecretNoType: {
    message: "a <secret> without a type in the <auth> of a protocol='{{protocol}}' disk: libvirt rejects this at define time",
    help: "name the secret's usage type, e.g. <secret type='iscsi' …/> for iSCSI, <secret type='ceph' …/> for RBD",
  },
  vfioApBoot: {
    message: "a <boot order> on a vfio-ap mediated device: libvirt's QEMU driver cannot boot from it",
    help: 'remove the <boot> element; boot from a disk or a network interface',
  },
  portForwardBackend: {
    message: "a <portForward> on an interface of type '{{type}}' with the {{backend}} backend: libvirt {{version}}rejects this",
    help: "port forwarding needs <interface type='user'> with <backend type='passt'/>; forward ports another way elsewhere",
  },
  luksCipher: {
    message: "a <cipher> in a LUKS disk's <encryption>: libvirt rejects this at define time (the image header holds it)",
    help: "remove the <cipher> element: a LUKS image names its own cipher; <cipher> belongs to a storage volume's XML",
  },
  scsiHostdevAddress: {
    message: "the SCSI host device's drive address {{address}} is also {{other}}'s: libvirt rejects this at define time",
    help: 'give each SCSI disk and SCSI host device its own controller:bus:target:unit (the <address type=\'drive\'>)',
  },
  virtioIommuBus: {
    message: "the virtio IOMMU is on PCI bus {{bus}}: libvirt rejects this at define time (it must be an integrated device, on bus 0)",
    help: "give its <address> bus='0x00' (a free slot of the root bus), or drop the <address> and let libvirt place it",
  },
  intelIommuMachine: {
    message: "the intel IOMMU on the i440fx machine type '{{machine}}': libvirt rejects this at define time",
    help: "the intel IOMMU needs q35 (machine='q35'); on i440fx leave it out",
  },
  videoPrimary: {
    message: "a second video device with primary='yes': libvirt rejects this at define time",
    help: "keep primary='yes' on one video device only",
  },
  videoNone: {
    message: "video model 'none' beside other video devices: libvirt rejects this at define time",
    help: "remove the model 'none' video, or the others ('none' means no video at all)",
  },
  ramfbAddress: {
    message: 'the ramfb video device has an <address>: libvirt rejects this at define time',
    help: 'remove the <address>: ramfb is not a PCI device',
  },
  duplicateController: {
    message: "two '{{type}}' controllers have index {{index}}: libvirt rejects this at define time",
    help: 'give each {{type}} controller its own index, or remove the extra one',
  },
  netQueueSize: {
    message: "{{name}}='{{value}}' on a {{model}} interface is not a power of two: libvirt's QEMU driver rejects this",
    help: "use a power of two, e.g. {{name}}='{{suggestion}}'",
  },
  netQueues: {
    message: "queues='{{value}}' on a virtio interface's <driver> is not a non-negative integer: libvirt rejects this at define time",
    help: "give the number of queue pairs as a plain number, e.g. queues='4', or leave queues out",
  },
  virtiofsReadonlySocket: {
    message: 'a read-only virtiofs filesystem served by an external virtiofsd (<source socket>): libvirt rejects this',
    help: 'remove <readonly/> and start that virtiofsd read-only itself, or let libvirt start it (<source dir>)',
  },
  panicAddress: {
    message: 'the {{what}} panic device has an <address>: libvirt\'s QEMU driver rejects this at define time',
    help: 'remove the <address>: this panic device is part of the machine or firmware, on no bus',
  },
  spiceGlEglHeadless: {
    message: "spice with <gl enable='yes'> beside egl-headless graphics: libvirt rejects two OpenGL displays",
    help: "drop <gl enable='yes'> from the spice graphics, or remove the egl-headless graphics",
  },
  eglHeadlessPair: {
    message: "{{type}} graphics beside egl-headless graphics: libvirt's QEMU driver pairs egl-headless with vnc or spice only",
    help: "show the egl-headless display through <graphics type='vnc'> or 'spice', or remove the egl-headless graphics",
  },
  shmemMsi: {
    message: 'a <shmem> with <msi> but no <server>: libvirt rejects this at define time ("msi option is only supported with a server")',
    help: "remove <msi/>, or give the device its ivshmem server: <model type='ivshmem-doorbell'/> and <server path='…'/>",
  },
  tpmTwice: {
    message: 'a second {{kind}} TPM: libvirt rejects this at define time (a guest takes one, and one TPM proxy)',
    help: 'remove one of the two <tpm> devices',
  },
  mdevDisplayNoGraphics: {
    message: "a mediated device with display='on' in a guest without <graphics>: libvirt rejects this at define time",
    help: "add a <graphics> device (vnc, spice or egl-headless) to show that display, or set display='off'",
  },
  usbNoHub: {
    message: 'USB port {{port}} is behind port {{prefix}} of bus {{bus}}, where no USB hub is: libvirt rejects this',
    help: "add a <hub type='usb'> with <address type='usb' bus='{{bus}}' port='{{prefix}}'/>, or use a port of the controller",
  },
  usbHubPort: {
    message: 'USB port {{port}} names port {{number}} of a USB hub, which has 8: libvirt rejects this at define time',
    help: 'a USB hub has ports 1 to 8: use one of those, or chain another hub',
  },
  usbControllerPort: {
    message: 'USB port {{port}} is beyond the {{ports}} ports of the {{model}} controller (bus {{bus}}): libvirt rejects this',
    help: "use ports 1 to {{ports}} of this controller, or plug a <hub type='usb'> into one of them for more",
  },
  usbPortPath: {
    message: "USB port '{{port}}' is not a port path libvirt can read: libvirt rejects this at define time",
    help: "write the port as at most 4 numbers joined by dots (port='1', port='1.2' behind a hub on port 1)",
  },
  usbPortTwice: {
    message: 'USB bus {{bus}} port {{port}} is given to two devices: libvirt rejects this at define time',
    help: "give each USB device its own port (a <hub type='usb'> adds 8), or drop the <address> and let libvirt assign one",
  },
  spaprVioTwice: {
    message: "spapr-vio reg='{{reg}}' is given to two devices: libvirt rejects this at define time (\"already in use\")",
    help: 'give each spapr-vio device its own reg, or leave reg out and let libvirt assign one',
  },
  zpciArch: {
    message: "a <zpci> address on arch '{{arch}}': only s390x QEMU has zPCI, libvirt rejects this at define time",
    help: 'remove the <zpci> element: zPCI identifiers exist on s390x guests only',
  },
  zpciTwice: {
    message: 'zPCI {{name}} {{value}} is given to two devices: libvirt rejects this at define time',
    help: 'give each zPCI device its own {{name}}, or leave it out and let libvirt assign one',
  },
  phbTargetIndex: {
    message: 'the pci-root controller with index {{index}} has target index {{target}}: libvirt rejects this at define time',
    help: 'target index 0 belongs to the controller with index 0 and to no other: renumber the <target index> values',
  },
  phbTargetRange: {
    message: 'the pci-root controller has target index {{target}}, above 30: libvirt rejects this at define time',
    help: 'a pSeries PHB takes a target index from 0 to 30',
  },
  controllerIndex: {
    message: "controller index '{{index}}' is not a non-negative integer: libvirt rejects this at define time",
    help: "number controllers of each type from 0 (index='0', '1', …), or leave index out and let libvirt number them",
  },
  usbIsapc: {
    message: "a USB controller on the machine type 'isapc', which has no PCI bus: libvirt rejects this at define time",
    help: "use <controller type='usb' model='none'/> (an ISA PC has no USB), or a PCI machine type such as 'pc'",
  },
  expanderBus: {
    message: "the {{model}} controller is plugged into bus {{bus}}: libvirt rejects this at define time",
    help: "a {{model}} plugs into the {{root}} only: give its <address> bus='0x00', or drop the <address>",
  },
  sharedFormat: {
    message: "the shared disk {{dev}} has format '{{format}}': libvirt's QEMU driver allows shared access to raw images only",
    help: "use a raw image for a disk two guests share (qemu-img convert -O raw), or make it <readonly/>",
  },
  lunSource: {
    message: "a <disk device='lun'> with type='{{type}}': libvirt rejects this at define time",
    help: "device='lun' passes a host SCSI device through: use <disk type='block'> with <source dev>, or device='disk'",
  },
  tpmBackend: {
    message: '{{what}}: libvirt rejects this at define time ("{{libvirt}}")',
    help: "give the <tpm> one <backend>: type='emulator' (swtpm), 'passthrough' or 'external'",
  },
  tpm12ArmVirt: {
    message: "TPM version 1.2 on the ARM machine type '{{machine}}': libvirt's QEMU driver rejects this",
    help: "use <backend type='emulator' version='2.0'/>: ARM guests take TPM 2.0 only",
  },
  chardevNoPath: {
    message: "a {{type}} chardev in <{{element}}> without a <source path>: libvirt rejects this at define time",
    help: "give the {{what}} in <source path='…'/>",
  },
  vfioApTwice: {
    message: "a second vfio-ap mediated device: libvirt's QEMU driver takes only one per guest",
    help: "keep one <hostdev type='mdev' model='vfio-ap'>: assign all the guest's AP adapters and domains to that one mediated device",
  },
  authProtocol: {
    message: "an <auth> on a protocol='{{protocol}}' disk, which takes none: libvirt rejects this at define time",
    help: 'remove the <auth>: libvirt passes credentials only to iscsi, rbd, http, https, ftp, ftps and ssh sources',
  },
  lunOnlyAttribute: {
    message: "{{name}}='{{value}}' on the {{device}} {{dev}}: libvirt takes it only on device='lun' and rejects this",
    help: "remove {{name}}, or make the disk <disk device='lun'> (SCSI commands passed through to a block device)",
  },
  lunOnlyReservations: {
    message: "<reservations> on the {{device}} {{dev}}: libvirt takes persistent reservations only on device='lun'",
    help: "remove <reservations>, or make the disk <disk device='lun'> (SCSI commands passed through to a block device)",
  },
  virtioOnlyDriver: {
    message: "{{name}}='{{value}}' on the {{bus}} disk {{dev}}: libvirt takes it only on virtio disks and rejects this",
    help: "remove {{name}} from the disk's <driver>, or put the disk on bus='virtio'",
  },
  diskModelBus: {
    message: "model='{{model}}' on the {{bus}} disk {{dev}}: libvirt rejects a virtio model off the virtio bus",
    help: "remove model, or put the disk on bus='virtio'",
  },
  iothreadBus: {
    message: "iothread='{{value}}' on the {{bus}} disk {{dev}}: libvirt's QEMU driver gives IOThreads to virtio disks only",
    help: "remove iothread, or put the disk on bus='virtio' (a SCSI disk uses its virtio-scsi controller's <driver iothread>)",
  },
  readonlyBus: {
    message: "a read-only {{bus}} hard disk ({{dev}}): libvirt's QEMU driver rejects this",
    help: "{{bus}} hard disks cannot be read-only: put the disk on bus='virtio' or 'scsi', or remove <readonly/> (a cdrom may stay)",
  },
  cdromBus: {
    message: "the cdrom {{dev}} is on bus '{{bus}}': libvirt's QEMU driver rejects this (no ejectable media there)",
    help: "put the cdrom on bus='sata' (q35), 'ide' (i440fx) or 'scsi', with a matching target name (sdb, hdc)",
  },
  ioNative: {
    message: "io='native' on disk {{dev}} with {{cache}}: libvirt's QEMU driver rejects this",
    help: "io='native' needs cache='none' (or 'directsync'): set it, or remove io='native'",
  },
  iotuneTotal: {
    message: "<{{name}}> beside <{{total}}> in the <iotune> of disk {{dev}}: libvirt rejects this at define time",
    help: 'give either the total limit or the read and write limits, not both',
  },
  usbDiskAddress: {
    message: "the usb disk {{dev}} has an address of type '{{type}}': libvirt's QEMU driver rejects this",
    help: "use <address type='usb' …/>, or drop the <address> (libvirt assigns a USB port)",
  },
  wwnBus: {
    message: "a <wwn> on the {{bus}} disk {{dev}}: libvirt's QEMU driver takes it only on IDE and SCSI disks",
    help: "remove <wwn>, or put the disk on bus='scsi'",
  },
  lunBus: {
    message: "the lun {{dev}} is on bus '{{bus}}': libvirt's QEMU driver takes a lun on virtio and scsi only",
    help: "put the lun on bus='scsi' (a virtio-scsi controller), or make it device='disk'",
  },
  lunWwn: {
    message: "a <{{name}}> on the lun {{dev}}: libvirt's QEMU driver rejects this (the LUN reports its own)",
    help: 'remove <{{name}}>: the guest sees the identity of the passed-through LUN',
  },
  copyOnRead: {
    message: "copy_on_read='on' on the {{what}} {{dev}}: libvirt's QEMU driver rejects this",
    help: 'remove copy_on_read: it writes the data it reads into the image, which a {{what}} cannot take',
  },
  serialChars: {
    message: "the disk serial of {{dev}} contains '{{char}}': libvirt's QEMU driver rejects this",
    help: 'use only letters, digits, space and - _ . + in <serial>',
  },
  videoSecondary: {
    message: "a secondary {{model}} video device: libvirt's QEMU driver takes {{model}} only as the primary video",
    help: "make it the first video device (or primary='yes'), or use model qxl or virtio for a second display",
  },
  videoHeads: {
    message: "heads='{{heads}}' on a {{model}} video device: libvirt's QEMU driver rejects more than one head on {{model}}",
    help: "set heads='1', or use model qxl or virtio for several heads",
  },
  videoAccel2d: {
    message: "accel2d='yes' on a video device: libvirt's QEMU driver rejects it (QEMU has no such setting)",
    help: "remove accel2d (or set it to 'no')",
  },
  videoVgamem: {
    message: "vgamem='{{value}}' on a qxl video device: libvirt's QEMU driver needs a power of two of at least 1024 KiB",
    help: "use vgamem='16384' (16 MiB, virt-manager's value) or another power of two from 1024",
  },
  videoResolution: {
    message: "a <resolution> on a {{model}} video device: libvirt's QEMU driver takes it only on vga, qxl, virtio and bochs",
    help: 'remove <resolution>, or use one of those models',
  },
  videoVram: {
    message: "vram='{{value}}' on a {{model}} video device: libvirt's QEMU driver needs at least 1024 KiB",
    help: "give vram in KiB, at least 1024 (vram='16384' is 16 MiB)",
  },
  videoAccel3d: {
    message: "accel3d='yes' on a {{model}} video device: libvirt's QEMU driver takes 3D acceleration only on virtio",
    help: "use <model type='virtio'> for 3D acceleration (with <graphics> gl or egl-headless), or remove accel3d",
  },
  aliasTwice: {
    message: "user alias '{{alias}}' is on two devices: libvirt rejects this at define time (\"non unique alias detected\")",
    help: "give each device its own alias (ua-…), or remove the <alias> (libvirt names devices itself)",
  },
  vsockCid: {
    message: "vsock guest CID {{cid}}: libvirt rejects this at define time (CIDs 0 to 2 are the hypervisor's and the host's)",
    help: "use a CID of 3 or more, or <cid auto='yes'/> and let libvirt pick a free one",
  },
  sourceBoth: {
    message: "an <{{name}}> under <disk> and another under its <source>: libvirt rejects this at define time",
    help: "keep the one under <source> (where libvirt writes it) and remove the other",
  },
  chardevReconnectListen: {
    message: "<reconnect enabled='yes'> in a {{source}} chardev that listens (mode='bind'): libvirt rejects this at define time",
    help: "reconnecting is for the connecting side: remove <reconnect>, or make the source mode='connect'",
  },
  chardevReconnectNoTimeout: {
    message: "<reconnect enabled='yes'> without a timeout in a {{source}} chardev: libvirt rejects this at define time",
    help: "give the seconds between reconnection attempts: <reconnect enabled='yes' timeout='10'/>",
  },
  chardevSocketMissing: {
    message: "a {{type}} chardev in <{{element}}> without a {{name}}: libvirt rejects this at define time",
    help: 'give the <source> both a host and a service (the port)',
  },
  graphicsListenMismatch: {
    message: "the <graphics> {{attr}} attribute differs from its first <listen>'s {{field}}: libvirt rejects this at define time",
    help: "'{{value}}' against '{{first}}': make them equal, or drop the {{attr}} attribute (the <listen> element replaces it)",
  },
  targetPrefix: {
    message: "the {{device}} target '{{dev}}' has the wrong prefix: libvirt rejects this at define time",
    help: "a {{device}} target starts with {{want}}, e.g. '{{example}}'",
  },
  startupPolicyType: {
    message: "startupPolicy='{{policy}}' on a {{type}} disk: libvirt rejects this at define time (only local sources take one)",
    help: 'remove startupPolicy: libvirt checks only local files, block devices and storage pool volumes for presence',
  },
  startupPolicyRequisite: {
    message: "startupPolicy='requisite' on the {{device}} {{dev}}: libvirt takes it only on a cdrom or floppy",
    help: "use startupPolicy='optional' (or 'mandatory'), or remove it",
  },
  wwnMalformed: {
    message: "disk <wwn> '{{wwn}}' is not 16 hex digits: libvirt rejects this at define time",
    help: 'give the WWN as 16 hexadecimal digits, optionally after 0x (e.g. 5000c50015ea71ac)',
  },
  chardevReconnectZero: {
    message: "<reconnect enabled='yes' timeout='0'> in a {{source}} chardev: libvirt's QEMU driver rejects a zero timeout",
    help: "give the seconds between reconnection attempts (timeout='10'), or set enabled='no' without a timeout",
  },
} as const satisfies MessageSpecs;

interface DiskFacts {
  element: XmlElement;
  dev: string;
  devAttr: XmlAttribute;
  bus: string | undefined;
}

/** domain_postparse.c virDomainDiskDefPostParse: the bus a disk without <target bus> gets. */
function effectiveBus(device: string, dst: string, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  if (device === 'floppy') return 'fdc';
  if (dst.startsWith('hd')) return 'ide';
  if (dst.startsWith('sd')) return 'scsi';
  if (dst.startsWith('vd')) return 'virtio';
  if (dst.startsWith('xvd')) return 'xen';
  if (dst.startsWith('ubd')) return 'uml';
  return 'ide';
}

/**
 * util/virutil.c virDiskNameParse: a target name as a disk index and partition number; undefined when libvirt
 * cannot parse it. With `strict` false it is virDiskNameToIndex (no partition pointer: the digits are not checked).
 */
export function parseDiskName(name: string, strict = true): { index: number; partition: number; disk: string } | undefined {
  const prefix = DISK_NAME_PREFIXES.find((p) => name.startsWith(p));
  if (prefix === undefined) return undefined;
  let i = prefix.length;
  const isLower = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
  if (!isLower(name[i])) return undefined;
  let idx = 0;
  for (let n = 0; isLower(name[i]); n++, i++) {
    idx = idx + (n < 1 ? 0 : 1);
    // VIR_MULTIPLY_ADD_IS_OVERFLOW(INT_MAX, idx, 26, c)
    const c = name.charCodeAt(i) - 97;
    if (idx * 26 + c > INT_MAX) return undefined;
    idx = idx * 26 + c;
  }
  const digits = name.slice(i);
  if (!/^[0-9]*$/.test(digits)) return undefined;
  const disk = name.slice(0, i);
  if (!strict || digits.length === 0) return { index: idx, partition: 0, disk };
  // "Shouldn't start by zero"; virStrToLong_i fails on overflow.
  if (digits.length > 1 && digits[0] === '0') return undefined;
  const partition = Number(digits);
  if (!Number.isSafeInteger(partition) || partition > INT_MAX) return undefined;
  return { index: idx, partition, disk };
}

/**
 * domain_conf.c virDomainDiskDefAssignAddress: the drive address libvirt gives a disk without <address> on the buses
 * whose mapping depends on the target name alone (IDE: 2 units, 2 buses per controller; SATA: 6 units; FDC: 2 units).
 * SCSI's depends on the driver's bus width and is left out.
 */
function assignedDriveAddress(bus: string | undefined, index: number): number[] | undefined {
  if (bus === 'ide') return [Math.floor(index / 4), Math.floor((index % 4) / 2), 0, index % 2];
  if (bus === 'sata') return [Math.floor(index / 6), 0, 0, index % 6];
  if (bus === 'fdc') return [Math.floor(index / 2), 0, 0, index % 2];
  return undefined;
}

/** The next free target name after `dev` among `used` (sda → sdb), for the help line. */
function nextFreeTarget(dev: string, used: ReadonlySet<string>): string {
  const m = /^(.*?)([a-z])$/.exec(dev);
  if (!m) return `${dev}2`;
  for (let c = m[2]!.charCodeAt(0) + 1; c <= 122; c++) {
    const name = `${m[1]}${String.fromCharCode(c)}`;
    if (!used.has(name)) return name;
  }
  return `${dev}a`;
}

/** virXMLPropUInt with base 0 (virStrToLong_uip): blanks and '+' first, then 0x… hex, 0… octal or decimal, at most UINT_MAX. */
export function libvirtUintBase0(text: string): number | undefined {
  const m = /^[ \t\n\v\f\r]*\+?(0[xX]([0-9a-fA-F]+)|0([0-7]*)|([1-9][0-9]*))$/.exec(text);
  if (!m) return undefined;
  const v = m[2] !== undefined ? parseInt(m[2], 16) : m[3] !== undefined ? (m[3] === '' ? 0 : parseInt(m[3], 8)) : Number(m[4]);
  return Number.isSafeInteger(v) && v <= 0xffffffff ? v : undefined;
}

/*
 * Text-level fast paths. Reading a guest's devices as elements builds most of its elements (ten times this rule's
 * cost on a fleet), and nearly every guest has nothing here to find. Each test below reads the devices' text and
 * answers "nothing to find" only when that is certain; anything it cannot read plainly sends the rule to the
 * element walk, which decides.
 */

/** What one pass over the devices' text finds: whether each check may have something to find there. */
interface DeviceScan {
  /** Every disk is plainly one the disk checks pass: a virtio target of its own, no <vendor>, <product> or <shareable>, no
   * drive address, not a floppy or a lun, no format QEMU refuses. */
  disksPlain: boolean;
  /** Two `<address type='pci'>` tags (nested ones too: more than the check compares, never less) may be equal. */
  pciMayRepeat: boolean;
  /** Two controllers of one type (USB aside) may share an index. */
  controllerMayRepeat: boolean;
  /** A <hostdev>, or an <interface> whose start tag names hostdev. */
  hostdev: boolean;
  /** A PCI controller the controller checks must read: a root bus not at index 0 or with children, an expander bus,
   * an index above 255 (and, through controllerMayRepeat, any controller tag not written as libvirt writes it). */
  pciControllers: boolean;
  /** The model of the PCI controller with index 0 when it is a root bus written as libvirt writes it. */
  rootModel: 'pci-root' | 'pcie-root' | undefined;
  /** A USB controller with model='none' or a ports attribute. */
  usb: boolean;
  /** Two or more <video> devices, or a ramfb one. */
  video: boolean;
  /** An <iommu>. */
  iommu: boolean;
  /** A <driver> outside the disks whose text names a queue size (an interface's rx_queue_size or tx_queue_size), or a
   * queue count not written as plain digits. */
  netQueue: boolean;
  /** A <filesystem>. */
  filesystem: boolean;
  /** A <tpm>. */
  tpm: boolean;
  /** A <shmem>. */
  shmem: boolean;
  /** A <portForward> (in an <interface>). */
  portForward: boolean;
  /** A <panic>. */
  panic: boolean;
  /** A <graphics> whose text names egl-headless. */
  eglHeadless: boolean;
  /** An <address type='usb'> (or an address the scan does not read plainly). */
  usbAddress: boolean;
  /** A <zpci> (in a PCI address). */
  zpci: boolean;
  /** An <address type='spapr-vio'> (or an address the scan does not read plainly). */
  spaprVio: boolean;
  /** An <alias> whose text may name a user alias (`ua-…`). */
  userAlias: boolean;
  /** A <vsock>. */
  vsock: boolean;
  /** A <graphics> whose start tag has a listen or socket attribute. */
  graphicsListen: boolean;
}

/** A PCI address as libvirt writes it (virPCIDeviceAddressFormat): the fixed-width hex digits are the address. */
const CANONICAL_PCI_ADDRESS = /<address type='pci' domain='0x[0-9a-f]{4}' bus='0x[0-9a-f]{2}' slot='0x[0-9a-f]{2}' function='0x[0-7]'[ />]/y;
const PCI_DOMAIN_AT = "<address type='pci' domain='0x".length;
const PCI_BUS_AT = PCI_DOMAIN_AT + 4 + "' bus='0x".length;
const PCI_SLOT_AT = PCI_BUS_AT + 2 + "' slot='0x".length;
const PCI_FUNCTION_AT = PCI_SLOT_AT + 2 + "' function='0x".length;
/** A controller's start tag as libvirt writes it: type, then index. */
const CANONICAL_CONTROLLER = /<controller type='[^'<>]*' index='(?:0|[1-9][0-9]{0,8})'[ />]/y;
const CONTROLLER_TYPE_AT = "<controller type='".length;
const CONTROLLER_INDEX_AFTER_TYPE = "' index='".length;
/** A virtio disk target as libvirt writes it: `vd` and letters (virDiskNameParse reads it, no partition). */
const PLAIN_VIRTIO_TARGET = /<target dev='vd[a-z]{1,3}'(?: bus='virtio')?\/>/y;
const VIRTIO_TARGET_NAME_AT = "<target dev='".length;

/**
 * Whether a <driver> tag (and the text after it) is one the scan cannot pass: double quotes, copy_on_read, io='native'
 * without cache='none' or 'directsync', or `type='…'` naming a format QEMU refuses (QEMU_REFUSED_FORMATS). Plain string searches: an expression with alternatives took ten times
 * as long on these short strings.
 */
function driverNotPlain(tag: string): boolean {
  if (tag.includes('"') || tag.includes('copy_on_read')) return true;
  // io='native' needs cache none or directsync (qemuValidateDomainDeviceDefDiskFrontend).
  if (tag.includes("io='native'") && !tag.includes("cache='none'") && !tag.includes("cache='directsync'")) return true;
  for (let at = tag.indexOf("type='"); at >= 0; at = tag.indexOf("type='", at + 6)) {
    const format = tag.slice(at + 6, at + 10);
    if (format === "iso'" || format === "dir'" || format === "cow'") return true;
  }
  return false;
}

/** A disk's <serial> start tag and text as the scan passes it: no attribute, only characters QEMU takes. */
const SAFE_SERIAL_TAG = /^<serial>[A-Za-z0-9\-_ .+]*$/;

/**
 * Whether a video <model> tag (and the text after it) may hold what qemuValidateDomainDeviceDefVideo refuses: a ramfb
 * model, heads other than 1, a qxl vgamem that is not a power of two of at least 1024, a vram on vga or vmvga, blob,
 * or anything not written in single quotes. A model as virt-manager writes it (qxl or virtio, heads='1') passes.
 */
function videoModelNeedsWalk(tag: string): boolean {
  if (tag.includes('"') || tag.includes('ramfb') || tag.includes('blob')) return true;
  if (tag.includes('heads') && !tag.includes("heads='1'")) return true;
  if (tag.includes('vram') && (tag.includes("'vga'") || tag.includes('vmvga'))) return true;
  const vgamem = tag.indexOf('vgamem');
  if (vgamem >= 0) {
    const m = /^vgamem='([0-9]{1,9})'/.exec(tag.slice(vgamem));
    const v = m ? Number(m[1]) : 0;
    if (v < 1024 || (v & (v - 1)) !== 0) return true;
  }
  return false;
}

/** A `queues` attribute whose value is not plain digits in single quotes (or any other mention of queues). */
const QUEUES_NOT_PLAIN = /queues(?!='[0-9]+')/;

/** ` model='` after a controller's index, as libvirt writes it. */
const MODEL_ATTRIBUTE = " model='";

/** Whether text[at, at + s.length) is s, compared by character codes (cheaper than startsWith on these short strings). */
function textHasAt(text: string, at: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (text.charCodeAt(at + i) !== s.charCodeAt(i)) return false;
  return true;
}

/** The value of the hex digits text[at, at + n), lowercase as matched above. */
function hexAt(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = text.charCodeAt(i);
    v = v * 16 + (c <= 0x39 ? c - 0x30 : c - 0x57);
  }
  return v;
}

/** The names the scan reads, by tagNameKey; a tag with the key is then compared in full (tagIs). */
const ADDRESS = tagNameKey('address');
const CONTROLLER = tagNameKey('controller');
const DISK = tagNameKey('disk');
const DRIVER = tagNameKey('driver');
const TARGET = tagNameKey('target');
const VENDOR = tagNameKey('vendor');
const SHAREABLE = tagNameKey('shareable');
const PRODUCT = tagNameKey('product');
const HOSTDEV = tagNameKey('hostdev');
const INTERFACE = tagNameKey('interface');
const VIDEO = tagNameKey('video');
const MODEL = tagNameKey('model');
const IOMMU = tagNameKey('iommu');
const FILESYSTEM = tagNameKey('filesystem');
const TPM = tagNameKey('tpm');
const SHMEM = tagNameKey('shmem');
const PANIC = tagNameKey('panic');
const GRAPHICS = tagNameKey('graphics');
const ZPCI = tagNameKey('zpci');
const AUTH = tagNameKey('auth');
const PORT_FORWARD = tagNameKey('portForward');
const CIPHER = tagNameKey('cipher');
const RESERVATIONS = tagNameKey('reservations');
const IOTUNE = tagNameKey('iotune');
const WWN = tagNameKey('wwn');
const SERIAL = tagNameKey('serial');
const ACCELERATION = tagNameKey('acceleration');
const ALIAS = tagNameKey('alias');
const VSOCK = tagNameKey('vsock');
const ENCRYPTION = tagNameKey('encryption');
const RESOLUTION = tagNameKey('resolution');
/** virDomainDiskDefValidateSourceChainOne: the network protocols whose <auth> is read (the others refuse one). */
const AUTH_PROTOCOLS: ReadonlySet<string> = new Set(['iscsi', 'http', 'https', 'ftp', 'ftps', 'ssh', 'rbd']);
/** virDomainDiskDefValidateSourceChainOne: the network protocols that refuse any <auth>. */
const AUTH_REFUSED_PROTOCOLS: ReadonlySet<string> = new Set(['nbd', 'sheepdog', 'gluster', 'tftp', 'vxhs', 'nfs']);
/** conf/domain_conf.h virDomainDiskBus: every bus but virtio (the virtio-only disk options are refused on these). */
const NON_VIRTIO_DISK_BUSES: ReadonlySet<string> = new Set(['ide', 'fdc', 'scsi', 'xen', 'usb', 'uml', 'sata', 'sd']);
/** conf/domain_conf.h virDomainDiskBus: every bus libvirt knows. */
const KNOWN_DISK_BUSES: ReadonlySet<string> = new Set([...NON_VIRTIO_DISK_BUSES, 'virtio']);
/** virDomainDiskDefValidate: each total <iotune> limit with the read and write limits it excludes. */
const IOTUNE_TOTALS = [
  ['total_bytes_sec', 'read_bytes_sec', 'write_bytes_sec'],
  ['total_iops_sec', 'read_iops_sec', 'write_iops_sec'],
  ['total_bytes_sec_max', 'read_bytes_sec_max', 'write_bytes_sec_max'],
  ['total_iops_sec_max', 'read_iops_sec_max', 'write_iops_sec_max'],
] as const;

/** An <iotune> limit that is set: the element, when its text is a number other than 0 (virDomainDiskDefIotuneParse). */
function iotuneSet(iotune: XmlElement, name: string): XmlElement | undefined {
  const el = firstChild(iotune, name);
  if (!el) return undefined;
  const v = el.text.trim();
  return /^[0-9]+$/.test(v) && /[1-9]/.test(v) ? el : undefined;
}
/** virDomainStartupPolicy: the policies other than the default. */
const STARTUP_POLICIES: ReadonlySet<string> = new Set(['mandatory', 'requisite', 'optional']);
/** virDomainDiskModel: the virtio models, refused off the virtio bus. */
const VIRTIO_DISK_MODELS: ReadonlySet<string> = new Set(['virtio', 'virtio-transitional', 'virtio-non-transitional']);
/** virDomainDiskDefValidate: the <driver> attributes only a virtio disk takes (queues, event_idx, ioeventfd, and the
 * virtio options virDomainCheckVirtioOptionsAreAbsent reads). */
const VIRTIO_ONLY_DRIVER_ATTRIBUTES = ['queues', 'event_idx', 'ioeventfd', 'iommu', 'ats', 'packed', 'page_per_vq'] as const;

/**
 * The start tag at text[at] and whatever text follows it up to the next `<` (a `<` is never in an attribute value):
 * more than the tag when it has content, so a test of it finds what the tag holds and perhaps more, never less.
 */
function startTagAndText(text: string, at: number, end: number): string {
  const next = text.indexOf('<', at + 1);
  return text.slice(at, next < 0 || next > end ? end : next);
}

/**
 * Spans of a text seen during one scan, compared in place: a Set of their strings allocated a string, and grew a
 * table, for each of a guest's addresses, controllers and targets (a third of the rule's allocation on a fleet).
 * Past SEEN_SPANS_MAX spans it answers "maybe seen", and the element walk decides.
 */
const SEEN_SPANS_MAX = 256;

class SeenSpans {
  private readonly starts = new Int32Array(SEEN_SPANS_MAX);
  private readonly lengths = new Int32Array(SEEN_SPANS_MAX);
  private readonly ids = new Float64Array(SEEN_SPANS_MAX);
  private count = 0;

  reset(): void {
    this.count = 0;
  }

  /**
   * Whether text[start, start + length) with `id` equals a span added since the reset with the same id (or may: the
   * table is full); adds it. The id (a number the caller reads from the span) is compared first.
   */
  seenOrAdd(text: string, start: number, length: number, id = 0): boolean {
    for (let i = 0; i < this.count; i++) {
      if (this.ids[i] !== id || this.lengths[i] !== length) continue;
      const other = this.starts[i]!;
      let j = 0;
      while (j < length && text.charCodeAt(other + j) === text.charCodeAt(start + j)) j++;
      if (j === length) return true;
    }
    if (this.count === SEEN_SPANS_MAX) return true;
    this.starts[this.count] = start;
    this.lengths[this.count] = length;
    this.ids[this.count++] = id;
    return false;
  }
}

const seenAddresses = new SeenSpans();
const seenControllers = new SeenSpans();
const seenTargets = new SeenSpans();

/**
 * One pass over the start tags inside <devices>, from the parser's tag table, before any of their elements is built:
 * building them is ten times this rule's cost on a fleet, and nearly every guest has nothing here to find. It answers
 * "nothing to find" for a check only when that is certain, reading tags only as libvirt writes them (single quotes,
 * this attribute order, lowercase hex); anything else sends that check to the element walk, which decides. Undefined
 * (walk everything) when the document has no tag table or the devices hold an entity or character reference.
 */
function scanDevices(devices: XmlElement): DeviceScan | undefined {
  const tags = descendantTags(devices);
  // Depths from TAG_DEEP on read as one: a disk's children must be told from what follows it.
  if (tags === undefined || tags.depth + 2 >= TAG_DEEP) return undefined;
  const { text, start, end } = devices.contentSpan();
  if (mayHaveReferences(devices)) {
    const amp = text.indexOf('&', start);
    if (amp >= 0 && amp < end) return undefined;
  }
  const scan: DeviceScan = { disksPlain: true, pciMayRepeat: false, controllerMayRepeat: false, hostdev: false, pciControllers: false, rootModel: undefined, usb: false, video: false, iommu: false, netQueue: false, filesystem: false, tpm: false, shmem: false, portForward: false, panic: false, eglHeadless: false, usbAddress: false, zpci: false, spaprVio: false, userAlias: false, vsock: false, graphicsListen: false };
  seenAddresses.reset();
  seenControllers.reset();
  seenTargets.reset();
  const { table, from, to } = tags;
  const childDepth = tags.depth + 1;
  /** Inside a <disk> (a child of <devices>): whether it has shown its <target> yet. */
  let inDisk = false;
  let diskTarget = false;
  let diskSource = false;
  /** Inside a root bus controller (a child of <devices>), or a <video>; and how many videos were seen. */
  let inRoot = false;
  let inVideo = false;
  let videos = 0;
  // The canonical forms below are matched by expressions that begin with the tag's name: a match is that tag. Other
  // tests compare the name first (tagIs), as a key says only the name's length and its first and last letters.
  for (let k = from; k < to; k += 2) {
    const at = table[k]!;
    const info = table[k + 1]!;
    const depth = info & TAG_DEEP;
    const key = info >>> TAG_DEPTH_BITS;
    // A child of <devices> ends the disk before it; a disk without children has no target, so is no plain disk.
    if (inDisk && depth <= childDepth) {
      // Without a <source> a hard disk is refused (virDomainDiskDefValidate): the walk decides.
      if (!diskTarget || !diskSource) scan.disksPlain = false;
      inDisk = false;
    }
    if (depth <= childDepth) {
      inRoot = false;
      inVideo = false;
    } else if (inRoot) {
      // A root bus holds no device: whatever is in it (an <address>, libvirt's test pci-root-address), the walk reads.
      scan.pciControllers = true;
    }
    if (key === ALIAS && tagIs(text, at, 'alias')) {
      // User aliases must be unique (virDomainDefValidateAliases); libvirt's own (virtio-disk0) are not read back.
      const tag = startTagAndText(text, at, end);
      if (tag.includes('ua-') || tag.includes('&')) scan.userAlias = true;
      continue;
    }
    if (key === ADDRESS) {
      CANONICAL_PCI_ADDRESS.lastIndex = at;
      if (CANONICAL_PCI_ADDRESS.test(text)) {
        const slot = hexAt(text, at + PCI_SLOT_AT, 2);
        const id = ((hexAt(text, at + PCI_DOMAIN_AT, 4) * 256 + hexAt(text, at + PCI_BUS_AT, 2)) * 256 + slot) * 8 + hexAt(text, at + PCI_FUNCTION_AT, 1);
        // A slot above 0x1f is out of range (the pattern admits every other value's digits): the walk reports it.
        if (seenAddresses.seenOrAdd(text, at, 0, id) || slot > 0x1f) scan.pciMayRepeat = true;
      } else if (tagIs(text, at, 'address')) {
        if (!text.startsWith("<address type='", at) || text.startsWith("pci'", at + 15)) {
          scan.pciMayRepeat = true;
          scan.usbAddress = true;
          scan.spaprVio = true;
          if (inDisk) scan.disksPlain = false;
        } else if (inDisk && text.startsWith("drive'", at + 15)) scan.disksPlain = false;
        else if (text.startsWith("usb'", at + 15)) scan.usbAddress = true;
        else if (text.startsWith("spapr-vio'", at + 15)) scan.spaprVio = true;
      }
    } else if (key === ZPCI && tagIs(text, at, 'zpci')) {
      scan.zpci = true;
    } else if (key === CONTROLLER) {
      CANONICAL_CONTROLLER.lastIndex = at;
      if (!CANONICAL_CONTROLLER.test(text)) {
        if (tagIs(text, at, 'controller')) scan.controllerMayRepeat = true;
        continue;
      }
      // `type='…' index='N'` as matched: the index, then the type's text, make the pair.
      const typeStart = at + CONTROLLER_TYPE_AT;
      const typeEnd = text.indexOf("'", typeStart);
      const indexEnd = text.indexOf("'", typeEnd + CONTROLLER_INDEX_AFTER_TYPE);
      const usb = typeEnd - typeStart === 3 && text.charCodeAt(typeStart) === 0x75 && text.charCodeAt(typeStart + 1) === 0x73 && text.charCodeAt(typeStart + 2) === 0x62;
      let index = 0;
      for (let i = typeEnd + CONTROLLER_INDEX_AFTER_TYPE; i < indexEnd; i++) index = index * 10 + text.charCodeAt(i) - 0x30;
      if (!usb && seenControllers.seenOrAdd(text, typeStart, typeEnd - typeStart, index)) scan.controllerMayRepeat = true;
      if (usb) {
        // model='none' (USB disabled) or a ports count: the walk reads them.
        const tag = startTagAndText(text, at, end);
        if (tag.includes('none') || tag.includes('ports') || tag.includes('"')) scan.usb = true;
      } else if (typeEnd - typeStart === 3 && text.charCodeAt(typeStart) === 0x70 && text.charCodeAt(typeStart + 1) === 0x63 && text.charCodeAt(typeStart + 2) === 0x69) {
        // A root bus at index 0 as libvirt writes it is compared with the machine type; any other root bus, an
        // expander bus, an index above 255 or a tag read less plainly goes to the walk.
        // The model as libvirt writes it, right after the index; elsewhere in the tag, the slower reading.
        let root: DeviceScan['rootModel'];
        const model = indexEnd + 1 + MODEL_ATTRIBUTE.length;
        if (textHasAt(text, indexEnd + 1, MODEL_ATTRIBUTE)) {
          // Only pci-… models, pcie-root and pcie-expander-bus are read further: most PCI controllers are root ports
          // (pcie-root-port: '-' at 9, 'r' at 5), told by two characters.
          if (text.charCodeAt(model + 3) === 0x2d || text.charCodeAt(model + 9) === 0x27 || text.charCodeAt(model + 5) === 0x65) {
            root = text.startsWith("pcie-root'", model) ? 'pcie-root' : text.startsWith("pci-root'", model) ? 'pci-root' : undefined;
            if (text.startsWith('pci-expander-bus', model) || text.startsWith('pcie-expander-bus', model)) scan.pciControllers = true;
          }
        } else {
          const tag = startTagAndText(text, at, end);
          root = tag.includes("model='pcie-root'") ? 'pcie-root' : tag.includes("model='pci-root'") ? 'pci-root' : undefined;
          if (tag.includes('expander') || tag.includes('"') || (tag.includes('model') && !tag.includes("model='"))) scan.pciControllers = true;
        }
        if (root !== undefined && index === 0 && depth === childDepth) scan.rootModel = root;
        else if (root !== undefined || index > 255) scan.pciControllers = true;
        inRoot = root !== undefined && depth === childDepth;
      }
    } else if (key === DISK) {
      if (!tagIs(text, at, 'disk')) continue;
      const tag = startTagAndText(text, at, end);
      // A floppy's bus is fdc whatever its target name (effectiveBus), a lun's source type is checked; a disk in a disk is
      // no plain disk.
      // rawio and sgio are refused off a lun (virDomainDiskDefValidate).
      if (inDisk || tag.includes('"') || tag.includes('floppy') || tag.includes('lun') || tag.includes('rawio') || tag.includes('sgio') || tag.includes('cdrom') || tag.includes('startupPolicy')) scan.disksPlain = false;
      if (depth === childDepth) {
        inDisk = true;
        diskTarget = false;
        diskSource = false;
      }
    } else if (key === IOMMU && tagIs(text, at, 'iommu')) {
      scan.iommu = true;
    } else if (key === FILESYSTEM && tagIs(text, at, 'filesystem')) {
      scan.filesystem = true;
    } else if (key === VSOCK && tagIs(text, at, 'vsock')) {
      scan.vsock = true;
    } else if (key === TPM && tagIs(text, at, 'tpm')) {
      scan.tpm = true;
    } else if (key === SHMEM && tagIs(text, at, 'shmem')) {
      scan.shmem = true;
    } else if (key === PANIC && tagIs(text, at, 'panic')) {
      scan.panic = true;
    } else if (key === GRAPHICS && tagIs(text, at, 'graphics')) {
      const tag = startTagAndText(text, at, end);
      if (tag.includes('egl-headless')) scan.eglHeadless = true;
      if (tag.includes('listen=') || tag.includes('socket=')) scan.graphicsListen = true;
    } else if (key === VIDEO && tagIs(text, at, 'video')) {
      if (++videos > 1) scan.video = true;
      inVideo = depth === childDepth;
    } else if (inVideo) {
      // A model the video checks must read (videoModelNeedsWalk), or an <acceleration> or <resolution> in it.
      if (key === MODEL && tagIs(text, at, 'model') && videoModelNeedsWalk(startTagAndText(text, at, end))) scan.video = true;
      else if ((key === ACCELERATION && tagIs(text, at, 'acceleration')) || (key === RESOLUTION && tagIs(text, at, 'resolution'))) scan.video = true;
    } else if (!inDisk) {
      if (key === DRIVER && tagIs(text, at, 'driver')) {
        // A queue size, or a queue count not written as plain digits (a virtio-scsi controller's or a multiqueue
        // interface's queues='4' settles nothing to find).
        const tag = startTagAndText(text, at, end);
        if (tag.includes('queue_size') || QUEUES_NOT_PLAIN.test(tag)) scan.netQueue = true;
      }
      else if (key === HOSTDEV && tagIs(text, at, 'hostdev')) scan.hostdev = true;
      else if (key === INTERFACE && tagIs(text, at, 'interface') && startTagAndText(text, at, end).includes('hostdev')) scan.hostdev = true;
      else if (key === PORT_FORWARD && tagIs(text, at, 'portForward')) scan.portForward = true;
    } else if (key === TARGET) {
      PLAIN_VIRTIO_TARGET.lastIndex = at;
      const plain = PLAIN_VIRTIO_TARGET.test(text);
      if (!plain && !tagIs(text, at, 'target')) continue;
      const nameStart = at + VIRTIO_TARGET_NAME_AT;
      if (!plain || diskTarget || seenTargets.seenOrAdd(text, nameStart, text.indexOf("'", nameStart) - nameStart)) scan.disksPlain = false;
      diskTarget = true;
    } else if (key === SERIAL && tagIs(text, at, 'serial')) {
      // A serial QEMU takes: letters, digits, space, - _ . + (qemuValidateDomainDeviceDefDiskSerial); anything else (a
      // character QEMU refuses, a reference, a comment) the walk reads.
      const tag = startTagAndText(text, at, end);
      if (!SAFE_SERIAL_TAG.test(tag)) scan.disksPlain = false;
    } else if (key === SOURCE_KEY && tagIs(text, at, 'source')) {
      diskSource = true;
    } else if (key === DRIVER) {
      if (!tagIs(text, at, 'driver')) continue;
      const tag = startTagAndText(text, at, end);
      if (driverNotPlain(tag)) scan.disksPlain = false;
    } else if ((key === VENDOR && tagIs(text, at, 'vendor')) || (key === PRODUCT && tagIs(text, at, 'product')) || (key === SHAREABLE && tagIs(text, at, 'shareable')) || (key === AUTH && tagIs(text, at, 'auth')) || (key === CIPHER && tagIs(text, at, 'cipher')) || (key === RESERVATIONS && tagIs(text, at, 'reservations')) || (key === IOTUNE && tagIs(text, at, 'iotune')) || (key === WWN && tagIs(text, at, 'wwn')) || (key === ENCRYPTION && tagIs(text, at, 'encryption'))) {
      scan.disksPlain = false;
    } else if ((key === HOSTDEV && tagIs(text, at, 'hostdev')) || (key === INTERFACE && tagIs(text, at, 'interface'))) {
      // Neither belongs in a disk: whatever it is, the walk reads it.
      scan.disksPlain = false;
      scan.hostdev = true;
    }
  }
  if (inDisk && (!diskTarget || !diskSource)) scan.disksPlain = false;
  return scan;
}

/** The numbers of `names` on `el` read with base 0, absent as 0; undefined when one does not parse. */
function base0Attrs(el: XmlElement | undefined, names: readonly string[]): number[] | undefined {
  const out: number[] = [];
  for (const n of names) {
    const a = el ? attribute(el, n) : undefined;
    const v = a === undefined ? 0 : libvirtUintBase0(a.value);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

/** A drive address's controller, bus, target and unit (absent as 0); undefined when one does not parse. */
function driveAddress(address: XmlElement): number[] | undefined {
  const parts = ['controller', 'bus', 'target', 'unit'].map((n) => {
    const a = address.attributeValues[n];
    return a === undefined ? 0 : libvirtUint(a);
  });
  return parts.some((p) => p === undefined) ? undefined : (parts as number[]);
}

interface HostdevSource {
  element: XmlElement;
  kind: 'pci' | 'usb' | 'scsi' | 'scsi_host' | 'mdev';
  /** PCI: domain, bus, slot, function. USB: bus, device, vendor, product. SCSI: bus, target, unit. */
  ids: number[];
  /** SCSI: the adapter's name; scsi_host: the wwpn; mdev: the UUID as virUUIDFormat writes it. */
  name?: string;
}

/**
 * util/viruuid.c virUUIDParse: leading blanks, then 32 hex digits with '-' allowed between pairs, then only blanks.
 * The UUID as virUUIDFormat writes it (lowercase, 8-4-4-4-12), or undefined when libvirt cannot read it.
 */
function canonicalUuid(text: string): string | undefined {
  const m = /^[ \t\n\v\f\r]*((?:[0-9a-fA-F]{2}-*){15}[0-9a-fA-F]{2})[ \t\n\v\f\r]*$/.exec(text);
  if (!m) return undefined;
  const hex = m[1]!.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The PCI and USB host devices libvirt puts in def->hostdevs: <hostdev mode='subsys'> and <interface type='hostdev'>
 * (virDomainNetDefParseXML inserts its hostdev), with their sources as virDomainHostdevSubsysPCIDefParseXML and
 * virDomainHostdevSubsysUSBDefParseXML read them.
 */
function hostdevSources(devices: XmlElement): HostdevSource[] {
  const out: HostdevSource[] = [];
  for (const el of devices.children) {
    let type: string | undefined;
    if (el.name === 'hostdev') {
      if ((attribute(el, 'mode')?.value ?? 'subsystem') !== 'subsystem') continue;
      type = attribute(el, 'type')?.value;
    } else if (el.name === 'interface' && attribute(el, 'type')?.value === 'hostdev') {
      type = 'pci';
      const address = firstChild(firstChild(el, 'source'), 'address');
      if (address && (attribute(address, 'type')?.value ?? 'pci') !== 'pci') continue;
    } else continue;
    const source = firstChild(el, 'source');
    if (!source) continue;
    if (type === 'pci') {
      const ids = base0Attrs(firstChild(source, 'address'), ['domain', 'bus', 'slot', 'function']);
      if (ids) out.push({ element: el, kind: 'pci', ids });
    } else if (type === 'usb') {
      const addr = base0Attrs(firstChild(source, 'address'), ['bus', 'device']);
      const vendor = base0Attrs(firstChild(source, 'vendor'), ['id']);
      const product = base0Attrs(firstChild(source, 'product'), ['id']);
      if (addr && vendor && product) out.push({ element: el, kind: 'usb', ids: [...addr, vendor[0]!, product[0]!] });
    } else if (type === 'scsi') {
      // virDomainHostdevMatchSubsysSCSIHost: the adapter's name and the bus, target and unit (iSCSI sources are left alone).
      if ((source.attributeValues.protocol ?? 'adapter') !== 'adapter') continue;
      const adapter = firstChild(source, 'adapter')?.attributeValues.name;
      const address = firstChild(source, 'address');
      if (adapter === undefined || !address || ['bus', 'target', 'unit'].some((n) => address.attributeValues[n] === undefined)) continue;
      const ids = base0Attrs(address, ['bus', 'target', 'unit']);
      if (ids) out.push({ element: el, kind: 'scsi', ids, name: adapter });
    } else if (type === 'scsi_host') {
      // virDomainHostdevMatchSubsys: the vhost protocol and the wwpn, compared as written.
      const wwpn = source.attributeValues.wwpn;
      if (wwpn !== undefined && source.attributeValues.protocol === 'vhost') out.push({ element: el, kind: 'scsi_host', ids: [], name: wwpn });
    } else if (type === 'mdev') {
      // virDomainHostdevMatchSubsysMediatedDev: the UUIDs, as virUUIDFormat writes them.
      const uuid = firstChild(source, 'address')?.attributeValues.uuid;
      const canonical = uuid === undefined ? undefined : canonicalUuid(uuid);
      if (canonical !== undefined) out.push({ element: el, kind: 'mdev', ids: [], name: canonical });
    }
  }
  return out;
}

/**
 * domain_conf.c virDomainHostdevMatchSubsys: virDomainHostdevMatchSubsysPCI, virDomainHostdevMatchSubsysUSB (the first
 * device decides how USB compares), virDomainHostdevMatchSubsysSCSIHost, the wwpn of a vhost-scsi target, and
 * virDomainHostdevMatchSubsysMediatedDev.
 */
function hostdevMatch(a: HostdevSource, b: HostdevSource): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'pci' || a.kind === 'scsi') return a.name === b.name && a.ids.every((v, i) => v === b.ids[i]);
  if (a.kind === 'scsi_host' || a.kind === 'mdev') return a.name === b.name;
  const [bus, device, vendor, product] = a.ids;
  if (bus && device) return bus === b.ids[0] && device === b.ids[1];
  return vendor === b.ids[2] && product === b.ids[3];
}

function hostdevName(h: HostdevSource): string {
  const hex = (v: number, w: number) => v.toString(16).padStart(w, '0');
  if (h.kind === 'scsi') return `SCSI device ${excerpt(h.name!)}:${h.ids.join(':')}`;
  if (h.kind === 'scsi_host') return `vhost-scsi target ${excerpt(h.name!)}`;
  if (h.kind === 'mdev') return `mediated device ${h.name!.slice(0, 8)}…`;
  if (h.kind === 'pci') return `PCI device ${hex(h.ids[0]!, 4)}:${hex(h.ids[1]!, 2)}:${hex(h.ids[2]!, 2)}.${h.ids[3]!.toString(16)}`;
  const [bus, device, vendor, product] = h.ids;
  return bus && device ? `USB device ${bus}.${device}` : `USB device ${hex(vendor!, 4)}:${hex(product!, 4)}`;
}

type Report = (d: ReportDescriptor<typeof messages>) => void;

/**
 * util/virpci.c virPCIDeviceAddressIsValid, as virPCIDeviceAddressParseXML applies it to an address that is not
 * empty (domain, bus or slot set): the first of bus, slot and function out of range is reported. Whether it was.
 */
function reportPciAddressRange(address: XmlElement, report: Report): boolean {
  const ids = base0Attrs(address, ['domain', 'bus', 'slot', 'function']);
  if (!ids || (ids[0] === 0 && ids[1] === 0 && ids[2] === 0)) return false;
  for (const [i, [field, max, shown]] of PCI_ADDRESS_MAX.entries()) {
    if (ids[i + 1]! <= max) continue;
    const attr = attribute(address, field)!;
    report({ range: attr.valueRange, messageId: 'pciAddressRange', data: { field, value: excerpt(attr.value), max: shown } });
    return true;
  }
  return false;
}

/** qemu_domain.c qemuDomainIsPSeries; undefined when the file does not say (no arch, or no machine on ppc64). */
function isPSeries(os: { arch: string | undefined; machine: string | undefined } | undefined): boolean | undefined {
  const arch = os?.arch;
  if (arch !== undefined && arch !== 'ppc64' && arch !== 'ppc64le') return false;
  if (os?.machine !== undefined && !os.machine.startsWith('pseries')) return false;
  return arch !== undefined && os?.machine !== undefined ? true : undefined;
}

/** The video models QEMU builds as PCI devices of their own, which take heads and may be secondary. */
const MULTIHEAD_VIDEO_MODELS: ReadonlySet<string> = new Set(['qxl', 'virtio']);
/** qemuValidateDomainDeviceDefVideo: the models that take a <resolution>. */
const RESOLUTION_VIDEO_MODELS: ReadonlySet<string> = new Set(['vga', 'qxl', 'virtio', 'bochs']);

/**
 * qemu_validate.c qemuValidateDomainDeviceDefVideo, after it asks whether QEMU has the model (every QEMU has these):
 * a vga, cirrus, bochs or other single-head model that is not the primary video ("video type 'vga' is only valid as
 * primary video device") or has heads other than 1; accel2d='yes' ("qemu does not support the accel2d setting"); a qxl
 * vgamem under 1024 KiB or not a power of two; a <resolution> on a model other than vga, qxl, virtio and bochs; a vga
 * or vmvga vram under 1024 KiB; accel3d='yes' off virtio ("3d acceleration is supported only with 'virtio' video
 * device"). Values are read as libvirt's parser does (virXMLPropUInt, base 10); one that does not parse is left alone.
 */
function checkVideoModel(video: XmlElement, model: XmlElement, type: XmlAttribute, primary: boolean, report: Report): void {
  const name = type.value;
  if (name === 'none') return;
  const kib = (attr: string): { a: XmlAttribute; v: number } | undefined => {
    const a = attribute(model, attr);
    const v = a ? libvirtUint(a.value) : undefined;
    return a && v !== undefined ? { a, v } : undefined;
  };
  if (!MULTIHEAD_VIDEO_MODELS.has(name) && name !== 'ramfb') {
    if (!primary) report({ range: type.valueRange, messageId: 'videoSecondary', data: { model: excerpt(name) } });
    const heads = kib('heads');
    if (heads && heads.v !== 1) report({ range: heads.a.range, messageId: 'videoHeads', data: { model: excerpt(name), heads: heads.v } });
  }
  const accel = firstChild(model, 'acceleration');
  const accel2d = accel ? attribute(accel, 'accel2d') : undefined;
  if (accel2d?.value === 'yes') report({ range: accel2d.range, messageId: 'videoAccel2d', data: {} });
  if (name === 'qxl') {
    const vgamem = kib('vgamem');
    if (vgamem && vgamem.v !== 0 && (vgamem.v < 1024 || (vgamem.v & (vgamem.v - 1)) !== 0)) report({ range: vgamem.a.range, messageId: 'videoVgamem', data: { value: vgamem.v } });
  }
  const resolution = firstChild(model, 'resolution');
  if (resolution && !RESOLUTION_VIDEO_MODELS.has(name)) report({ range: resolution.startTag, messageId: 'videoResolution', data: { model: excerpt(name) } });
  if (name === 'vga' || name === 'vmvga') {
    const vram = kib('vram');
    if (vram && vram.v !== 0 && vram.v < 1024) report({ range: vram.a.range, messageId: 'videoVram', data: { model: name, value: vram.v } });
  }
  // A vhost-user backend (<driver name='vhostuser'>) is checked otherwise.
  const accel3d = accel ? attribute(accel, 'accel3d') : undefined;
  if (accel3d?.value === 'yes' && name !== 'virtio' && firstChild(video, 'driver')?.attributeValues.name !== 'vhostuser') {
    report({ range: accel3d.range, messageId: 'videoAccel3d', data: { model: excerpt(name) } });
  }
}

export default defineDomainRule({
  meta: {
    id: 'device-config-invalid',
    name: 'DeviceConfigInvalid',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Devices libvirt rejects at define time: repeated targets, addresses, host devices or TPMs; bad root buses, USB, video, graphics, queues, virtiofs, panic.',
    tags: ['devices'],
    messages,
  },
  check({ domain, host, report }) {
    // The checks below are libvirt's generic ones (conf/) and its QEMU driver's: kvmlint makes them for QEMU and KVM
    // guests only. Other drivers' converters (vmx2xml, bhyve's argv2xml) emit definitions they never validate.
    if (!runsOnQemu(domain)) return;
    const devices = firstChild(domain.element, 'devices');
    if (!devices) return;
    const scan = scanDevices(devices);
    const disks: DiskFacts[] = [];
    for (const disk of scan === undefined || !scan.disksPlain ? childrenNamed(devices, 'disk') : []) {
      const target = firstChild(disk, 'target');
      const devAttr = target ? attribute(target, 'dev') : undefined;
      // virDomainDiskDefValidate reports a disk without a target first ("missing target information"): the schema's finding.
      if (!devAttr || devAttr.value === '') continue;
      // virDomainDiskDefPostParse: the old Xen "ioemu:" prefix is dropped.
      const dev = devAttr.value.startsWith('ioemu:') ? devAttr.value.slice('ioemu:'.length) : devAttr.value;
      const device = attribute(disk, 'device')?.value ?? 'disk';
      const diskTypeValue = disk.attributeValues.type;
      const bus = effectiveBus(device, dev, target ? attribute(target, 'bus')?.value : undefined);
      disks.push({ element: disk, dev, devAttr, bus });

      // domain_validate.c virDomainDiskDefValidate, for every driver: a tray only on a cdrom or floppy ("tray is only
      // valid for cdrom and floppy"; 'closed' is the default, stored as none), a floppy only on fdc and fdc only for a
      // floppy ("Invalid bus type '%s' for floppy disk" / "for disk"), removable only on USB or a SCSI hard disk
      // ("removable is only valid for usb or scsi disks"), and a hard disk with a source (VIR_ERR_NO_SOURCE).
      const tray = target ? attribute(target, 'tray') : undefined;
      if (tray?.value === 'open' && device !== 'cdrom' && device !== 'floppy') {
        report({ range: tray.range, messageId: 'diskTray', data: { device: excerpt(device), dev: excerpt(dev) } });
      }
      const busAttr = target ? attribute(target, 'bus') : undefined;
      if (device === 'floppy' && bus !== 'fdc' && busAttr) {
        report({ range: busAttr.valueRange, messageId: 'floppyBus', data: { dev: excerpt(dev), bus: excerpt(busAttr.value) } });
      } else if (device !== 'floppy' && bus === 'fdc' && busAttr) {
        report({ range: busAttr.valueRange, messageId: 'fdcBus', data: { device: excerpt(device), dev: excerpt(dev) } });
      }
      const removable = target ? attribute(target, 'removable') : undefined;
      if (removable && removable.value !== '' && bus !== undefined && bus !== 'usb' && !(bus === 'scsi' && device === 'disk')) {
        report({ range: removable.range, messageId: 'diskRemovable', data: { value: excerpt(removable.value), bus, device: excerpt(device), dev: excerpt(dev) } });
      }
      if (device === 'disk' && !firstChild(disk, 'source')) {
        report({ range: disk.startTag, messageId: 'diskNoSource', data: { dev: excerpt(dev) } });
      }

      // domain_validate.c virDomainDiskDefValidate → virDomainDiskAddressDiskBusCompatibility.
      const address = firstChild(disk, 'address');
      const addressType = address ? attribute(address, 'type') : undefined;
      if (addressType && bus !== undefined && DRIVE_ADDRESS_BUSES.has(bus) && addressType.value !== 'drive' && addressType.value !== '') {
        report({ range: addressType.valueRange, messageId: 'addressBus', data: { bus, dev: excerpt(dev), type: excerpt(addressType.value) } });
      }
      // virDomainDiskDefValidate: vendor at most 8 bytes, product at most 16 (SCSI) or 40 bytes (string(./vendor), strlen).
      const vendor = firstChild(disk, 'vendor');
      if (vendor && Buffer.byteLength(vendor.text, 'utf8') > VENDOR_LEN) {
        report({ range: vendor.contentRange, messageId: 'vendorLength', data: { length: Buffer.byteLength(vendor.text, 'utf8') } });
      }
      const product = firstChild(disk, 'product');
      const productMax = bus === 'scsi' ? PRODUCT_SCSI_LEN : PRODUCT_ATA_SATA_LEN;
      if (product && Buffer.byteLength(product.text, 'utf8') > productMax) {
        report({ range: product.contentRange, messageId: 'productLength', data: { bus: bus ?? 'ide', length: Buffer.byteLength(product.text, 'utf8'), max: productMax } });
      }
      // qemu_validate.c qemuValidateDomainDeviceDefDiskFrontend: vendor only on SCSI, product on IDE, SATA and SCSI
      // (virXPathString: an empty element is none).
      if (vendor && vendor.text !== '' && bus !== 'scsi') {
        report({ range: vendor.startTag, messageId: 'vendorBus', data: { bus: bus ?? 'ide', dev: excerpt(dev) } });
      }
      if (product && product.text !== '' && bus !== 'ide' && bus !== 'sata' && bus !== 'scsi') {
        report({ range: product.startTag, messageId: 'productBus', data: { bus: bus ?? 'ide', dev: excerpt(dev) } });
      }
      // domain_postparse.c virDomainDiskDefPostParse → virDomainDiskDefAssignAddress (any driver, a disk without
      // <address>): "Unknown disk name '…' and no address specified"; qemu_validate.c qemuValidateDomainDeviceDefDisk
      // parses every QEMU disk's target and refuses a partition ("partitions can't appear in disk targets").
      const parsed = parseDiskName(dev);
      if (!parsed) {
        report({ range: devAttr.valueRange, messageId: 'invalidTarget', data: { dev: excerpt(dev) } });
      } else if (parsed && parsed.partition !== 0) {
        report({ range: devAttr.valueRange, messageId: 'partitionTarget', data: { dev: excerpt(dev), disk: parsed.disk } });
      } else if ((device === 'disk' || device === 'lun') && dev.startsWith('fd')) {
        // domain_validate.c virDomainDiskDefValidate: a hard disk or lun takes an hd, sd, vd, xvd or ubd name ("Invalid
        // harddisk device name: fda"), a floppy an fd one ("Invalid floppy device name: hda"); the other prefixes
        // virDiskNameParse reads are these, so only fd… on a disk and the rest on a floppy are left to report.
        report({ range: devAttr.valueRange, messageId: 'targetPrefix', data: { dev: excerpt(dev), device, want: 'hd, sd, vd, xvd or ubd', example: 'sdb' } });
      } else if (device === 'floppy' && !dev.startsWith('fd')) {
        report({ range: devAttr.valueRange, messageId: 'targetPrefix', data: { dev: excerpt(dev), device, want: 'fd', example: 'fda' } });
      }
      // virDomainDiskDefValidate → virDomainDiskDefValidateStartupPolicy: a startupPolicy on a network disk ("disk
      // startupPolicy 'optional' is not allowed for disk of 'network' type"; a storage pool volume may have one), and
      // 'requisite' on a disk that is not a cdrom or floppy.
      const startupPolicy = attribute(disk, 'startupPolicy');
      if (startupPolicy && STARTUP_POLICIES.has(startupPolicy.value)) {
        if (diskTypeValue === 'network') report({ range: startupPolicy.range, messageId: 'startupPolicyType', data: { policy: startupPolicy.value, type: 'network' } });
        else if (startupPolicy.value === 'requisite' && device !== 'cdrom' && device !== 'floppy') report({ range: startupPolicy.range, messageId: 'startupPolicyRequisite', data: { device: excerpt(device), dev: excerpt(dev) } });
      }
      // virDomainDiskDefValidate → virValidateWWN (util/virutil.c): 16 hex digits, after an optional 0x ("Malformed wwn").
      const wwnEl = firstChild(disk, 'wwn');
      if (wwnEl && !/^(?:0x)?[0-9a-fA-F]{16}$/.test(wwnEl.text)) report({ range: wwnEl.contentRange, messageId: 'wwnMalformed', data: { wwn: excerpt(wwnEl.text) } });
      // qemu_domain.c qemuDomainValidateStorageSource, for the disk's own image (the first of its backing chain).
      const driver = firstChild(disk, 'driver');
      const driverType = driver ? attribute(driver, 'type') : undefined;
      const refused = driverType && Object.hasOwn(QEMU_REFUSED_FORMATS, driverType.value) ? QEMU_REFUSED_FORMATS[driverType.value] : undefined;
      if (refused) report({ range: driverType!.valueRange, messageId: 'format', data: { format: driverType!.value, fix: refused.fix } });
      // qemu_validate.c qemuValidateDomainDeviceDefDiskFrontend: a shared disk (<shareable/>) that is not read-only (a
      // cdrom always is: virDomainDiskDefParseXML) in a format other than raw, "shared access for disk 'hda' requires
      // use of supported storage format" (qemuBlockStorageSourceSupportsConcurrentAccess). Only a written format is read:
      // one left out is raw for QEMU (qemuDomainDeviceDiskDefPostParse), except on a storage pool volume.
      const shareable = firstChild(disk, 'shareable');
      if (shareable && driverType && NON_RAW_FORMATS.has(driverType.value) && device !== 'cdrom' && !firstChild(disk, 'readonly')) {
        report({ range: shareable.startTag, messageId: 'sharedFormat', data: { dev: excerpt(dev), format: driverType.value }, related: [{ range: driverType.valueRange, message: 'the image format' }] });
      }
      // domain_validate.c virDomainDiskDefValidate → virDomainDiskDefSourceLUNValidate: "disk device='lun' is only valid
      // for block type disk source" (an iSCSI network source and a storage pool volume are accepted too). Only the
      // types that are never a block device are reported: a written type='file' or type='dir'.
      const diskType = attribute(disk, 'type');
      if (device === 'lun' && (diskType?.value === 'file' || diskType?.value === 'dir')) {
        report({ range: diskType.valueRange, messageId: 'lunSource', data: { type: diskType.value } });
      }
      // domain_conf.c virDomainDiskDefParseXML: the old places of <auth> and <encryption>, under <disk>, beside one under
      // <source>: "an <auth> definition already found for disk source" (libvirt's tests disk-network-source-auth-both,
      // luks-disks-source-both).
      const diskSource = firstChild(disk, 'source');
      for (const name of ['auth', 'encryption']) {
        const outer = firstChild(disk, name);
        const inner = outer && diskSource ? firstChild(diskSource, name) : undefined;
        if (outer && inner) report({ range: outer.startTag, messageId: 'sourceBoth', data: { name }, related: [{ range: inner.startTag, message: `the <${name}> under <source>` }] });
      }
      // domain_validate.c virDomainDiskDefValidateSourceChainOne: a LUKS <encryption> (under <disk> or its <source>)
      // with a <cipher>, "supplying <cipher> for domain disk definition is unnecessary" (libvirt's test luks-disk-invalid).
      for (const holder of [disk, firstChild(disk, 'source')]) {
        const encryption = holder ? firstChild(holder, 'encryption') : undefined;
        const cipher = encryption?.attributeValues.format === 'luks' ? firstChild(encryption, 'cipher') : undefined;
        if (cipher) report({ range: cipher.startTag, messageId: 'luksCipher', data: {} });
      }
      // domain_validate.c virDomainDiskDefValidateSourceChainOne: the <auth> of a network disk (under <disk> or its
      // <source>) names its secret's usage type in <secret type> (virStorageAuthDefParse keeps it as written, or none):
      // none is "unknown secret type '<null>'", and an iSCSI source needs 'iscsi', an RBD one 'ceph' ("invalid secret
      // type 'ceph'"; libvirt's tests disk-network-iscsi-auth-secrettype-invalid, disk-network-iscsi-auth-wrong-secrettype).
      // The same function refuses any <auth> on the protocols that take none (nbd, gluster, nfs, …): "authentication is
      // not supported for protocol 'nbd'".
      if (diskType?.value === 'network') {
        const source = firstChild(disk, 'source');
        const protocol = source ? attribute(source, 'protocol')?.value : undefined;
        const auth = firstChild(disk, 'auth') ?? (source ? firstChild(source, 'auth') : undefined);
        const secret = auth ? firstChild(auth, 'secret') : undefined;
        if (auth && protocol !== undefined && AUTH_REFUSED_PROTOCOLS.has(protocol)) {
          report({ range: auth.startTag, messageId: 'authProtocol', data: { protocol } });
        } else if (secret && protocol !== undefined && AUTH_PROTOCOLS.has(protocol)) {
          const type = attribute(secret, 'type');
          const expected = protocol === 'iscsi' ? 'iscsi' : protocol === 'rbd' ? 'ceph' : undefined;
          if (!type) report({ range: secret.startTag, messageId: 'authSecretNoType', data: { protocol } });
          else if (expected !== undefined && type.value !== expected) report({ range: type.valueRange, messageId: 'authSecretType', data: { type: excerpt(type.value), protocol, expected } });
        }
      }
      // domain_validate.c virDomainDiskDefValidate: off device='lun', "rawio can be used only with device='lun'", "sgio
      // can be used only with device='lun'" and "<reservations/> allowed only for lun devices" (under <source>).
      if (device !== 'lun') {
        for (const name of ['rawio', 'sgio']) {
          const a = attribute(disk, name);
          if (a && a.value !== '') report({ range: a.range, messageId: 'lunOnlyAttribute', data: { name, value: excerpt(a.value), device: excerpt(device), dev: excerpt(dev) } });
        }
        const source = firstChild(disk, 'source');
        const reservations = source ? firstChild(source, 'reservations') : undefined;
        if (reservations) report({ range: reservations.startTag, messageId: 'lunOnlyReservations', data: { device: excerpt(device), dev: excerpt(dev) } });
      }
      // qemu_validate.c qemuValidateDomainDeviceDefDiskFrontend (none of these asks the QEMU binary): a read-only IDE or
      // SATA hard disk ("readonly ide disks are not supported"), a cdrom on virtio or sd ("disk type of 'vdb' does not
      // support ejectable media"), io='native' with a cache mode other than none or directsync (none written is the
      // default: "io='native' needs either no disk cache or directsync cache mode"), <wwn> off IDE and SCSI ("Only ide
      // and scsi disk support wwn"), a lun off virtio and scsi ("disk device='lun' is not supported for bus='sata'") or
      // with a <wwn>, <vendor> or <product>, copy_on_read on a read-only or removable disk, a USB disk whose address is not
      // a USB one ("unexpected address type for usb disk", after asking for usb-storage, which every QEMU has), and a
      // <serial> with characters other than letters, digits, space and -_.+ (qemuValidateDomainDeviceDefDiskSerial).
      const readonly = firstChild(disk, 'readonly');
      if (readonly && device === 'disk' && (bus === 'ide' || bus === 'sata')) report({ range: readonly.startTag, messageId: 'readonlyBus', data: { bus, dev: excerpt(dev) } });
      if (device === 'cdrom' && (bus === 'virtio' || bus === 'sd')) report({ range: busAttr ? busAttr.valueRange : devAttr.valueRange, messageId: 'cdromBus', data: { dev: excerpt(dev), bus } });
      const io = driver ? attribute(driver, 'io') : undefined;
      if (io?.value === 'native') {
        const cache = attribute(driver!, 'cache')?.value;
        // A cache mode libvirt does not know is refused by the parser first ("unknown disk cache mode"): not this.
        if (cache === undefined || CACHE_MODES_BESIDE_NATIVE_IO_REFUSED.has(cache)) report({ range: io.range, messageId: 'ioNative', data: { dev: excerpt(dev), cache: cache === undefined ? 'no cache mode (the default is not none)' : `cache='${excerpt(cache)}'` } });
      }
      const wwn = firstChild(disk, 'wwn');
      if (wwn && bus !== undefined && bus !== 'ide' && bus !== 'scsi' && KNOWN_DISK_BUSES.has(bus)) report({ range: wwn.startTag, messageId: 'wwnBus', data: { bus, dev: excerpt(dev) } });
      if (device === 'lun') {
        if (bus !== undefined && bus !== 'virtio' && bus !== 'scsi' && KNOWN_DISK_BUSES.has(bus)) report({ range: busAttr ? busAttr.valueRange : devAttr.valueRange, messageId: 'lunBus', data: { dev: excerpt(dev), bus } });
        else if (bus === 'scsi') {
          // (On virtio, the bus checks above report them.)
          for (const el of [wwn, vendor?.text ? vendor : undefined, product?.text ? product : undefined]) {
            if (el) report({ range: el.startTag, messageId: 'lunWwn', data: { name: el.name, dev: excerpt(dev) } });
          }
        }
      }
      const copyOnRead = driver ? attribute(driver, 'copy_on_read') : undefined;
      if (copyOnRead?.value === 'on') {
        const what = device === 'cdrom' || device === 'floppy' ? device : readonly ? 'read-only disk' : device === 'lun' ? 'lun' : undefined;
        if (what !== undefined) report({ range: copyOnRead.range, messageId: 'copyOnRead', data: { what, dev: excerpt(dev) } });
      }
      if (bus === 'usb' && addressType && addressType.value !== '' && addressType.value !== 'usb') {
        report({ range: addressType.valueRange, messageId: 'usbDiskAddress', data: { dev: excerpt(dev), type: excerpt(addressType.value) } });
      }
      const serial = firstChild(disk, 'serial');
      const unsafe = serial ? /[^A-Za-z0-9\-_ .+]/.exec(serial.text) : null;
      if (serial && unsafe) report({ range: serial.contentRange, messageId: 'serialChars', data: { dev: excerpt(dev), char: excerpt(unsafe[0]) } });
      // domain_validate.c virDomainDiskDefValidate: a total limit beside a read or write one in <iotune> ("total and
      // read/write bytes_sec cannot be set at the same time"; a 0 limit is none).
      const iotune = firstChild(disk, 'iotune');
      if (iotune) {
        for (const [total, read, write] of IOTUNE_TOTALS) {
          if (!iotuneSet(iotune, total)) continue;
          for (const name of [read, write]) {
            const el = iotuneSet(iotune, name);
            if (el) report({ range: el.startTag, messageId: 'iotuneTotal', data: { name, total, dev: excerpt(dev) } });
          }
        }
      }
      // domain_validate.c virDomainDiskDefValidate, on a disk whose bus is not virtio: a virtio model ("disk model
      // 'virtio' not supported for bus 'sata'"), <driver queues> ("queues attribute in disk driver element is only
      // supported by virtio-blk"; 0 is unset), event_idx, ioeventfd, and the virtio options iommu, ats, packed,
      // page_per_vq (virDomainCheckVirtioOptionsAreAbsent); qemu_validate.c qemuValidateDomainDeviceDefDiskIOThreads,
      // for every QEMU disk: "IOThreads not available for bus sata target sda" (0 is unset). queue_size off virtio is
      // ignored, not refused. Only the buses libvirt knows are read (another value is a parse error of its own).
      if (bus !== undefined && NON_VIRTIO_DISK_BUSES.has(bus)) {
        const model = attribute(disk, 'model');
        if (model && VIRTIO_DISK_MODELS.has(model.value)) report({ range: model.range, messageId: 'diskModelBus', data: { model: model.value, bus, dev: excerpt(dev) } });
        if (driver) {
          for (const name of VIRTIO_ONLY_DRIVER_ATTRIBUTES) {
            const a = attribute(driver, name);
            if (a && a.value !== '' && !(name === 'queues' && a.value === '0')) report({ range: a.range, messageId: 'virtioOnlyDriver', data: { name, value: excerpt(a.value), bus, dev: excerpt(dev) } });
          }
          const iothread = attribute(driver, 'iothread');
          if (iothread && iothread.value !== '' && iothread.value !== '0') report({ range: iothread.range, messageId: 'iothreadBus', data: { value: excerpt(iothread.value), bus, dev: excerpt(dev) } });
        }
      }
    }

    if (disks.length > 1) {
      // domain_validate.c virDomainDefDuplicateDiskInfoValidate → virDomainDiskDefCheckDuplicateInfo: "target '…' duplicated for disk sources".
      const byDev = new Map<string, DiskFacts>();
      const used = new Set(disks.map((d) => d.dev));
      const repeated = new Set<string>();
      for (const d of disks) {
        const first = byDev.get(d.dev);
        if (!first) {
          byDev.set(d.dev, d);
          continue;
        }
        repeated.add(d.dev);
        report({
          range: d.devAttr.valueRange,
          messageId: 'duplicateTarget',
          data: { dev: excerpt(d.dev), next: nextFreeTarget(d.dev, used) },
          related: [{ range: first.devAttr.valueRange, message: `the first disk with target '${excerpt(d.dev)}'` }],
        });
      }

      // domain_validate.c virDomainDefDuplicateDriveAddressesValidate: two disks on one bus with the same drive address,
      // written in the file or (IDE, SATA, floppy) the one libvirt derives from the target name.
      const seen = new Map<string, { disk: DiskFacts; where: Range; explicit: boolean }>();
      for (const d of disks) {
        const address = firstChild(d.element, 'address');
        let parts: Array<number | undefined> | undefined;
        if (address) {
          if (attribute(address, 'type')?.value !== 'drive') continue;
          parts = ['controller', 'bus', 'target', 'unit'].map((n) => {
            const a = attribute(address, n);
            return a === undefined ? 0 : libvirtUint(a.value);
          });
        } else {
          // A repeated target is reported above; the address it would derive changes with the fix.
          if (repeated.has(d.dev)) continue;
          const parsed = parseDiskName(d.dev, false);
          parts = parsed ? assignedDriveAddress(d.bus, parsed.index) : undefined;
        }
        if (!parts || parts.some((p) => p === undefined)) continue;
        const key = `${d.bus}|${parts.join(':')}`;
        const where = address ? address.startTag : d.devAttr.valueRange;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, { disk: d, where, explicit: address !== undefined });
          continue;
        }
        const [controller, bus, target, unit] = parts;
        report({
          range: where,
          messageId: 'duplicateDriveAddress',
          data: { dev: excerpt(d.dev), other: excerpt(first.disk.dev), address: `controller='${controller}' bus='${bus}' target='${target}' unit='${unit}'`, bus: d.bus ?? 'ide' },
          related: [{ range: first.where, message: first.explicit ? `disk ${excerpt(first.disk.dev)} has this address` : `libvirt gives disk ${excerpt(first.disk.dev)} this address from its target name` }],
        });
      }
    }

    if (scan === undefined || scan.hostdev) {
      // domain_validate.c virDomainDefDuplicateDriveAddressesValidate: a SCSI host device's drive address used by another
      // SCSI host device ("SCSI host address … in use by another SCSI host device") or a SCSI disk ("… in use by
      // another SCSI disk"); domain_conf.c virDomainDiskDefAssignAddress: a SCSI disk without an address whose derived
      // one a host device holds ("using disk target name 'sda' conflicts with SCSI host device address …"). Only sda's
      // derived address (controller, bus, target and unit 0) is the same on every SCSI controller model.
      const taken = new Map<string, { where: Range; what: string }>();
      for (const d of disks) {
        if (d.bus !== 'scsi') continue;
        const address = firstChild(d.element, 'address');
        const parts = address ? (address.attributeValues.type === 'drive' ? driveAddress(address) : undefined) : parseDiskName(d.dev, false)?.index === 0 ? [0, 0, 0, 0] : undefined;
        if (parts && !taken.has(parts.join(':'))) taken.set(parts.join(':'), { where: address ? address.startTag : d.devAttr.valueRange, what: `SCSI disk ${excerpt(d.dev)}` });
      }
      let firstVfioAp: Range | undefined;
      for (const el of childrenNamed(devices, 'hostdev')) {
        // domain_conf.c virDomainHostdevDefParseXMLSubsys: the sgio and rawio attributes belong to SCSI host devices
        // (type='scsi') only, "sgio is only supported for scsi host device", "rawio is only supported for scsi host
        // device" (libvirt's tests hostdev-scsi-vhost-sgio-invalid, hostdev-scsi-vhost-rawio-invalid).
        const type = el.attributeValues.type;
        if ((el.attributeValues.mode ?? 'subsystem') === 'subsystem' && type !== undefined && type !== 'scsi') {
          for (const name of ['sgio', 'rawio']) {
            const a = attribute(el, name);
            if (a) report({ range: a.range, messageId: 'hostdevScsiOnlyAttribute', data: { name, value: excerpt(a.value), type: excerpt(type) } });
          }
        }
        // qemu_validate.c qemuValidateDomainDeviceDefHostdev, before it asks the QEMU binary: a vhost-scsi target
        // (type='scsi_host') with a <boot order>, "booting from assigned devices is not supported by vhost SCSI devices"
        // (libvirt's test hostdev-scsi-vhost-scsi-pci-boot-fail).
        if ((el.attributeValues.mode ?? 'subsystem') === 'subsystem' && el.attributeValues.type === 'scsi_host') {
          const boot = firstChild(el, 'boot');
          if (boot) report({ range: boot.startTag, messageId: 'vhostScsiBoot', data: {} });
        }
        // qemu_validate.c qemuValidateDomainMdevDefVFIOAP: "booting from assigned devices is not supported by mediated
        // devices of model vfio-ap" (libvirt's test hostdev-subsys-mdev-vfio-ap-boot-fail). It comes after the check that
        // the QEMU binary has vfio-ap, which refuses the device otherwise: refused either way.
        if ((el.attributeValues.mode ?? 'subsystem') === 'subsystem' && type === 'mdev' && el.attributeValues.model === 'vfio-ap') {
          const boot = firstChild(el, 'boot');
          if (boot) report({ range: boot.startTag, messageId: 'vfioApBoot', data: {} });
          // The same function, after the boot check: "Only one hostdev of model vfio-ap is supported".
          if (firstVfioAp === undefined) firstVfioAp = el.startTag;
          else report({ range: el.startTag, messageId: 'vfioApTwice', data: {}, related: [{ range: firstVfioAp, message: 'the first vfio-ap mediated device' }] });
        }
        if ((el.attributeValues.mode ?? 'subsystem') !== 'subsystem' || el.attributeValues.type !== 'scsi') continue;
        const address = firstChild(el, 'address');
        const parts = address?.attributeValues.type === 'drive' ? driveAddress(address) : undefined;
        if (!parts) continue;
        const key = parts.join(':');
        const first = taken.get(key);
        if (!first) {
          taken.set(key, { where: address!.startTag, what: 'another SCSI host device' });
          continue;
        }
        const [controller, bus, target, unit] = parts;
        report({
          range: address!.startTag,
          messageId: 'scsiHostdevAddress',
          data: { address: `${controller}:${bus}:${target}:${unit}`, other: first.what },
          related: [{ range: first.where, message: `${first.what} has this address` }],
        });
      }
    }

    if ((scan === undefined || scan.hostdev) && firstChild(devices, 'graphics') === undefined) {
      // qemu_validate.c qemuValidateDomainMdevDefVFIOPCI: "graphics device is needed for attribute value 'display=on' in
      // <hostdev>" (libvirt's test hostdev-mdev-display-missing-graphics, a parse error since the attribute came).
      for (const el of childrenNamed(devices, 'hostdev')) {
        const display = attribute(el, 'display');
        if (display?.value !== 'on' || (el.attributeValues.mode ?? 'subsystem') !== 'subsystem') continue;
        if (el.attributeValues.type === 'mdev' && el.attributeValues.model === 'vfio-pci') report({ range: display.valueRange, messageId: 'mdevDisplayNoGraphics', data: {} });
      }
    }

    if (scan === undefined || scan.hostdev) {
      // domain_validate.c virDomainDefHostdevValidate: "Only one vgpu device can have 'ramfb' enabled", counted over
      // mediated devices (<hostdev mode='subsystem' type='mdev'>) only (libvirt's test hostdev-mdev-display-ramfb-multiple).
      let first: Range | undefined;
      for (const el of childrenNamed(devices, 'hostdev')) {
        const ramfb = attribute(el, 'ramfb');
        if (ramfb?.value !== 'on' || (el.attributeValues.mode ?? 'subsystem') !== 'subsystem' || el.attributeValues.type !== 'mdev') continue;
        if (first === undefined) first = ramfb.range;
        else report({ range: ramfb.range, messageId: 'mdevRamfbTwice', data: {}, related: [{ range: first, message: "the first mediated device with ramfb='on'" }] });
      }
    }

    const portForwardChecked = scan === undefined || scan.portForward ? libvirtAtLeast(host?.model.libvirtVersion, PORT_FORWARD_SINCE) : false;
    if (portForwardChecked !== false) {
      // domain_validate.c virDomainNetDefValidate: a <portForward> on an interface that is not type='user' with the passt
      // backend, "The <portForward> element can only be used with the 'passt' backend of interface type='user'" (libvirt's
      // test net-user-slirp-portforward). Newer releases also take type='vhostuser' with passt: that pair is not reported.
      const version = portForwardChecked === true ? `${host!.model.libvirtVersion} ` : '';
      for (const el of childrenNamed(devices, 'interface')) {
        const forward = firstChild(el, 'portForward');
        if (!forward) continue;
        const type = el.attributeValues.type ?? '';
        const backend = firstChild(el, 'backend')?.attributeValues.type;
        if (backend === 'passt' && (type === 'user' || type === 'vhostuser')) continue;
        report({ range: forward.startTag, messageId: 'portForwardBackend', data: { type: excerpt(type), backend: backend === undefined ? 'default' : `'${excerpt(backend)}'`, version } });
      }
    }

    // domain_validate.c virDomainDefHostdevValidate → virDomainHostdevMatch: the same PCI or USB host device twice.
    const hostdevsChecked = libvirtAtLeast(host?.model.libvirtVersion, HOSTDEV_DUPLICATES_SINCE);
    const hostdevs = hostdevsChecked === false || (scan !== undefined && !scan.hostdev) ? [] : hostdevSources(devices);
    const version = hostdevsChecked === true ? `${host!.model.libvirtVersion} ` : '';
    for (let j = 1; j < hostdevs.length; j++) {
      const first = hostdevs.slice(0, j).find((a) => hostdevMatch(a, hostdevs[j]!));
      if (!first) continue;
      report({
        range: hostdevs[j]!.element.startTag,
        messageId: 'duplicateHostdev',
        data: { what: hostdevName(hostdevs[j]!), version },
        related: [{ range: first.element.startTag, message: `the same host device is first passed through here` }],
      });
    }

    if (scan === undefined || scan.pciMayRepeat) {
      // qemu_domain_address.c qemuDomainCollectPCIAddress → domain_addr.c virDomainPCIAddressReserveAddrInternal
      // ("Attempted double use of PCI Address"): two devices with the same PCI address written in the file. An address
      // of domain, bus and slot 0 is none (virPCIDeviceAddressIsEmpty); the PIIX3's IDE and USB controllers at 0:0:1.1
      // and 0:0:1.2 are not collected. <console> can repeat its serial port's device and is left out.
      const pciUsers = new Map<string, XmlElement>();
      for (const el of devices.children) {
        // util/virpci.c virPCIDeviceAddressParseXML → virPCIDeviceAddressIsValid: a host device's source address is
        // read as a guest device's is.
        const source = el.name === 'hostdev' || (el.name === 'interface' && el.attributeValues.type === 'hostdev') ? firstChild(firstChild(el, 'source'), 'address') : undefined;
        if (source && (source.attributeValues.type ?? 'pci') === 'pci') reportPciAddressRange(source, report);
        const address = firstChild(el, 'address');
        if (!address || attribute(address, 'type')?.value !== 'pci') continue;
        if (reportPciAddressRange(address, report) || el.name === 'console') continue;
        const ids = base0Attrs(address, ['domain', 'bus', 'slot', 'function']);
        if (!ids) continue;
        const [dom, bus, slot, fn] = ids as [number, number, number, number];
        if (dom === 0 && bus === 0 && slot === 0) continue;
        if (el.name === 'controller' && dom === 0 && bus === 0 && slot === 1 && attribute(el, 'index')?.value === '0') {
          const type = attribute(el, 'type')?.value ?? 'ide';
          const model = attribute(el, 'model')?.value;
          if ((type === 'ide' && fn === 1) || (type === 'usb' && (model === undefined || model === 'piix3-uhci') && fn === 2)) continue;
        }
        const hex = (v: number, w: number) => v.toString(16).padStart(w, '0');
        const key = `${hex(dom, 4)}:${hex(bus, 2)}:${hex(slot, 2)}.${fn.toString(16)}`;
        const first = pciUsers.get(key);
        if (!first) {
          pciUsers.set(key, el);
          continue;
        }
        report({
          range: address.startTag,
          messageId: 'pciAddressTwice',
          data: { address: key },
          related: [{ range: firstChild(first, 'address')!.startTag, message: `<${first.name}> has this address first` }],
        });
      }
    }

    if (scan === undefined || scan.controllerMayRepeat) {
      // domain_postparse.c virDomainDefRejectDuplicateControllers: "Multiple '…' controllers with index '…'" (USB excepted:
      // companion controllers share an index). Only explicit indexes: libvirt gives the others unused ones.
      const controllers = new Map<string, XmlAttribute>();
      for (const c of childrenNamed(devices, 'controller')) {
        const type = attribute(c, 'type')?.value ?? 'ide';
        const indexAttr = attribute(c, 'index');
        const index = indexAttr ? libvirtNonNegativeInt(indexAttr.value) : undefined;
        // domain_conf.c virDomainControllerDefParseXML reads index with virXMLPropInt(VIR_XML_PROP_NONNEGATIVE): "Invalid
        // value for attribute 'index' in element 'controller': '-1'. Expected non-negative value" (older releases:
        // "Cannot parse controller index -1"). libvirt's test pci-bridge-negative-index-invalid; the schema refuses it too.
        if (indexAttr && index === undefined) report({ range: indexAttr.valueRange, messageId: 'controllerIndex', data: { index: excerpt(indexAttr.value) } });
        if (type === 'usb' || index === undefined) continue;
        const key = `${type}|${index}`;
        const first = controllers.get(key);
        if (!first) {
          controllers.set(key, indexAttr!);
          continue;
        }
        report({
          range: indexAttr!.valueRange,
          messageId: 'duplicateController',
          data: { type: excerpt(type), index },
          related: [{ range: first.valueRange, message: `the first ${excerpt(type)} controller with index ${index}` }],
        });
      }
    }

    const os = scan === undefined || scan.rootModel !== undefined || scan.pciControllers || scan.controllerMayRepeat || scan.iommu ? domain.devices.osType() : undefined;
    const family = x86MachineFamily(os);
    const rootMismatch = scan?.rootModel !== undefined && family !== undefined && (family === 'q35') !== (scan.rootModel === 'pcie-root');
    if (scan === undefined || scan.pciControllers || scan.controllerMayRepeat || rootMismatch) {
      for (const c of childrenNamed(devices, 'controller')) {
        if ((c.attributeValues.type ?? 'ide') !== 'pci') continue;
        const model = attribute(c, 'model');
        const indexAttr = attribute(c, 'index');
        const index = indexAttr ? libvirtNonNegativeInt(indexAttr.value) : undefined;
        // domain_validate.c virDomainControllerDefValidate: "PCI controller index 256 too high, maximum is 255".
        if (index !== undefined && index > 255) report({ range: indexAttr!.valueRange, messageId: 'pciIndexHigh', data: { index } });
        // The same function on <target>'s numbers (read with virXMLPropInt, base 0: port='0x10' is 16): "PCI controller
        // chassisNr '0' out of range - must be 1-255", chassis and port 0-255, busNr 1-254. (Its "The PCI controller with
        // index=0 can't be associated with a NUMA node" is guest-numa-cell-invalid's.)
        const target = firstChild(c, 'target');
        if (target) {
          for (const [name, lo, hi] of PCI_TARGET_RANGES) {
            const attr = attribute(target, name);
            const v = attr ? cIntegerBase0(attr.value) : undefined;
            if (v !== undefined && (v < lo || v > hi)) {
              report({ range: attr!.valueRange, messageId: 'pciTargetRange', data: { model: excerpt(model?.value ?? 'pci'), attr: name, value: excerpt(attr!.value), range: `${lo}-${hi}` } });
            }
          }
        }
        if (model?.value === 'pci-root' && index !== undefined) {
          // domain_validate.c virDomainControllerDefValidate, on a <target index> (a pSeries PHB's): "PCI controller target
          // index '31' out of range - must be 0-30", "Only the PCI controller with index 0 can have target index 0, and
          // vice versa" (libvirt's test pseries-phb-invalid-target-index-1). Decimal values only.
          const targetElement = firstChild(c, 'target');
          const target = targetElement ? attribute(targetElement, 'index') : undefined;
          if (target && /^(?:0|[1-9][0-9]{0,8})$/.test(target.value)) {
            const t = Number(target.value);
            if (t > 30) report({ range: target.valueRange, messageId: 'phbTargetRange', data: { target: t } });
            else if ((index === 0) !== (t === 0)) report({ range: target.valueRange, messageId: 'phbTargetIndex', data: { target: t, index } });
          }
        }
        if (model?.value === 'pci-root' || model?.value === 'pcie-root') {
          // qemu_postparse.c qemuDomainControllerDefPostParse: "pci-root and pcie-root controllers should have index 0"
          // (pSeries guests excepted: they take several pci-root buses).
          if (index !== undefined && index !== 0 && isPSeries(domain.devices.osType()) === false) {
            report({ range: indexAttr!.valueRange, messageId: 'rootIndex', data: { model: model.value, index } });
          }
          // virDomainControllerDefValidate: "pci-root and pcie-root controllers should not have an address".
          const address = firstChild(c, 'address');
          if (address && (address.attributeValues.type ?? '') !== '') report({ range: address.startTag, messageId: 'rootAddress', data: { model: model.value } });
          // qemu_postparse.c qemuDomainDefAddDefaultDevices: "The PCI controller with index='0' must be model='pci-root'
          // for this machine type, but model='pcie-root' was found instead" (and the reverse for q35).
          const want = family === 'q35' ? 'pcie-root' : family === 'i440fx' ? 'pci-root' : undefined;
          if (index === 0 && want !== undefined && model.value !== want) {
            report({ range: model.valueRange, messageId: 'rootModel', data: { machine: excerpt(os!.machine!), want, model: model.value } });
          }
        }
        // qemuDomainControllerDefPostParse: an expander bus of the other machine family. A machine type this file does
        // not name plainly is left alone (libvirt compares the canonical name an alias stands for).
        if ((model?.value === 'pci-expander-bus' && family === 'q35') || (model?.value === 'pcie-expander-bus' && family === 'i440fx')) {
          const fix = model.value === 'pci-expander-bus' ? "on q35 use model='pcie-expander-bus' (pci-expander-bus is for i440fx, 'pc')" : "on i440fx ('pc') use model='pci-expander-bus' (pcie-expander-bus is for q35)";
          report({ range: model.valueRange, messageId: 'expanderMachine', data: { model: model.value, family, machine: excerpt(os!.machine!), fix } });
        } else if (model?.value === 'pci-expander-bus' || model?.value === 'pcie-expander-bus') {
          // domain_addr.c virDomainPCIAddressBusSetModel: of all buses only pci-root accepts a pci-expander-bus and only
          // pcie-root a pcie-expander-bus, and a root bus is index 0 on every machine that takes expander buses
          // (pSeries, with several, takes none). A written address on another bus fails in
          // virDomainPCIAddressFlagsCompatible: "The device at PCI address … cannot be plugged into the PCI controller
          // with index='1'. It requires a controller that accepts a pci-expander-bus." (libvirt's tests
          // pci-expander-bus-bad-bus, pcie-expander-bus-bad-bus). Domain 0 only; a bus out of range is reported above.
          const address = firstChild(c, 'address');
          const ids = address?.attributeValues.type === 'pci' ? base0Attrs(address, ['domain', 'bus']) : undefined;
          if (ids && ids[0] === 0 && ids[1]! > 0 && ids[1]! <= 0xff) {
            const root = model.value === 'pci-expander-bus' ? 'pci-root' : 'pcie-root';
            report({ range: attribute(address!, 'bus')!.valueRange, messageId: 'expanderBus', data: { model: model.value, bus: ids[1]!, root } });
          }
        }
      }
    }

    if (scan === undefined || scan.usb || scan.controllerMayRepeat) {
      const usbControllers = childrenNamed(devices, 'controller').filter((c) => c.attributeValues.type === 'usb');
      for (const c of usbControllers) {
        // qemu_postparse.c qemuDomainControllerDefPostParse: "'qemu-xhci' controller only supports up to '15' ports".
        const model = c.attributeValues.model;
        const ports = attribute(c, 'ports');
        const count = ports ? libvirtUint(ports.value) : undefined;
        if ((model === 'qemu-xhci' || model === 'nec-xhci') && count !== undefined && count > XHCI_MAX_PORTS) {
          report({ range: ports!.valueRange, messageId: 'xhciPorts', data: { model, ports: count } });
        }
      }
      if (usbControllers.some((c) => c.attributeValues.model === 'none')) {
        // domain_conf.c virDomainDefParseXML: with a model='none' USB controller, "Can't add another USB controller: USB
        // is disabled for this domain", "Can't add USB input device. USB bus is disabled", "Can't add USB hub: USB is
        // disabled for this domain"; domain_validate.c: "cannot add redirected USB device: USB is disabled for this
        // domain" and, for any other device with a USB address, "USB is disabled for this domain, but USB devices are
        // present in the domain XML".
        for (const c of usbControllers.slice(1)) report({ range: c.startTag, messageId: 'usbDisabled', data: { what: 'a second USB controller'} });
        for (const el of devices.children) {
          let what: string | undefined;
          if (el.name === 'input' && el.attributeValues.bus === 'usb') what = 'a USB input device';
          else if (el.name === 'hub' && el.attributeValues.type === 'usb') what = 'a USB hub';
          else if (el.name === 'redirdev' && el.attributeValues.bus === 'usb') what = 'a redirected USB device';
          else if (el.name !== 'controller' && firstChild(el, 'address')?.attributeValues.type === 'usb') what = `a <${el.name}> with a USB address`;
          if (what) report({ range: el.startTag, messageId: 'usbDisabled', data: { what} });
        }
      }
    }

    if ((scan === undefined || scan.spaprVio) && isPSeries(domain.devices.osType()) !== false) {
      // qemu_domain_address.c qemuDomainAssignSpaprVIOAddress (at define, qemuDomainAssignAddresses): a reg written on a
      // network interface, controller, serial port, NVRAM or TPM that another device's written reg equals, "spapr-vio
      // address 0x4000 already in use" (libvirt's test pseries-vio-address-clash; regs read in base 16). A <console> is
      // left out: the first one repeats the first serial port's address.
      const seen = new Map<string, XmlAttribute>();
      for (const el of devices.children) {
        if (!SPAPR_VIO_DEVICES.has(el.name)) continue;
        const address = firstChild(el, 'address');
        const reg = address?.attributeValues.type === 'spapr-vio' ? attribute(address, 'reg') : undefined;
        const m = reg ? /^[ \t\n\v\f\r]*\+?(?:0[xX])?([0-9a-fA-F]{1,16})$/.exec(reg.value) : null;
        if (!m) continue;
        const value = m[1]!.toLowerCase().replace(/^0+(?=.)/, '');
        const first = seen.get(value);
        if (!first) {
          seen.set(value, reg!);
          continue;
        }
        report({ range: reg!.valueRange, messageId: 'spaprVioTwice', data: { reg: excerpt(reg!.value) }, related: [{ range: first.valueRange, message: 'the first device with this reg' }] });
      }
    }

    if (scan === undefined || scan.zpci) {
      // qemu_validate.c qemuValidateDomainDeviceDefZPCIAddress: a <zpci> uid or fid where QEMU has no zPCI device ("This
      // QEMU binary doesn't support zPCI"); only qemu-system-s390x has one. On s390x, domain_addr.c
      // virDomainZPCIAddressReserveId refuses a uid or fid two devices write ("zPCI uid 11064 is already reserved",
      // the value in octal). libvirt's tests hostdev-vfio-zpci-wrong-arch, hostdev-vfio-zpci-duplicate.
      const arch = domain.devices.osType()?.arch;
      const wrongArch = arch !== undefined && arch !== 's390x' && arch !== 's390';
      const seen = new Map<string, XmlAttribute>();
      for (const el of devices.children) {
        const address = firstChild(el, 'address');
        const zpci = address?.attributeValues.type === 'pci' ? firstChild(address, 'zpci') : undefined;
        if (!zpci) continue;
        const ids = ['uid', 'fid'].map((n) => attribute(zpci, n)).filter((a): a is XmlAttribute => a !== undefined);
        if (ids.length === 0) continue;
        if (wrongArch) {
          report({ range: zpci.startTag, messageId: 'zpciArch', data: { arch: excerpt(arch) } });
          continue;
        }
        // One finding per device: libvirt stops at the first value already reserved (the uid before the fid).
        let reported = false;
        for (const attr of ids) {
          const value = libvirtUintBase0(attr.value);
          if (value === undefined) continue;
          const key = `${attr.name}|${value}`;
          const first = seen.get(key);
          if (!first) {
            seen.set(key, attr);
            continue;
          }
          if (reported) continue;
          reported = true;
          report({ range: attr.valueRange, messageId: 'zpciTwice', data: { name: attr.name, value: excerpt(attr.value) }, related: [{ range: first.valueRange, message: `the first device with this ${attr.name}` }] });
        }
      }
    }

    if (scan === undefined || scan.usbAddress) {
      // domain_conf.c virDomainDeviceUSBAddressParsePort: a port path of more than VIR_DOMAIN_DEVICE_USB_MAX_PORT_DEPTH
      // (4) numbers, or one that does not parse, "Cannot parse <address> 'port' attribute" (libvirt's test
      // usb-too-long-port-path-invalid).
      for (const el of devices.children) {
        const address = firstChild(el, 'address');
        const port = address?.attributeValues.type === 'usb' ? attribute(address, 'port') : undefined;
        if (port && !usbPortParses(port.value)) report({ range: port.valueRange, messageId: 'usbPortPath', data: { port: excerpt(port.value) } });
      }
      // domain_addr.c, from qemu_domain_address.c qemuDomainAssignUSBAddresses (at define, which asks for new addresses):
      // a hub with a written port takes it in its parent's port map (virDomainUSBAddressSetAddHub, "Duplicate USB hub
      // on bus 0 port 1"), then each USB device's written port is reserved (virDomainUSBAddressReserve, "Duplicate USB
      // address bus 0 port 1"). Only the devices virDomainUSBDeviceDefForeach visits for certain are read (not USB
      // sound, which the stored sources did not show it visiting: a miss, not a false error), and only
      // ports written plainly (decimal, no 0); whichever way the topology is wrong, a port held twice is refused.
      const held = new Map<string, XmlElement>();
      const plain: Array<{ address: XmlElement; bus: number; port: string }> = [];
      for (const el of devices.children) {
        const a = el.attributeValues;
        const usbDevice =
          (el.name === 'hub' && a.type === 'usb') ||
          ((el.name === 'input' || el.name === 'redirdev') && a.bus === 'usb') ||
          (el.name === 'hostdev' && (a.mode ?? 'subsystem') === 'subsystem' && a.type === 'usb') ||
          (el.name === 'disk' && firstChild(el, 'target')?.attributeValues.bus === 'usb');
        if (!usbDevice) continue;
        const address = firstChild(el, 'address');
        if (address?.attributeValues.type !== 'usb') continue;
        const bus = address.attributeValues.bus;
        const port = address.attributeValues.port;
        if (bus === undefined || port === undefined || !PLAIN_USB_BUS.test(bus) || !PLAIN_USB_PORT.test(port)) continue;
        const key = `${Number(bus)}|${port}`;
        plain.push({ address, bus: Number(bus), port });
        const first = held.get(key);
        if (!first) {
          held.set(key, el);
          continue;
        }
        report({
          range: attribute(address, 'port')!.valueRange,
          messageId: 'usbPortTwice',
          data: { bus: Number(bus), port },
          related: [{ range: firstChild(first, 'address')!.startTag, message: `<${first.name}> takes this port first` }],
        });
      }
      // virDomainUSBAddressFindPort walks the port path from the controller through hubs: "port 9 out of range in USB
      // address bus: 0 port: 1.9" (a hub has 8 ports), "there is no hub at port 1 in USB address bus: 0 port: 1.2.3",
      // "requested USB port 4 not present on USB bus 0". The hubs are those written with a port (the hubs libvirt
      // adds itself take free ports later); a controller's count is known only from a model written on it.
      const hubs = new Set<string>();
      let hubsKnown = true;
      for (const hub of childrenNamed(devices, 'hub')) {
        const address = firstChild(hub, 'address');
        if (hub.attributeValues.type !== 'usb' || address?.attributeValues.type !== 'usb') continue;
        const { bus, port } = address.attributeValues;
        // A hub's port written otherwise than plainly (hex, leading zeros) may be any port: no hub is said missing.
        if (bus === undefined || port === undefined || !PLAIN_USB_BUS.test(bus) || !PLAIN_USB_PORT.test(port)) hubsKnown = false;
        else hubs.add(`${Number(bus)}|${port}`);
      }
      const controllerPorts = new Map<number, { ports: number; model: string } | null>();
      for (const c of childrenNamed(devices, 'controller')) {
        if (c.attributeValues.type !== 'usb') continue;
        const index = c.attributeValues.index === undefined ? undefined : libvirtNonNegativeInt(c.attributeValues.index);
        if (index === undefined) continue;
        const model = c.attributeValues.model;
        const ports = c.attributeValues.ports;
        const count = model === undefined || !Object.hasOwn(USB_MODEL_PORTS, model) ? undefined : ports !== undefined && /xhci|qusb/.test(model) ? libvirtUint(ports) : USB_MODEL_PORTS[model];
        // An unknown, default or companion model, or two controllers at one index: left alone.
        if (model !== undefined && /^ich9-uhci[123]$/.test(model)) continue;
        controllerPorts.set(index, count === undefined || count === 0 || controllerPorts.has(index) ? null : { ports: count, model: model! });
      }
      for (const { address, bus, port } of plain) {
        const parts = port.split('.').map(Number);
        const portAttr = attribute(address, 'port')!;
        const beyond = parts.findIndex((n, i) => i > 0 && n > USB_HUB_PORTS);
        const missing = !hubsKnown ? -1 : parts.findIndex((_, i) => i > 0 && i < (beyond < 0 ? parts.length : beyond + 1) && !hubs.has(`${bus}|${parts.slice(0, i).join('.')}`));
        if (missing > 0) {
          report({ range: portAttr.valueRange, messageId: 'usbNoHub', data: { port, prefix: parts.slice(0, missing).join('.'), bus } });
        } else if (beyond > 0) {
          report({ range: portAttr.valueRange, messageId: 'usbHubPort', data: { port, number: parts[beyond]! } });
        } else {
          const controller = controllerPorts.get(bus);
          if (controller && parts[0]! > controller.ports) report({ range: portAttr.valueRange, messageId: 'usbControllerPort', data: { port, ports: controller.ports, model: controller.model, bus } });
        }
      }
    }

    const osNow = domain.devices.osType();
    if (osNow?.machine === 'isapc' && isX86Arch(osNow.arch)) {
      // The ISA-only PC has no PCI bus, and every USB controller model of an x86 guest is a PCI device. Current releases
      // say "USB controller model 'piix3-uhci' requires PCI but machine type 'isapc' does not support PCI"; earlier ones
      // failed to give it an address (domain_addr.c virDomainPCIAddressValidate, "No PCI buses available"). libvirt's
      // test usb-controller-default-isapc, a parse error with either message.
      for (const c of childrenNamed(devices, 'controller')) {
        if (c.attributeValues.type !== 'usb' || c.attributeValues.model === 'none') continue;
        report({ range: c.startTag, messageId: 'usbIsapc', data: {} });
      }
    }

    if (scan === undefined || scan.iommu) {
      // domain_addr.c virDomainPCIAddressFlagsCompatible: a virtio IOMMU is an integrated device
      // (qemuDomainDeviceCalculatePCIConnectFlags gives it VIR_PCI_CONNECT_INTEGRATED), so a written PCI address on a
      // bus other than 0 is refused, "The device at PCI address 0000:01:00.0 needs to be an integrated device (bus=0)"
      // (libvirt's test virtio-iommu-invalid-address).
      for (const iommu of childrenNamed(devices, 'iommu')) {
        if (iommu.attributeValues.model !== 'virtio') continue;
        const address = firstChild(iommu, 'address');
        const bus = address?.attributeValues.type === 'pci' ? attribute(address, 'bus') : undefined;
        const value = bus ? libvirtUintBase0(bus.value) : undefined;
        if (value !== undefined && value !== 0) report({ range: bus!.valueRange, messageId: 'virtioIommuBus', data: { bus: excerpt(bus!.value) } });
      }
    }

    if (family === 'i440fx' && (scan === undefined || scan.iommu)) {
      // qemu_validate.c qemuValidateDomainDeviceDefIOMMU, before it asks the QEMU binary anything: "IOMMU device:
      // 'intel' is only supported with Q35 machines".
      for (const iommu of childrenNamed(devices, 'iommu')) {
        const model = attribute(iommu, 'model');
        if (model?.value === 'intel') report({ range: model.valueRange, messageId: 'intelIommuMachine', data: { machine: excerpt(os!.machine!) } });
      }
    }

    if (scan === undefined || scan.video) {
      const videos = childrenNamed(devices, 'video');
      // The primary video: the one with primary='yes', else the first (the parser puts a primary one first).
      const primaryVideo = videos.find((v) => firstChild(v, 'model')?.attributeValues.primary === 'yes') ?? videos[0];
      let primary = false;
      for (const video of videos) {
        const model = firstChild(video, 'model');
        const type = model ? attribute(model, 'type') : undefined;
        // domain_validate.c virDomainDefVideoValidate: "Only one primary video device is supported".
        const primaryAttr = model ? attribute(model, 'primary') : undefined;
        if (primaryAttr?.value === 'yes') {
          if (primary) report({ range: primaryAttr.valueRange, messageId: 'videoPrimary', data: {} });
          primary = true;
        }
        // virDomainVideoDefValidate: "a 'none' video type must be the only video device defined for the domain".
        if (type?.value === 'none' && videos.length > 1) report({ range: type.valueRange, messageId: 'videoNone', data: {} });
        // virDomainVideoDefValidate: "address not supported for video type ramfb".
        const address = firstChild(video, 'address');
        if (type?.value === 'ramfb' && address && (address.attributeValues.type ?? '') !== '') report({ range: address.startTag, messageId: 'ramfbAddress', data: {} });
        if (model && type) checkVideoModel(video, model, type, video === primaryVideo, report);
      }
    }

    if (scan === undefined || scan.netQueue) {
      // qemu_validate.c qemuValidateDomainDeviceDefNetwork: on a virtio model (virDomainNetIsVirtioModel), "rx_queue_size
      // has to be a power of two", and the same for tx_queue_size (0 is unset). The driver is the interface's first.
      for (const net of childrenNamed(devices, 'interface')) {
        const model = firstChild(net, 'model')?.attributeValues.type;
        if (model !== 'virtio' && model !== 'virtio-transitional' && model !== 'virtio-non-transitional') continue;
        const driver = firstChild(net, 'driver');
        // domain_conf.c virDomainNetDefParseXML reads a virtio interface's queue count with virXMLPropUInt: "Invalid value
        // for attribute 'queues' in element 'driver': '-5'. Expected non-negative integer value" (libvirt's test
        // vhost_queues-invalid). Older releases said "'queues' attribute must be positive number".
        const queues = driver ? attribute(driver, 'queues') : undefined;
        if (queues && libvirtUint(queues.value) === undefined) report({ range: queues.valueRange, messageId: 'netQueues', data: { value: excerpt(queues.value) } });
        for (const name of ['rx_queue_size', 'tx_queue_size']) {
          const attr = driver ? attribute(driver, name) : undefined;
          const value = attr ? libvirtUint(attr.value) : undefined;
          if (value === undefined || value === 0 || (value & (value - 1)) === 0) continue;
          report({ range: attr!.valueRange, messageId: 'netQueueSize', data: { name, value, model, suggestion: 2 ** Math.round(Math.log2(value)) } });
        }
      }
    }

    if (scan === undefined || scan.filesystem) {
      // qemu_validate.c qemuValidateDomainDeviceDefFS: a virtiofs filesystem with <readonly/>. Before libvirt could start
      // virtiofsd read-only itself every read-only virtiofs was refused ("virtiofs does not support read-only access");
      // since, one libvirt does not start (<source socket>) still is ("readonly mode cannot be set for externally
      // started virtiofsd"). Only the second holds on every version.
      for (const fs of childrenNamed(devices, 'filesystem')) {
        if (firstChild(fs, 'driver')?.attributeValues.type !== 'virtiofs') continue;
        const readonly = firstChild(fs, 'readonly');
        const socket = firstChild(fs, 'source')?.attributeValues.socket;
        if (readonly && socket !== undefined) report({ range: readonly.startTag, messageId: 'virtiofsReadonlySocket', data: {} });
      }
    }

    if (scan === undefined || scan.panic) {
      // qemu_validate.c qemuValidateDomainDefPanic: the 'pseries', 'hyperv' and 's390' panic devices are no bus devices,
      // "setting the panic device address is not supported for model 'pseries'". A panic without a model is given
      // 'pseries' on a pSeries machine (libvirt's test pseries-panic-address); elsewhere its default is left alone.
      const pseries = isPSeries(domain.devices.osType());
      for (const panic of childrenNamed(devices, 'panic')) {
        const written = panic.attributeValues.model;
        const model = written ?? (pseries === true ? 'pseries' : undefined);
        if (model !== 'pseries' && model !== 'hyperv' && model !== 's390') continue;
        const address = firstChild(panic, 'address');
        if (!address || (address.attributeValues.type ?? '') === '') continue;
        report({ range: address.startTag, messageId: 'panicAddress', data: { what: written === undefined ? "'pseries' (pSeries' default)" : `'${model}'` } });
      }
    }

    if (scan === undefined || scan.eglHeadless) {
      // qemu_validate.c qemuValidateDomainDeviceDefGraphics: with egl-headless graphics, a spice display with OpenGL
      // ("multiple OpenGL displays are not supported by QEMU": '-spice gl=on' and '-display egl-headless' exclude each
      // other). The check before it asks the QEMU binary for the graphics type, and refuses rather than accepts.
      const graphics = childrenNamed(devices, 'graphics');
      const egl = graphics.find((g) => g.attributeValues.type === 'egl-headless');
      for (const g of egl ? graphics : []) {
        // The check before it: "graphics type 'egl-headless' is only supported with one of: 'vnc', 'spice' graphics
        // types" (libvirt's test graphics-sdl-egl-headless). Only the types no release pairs with it are reported: SDL,
        // and desktop (which QEMU never takes); RDP and D-Bus displays came to QEMU guests later and are left alone.
        const type = attribute(g, 'type');
        if (type?.value === 'sdl' || type?.value === 'desktop') {
          report({ range: type.valueRange, messageId: 'eglHeadlessPair', data: { type: type.value }, related: [{ range: egl!.startTag, message: 'the egl-headless display' }] });
        }
        if (g.attributeValues.type !== 'spice') continue;
        const gl = firstChild(g, 'gl');
        const enable = gl ? attribute(gl, 'enable') : undefined;
        if (enable?.value === 'yes') report({ range: enable.valueRange, messageId: 'spiceGlEglHeadless', data: {}, related: [{ range: egl!.startTag, message: 'the egl-headless display' }] });
      }
    }

    if (scan === undefined || scan.shmem) {
      // domain_conf.c virDomainShmemDefParseXML: an <msi> without a <server>, "msi option is only supported with a
      // server" (libvirt's test shmem-msi-only): interrupts come from the ivshmem server.
      for (const shmem of childrenNamed(devices, 'shmem')) {
        const msi = firstChild(shmem, 'msi');
        if (msi && !firstChild(shmem, 'server')) report({ range: msi.startTag, messageId: 'shmemMsi', data: {} });
      }
    }

    if (scan === undefined || scan.tpm) {
      // qemu_validate.c qemuValidateDomainDefTPMs: "only a single TPM non-proxy device is supported", "only a single TPM
      // Proxy device is supported". Releases before the TPM proxy refused any second <tpm>; a proxy beside a regular
      // TPM, accepted since, is not reported. A TPM without a model gets a regular one.
      const firstOfKind = new Map<string, XmlElement>();
      for (const tpm of childrenNamed(devices, 'tpm')) {
        // domain_conf.c virDomainTPMDefParseXML: "missing TPM device backend", "only one TPM backend is supported".
        const backends = childrenNamed(tpm, 'backend');
        if (backends.length === 0) report({ range: tpm.startTag, messageId: 'tpmBackend', data: { what: 'a <tpm> without a <backend>', libvirt: 'missing TPM device backend' } });
        for (const extra of backends.slice(1)) {
          report({ range: extra.startTag, messageId: 'tpmBackend', data: { what: 'a second <backend> in one <tpm>', libvirt: 'only one TPM backend is supported' }, related: [{ range: backends[0]!.startTag, message: 'the first backend' }] });
        }
        const kind = tpm.attributeValues.model === 'spapr-tpm-proxy' ? 'proxy' : 'non-proxy';
        const first = firstOfKind.get(kind);
        if (!first) {
          firstOfKind.set(kind, tpm);
          continue;
        }
        report({ range: tpm.startTag, messageId: 'tpmTwice', data: { kind }, related: [{ range: first.startTag, message: `the first ${kind} TPM` }] });
      }
      // qemu_validate.c qemuValidateDomainDeviceDefTPM: an emulated TPM 1.2 on an ARM 'virt' machine. Older releases say
      // "TPM 1.2 is not supported on ARM" (any model); current ones "TPM 1.2 is not supported on architecture 'aarch64'"
      // (they refuse TPM 1.2 on every arch but x86 and every model but tpm-tis). Only the ARM 'virt' case is refused by
      // both; the backend's version is read for type='emulator' only.
      const os = domain.devices.osType();
      if (isArmVirt(os?.arch, os?.machine) === true) {
        for (const tpm of childrenNamed(devices, 'tpm')) {
          const backend = firstChild(tpm, 'backend');
          const version = backend?.attributeValues.type === 'emulator' ? attribute(backend, 'version') : undefined;
          if (version?.value === '1.2') report({ range: version.valueRange, messageId: 'tpm12ArmVirt', data: { machine: excerpt(os!.machine!) } });
        }
      }
    }

    if (scan === undefined || scan.userAlias) {
      // domain_validate.c virDomainDefValidateAliases: a user alias (one that starts with 'ua-',
      // virDomainDeviceAliasIsUserAlias) on two devices, "non unique alias detected: ua-disk0". A <console> is left out:
      // the first one repeats its serial port's alias by design (the check's own exception).
      const seen = new Map<string, XmlElement>();
      for (const el of devices.children) {
        if (el.name === 'console') continue;
        const alias = firstChild(el, 'alias');
        const name = alias ? attribute(alias, 'name') : undefined;
        if (!name || !name.value.startsWith('ua-')) continue;
        const first = seen.get(name.value);
        if (!first) seen.set(name.value, alias!);
        else report({ range: name.valueRange, messageId: 'aliasTwice', data: { alias: excerpt(name.value) }, related: [{ range: first.startTag, message: 'the first device with this alias' }] });
      }
    }

    if (scan === undefined || scan.graphicsListen) {
      // domain_conf.c virDomainGraphicsListensParseXML: the old listen (or socket) attribute of a vnc, spice or rdp
      // <graphics> must equal the address (or socket) of its first <listen> when that one is of the same kind: "graphics
      // 'listen' attribute '1.2.3.4' must match 'address' attribute of first listen element (found '5.6.7.8')" (libvirt's
      // tests graphics-listen-back-compat-mismatch, graphics-vnc-socket-attr-listen-socket-mismatch). A first <listen>
      // without an address takes the attribute's.
      for (const graphics of childrenNamed(devices, 'graphics')) {
        const type = graphics.attributeValues.type;
        if (type !== 'vnc' && type !== 'spice' && type !== 'rdp') continue;
        const first = firstChild(graphics, 'listen');
        if (!first) continue;
        for (const [attr, listenType, field] of [['listen', 'address', 'address'], ['socket', 'socket', 'socket']] as const) {
          const outer = attribute(graphics, attr);
          const inner = first.attributeValues.type === listenType ? attribute(first, field) : undefined;
          if (outer && inner && outer.value !== inner.value) {
            report({ range: outer.valueRange, messageId: 'graphicsListenMismatch', data: { attr, value: excerpt(outer.value), field, first: excerpt(inner.value) }, related: [{ range: inner.valueRange, message: 'the first <listen>' }] });
          }
        }
      }
    }

    if (scan === undefined || scan.vsock) {
      // domain_validate.c virDomainVsockDefValidate: "guest CIDs must be >= 3" (0 is none: libvirt picks one with auto='yes').
      for (const vsock of childrenNamed(devices, 'vsock')) {
        const cid = firstChild(vsock, 'cid');
        const address = cid ? attribute(cid, 'address') : undefined;
        const value = address ? libvirtUint(address.value) : undefined;
        if (value === 1 || value === 2) report({ range: address!.valueRange, messageId: 'vsockCid', data: { cid: value } });
      }
    }

    const chardevs = chardevScan(devices);
    if (chardevs.reconnect) checkChardevReconnect(devices, report);
    if (chardevs.pathMayBeMissing) checkChardevPath(devices, report);
  },
});

/** Character devices whose source qemuValidateDomainChrDef checks, and the other users of a chardev source. */
const CHARDEV_ELEMENTS: ReadonlySet<string> = new Set(['serial', 'parallel', 'console', 'channel', 'smartcard', 'redirdev']);

/**
 * qemu_validate.c qemuValidateDomainChrSourceReconnectDef (through qemuValidateDomainChrSourceDef, for tcp and unix
 * sources of character devices, smartcard passthrough, redirected devices and egd RNG backends): "chardev reconnect
 * source timeout cannot be '0'". The timeout is read as an unsigned decimal number, so '00' and '+0' are zero too; a
 * timeout that does not parse is a parse error of its own.
 */
function checkChardevReconnect(devices: XmlElement, report: Report): void {
  for (const dev of devices.children) {
    let holder: XmlElement | undefined;
    if (CHARDEV_ELEMENTS.has(dev.name)) holder = dev;
    else if (dev.name === 'rng') {
      const backend = firstChild(dev, 'backend');
      if (backend?.attributeValues.model === 'egd') holder = backend;
    }
    const type = holder?.attributeValues.type;
    if (type !== 'tcp' && type !== 'unix') continue;
    const sources = childrenNamed(holder!, 'source');
    for (const source of sources) {
      const reconnect = firstChild(source, 'reconnect');
      if (!reconnect || reconnect.attributeValues.enabled !== 'yes') continue;
      const timeout = attribute(reconnect, 'timeout');
      if (timeout && /^\s*\+?0+$/.test(timeout.value)) report({ range: timeout.valueRange, messageId: 'chardevReconnectZero', data: { source: type } });
      // domain_conf.c virDomainChrSourceReconnectDefParseXML: enabled='yes' needs a timeout, "missing timeout for chardev
      // with reconnect enabled" (libvirt's test chardev-reconnect-missing-timeout).
      if (!timeout) report({ range: reconnect.startTag, messageId: 'chardevReconnectNoTimeout', data: { source: type } });
      // domain_validate.c virDomainChrSourceDefValidate (the chardev parser before libvirt 7.x): reconnecting is for a
      // client, "chardev reconnect is possible only for connect mode". Read on a holder with one <source> only (with
      // several, which one libvirt keeps depends on the type).
      const mode = attribute(source, 'mode');
      if (sources.length === 1 && mode?.value === 'bind') report({ range: reconnect.startTag, messageId: 'chardevReconnectListen', data: { source: type }, related: [{ range: mode.range, message: 'the source listens' }] });
    }
  }
}

/**
 * domain_validate.c virDomainChrSourceDefValidate: a tcp chardev without a host or a service ("Missing source host
 * attribute for char device", "Missing source service attribute for char device"; libvirt's tests
 * chardev-tcp-missing-host, chardev-tcp-missing-service), a udp one without a connecting source's service (a <source>
 * without mode='bind'; libvirt's test chardev-udp-missing-connect-service). A tcp holder with several sources is left
 * alone (which one libvirt reads was not confirmed).
 */
function checkSocketChardev(element: string, holder: XmlElement, typeAttr: XmlAttribute, report: Report): void {
  const sources = childrenNamed(holder, 'source');
  if (typeAttr.value === 'tcp') {
    if (sources.length !== 1) return;
    for (const name of ['host', 'service']) {
      if (attribute(sources[0]!, name) === undefined) report({ range: sources[0]!.startTag, messageId: 'chardevSocketMissing', data: { type: 'tcp', element, name } });
    }
    return;
  }
  const connect = sources.some((source) => source.attributeValues.mode !== 'bind' && attribute(source, 'service') !== undefined);
  if (!connect) report({ range: typeAttr.valueRange, messageId: 'chardevSocketMissing', data: { type: 'udp', element, name: 'connecting service' } });
}

/** The devices whose chardev source virDomainChrSourceDefValidate checks (consoles are left out: see checkChardevPath). */
const PATH_CHARDEV_ELEMENTS = ['serial', 'parallel', 'channel', 'redirdev', 'smartcard', 'rng'];
/** Their tag-table keys (no two of these names share one). */
const PATH_CHARDEV_KEYS = PATH_CHARDEV_ELEMENTS.map(tagNameKey);
const SOURCE_KEY = tagNameKey('source');
const RECONNECT_KEY = tagNameKey('reconnect');
/** The chardev types that need a path, and what the path names. */
const PATH_CHARDEV_TYPES: ReadonlyMap<string, string> = new Map([
  ['unix', 'socket path'],
  ['file', 'file path'],
  ['dev', 'host device path'],
  ['pipe', 'pipe path'],
]);

/**
 * Whether checkChardevReconnect and checkChardevPath may find something, from the tag table without building <devices>' children (building
 * them for every guest was ~10 µs a guest on the bench's fleet, whose every guest has virt-manager's pty serial and
 * console and a unix guest-agent channel). Certain only for start tags as libvirt writes them (`<serial type='pty'>`,
 * the type first, single-quoted): a holder of another form, an <rng> or <smartcard>, a path type whose <source> shows
 * no path, or an entity or character reference sends the devices to the walk, which decides.
 */
function chardevScan(devices: XmlElement): { reconnect: boolean; pathMayBeMissing: boolean } {
  const tags = descendantTags(devices);
  if (tags === undefined || tags.depth + 2 >= TAG_DEEP) return { reconnect: true, pathMayBeMissing: true };
  const { text, start, end } = devices.contentSpan();
  if (mayHaveReferences(devices)) {
    const amp = text.indexOf('&', start);
    if (amp >= 0 && amp < end) return { reconnect: true, pathMayBeMissing: true };
  }
  const { table, from, to } = tags;
  const childDepth = tags.depth + 1;
  // One pass over <devices>' tags: a <reconnect> anywhere, and each chardev holder among its children.
  const scan = { reconnect: false, pathMayBeMissing: false };
  for (let k = from; k < to; k += 2) {
    const info = table[k + 1]!;
    if (info >>> TAG_DEPTH_BITS === RECONNECT_KEY && tagIs(text, table[k]!, 'reconnect')) scan.reconnect = true;
    if ((info & TAG_DEEP) !== childDepth || scan.pathMayBeMissing) continue;
    const at = table[k]!;
    // tagIs compares the letters between the first and the last: the key (length, first, last letter) first.
    const i = PATH_CHARDEV_KEYS.indexOf(info >>> TAG_DEPTH_BITS);
    const name = i >= 0 && tagIs(text, at, PATH_CHARDEV_ELEMENTS[i]!) ? PATH_CHARDEV_ELEMENTS[i] : undefined;
    if (name === undefined) continue;
    if (name === 'smartcard') {
      scan.pathMayBeMissing = true;
      continue;
    }
    if (name === 'rng') {
      // Only an egd backend has a chardev: virt-manager's <backend model='random'> settles it.
      const backend = k + 2 < to && (table[k + 3]! & TAG_DEEP) === childDepth + 1 ? table[k + 2]! : -1;
      if (!(backend >= 0 && (text.startsWith("<backend model='random'", backend) || text.startsWith("<backend model='builtin'", backend)))) scan.pathMayBeMissing = true;
      continue;
    }
    const prefix = `<${name} type='`;
    if (!text.startsWith(prefix, at)) {
      scan.pathMayBeMissing = true;
      continue;
    }
    const typeEnd = text.indexOf("'", at + prefix.length);
    const type = text.slice(at + prefix.length, typeEnd);
    if (type === 'tcp' || type === 'udp') {
      // A tcp holder settled by one <source> naming host and service; a udp one by a connecting <source> naming a service.
      let sources = 0;
      let settled = false;
      for (let c = k + 2; c < to && (table[c + 1]! & TAG_DEEP) > childDepth; c += 2) {
        if ((table[c + 1]! & TAG_DEEP) !== childDepth + 1 || table[c + 1]! >>> TAG_DEPTH_BITS !== SOURCE_KEY || !tagIs(text, table[c]!, 'source')) continue;
        const tag = text.slice(table[c]!, text.indexOf('>', table[c]!));
        sources++;
        if (type === 'tcp' ? tag.includes(' host=') && tag.includes(' service=') : !tag.includes('bind') && tag.includes(' service=')) settled = true;
      }
      if (!settled || (type === 'tcp' && sources !== 1)) scan.pathMayBeMissing = true;
      continue;
    }
    if (!PATH_CHARDEV_TYPES.has(type)) continue;
    // The holder's own children, up to the next child of <devices>: a <source> with a path, or (a unix channel) a
    // virtio or xen <target>, settles it.
    let settled = false;
    for (let c = k + 2; c < to && (table[c + 1]! & TAG_DEEP) > childDepth; c += 2) {
      if ((table[c + 1]! & TAG_DEEP) !== childDepth + 1) continue;
      const child = table[c]!;
      if (table[c + 1]! >>> TAG_DEPTH_BITS === SOURCE_KEY && tagIs(text, child, 'source') && text.slice(child, text.indexOf('>', child)).includes(' path=')) settled = true;
      else if (name === 'channel' && type === 'unix' && (text.startsWith("<target type='virtio'", child) || text.startsWith("<target type='xen'", child))) settled = true;
    }
    if (!settled) scan.pathMayBeMissing = true;
  }
  return scan;
}

/**
 * domain_validate.c virDomainChrSourceDefValidate (domain_conf.c's chardev parser before libvirt 7.x): a file, dev,
 * pipe or unix chardev without a source path, "Missing source path attribute for char device". A unix <channel> with
 * a virtio or xen target is exempt (libvirt makes up its socket path). libvirt's tests serial-unix-missing-source and
 * virtio-rng-egd-crash (an egd backend given host and service) have been parse errors since they were written.
 * <console> is left out: one whose target is the serial port repeats the serial device, which libvirt reconciles.
 */
function checkChardevPath(devices: XmlElement, report: Report): void {
  for (const dev of devices.children) {
    let holder: XmlElement | undefined;
    if (dev.name === 'serial' || dev.name === 'parallel' || dev.name === 'channel' || dev.name === 'redirdev') holder = dev;
    else if (dev.name === 'smartcard') {
      if (dev.attributeValues.mode === 'passthrough') holder = dev;
    } else if (dev.name === 'rng') {
      const backend = firstChild(dev, 'backend');
      if (backend?.attributeValues.model === 'egd') holder = backend;
    }
    if (!holder) continue;
    const typeAttr = attribute(holder, 'type');
    if (typeAttr?.value === 'tcp' || typeAttr?.value === 'udp') {
      checkSocketChardev(dev.name, holder, typeAttr, report);
      continue;
    }
    const what = typeAttr ? PATH_CHARDEV_TYPES.get(typeAttr.value) : undefined;
    if (!typeAttr || what === undefined) continue;
    if (dev.name === 'channel' && typeAttr.value === 'unix') {
      const targetType = firstChild(dev, 'target')?.attributeValues.type;
      if (targetType === 'virtio' || targetType === 'xen') continue;
    }
    // Any <source> with a path attribute counts (an empty one too: libvirt's reading of it was not checked).
    if (childrenNamed(holder, 'source').some((source) => attribute(source, 'path') !== undefined)) continue;
    report({ range: typeAttr.valueRange, messageId: 'chardevNoPath', data: { type: typeAttr.value, element: dev.name, what } });
  }
}
