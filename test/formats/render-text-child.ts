// Run in a child process by text.test.ts: colour support is decided when chalk and @babel/highlight
// load, so an environment that forces colour (FORCE_COLOR, or CI for picocolors) needs a fresh process.
import { formatCodeframe } from '../../src/formats/text.ts';
import { sampleResult } from './lint-result.ts';

process.stdout.write(
  JSON.stringify({
    plain: formatCodeframe(sampleResult(), { color: false }),
    colored: formatCodeframe(sampleResult(), { color: true }),
  }),
);
