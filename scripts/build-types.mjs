// Writes dist/types/: the type declarations of the package's library entry (src/api.ts, bundled as
// dist/api.mjs) and of every module its types reach, so `import { lintPlan } from 'kvmlint'` is typed.
// tsc emits the declarations with the sources' `.ts` import specifiers; they are rewritten to `.js`,
// which TypeScript resolves to the `.d.ts` beside them.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const outDir = 'dist/types';
const config = '.tmp-tsconfig.types.json';
rmSync(outDir, { recursive: true, force: true });
writeFileSync(
  config,
  JSON.stringify({
    extends: './tsconfig.json',
    compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true, outDir, rootDir: '.', types: ['node'] },
    include: [],
    files: ['src/api.ts', 'src/formats/eslint-formatter-friendly.d.ts', 'src/formats/babel-code-frame.d.ts'],
  }),
);
try {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config], { stdio: 'inherit' });
} finally {
  rmSync(config, { force: true });
}
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
for (const file of walk(outDir)) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]*?)\.ts\2/g, '$1$2$3.js$2'));
}
