import type { BuildOptions, Plugin } from 'esbuild';
/** esbuild plugin: `import('libxml2-wasm')` loads the package flattened into one module (see esbuild-engine.mjs). */
export function libxml2FlatPlugin(): Promise<Plugin>;
export function asciiOutputPlugin(): Plugin;
export function engineBuildOptions(): Promise<BuildOptions>;
