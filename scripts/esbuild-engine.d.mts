import type { BuildOptions, Plugin } from 'esbuild';
/** esbuild plugin: `import('libxml2-wasm')` loads the package flattened into one module beside the bundle (see esbuild-engine.mjs). */
export function libxml2FilePlugin(): Promise<Plugin>;
export const LIBXML2_FILE: string;
export function asciiOutputPlugin(): Plugin;
export function engineBuildOptions(): Promise<BuildOptions>;
