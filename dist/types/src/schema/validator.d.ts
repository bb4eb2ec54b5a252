import type { SchemaValidator } from './types.js';
/** How many times domain.rng has been compiled in this process (tests check it is once per run). */
export declare function schemaCompilationCount(): number;
/** For tests: the number of domains from which a run starts the helper thread. */
export declare function setSchemaHelperThreshold(documents: number): void;
/**
 * libvirt's domain.rng from `dir` (which must hold it), compiled once per process and
 * shared by every lint after that. Throws SchemaError (exit 2) when it cannot be compiled.
 * A run that will validate `documents` domains, enough of them, also starts the helper thread
 * (src/schema/helper.ts) now, so that it compiles the schema while this thread does.
 */
export declare function loadSchemaValidator(dir: string, shown?: string, documents?: number, bounded?: boolean): Promise<SchemaValidator>;
