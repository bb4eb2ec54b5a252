import type { BuildOptions, Plugin } from 'esbuild';
/** The file beside each bundle that `import('libxml2-wasm')` loads (see esbuild-engine.mjs). */
export const LIBXML2_FILE: string;
/** The file beside each bundle that `import('globby')` loads. */
export const GLOBBY_FILE: string;
/** The --schema helper thread's bundle beside the others (src/schema/worker.ts). */
export const SCHEMA_WORKER_FILE: string;
/** Every file written beside the bundles. */
export const BUNDLE_SIBLINGS: readonly string[];
export function asciiOutputPlugin(): Plugin;
/** libxml2-wasm's module with its wasm template literal turned into base64 (faster to import). */
export function wasmLiteralAsBase64(text: string): string;
export function engineBuildOptions(): Promise<BuildOptions>;
/** The CLI bundle's options: CommonJS, started by the launcher (src/launcher.ts). */
export function cliBundleOptions(): Promise<BuildOptions>;
/** The CLI bundle beside the launcher. */
export const CLI_BUNDLE_FILE: string;
export const LAUNCHER_BIN_FILE: string;
