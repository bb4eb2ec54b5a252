import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/index.ts';
import { buildDomainModel } from '../../src/model/domain.ts';
import { guestCellById, guestNumaLayout, numaMemoryTotal } from '../../src/model/guest-numa.ts';

function domain(body: string) {
  const doc = parseXml(`<domain type='kvm'>${body}</domain>`);
  assert.equal(doc.error, undefined);
  return buildDomainModel(doc.root!);
}

const cells = (...c: string[]) => `<cpu><numa>${c.join('')}</numa></cpu>`;

test('guest cells: an id defaults to the cell position; bad and repeated ids are found', () => {
  const d = domain(`<vcpu>4</vcpu>${cells("<cell cpus='0-1' memory='1'/>", "<cell id='0' cpus='2' memory='1'/>", "<cell id='5' memory='1'/>")}`);
  assert.deepEqual(d.cpu!.cells.map((c) => [c.id, c.index]), [[0, 0], [0, 1], [5, 2]]);
  const layout = guestNumaLayout(d)!;
  assert.deepEqual(layout.badIds.map((b) => [b.cell.index, b.id, b.kind]), [[1, 0, 'duplicate'], [2, 5, 'beyond']]);
  assert.equal(guestCellById(d, 0), d.cpu!.cells[0]);
});

test('guest cells: overlaps, vCPUs beyond the maximum, and the vCPUs no cell names', () => {
  const d = domain(`<vcpu>8</vcpu>${cells("<cell id='0' cpus='0-3' memory='1'/>", "<cell id='1' cpus='2-4,9' memory='1'/>", "<cell id='2' memory='1'/>")}`);
  const layout = guestNumaLayout(d)!;
  assert.deepEqual(layout.overlaps.map((o) => [o.other.id, o.cell.id, o.vcpus.toString()]), [[0, 1, '2-3']]);
  assert.deepEqual(layout.beyondMax.map((b) => [b.cell.id, b.vcpus.toString()]), [[1, '9']]);
  assert.equal(layout.named.toString(), '0-4,9');
  assert.equal(layout.unnamed.toString(), '5-7');
  assert.equal(layout.complete, true);
});

test('guest cells: a cpus value that does not parse makes the layout incomplete; no cells, no layout', () => {
  const d = domain(`<vcpu>2</vcpu>${cells("<cell id='0' cpus='1-0' memory='1'/>")}`);
  assert.equal(guestNumaLayout(d)!.complete, false);
  assert.equal(guestNumaLayout(domain('<vcpu>2</vcpu>')), undefined);
});

test('memory total: cells plus every memory device, in KiB; unknown when a size is', () => {
  const dimm = (size: string) => `<memory model='dimm'><target><size unit='MiB'>${size}</size><node>0</node></target></memory>`;
  const d = domain(
    `<memory unit='GiB'>4</memory>${cells("<cell id='0' memory='1' unit='GiB'/>", "<cell id='1' memory='512' unit='MiB'/>")}<devices>${dimm('256')}${dimm('256')}</devices>`,
  );
  assert.deepEqual(numaMemoryTotal(d), { kib: 2 * 1024 * 1024, cellsKiB: 1536 * 1024, devicesKiB: 512 * 1024, deviceCount: 2 });
  assert.equal(numaMemoryTotal(domain(`<memory unit='GiB'>4</memory>${cells("<cell id='0' memory='x'/>")}`)), undefined);
  assert.equal(numaMemoryTotal(domain(`<memory unit='GiB'>4</memory>`)), undefined);
});

test('IOThread ids: <iothreadids> first, then the lowest unused ids up to the <iothreads> count', () => {
  assert.deepEqual(domain("<iothreads>3</iothreads><iothreadids><iothread id='5'/></iothreadids>").iothreadIds, [5, 1, 2]);
  assert.deepEqual(domain("<iothreads>2</iothreads><iothreadids><iothread id='2'/></iothreadids>").iothreadIds, [2, 1]);
  assert.deepEqual(domain("<iothreads>1</iothreads><iothreadids><iothread id='4'/><iothread id='6'/></iothreadids>").iothreadIds, [4, 6]);
  assert.deepEqual(domain('<iothreads>2</iothreads>').iothreadIds, [1, 2]);
});
