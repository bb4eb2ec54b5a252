/**
 * `npm run snapshots`: rewrites every fixtures folder's snapshot (rules/<id>/fixtures.snap.json,
 * fixtures/domains.snap.json) from what kvmlint reports now. Review the diff before committing:
 * test/fixtures.test.ts fails while a snapshot and the findings disagree.
 */
import { writeFileSync } from 'node:fs';
import { fixtureFolders, renderSnapshot, snapshotPath } from '../test/support/fixtures.ts';

const filter = process.argv[2];
for (const dir of fixtureFolders()) {
  if (filter && !dir.includes(filter)) continue;
  writeFileSync(snapshotPath(dir), await renderSnapshot(dir));
}
