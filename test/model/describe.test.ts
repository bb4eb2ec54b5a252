import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listBounded } from '../../src/model/describe.ts';

test('listBounded counts what it leaves out, singular for one: "and 1 other guest", not "1 other guests"', () => {
  // The fourth real-data sweep printed "gentoo-vm, artix, freebsd and 1 other guests can run there" (smt-sibling-sharing).
  const more = ['other guest', 'other guests'] as const;
  assert.equal(listBounded(['a', 'b', 'c'], 4, 3, more), 'a, b, c and 1 other guest');
  assert.equal(listBounded(['a', 'b', 'c'], 5, 3, more), 'a, b, c and 2 other guests');
  assert.equal(listBounded(['a', 'b'], 3, 2, more), 'a, b and 1 other guest');
  assert.equal(listBounded(['a', 'b'], 2, 3, more), 'a and b');
  assert.equal(listBounded(['a', 'b', 'c', 'd'], 5), 'a, b, c and 2 other domains');
  assert.equal(listBounded(['a', 'b', 'c', 'd'], 4), 'a, b, c and 1 other domain');
  // A single form is used as given (callers that choose it themselves).
  assert.equal(listBounded(['a', 'b', 'c'], 4, 3, 'other devices'), 'a, b, c and 1 other devices');
});
