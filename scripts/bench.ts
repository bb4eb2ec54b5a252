/**
 * npm run bench [-- --domains N --hosts H --runs R]
 *
 * Generates N realistic pinned domains (~8 KB each: numatune, hugepages, a full
 * device list) spread over H hosts, then times in one process, alternating:
 *   bare  — read every file and parse it with saxes (positions on, no tree);
 *   full  — kvmlint's whole lint: discovery, read, parse with ranges, models, every rule.
 * Prints medians and full ÷ bare. Measured, never asserted: speed is not a test.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SaxesParser } from 'saxes';
import { globby } from 'globby';
import { lint } from '../src/engine/runner.ts';

const { values } = parseArgs({
  options: {
    domains: { type: 'string', default: '2000' },
    hosts: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.domains);
const HOSTS = Number(values.hosts);
const RUNS = Number(values.runs);

function hostSnapshot(i: number): string {
  const node = (id: number) => ({
    id,
    cpus: `${id * 16}-${id * 16 + 15}`,
    memTotalKiB: 67108864,
    memFreeKiB: 43008000 + i * 1024,
    distances: id === 0 ? [10, 21] : [21, 10],
    hugepages: [{ sizeKiB: 2048, total: 8192, free: 8192 }],
  });
  return JSON.stringify(
    {
      kvmlintHostSnapshot: 1,
      source: 'manual',
      hostname: `hv${String(i).padStart(3, '0')}`,
      cpus: { online: '0-31', possible: '0-31' },
      nodes: [node(0), node(1)],
      hugepages: { defaultSizeKiB: 2048, sizesKiB: [2048] },
      vm: { minFreeKbytes: 524288, watermarkScaleFactor: 10 },
      kernel: { cmdline: 'BOOT_IMAGE=/vmlinuz root=/dev/mapper/rl-root ro isolcpus=4-31 nohz_full=4-31 rcu_nocbs=4-31' },
    },
    null,
    2,
  );
}

/** A domain like `virsh dumpxml` prints for a pinned production guest. */
function domainXml(i: number): string {
  const node = i % 2;
  const first = node * 16 + 4 + (i % 3) * 4;
  const pins = Array.from({ length: 4 }, (_, v) => `    <vcpupin vcpu='${v}' cpuset='${first + v}'/>`).join('\n');
  const disks = Array.from(
    { length: 6 },
    (_, d) => `    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none' io='native' discard='unmap' iothread='1'/>
      <source file='/var/lib/libvirt/images/vm${i}-disk${d}.qcow2'/>
      <target dev='vd${String.fromCharCode(97 + d)}' bus='virtio'/>
      <address type='pci' domain='0x0000' bus='0x0${d + 4}' slot='0x00' function='0x0'/>
    </disk>`,
  ).join('\n');
  const nics = Array.from(
    { length: 4 },
    (_, n) => `    <interface type='bridge'>
      <mac address='52:54:00:${(i >> 8) & 0xff}:${i & 0xff}:${n}0'/>
      <source bridge='br${n}'/>
      <model type='virtio'/>
      <driver name='vhost' queues='4'/>
      <address type='pci' domain='0x0000' bus='0x0${n + 1}' slot='0x00' function='0x0'/>
    </interface>`,
  ).join('\n');
  const controllers = Array.from(
    { length: 10 },
    (_, c) => `    <controller type='pci' index='${c + 1}' model='pcie-root-port'>
      <model name='pcie-root-port'/>
      <target chassis='${c + 1}' port='0x${(c + 16).toString(16)}'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x${c.toString(16)}'/>
    </controller>`,
  ).join('\n');
  return `<domain type='kvm'>
  <name>vm${i}</name>
  <uuid>00000000-0000-4000-8000-${String(i).padStart(12, '0')}</uuid>
  <memory unit='KiB'>4194304</memory>
  <currentMemory unit='KiB'>4194304</currentMemory>
  <memoryBacking>
    <hugepages>
      <page size='2048' unit='KiB'/>
    </hugepages>
  </memoryBacking>
  <vcpu placement='static'>4</vcpu>
  <iothreads>1</iothreads>
  <cputune>
${pins}
    <emulatorpin cpuset='0-1'/>
    <iothreadpin iothread='1' cpuset='2-3'/>
  </cputune>
  <numatune>
    <memory mode='strict' nodeset='${node}'/>
  </numatune>
  <os>
    <type arch='x86_64' machine='pc-q35-rhel9.2.0'>hvm</type>
    <boot dev='hd'/>
  </os>
  <features>
    <acpi/>
    <apic/>
  </features>
  <cpu mode='host-passthrough' check='none' migratable='off'>
    <topology sockets='1' dies='1' cores='4' threads='1'/>
  </cpu>
  <clock offset='utc'>
    <timer name='rtc' tickpolicy='catchup'/>
    <timer name='pit' tickpolicy='delay'/>
    <timer name='hpet' present='no'/>
  </clock>
  <devices>
    <emulator>/usr/libexec/qemu-kvm</emulator>
${disks}
${controllers}
${nics}
    <serial type='pty'>
      <target type='isa-serial' port='0'>
        <model name='isa-serial'/>
      </target>
    </serial>
    <console type='pty'>
      <target type='serial' port='0'/>
    </console>
    <channel type='unix'>
      <target type='virtio' name='org.qemu.guest_agent.0'/>
      <address type='virtio-serial' controller='0' bus='0' port='1'/>
    </channel>
    <memballoon model='none'/>
    <rng model='virtio'>
      <backend model='random'>/dev/urandom</backend>
    </rng>
  </devices>
</domain>
`;
}

const dir = join(tmpdir(), `kvmlint-bench-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'domains'), { recursive: true });
let bytes = 0;
for (let i = 0; i < N; i++) {
  const xml = domainXml(i);
  bytes += Buffer.byteLength(xml);
  writeFileSync(join(dir, 'domains', `vm${String(i).padStart(5, '0')}.xml`), xml);
}
for (let h = 0; h < HOSTS; h++) writeFileSync(join(dir, `hv${h}.json`), hostSnapshot(h));
const files = await globby('domains/**/*.xml', { cwd: dir, absolute: true });

function bareParse(): number {
  let elements = 0;
  for (const f of files) {
    const parser = new SaxesParser({ position: true });
    parser.on('opentag', () => void elements++);
    parser.write(readFileSync(f, 'utf8')).close();
  }
  return elements;
}

async function fullLint(): Promise<number> {
  const run = await lint({ paths: [join(dir, 'domains')], cwd: dir, hostFile: join(dir, 'hv0.json') });
  return run.diagnostics.length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bare: number[] = [];
const full: number[] = [];
let findings = 0;
bareParse();
await fullLint();
for (let r = 0; r < RUNS; r++) {
  let t = performance.now();
  bareParse();
  bare.push(performance.now() - t);
  t = performance.now();
  findings = await fullLint();
  full.push(performance.now() - t);
}
const b = median(bare);
const f = median(full);
console.log(`domains: ${N} (${(bytes / N / 1024).toFixed(1)} KB each, ${(bytes / 1048576).toFixed(1)} MiB), hosts: ${HOSTS}, runs: ${RUNS}, findings: ${findings}`);
console.log(`bare saxes parse: median ${b.toFixed(1)} ms (${((b / N) * 1000).toFixed(1)} µs/domain)`);
console.log(`kvmlint full lint: median ${f.toFixed(1)} ms (${((f / N) * 1000).toFixed(1)} µs/domain)`);
console.log(`full lint ÷ bare parse: ${(f / b).toFixed(2)}×`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
if (values.keep) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
