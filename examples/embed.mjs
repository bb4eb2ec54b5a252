// kvmlint as a library (README "Use from JavaScript"): lint a domain and a host held in memory.
// Run from the repository root: node examples/embed.mjs
import { readFileSync } from 'node:fs';
import { lintPlan, format } from '../dist/api.mjs'; // installed: from 'kvmlint'

const result = lintPlan({
  domains: [{ path: 'examples/domains/pin-crosses-nodeset.xml', text: readFileSync('examples/domains/pin-crosses-nodeset.xml', 'utf8') }],
  host: { path: 'dual-socket.json', text: readFileSync('examples/hosts/dual-socket.json', 'utf8') },
  rules: { 'missing-emulatorpin': 'off' },
});
for (const d of result.diagnostics) console.log(d.ruleId, d.messageId, d.line, d.message, d.related?.length ?? 0);
process.stdout.write(format(result, 'compact'));
