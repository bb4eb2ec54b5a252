import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintPlan } from '../../src/api.ts';
import { random } from '../support/random.ts';

// device-config-invalid answers most guests from the parser's tag table and the devices' text (scanDevices), and
// builds device elements only when that text may hold something to find. A reference anywhere in <devices> turns
// the text reading off, so every guest below is linted twice, once with `&#32;` (a blank, to libvirt as to XML)
// after <devices>: the two must give the same findings. The guests are the repository's domain XML and
// variations that plant what the rule looks for: a device written twice, an address respelled, a disk moved to
// another bus, a too-long vendor.

const ROOTS = ['rules', 'test/libvirt-oracle', 'fixtures', 'examples'];

function xmlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) xmlFiles(path, out);
    else if (entry.isFile() && entry.name.endsWith('.xml')) out.push(path);
  }
  return out;
}

/** The children of <devices> as [start, end) spans of the text (a plain element scan; enough for these files). */
function deviceSpans(text: string, devicesStart: number, devicesEnd: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const child = /<([a-z][a-zA-Z0-9_-]*)\b[^>]*?(\/>|>)/g;
  child.lastIndex = devicesStart;
  for (let m = child.exec(text); m && m.index < devicesEnd; m = child.exec(text)) {
    const end = m[2] === '/>' ? m.index + m[0].length : text.indexOf(`</${m[1]}>`, m.index) + m[1]!.length + 3;
    if (end < m[0].length || end > devicesEnd) break;
    spans.push([m.index, end]);
    child.lastIndex = end;
  }
  return spans;
}

function variants(text: string, seed: number): Array<[string, string]> {
  const open = /<devices\s*>/.exec(text);
  const close = text.lastIndexOf('</devices>');
  if (!open || close < open.index) return [];
  const devicesStart = open.index + open[0].length;
  const out: Array<[string, string]> = [['as written', text]];
  const spans = deviceSpans(text, devicesStart, close);
  const next = random(seed);
  for (let i = 0; i < 4 && spans.length > 0; i++) {
    const [a, b] = spans[Math.floor(next() * spans.length)]!;
    out.push([`device at ${a} twice`, text.slice(0, b) + '\n' + text.slice(a, b) + text.slice(b)]);
  }
  const respell = (name: string, from: RegExp, to: string) => {
    const m = from.exec(text.slice(devicesStart, close));
    if (m) out.push([name, text.slice(0, devicesStart + m.index) + m[0].replace(from, to) + text.slice(devicesStart + m.index + m[0].length)]);
  };
  respell('first PCI bus in upper case', /bus='0x([0-9a-f]{2})'/, "bus='0X$1'");
  respell('first PCI slot without leading zero', /slot='0x0([0-9a-f])'/, "slot='0x$1'");
  respell('first virtio disk on SATA', /<target dev='vd([a-z]+)'(?: bus='virtio')?/, "<target dev='sd$1' bus='sata'");
  respell('first disk target a partition', /<target dev='([a-z]+)'/, "<target dev='$11'");
  respell('first controller index doubled', /<controller type='([a-z-]+)' index='([0-9]+)'/, "<controller type='$1' index='$2' model='x'/><controller type='$1' index='$2'");
  respell('first disk with a long vendor', /<\/disk>/, "<vendor>LONGVENDORNAME</vendor></disk>");
  respell('first driver format iso', /<driver name='qemu' type='[a-z0-9]+'/, "<driver name='qemu' type='iso'");
  respell('root bus of the other machine family', /model='(pci|pcie)-root'/, "model='pcie-root'");
  respell('root bus at index 2', /index='0' model='(pci|pcie)-root'/, "index='2' model='$1-root'");
  respell('root bus with an address', /<controller type='pci' index='0' model='(pci|pcie)-root'\/>/, "<controller type='pci' index='0' model='$1-root'><address type='pci' domain='0x0000' bus='0x00' slot='0x00' function='0x0'/></controller>");
  respell('first PCI slot out of range', /slot='0x[0-9a-f]{2}'/, "slot='0x2a'");
  respell('USB turned off', /<controller type='usb' index='0'( model='[a-z0-9-]+')?/, "<controller type='usb' index='0' model='none'");
  respell('first xhci with 16 ports', /model='qemu-xhci'/, "model='qemu-xhci' ports='16'");
  respell('first video twice primary', /<video>[\s\S]*?<\/video>/, "$&<video><model type='vga' primary='yes'/></video><video><model type='qxl' primary='yes'/></video>");
  respell('first virtio interface with a queue size of 1000', /<model type='virtio'\/>/, "<model type='virtio'/><driver rx_queue_size='1000'/>");
  respell('first external virtiofsd read-only', /<source socket='[^']*'\/>/, "$&<readonly/>");
  respell('first TPM 2.0 made 1.2', /<backend type='emulator' version='2.0'\/>/, "<backend type='emulator' version='1.2'/>");
  respell('first hyperv panic with an address', /<panic model='hyperv'\/>/, "<panic model='hyperv'><address type='isa' iobase='0x506'/></panic>");
  respell('spice with OpenGL beside egl-headless', /<\/devices>/, "<graphics type='spice'><gl enable='yes'/></graphics><graphics type='egl-headless'/></devices>");
  respell('first TPM twice', /<tpm [\s\S]*?<\/tpm>/, "$&$&");
  respell('an mdev display (refused in a guest without graphics)', /<\/devices>/, "<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1dc'/></source></hostdev></devices>");
  respell('first video ramfb with an address', /<video>/, "<video><model type='ramfb'/><address type='pci' domain='0x0000' bus='0x00' slot='0x0e' function='0x0'/></video><video>");
  return out;
}

const deviceFindings = (path: string, text: string) =>
  lintPlan({ domains: [{ path, text }] })
    .diagnostics.filter((d) => d.ruleId === 'device-config-invalid')
    .map((d) => `${d.messageId} ${d.line}`);

test('device-config-invalid: the text reading and the element walk find the same, on every repository guest and variations', () => {
  const files = ROOTS.flatMap((root) => xmlFiles(root)).filter((f) => readFileSync(f, 'utf8').includes('<devices'));
  assert.ok(files.length > 200, `only ${files.length} guests with <devices>`);
  let compared = 0;
  let found = 0;
  files.forEach((file, i) => {
    const original = readFileSync(file, 'utf8');
    for (const [name, text] of variants(original, i + 1)) {
      const walked = text.replace(/<devices\s*>/, (open) => `${open}&#32;`);
      const direct = deviceFindings(file, text);
      assert.deepEqual(direct, deviceFindings(file, walked), `${file}, ${name}`);
      compared++;
      if (direct.length > 0) found++;
    }
  });
  // The variations must plant findings, or the comparison says nothing about the text reading's "nothing to find".
  assert.ok(compared > 1000 && found > 300, `${compared} guests compared, ${found} with findings`);
});

// A DOCTYPE sends a document to saxes, which keeps no tag table: every user of the table (this scan, the boot order
// and memory device tests, the IOThread ids, the vhost-user test) then reads the elements or the text. All rules'
// findings must be the same either way (the DOCTYPE goes on the root's line, so lines do not move).
const allFindings = (path: string, text: string) =>
  lintPlan({ domains: [{ path, text }] })
    .diagnostics.map((d) => `${d.ruleId} ${d.messageId} ${d.line}`)
    .sort();

test('without the tag table (a document saxes parsed) every rule finds what it finds with it', () => {
  const files = ROOTS.flatMap((root) => xmlFiles(root)).filter((f) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<domain[\s>]/.test(readFileSync(f, 'utf8')));
  let compared = 0;
  files.forEach((file, i) => {
    for (const [name, text] of variants(readFileSync(file, 'utf8'), i + 1)) {
      const viaSaxes = text.replace(/<domain(?=[\s>])/, '<!DOCTYPE domain><domain');
      assert.deepEqual(allFindings(file, text), allFindings(file, viaSaxes), `${file}, ${name}`);
      compared++;
    }
  });
  assert.ok(compared > 1000, `${compared} guests compared`);
});
