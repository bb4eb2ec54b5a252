import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { captureHost } from '../../src/host/capture.ts';
import { MAX_HOOK_BYTES, MAX_STATEMENT_CHARS, nodePoolsWritten, poolWriteGuests, setsHugepagePool, setsOnlyHostWidePool } from '../../src/host/capture/hooks.ts';
import { formatSnapshot } from '../../src/host/snapshot-json.ts';
import { loadHostSnapshotText } from '../../src/host/load.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { hugepageHookNodes, hugepageHooksFor } from '../../src/model/hugepage-hooks.ts';
import { sysfsTreeFactory } from '../support/sysfs-tree.ts';

// libvirt hooks that set hugepage pools when a guest starts, captured from a copy of a fixture tree with
// hook scripts added (the VFIO desktop layouts), and from hostile copies.

const HOOKS = 'etc/libvirt/hooks';
const DISPATCHER = '#!/bin/bash\nGUEST_NAME="$1"\nHOOK_NAME="$2"\nSTATE_NAME="$3"\nBASEDIR="$(dirname $0)"\nHOOKPATH="$BASEDIR/qemu.d/$GUEST_NAME/$HOOK_NAME/$STATE_NAME"\nset -e\nif [ -f "$HOOKPATH" ]; then eval "$HOOKPATH" "$@"; elif [ -d "$HOOKPATH" ]; then\n  while read file; do [ -n "$file" ] && eval "$file" "$@"; done <<< "$(find -L "$HOOKPATH" -maxdepth 1 -type f -executable -print)"\nfi\n';
const ALLOC = '#!/bin/bash\n## Load the config file\nsource "/etc/libvirt/hooks/kvm.conf"\necho $VM_HUGEPAGES > /proc/sys/vm/nr_hugepages\n';
const RELEASE = '#!/bin/bash\necho 0 > /proc/sys/vm/nr_hugepages\n';

const tree = sysfsTreeFactory('kvmlint-hooks-');

function capture(root: string) {
  const r = captureHost({ root, now: new Date('2026-01-01T00:00:00Z') });
  const snapshot = loadHostSnapshotText(formatSnapshot(r.snapshot), `${root}.json`);
  return { snapshot, notes: r.notes };
}

describe('hook scripts that set hugepage pools', () => {
  it('nr_hugepages under /proc/sys/vm, /sys/kernel/mm, a node, or sysctl; comments and other sysctls do not count', () => {
    assert.ok(setsHugepagePool('echo 8192 > /proc/sys/vm/nr_hugepages\n'));
    assert.ok(setsHugepagePool('echo "$N" | tee /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages\n'));
    assert.ok(setsHugepagePool('P=/sys/kernel/mm/hugepages/hugepages-${SIZE}kB/nr_hugepages\necho 16 > $P\n'));
    assert.ok(setsHugepagePool('echo 8 > /sys/devices/system/node/node1/hugepages/hugepages-1048576kB/nr_hugepages\n'));
    assert.ok(setsHugepagePool('sysctl vm.nr_hugepages=8192\n'));
    assert.ok(setsHugepagePool('sysctl -w vm.nr_hugepages="$HUGEPAGES"\n'));
    // VFIO-Tools' alloc_hugepages.sh and its unalloc twin (PassthroughPOST/VFIO-Tools libvirt_hooks/hooks): quotes and variables.
    assert.ok(setsHugepagePool('HPG_PATH=/sys/devices/system/node/node0/hugepages/hugepages-"$HPG_SIZE"kB/nr_hugepages\necho $HPG_NEW > $HPG_PATH\n'));
    assert.ok(setsHugepagePool('HPG_PATH="/sys/devices/system/node/node0/hugepages"\nHPG_CURRENT=$(cat "${HPG_PATH}/hugepages-${HPG_SIZE}kB/nr_hugepages")\n'));
    assert.ok(setsHugepagePool('hugeadm --pool-pages-min 2MB:4096\n'));
    assert.ok(!setsHugepagePool('cat /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages\n'));
    assert.ok(!setsHugepagePool('hugeadm --list-all-mounts\n'));
    assert.ok(!setsHugepagePool('# echo 8192 > /proc/sys/vm/nr_hugepages\n'));
    assert.ok(!setsHugepagePool('sysctl vm.swappiness=10\nsystemctl stop display-manager\n'));
  });
});

describe('a hook script of MAX_HOOK_BYTES is read in linear time', () => {
  it('a word of repeated node directories, or a line of repeated sysctl or hugeadm, takes milliseconds, not minutes', () => {
    // An unanchored `/sys/devices/system/node/[^\s;|&)]*hugepages` was retried from each of 40,000 prefixes (60 s);
    // `\bsysctl\b[^\n]*…` from each of 140,000 sysctls on one line (195 s).
    for (const [unit, sets] of [
      ['/sys/devices/system/node/', false],
      ['sysctl ', false],
      ['hugeadm ', false],
      ['/sys/devices/system/node/node0', true],
    ] as const) {
      const text = unit.repeat(Math.floor(MAX_HOOK_BYTES / unit.length)) + (sets ? '/hugepages/hugepages-2048kB/nr_hugepages\n' : '\n');
      const t0 = performance.now();
      assert.equal(setsHugepagePool(text), sets, unit);
      // Milliseconds on an idle machine; the bound only has to tell linear from the minutes above, also on a
      // loaded CI runner (1.8 s was seen with the suite sharing two cores with other work).
      assert.ok(performance.now() - t0 < 15_000, `${unit}: ${Math.round(performance.now() - t0)} ms`);
    }
    // The same readings as before at the edges: `sysctlvm.nr_hugepages=` is no sysctl; the word ends at `;`.
    assert.ok(!setsHugepagePool('sysctlvm.nr_hugepages=8\n'));
    assert.ok(setsHugepagePool('sysctl vm.nr_hugepages_mempolicy = 8\n'));
    assert.ok(!setsHugepagePool('X=/sys/devices/system/node/node0;Y=hugepages\necho > nr_hugepages\n'));
    assert.ok(setsHugepagePool('hugeadm --verbose 1 --pool-pages-max 1GB:2\n'));
  });
});

describe('which pool a hook script writes, and for which guests', () => {
  it('host-wide: /proc/sys/vm, /sys/kernel/mm, sysctl, hugeadm; not a node\'s pool, not under numactl', () => {
    assert.ok(setsOnlyHostWidePool(ALLOC));
    assert.ok(setsOnlyHostWidePool('sysctl -w vm.nr_hugepages="$HUGEPAGES"\n'));
    assert.ok(setsOnlyHostWidePool('echo 8 > /sys/kernel/mm/hugepages/hugepages-1048576kB/nr_hugepages\n'));
    assert.ok(setsOnlyHostWidePool('hugeadm --pool-pages-min 2MB:4096\n'));
    assert.ok(!setsOnlyHostWidePool('echo 8 > /sys/devices/system/node/node1/hugepages/hugepages-1048576kB/nr_hugepages\n'));
    assert.ok(!setsOnlyHostWidePool('echo 8192 > /proc/sys/vm/nr_hugepages\necho 0 > /sys/devices/system/node/node1/hugepages/hugepages-2048kB/nr_hugepages\n'));
    assert.ok(!setsOnlyHostWidePool('numactl --membind=0 sh -c "echo 8192 > /proc/sys/vm/nr_hugepages_mempolicy"\n'));
    assert.ok(!setsOnlyHostWidePool('systemctl stop display-manager\n'));
  });

  it("a node's own pool, named by number: those nodes; a node from a variable, or a host-wide write too: unknown", () => {
    assert.deepEqual(nodePoolsWritten('HPG_PATH=/sys/devices/system/node/node0/hugepages/hugepages-"$HPG_SIZE"kB/nr_hugepages\necho $N > $HPG_PATH\n'), [0]);
    assert.deepEqual(nodePoolsWritten('echo 8 > /sys/devices/system/node/node1/hugepages/hugepages-1048576kB/nr_hugepages\necho 8 > /sys/devices/system/node/node3/hugepages/hugepages-1048576kB/nr_hugepages\n'), [1, 3]);
    assert.equal(nodePoolsWritten('echo 8 > /sys/devices/system/node/node$NODE/hugepages/hugepages-2048kB/nr_hugepages\n'), undefined);
    assert.equal(nodePoolsWritten('echo 8 > /sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages\nsysctl vm.nr_hugepages=16\n'), undefined);
    assert.equal(nodePoolsWritten(ALLOC), undefined);
  });

  it('a monolithic hook confines its pool writes to the guests it tests $1 (or a copy of it) for', () => {
    const w = 'echo 8192 > /proc/sys/vm/nr_hugepages';
    assert.deepEqual(poolWriteGuests(`#!/bin/bash\nif [ "$1" = "win10" ] && [ "$2" = "prepare" ]; then\n  ${w}\nfi\n`), ['win10']);
    assert.deepEqual(poolWriteGuests(`#!/bin/bash\nGUEST_NAME="$1"\nif [[ $GUEST_NAME == win11 ]]; then\n if [ "$2" == prepare ]; then\n  ${w}\n elif [ "$2" = release ]; then\n  echo 0 > /proc/sys/vm/nr_hugepages\n fi\nfi\n`), ['win11']);
    assert.deepEqual(poolWriteGuests(`#!/bin/bash\ncase "$1" in\n  win10|gaming)\n    ${w}\n    ;;\n  *)\n    ;;\nesac\n`), ['gaming', 'win10']);
    assert.deepEqual(poolWriteGuests(`#!/bin/bash\n[ "$1" = "win10" ] && ${w}\n`), ['win10']);
    assert.deepEqual(poolWriteGuests(`#!/bin/bash\nif [ win10 == "\${1}" ]; then ${w}; fi\n`), ['win10']);
    assert.deepEqual(poolWriteGuests(`#!/bin/bash\nif [ "$1" = a ] || [ "$1" = b ]; then\n${w}\nfi\n`), ['a', 'b']);
  });

  it('an early exit for every other guest confines what follows; a variable assigned one literal stands for it', () => {
    const w = 'sysctl vm.nr_hugepages=$pages';
    // The "virtual DAW" pattern (r/VFIO): the guest name in a variable, the other guests sent away first.
    const daw = `#!/usr/bin/env bash\nvm="windows10"\nguest_name=$1\nmode=$2\nlog() { echo "$*"; }\nif [ "$guest_name" != "$vm" ]; then\n\techo "ignoring $guest_name"\n\texit\nfi\nif [ "$mode" = prepare ]; then\n\t${w}\nfi\nif [ "$mode" = release ]; then\n\tsysctl vm.nr_hugepages=0\nfi\n`;
    assert.deepEqual(poolWriteGuests(daw), ['windows10']);
    assert.deepEqual(poolWriteGuests(`#!/bin/bash\n[ "$1" != "win10" ] && exit 0\n${w}\n`), ['win10']);
    assert.deepEqual(poolWriteGuests(`#!/bin/bash\nif [ "$1" != "win10" ]; then exit 0; fi\n${w}\n`), ['win10']);
    assert.deepEqual(poolWriteGuests(`#!/bin/bash\n[[ $1 == win10 ]] || exit\n${w}\n`), ['win10']);
    assert.deepEqual(poolWriteGuests(`#!/bin/bash\nif [ "$1" = "$VM" ]; then ${w}; fi\nVM=win10\n`), ['win10']);
    for (const text of [
      // The block does more than leave: not read.
      `#!/bin/bash\nif [ "$1" != "win10" ]; then\n  other_setup\n  exit 0\nfi\n${w}\n`,
      // No exit: the write runs for every guest.
      `#!/bin/bash\nif [ "$1" != "win10" ]; then echo other; fi\n${w}\n`,
      // The write comes first.
      `#!/bin/bash\n${w}\nif [ "$1" != "win10" ]; then exit 0; fi\n`,
      // A variable assigned twice is no literal.
      `#!/bin/bash\nVM=win10\nVM=win11\nif [ "$1" != "$VM" ]; then exit; fi\n${w}\n`,
    ]) {
      assert.equal(poolWriteGuests(text), undefined, text);
    }
  });

  it('a hostile hook with a huge statement is not read (the patterns would be quadratic in it), and quickly', () => {
    const started = Date.now();
    const text = `#!/bin/bash\nif [ "$1" = win10 ]; then\n echo 1 > /proc/sys/vm/nr_hugepages\nfi\nif ${' '.repeat(MAX_HOOK_BYTES - 200)}x\n`;
    assert.equal(poolWriteGuests(text), undefined);
    assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
    assert.deepEqual(poolWriteGuests(`#!/bin/bash\nif [ "$1" = win10 ]; then\n echo 1 > /proc/sys/vm/nr_hugepages\nfi\n# ${'x'.repeat(MAX_STATEMENT_CHARS * 2)}\n`), ['win10']);
    // A node pool directory named over and over without "hugepages" after it: the search is bounded per mention
    // (it took a minute on 1 MiB when it ran to the end of the text for each).
    const nodes = '/sys/devices/system/node/'.repeat(Math.floor(MAX_HOOK_BYTES / 25));
    const t0 = Date.now();
    assert.equal(setsHugepagePool(nodes), false);
    assert.equal(setsOnlyHostWidePool(nodes), false);
    assert.equal(nodePoolsWritten(nodes), undefined);
    assert.ok(Date.now() - t0 < 20_000, `${Date.now() - t0} ms`);
    // Blank lines, assignments, copies of $1 and commands repeated up to the size limit: each reading stays linear
    // (a minute or more for each before).
    for (const filler of ['\n', 'a=\n', 'v=$1\n', 'sysctl ', 'hugeadm ']) {
      const text = `echo 1 > /proc/sys/vm/nr_hugepages\n${filler.repeat(Math.floor((MAX_HOOK_BYTES - 64) / filler.length))}`;
      const t1 = Date.now();
      setsHugepagePool(text);
      setsOnlyHostWidePool(text);
      nodePoolsWritten(text);
      assert.equal(poolWriteGuests(text), undefined);
      // About a second alone on a busy machine; the quadratic readings took minutes.
      assert.ok(Date.now() - t1 < 20_000, `${JSON.stringify(filler)}: ${Date.now() - t1} ms`);
    }
  });

  it('anything it cannot be sure of counts for every guest: !=, else, globs, writes outside the test, other arguments', () => {
    const w = 'echo 8192 > /proc/sys/vm/nr_hugepages';
    for (const text of [
      `#!/bin/bash\nif [ "$1" = "win10" ]; then exit 0; else\n${w}\nfi\n`,
      `#!/bin/bash\nif [ "$1" = "win10" ]; then\n  exit 0\nelse\n  ${w}\nfi\n`,
      `#!/bin/bash\ncase "$1" in\n  win*)\n    ${w}\n    ;;\nesac\n`,
      `#!/bin/bash\ncase "$1" in\n  *)\n    ${w}\n    ;;\nesac\n`,
      `#!/bin/bash\ncase "$2" in\n  prepare)\n    ${w}\n    ;;\nesac\n`,
      `#!/bin/bash\nif [[ $1 == win10* ]]; then ${w}; fi\n`,
      `#!/bin/bash\nif [ "$2" = prepare ]; then\n ${w}\nfi\n`,
      `#!/bin/bash\nif ! [ "$1" = "win10" ]; then\n ${w}\nfi\n`,
      `#!/bin/bash\nif [ "$1" = win10 ] || [ "$2" = x ]; then\n ${w}\nfi\n`,
      `#!/bin/bash\nif [ "$1" = win10 ]; then\n ${w}\nfi\necho 0 > /proc/sys/vm/nr_hugepages\n`,
      // Unbalanced blocks: not read.
      `#!/bin/bash\nif [ "$1" = win10 ]; then\n ${w}\n`,
    ]) {
      assert.equal(poolWriteGuests(text), undefined, text);
    }
  });
});

describe('capture of libvirt hooks that allocate hugepages', () => {
  it('hook-helper layout: the guest directory names the guest; release/end and guests without a pool hook are left out', () => {
    const root = tree({
      [`${HOOKS}/qemu`]: DISPATCHER,
      [`${HOOKS}/qemu.d/win11/prepare/begin/alloc_hugepages.sh`]: ALLOC,
      [`${HOOKS}/qemu.d/win11/prepare/begin/start.sh`]: '#!/bin/bash\nsystemctl stop display-manager\n',
      [`${HOOKS}/qemu.d/win11/release/end/dealloc_hugepages.sh`]: RELEASE,
      [`${HOOKS}/qemu.d/linux-dev/prepare/begin/start.sh`]: '#!/bin/bash\nvirsh nodedev-detach pci_0000_01_00_0\n',
      [`${HOOKS}/qemu.d/macos/prepare/begin`]: '#!/bin/sh\nsysctl vm.nr_hugepages=4096\n',
    });
    const { snapshot } = capture(root);
    assert.deepEqual(snapshot.libvirt?.hugepageHooks, [
      { guest: 'macos', hooks: [`/${HOOKS}/qemu.d/macos/prepare/begin`], hostWide: [`/${HOOKS}/qemu.d/macos/prepare/begin`] },
      { guest: 'win11', hooks: [`/${HOOKS}/qemu.d/win11/prepare/begin/alloc_hugepages.sh`], hostWide: [`/${HOOKS}/qemu.d/win11/prepare/begin/alloc_hugepages.sh`] },
    ]);
    const host = buildHostModel(snapshot);
    assert.deepEqual(hugepageHooksFor(host, 'win11'), [`/${HOOKS}/qemu.d/win11/prepare/begin/alloc_hugepages.sh`]);
    assert.equal(hugepageHooksFor(host, 'linux-dev'), undefined);
  });

  it('a monolithic qemu hook, or a script directly in qemu.d, counts for all guests', () => {
    const mono = capture(tree({ [`${HOOKS}/qemu`]: `#!/bin/bash\nif [ "$2" = prepare ]; then\n  sysctl -w vm.nr_hugepages=8192\nfi\n` })).snapshot;
    assert.deepEqual(mono.libvirt?.hugepageHooks, [{ allGuests: true, hooks: [`/${HOOKS}/qemu`], hostWide: [`/${HOOKS}/qemu`] }]);
    assert.deepEqual(hugepageHooksFor(buildHostModel(mono), 'anything'), [`/${HOOKS}/qemu`]);
    const dropIn = capture(tree({ [`${HOOKS}/qemu.d/10-hugepages`]: ALLOC })).snapshot;
    assert.deepEqual(dropIn.libvirt?.hugepageHooks, [{ allGuests: true, hooks: [`/${HOOKS}/qemu.d/10-hugepages`], hostWide: [`/${HOOKS}/qemu.d/10-hugepages`] }]);
  });

  it('a monolithic qemu hook that tests the guest name counts for that guest only; host-wide writes are marked', () => {
    const text = '#!/bin/bash\nif [ "$1" = "win11" ]; then\n  if [ "$2" = "prepare" ]; then\n    echo 8192 > /proc/sys/vm/nr_hugepages\n  fi\nfi\n';
    const { snapshot } = capture(tree({ [`${HOOKS}/qemu`]: text }));
    assert.deepEqual(snapshot.libvirt?.hugepageHooks, [{ guest: 'win11', hooks: [`/${HOOKS}/qemu`], hostWide: [`/${HOOKS}/qemu`] }]);
    const host = buildHostModel(snapshot);
    assert.deepEqual(hugepageHooksFor(host, 'win11'), [`/${HOOKS}/qemu`]);
    assert.equal(hugepageHooksFor(host, 'linux-dev'), undefined);
    // A node's pool: not host-wide; with the hook-helper layout, per guest.
    const node = capture(
      tree({ [`${HOOKS}/qemu`]: DISPATCHER, [`${HOOKS}/qemu.d/win11/prepare/begin/alloc.sh`]: '#!/bin/bash\necho 8192 > /sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages\n' }),
    ).snapshot;
    const alloc = `/${HOOKS}/qemu.d/win11/prepare/begin/alloc.sh`;
    assert.deepEqual(node.libvirt?.hugepageHooks, [{ guest: 'win11', hooks: [alloc], hookNodes: { [alloc]: [0] } }]);
    assert.deepEqual([...hugepageHookNodes(buildHostModel(node), 'win11')!], [0]);
    assert.equal(hugepageHookNodes(buildHostModel(snapshot), 'win11'), undefined);
  });

  it('not run, not recorded: per-guest directories without a qemu dispatcher, scripts that are not executable', () => {
    const noDispatcher = capture(tree({ [`${HOOKS}/qemu.d/win11/prepare/begin/alloc.sh`]: ALLOC })).snapshot;
    assert.equal(noDispatcher.libvirt?.hugepageHooks, undefined);
    const rel = `${HOOKS}/qemu.d/win11/prepare/begin/alloc.sh`;
    const r = capture(tree({ [`${HOOKS}/qemu`]: DISPATCHER, [rel]: ALLOC }, [rel]));
    assert.equal(r.snapshot.libvirt?.hugepageHooks, undefined);
    assert.ok(r.notes.some((n) => n.includes('not executable')), r.notes.join('\n'));
  });

  it('the schema takes a guest or allGuests with hooks, not both and not neither', () => {
    const text = readFileSync(join(import.meta.dirname, '../../fixtures/hosts/desktop-hook.json'), 'utf8');
    const withHooks = (entry: unknown) => {
      const doc = JSON.parse(text);
      doc.libvirt.hugepageHooks = [entry];
      return JSON.stringify(doc);
    };
    assert.doesNotThrow(() => loadHostSnapshotText(withHooks({ allGuests: true, hooks: ['/etc/libvirt/hooks/qemu'] }), 'h.json'));
    for (const bad of [{ guest: 'a', allGuests: true, hooks: ['/x'] }, { hooks: ['/x'] }, { guest: 'a', hooks: [] }, { allGuests: false, hooks: ['/x'] }]) {
      assert.throws(() => loadHostSnapshotText(withHooks(bad), 'h.json'), /hugepageHooks/, JSON.stringify(bad));
    }
  });

  it('no /etc/libvirt/hooks: no field, nothing missing', () => {
    const { snapshot } = capture(tree({}));
    assert.equal(snapshot.libvirt?.hugepageHooks, undefined);
    assert.ok(!(snapshot.missing ?? []).includes('libvirt.hooks'));
  });
});

describe('hostile hook trees (snapshot --root)', () => {
  it('a script linked out of the tree, or out of /etc/libvirt/hooks, a FIFO and a huge file are refused, each said', () => {
    const root = tree({
      [`${HOOKS}/qemu`]: DISPATCHER,
      [`${HOOKS}/qemu.d/ok/prepare/begin/alloc.sh`]: ALLOC,
      // Inside the tree but outside the hooks directory: libvirt never runs it from here, and it is not read.
      'usr/local/bin/alloc.sh': ALLOC,
    });
    const outside = join(dirname(root), 'outside.sh');
    writeFileSync(outside, ALLOC, { mode: 0o755 });
    const begin = (guest: string) => {
      const d = join(root, HOOKS, 'qemu.d', guest, 'prepare', 'begin');
      mkdirSync(d, { recursive: true });
      return d;
    };
    symlinkSync(outside, join(begin('escape'), 'alloc.sh'));
    symlinkSync(join(root, 'usr/local/bin/alloc.sh'), join(begin('elsewhere'), 'alloc.sh'));
    symlinkSync('/etc/passwd', join(begin('passwd'), 'alloc.sh'));
    // A guest directory linked out of the tree.
    mkdirSync(join(dirname(root), 'outdir/prepare/begin'), { recursive: true });
    writeFileSync(join(dirname(root), 'outdir/prepare/begin/alloc.sh'), ALLOC, { mode: 0o755 });
    symlinkSync(join(dirname(root), 'outdir'), join(root, HOOKS, 'qemu.d', 'linked'));
    assert.equal(spawnSync('mkfifo', [join(begin('fifo'), 'alloc.sh')]).status, 0);
    // A huge file (sparse: no disk used), larger than a hook script can be.
    const huge = join(begin('huge'), 'alloc.sh');
    const fd = openSync(huge, 'w', 0o755);
    ftruncateSync(fd, MAX_HOOK_BYTES + 1);
    closeSync(fd);
    const started = Date.now();
    const { snapshot, notes } = capture(root);
    assert.ok(Date.now() - started < 20_000, 'capture finished (no blocking on the FIFO)');
    assert.deepEqual(snapshot.libvirt?.hugepageHooks, [{ guest: 'ok', hooks: [`/${HOOKS}/qemu.d/ok/prepare/begin/alloc.sh`], hostWide: [`/${HOOKS}/qemu.d/ok/prepare/begin/alloc.sh`] }]);
    const note = notes.find((n) => n.startsWith('libvirt hooks:')) ?? '';
    for (const guest of ['escape', 'elsewhere', 'passwd', 'linked']) assert.ok(note.includes(`qemu.d/${guest}`), `${guest}: ${note}`);
    assert.match(note, /fifo\/prepare\/begin\/alloc\.sh \(not a regular file\)/);
    assert.match(note, new RegExp(`huge/prepare/begin/alloc\\.sh \\(larger than ${MAX_HOOK_BYTES} bytes\\)`));
  });

  it('/etc/libvirt/hooks itself linked out of the tree: nothing read', () => {
    const root = tree({});
    const out = join(dirname(root), 'hooks-out');
    mkdirSync(join(out, 'qemu.d'), { recursive: true });
    writeFileSync(join(out, 'qemu'), '#!/bin/sh\nsysctl vm.nr_hugepages=4096\n', { mode: 0o755 });
    mkdirSync(join(root, 'etc/libvirt'), { recursive: true });
    symlinkSync(out, join(root, HOOKS));
    const { snapshot } = capture(root);
    assert.equal(snapshot.libvirt?.hugepageHooks, undefined);
  });
});
