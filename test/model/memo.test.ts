import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../src/xml/index.ts';
import { buildDomainModel } from '../../src/model/domain.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { memoPerDomain } from '../../src/model/memo.ts';

const domain = () => buildDomainModel(parseXml(`<domain type='kvm'><vcpu>2</vcpu></domain>`).root!);
const host = (online: string) => buildHostModel({ kvmlintHostSnapshot: 1, cpus: { online }, nodes: [{ id: 0, cpus: online }] });

test('memoPerDomain computes once per (domain, host), keeps hosts apart, and never shares between domains', () => {
  let calls = 0;
  const onlineCount = memoPerDomain((_d, h) => {
    calls++;
    return h ? h.online.size : -1;
  });
  const a = domain();
  const b = domain();
  const h1 = host('0-3');
  const h2 = host('0-7');
  assert.equal(onlineCount(a, h1), 4);
  assert.equal(onlineCount(a, h1), 4);
  assert.equal(calls, 1, 'the second call is answered from the slot');
  assert.equal(onlineCount(a, h2), 8, 'another host is another answer (side table)');
  assert.equal(onlineCount(a, h2), 8);
  assert.equal(onlineCount(a), -1, 'no host is a key of its own');
  assert.equal(onlineCount(a, h1), 4, 'the first host still answers from its slot');
  assert.equal(calls, 3);
  assert.equal(onlineCount(b, h2), 8);
  assert.equal(calls, 4, 'a different domain computes its own');
});
