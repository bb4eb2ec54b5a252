import { schemaFacts, type SchemaFacts } from './facts.ts';
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMAIN_SCHEMA, SchemaError } from './dir.ts';
import type { SchemaDetail, SchemaFailure, SchemaValidator } from './types.ts';
import { helperGrace, SchemaHelper } from './helper.ts';

/**
 * RelaxNG validation against libvirt's own schemas with libxml2 (the engine libvirt
 * itself validates with: virxml.c virXMLValidatorInit / virXMLValidateAgainstSchema),
 * compiled to WebAssembly by libxml2-wasm.
 *
 * libxml2-wasm is imported dynamically: a lint without --schema never loads it (it
 * also uses top-level await, which is why the bundle is ESM).
 *
 * File access: libxml2 reads domain.rng's includes through the input provider
 * below, and only while a schema is being compiled; the provider serves .rng files
 * whose real path lies inside the schema directory and refuses every other name
 * (other paths, `..`, symlinks leading out, http:// and any other scheme). libxml2's
 * own file opener runs inside the WebAssembly sandbox, whose file system is an empty
 * one in memory, so it cannot reach the disk either. Validating a domain reads no file.
 */

type Libxml2 = typeof import('libxml2-wasm');

/** HelperRequest.status: the helper found the text valid and its validator still rejects the canary. */
const CONFIRMED_VALID = 1;

let libxml2: Promise<Libxml2> | undefined;
/** Compiled schemas by real directory path: each is compiled once per process. */
const compiled = new Map<string, Promise<SchemaValidator>>();
/** Helper threads by the real directory path of the schema they compiled: at most one each. */
const helpers = new Map<string, SchemaHelper>();
let compilations = 0;

/** How many times domain.rng has been compiled in this process (tests check it is once per run). */
export function schemaCompilationCount(): number {
  return compilations;
}

/** A schema file is read whole by libxml2; libvirt's largest (domaincommon.rng) is about 250 KB. */
const MAX_SCHEMA_FILE_BYTES = 16 * 1024 * 1024;

interface Access {
  /** Real path of the schema directory. */
  dir: string;
  /** Names libxml2 asked for and was refused, for the error message. */
  refused: string[];
  /** Paths of the .rng files libxml2 read: the grammar, whose element names schemaFacts lists. */
  opened: string[];
}

/** Set only while a schema compiles: the provider serves nothing otherwise. */
let access: Access | undefined;

/** The real path of `name` when it is an .rng file inside `a.dir`, else undefined (recorded as refused). */
function schemaFilePath(a: Access, name: string): string | undefined {
  let path: string | undefined;
  if (/^file:/i.test(name)) {
    try {
      path = fileURLToPath(name);
    } catch {
      path = undefined;
    }
  } else if (!/^[a-z][a-z0-9+.-]*:/i.test(name)) {
    path = isAbsolute(name) ? resolve(name) : resolve(a.dir, name);
  }
  // Lexically inside first, so a name outside is refused without touching it (not even a stat).
  const inside = (p: string) => p.startsWith(a.dir + sep);
  if (path === undefined || !inside(path) || !path.endsWith('.rng')) {
    a.refused.push(name);
    return undefined;
  }
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    // libxml2 escapes characters such as spaces when it builds an include's URI.
    const unescaped = safeDecode(path);
    if (unescaped === path) return undefined;
    try {
      real = realpathSync(unescaped);
    } catch {
      return undefined;
    }
  }
  // A symlink inside the directory that leads out of it.
  if (!inside(real)) {
    a.refused.push(name);
    return undefined;
  }
  return real;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Opens a schema file for libxml2 (or for domain.rng itself); undefined when refused or unreadable. */
function openSchemaFile(a: Access, name: string): number | undefined {
  const path = schemaFilePath(a, name);
  if (path === undefined) return undefined;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  const st = fstatSync(fd);
  if (!st.isFile() || st.size > MAX_SCHEMA_FILE_BYTES) {
    closeSync(fd);
    a.refused.push(name);
    return undefined;
  }
  a.opened.push(path);
  return fd;
}

const provider = {
  // Claim every name, so no other opener is asked before this one refuses.
  match: (): boolean => true,
  open: (name: string): number | undefined => (access ? openSchemaFile(access, name) : undefined),
  read: (fd: number, buf: Uint8Array): number => {
    try {
      return readSync(fd, buf, 0, buf.byteLength, null);
    } catch {
      return -1;
    }
  },
  close: (fd: number): boolean => {
    try {
      closeSync(fd);
      return true;
    } catch {
      return false;
    }
  },
};

async function loadLibxml2(): Promise<Libxml2> {
  libxml2 ??= import('libxml2-wasm').then((lib) => {
    if (!lib.xmlRegisterInputProvider(provider)) throw new Error('libxml2 refused the schema input provider');
    return lib;
  });
  return libxml2;
}

function readWhole(fd: number): Buffer {
  const size = fstatSync(fd).size;
  const buf = Buffer.alloc(size);
  let off = 0;
  while (off < size) {
    const n = readSync(fd, buf, off, size - off, off);
    if (n === 0) break;
    off += n;
  }
  return buf.subarray(0, off);
}

function detailsOf(e: unknown): SchemaDetail[] {
  const raw = (e as { details?: Array<{ message: string; level: number; line: number; xpath?: string }> }).details ?? [];
  return raw.map((d) => ({ message: d.message.trim(), level: d.level, line: d.line, ...(d.xpath ? { xpath: d.xpath } : {}) }));
}

/** A domain libxml2 could not give a verdict on: reported as schema-invalid (exit 1 or 2), never as valid. */
function notValidated(why: string): SchemaFailure {
  return { kind: 'invalid', unvalidated: true, details: [{ message: `libxml2 could not validate this domain: ${why}; it is not known to be valid`, level: 3, line: 0 }] };
}

async function compile(dir: string, shown: string): Promise<SchemaValidator> {
  const lib = await loadLibxml2();
  const { XmlDocument, RelaxNGValidator, XmlParseError, XmlValidateError, ParseOption } = lib;
  // libvirt parses with XML_PARSE_NONET | XML_PARSE_NOWARNING (virxml.c virXMLParseHelper); NO_XXE on top.
  // COMPACT keeps short text nodes inside the node (fewer allocations; the tree is never modified here): a
  // verdict costs ~2% less, and the verdicts and details were identical with and without it on every XML
  // file of this repository and on 4,000 mutations of them (1,646 of them invalid).
  const parseOptions = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NOWARNING | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_COMPACT;
  const a: Access = { dir, refused: [], opened: [] };
  const mainPath = join(dir, DOMAIN_SCHEMA);
  let validator: InstanceType<typeof RelaxNGValidator>;
  access = a;
  try {
    const fd = openSchemaFile(a, mainPath);
    if (fd === undefined) {
      const why = a.refused.length > 0 ? ': it leads outside the schema directory' : '';
      throw new SchemaError(`schema directory ${shown}: ${DOMAIN_SCHEMA} cannot be read${why}`);
    }
    let text: Buffer;
    try {
      text = readWhole(fd);
    } finally {
      closeSync(fd);
    }
    const rng = XmlDocument.fromBuffer(text, { url: mainPath, option: parseOptions });
    try {
      validator = RelaxNGValidator.fromDoc(rng);
    } finally {
      // xmlRelaxNGNewDocParserCtxt works on its own copy of the document.
      rng.dispose();
    }
    compilations++;
  } catch (e) {
    if (e instanceof SchemaError) throw e;
    const first = detailsOf(e)[0]?.message ?? (e instanceof Error ? e.message.trim() : String(e));
    const refused = a.refused.length > 0 ? `; refused to read ${[...new Set(a.refused)].join(', ')}: only .rng files inside the schema directory are read` : '';
    throw new SchemaError(`libvirt's schema in ${shown} could not be compiled: ${first}${refused}`);
  } finally {
    access = undefined;
  }

  /** Parsed once and kept: only its validation tells anything about the validator's state. */
  let canary: InstanceType<typeof XmlDocument> | undefined;
  const rejectsCanary = (): boolean => {
    try {
      canary ??= XmlDocument.fromString('<kvmlint-not-a-domain/>', { encoding: 'utf-8', option: parseOptions });
    } catch {
      return false;
    }
    try {
      validator.validate(canary);
      return false;
    } catch (e) {
      return e instanceof XmlValidateError;
    }
  };
  /** libxml2's verdict on one text; "valid" still needs the canary's confirmation (below). */
  const verdictOf = (text: string): SchemaFailure | undefined => {
    // A lone CR ends a line for XML (and for kvmlint's line index) but not for libxml2's
    // line counter; the replacement keeps every offset. The text is already decoded:
    // say so, so an encoding named in the XML declaration is not applied twice.
    const normalized = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
    let doc: InstanceType<typeof XmlDocument>;
    try {
      // Encoded natively: fromString encodes in a JavaScript loop a character at a time (~2% of a verdict).
      doc = XmlDocument.fromBuffer(Buffer.from(normalized, 'utf8'), { encoding: 'utf-8', option: parseOptions });
    } catch (e) {
      if (e instanceof XmlParseError) return { kind: 'unparsable', details: detailsOf(e) };
      throw e;
    }
    try {
      validator.validate(doc);
    } catch (e) {
      if (e instanceof XmlValidateError) return { kind: 'invalid', details: detailsOf(e) };
      // libxml2's internal error (xmlRelaxNGValidateDoc < 0), out of memory, a WebAssembly trap:
      // no verdict, so not valid (fail closed).
      return notValidated(e instanceof Error ? e.message.trim() : String(e));
    } finally {
      doc.dispose();
    }
    return undefined;
  };
  const canaryAccepted = (): SchemaFailure => notValidated('it accepted a document that is not a domain (out of memory, or a schema that accepts anything)');
  // After memory ran out libxml2 may return 0 with no error: "valid" counts only when the same
  // validator still rejects a document that is no domain at all.
  const validateHere = (text: string): SchemaFailure | undefined => verdictOf(text) ?? (rejectsCanary() ? undefined : canaryAccepted());
  /**
   * Validates the texts whose indexes `next` hands out (HelperRequest.claim), by index, and asks the
   * canary once for all of them: a validator that memory exhaustion left accepting anything stays
   * so for the canary after the batch as after each text, and then every "valid" of the batch is
   * withdrawn. A text whose validation throws is left out, for validate() to meet in the rule.
   */
  const validateClaimed = (texts: readonly string[], next: Int32Array, onEach?: () => void, status?: Int32Array): Array<[number, SchemaFailure | undefined]> => {
    const verdicts: Array<[number, SchemaFailure | undefined]> = [];
    for (let i = Atomics.add(next, 0, 1); i < texts.length; i = Atomics.add(next, 0, 1)) {
      try {
        const verdict = verdictOf(texts[i]!);
        verdicts.push([i, verdict]);
        // Published at once, so the other thread need not wait for the batch's reply (a canary is ~24 µs, under 2% of a verdict).
        if (status !== undefined && verdict === undefined && rejectsCanary()) Atomics.store(status, i, CONFIRMED_VALID);
      } catch {
        // Left to validate().
      }
      onEach?.();
    }
    if (verdicts.some(([, v]) => v === undefined) && !rejectsCanary()) {
      for (const entry of verdicts) entry[1] ??= canaryAccepted();
    }
    return verdicts;
  };

  let facts: SchemaFacts | undefined;
  /** Verdicts reached ahead of validate() by prevalidate, for the current batch only. */
  const known = new Map<string, SchemaFailure | undefined>();
  /** The batches prefetch sent the helper, in order, until prevalidate takes each up. */
  const ahead: Array<{ texts: readonly string[]; next: Int32Array; status: Int32Array; request: number }> = [];
  /**
   * The helper's share of the batch prevalidate last took, until its reply is collected: validate()
   * takes a "valid" the helper has published (HelperRequest.status) and waits only for the others,
   * so neither thread idles at a batch's end while the other finishes its last text.
   */
  let pending: { texts: readonly string[]; status: Int32Array; request: number; index?: Map<string, number> } | undefined;
  const settle = (): void => {
    const p = pending;
    if (p === undefined) return;
    pending = undefined;
    // What the helper claimed and could not answer is validated when the rule asks.
    for (const [i, verdict] of helpers.get(dir)?.collect(p.request) ?? []) known.set(p.texts[i]!, verdict);
  };
  /** True when the helper published text's verdict "valid" for the pending batch. */
  const publishedValid = (text: string): boolean => {
    const p = pending!;
    p.index ??= new Map(p.texts.map((t, i) => [t, i]));
    const i = p.index.get(text);
    return i !== undefined && Atomics.load(p.status, i) === CONFIRMED_VALID;
  };
  return {
    dir,
    shown,
    facts: () => (facts ??= schemaFacts(dir, [...new Set(a.opened)])),
    validate(text: string): SchemaFailure | undefined {
      if (!known.has(text) && pending !== undefined) {
        if (publishedValid(text)) return undefined;
        settle();
      }
      if (!known.has(text)) return validateHere(text);
      // Answered once: the batch's texts are not kept past their lint.
      const verdict = known.get(text);
      known.delete(text);
      return verdict;
    },
    prevalidate(texts: readonly string[]): void {
      settle();
      known.clear();
      const helper = helpers.get(dir);
      let next: Int32Array;
      let status: Int32Array;
      let request: number | undefined;
      const sent = ahead.findIndex((a) => a.texts === texts);
      if (sent >= 0) {
        // Batches sent before it and never taken up are taken back.
        for (const a of ahead.splice(0, sent)) {
          Atomics.store(a.next, 0, a.texts.length);
          helper?.discard(a.request);
        }
        // The helper has been at it since prefetch: this thread takes what it has not claimed.
        ({ next, status, request } = ahead.shift()!);
      } else {
        // Both threads take the next text until none is left (HelperRequest.claim).
        next = new Int32Array(new SharedArrayBuffer(4));
        status = new Int32Array(new SharedArrayBuffer(4 * texts.length));
        request = texts.length > 1 ? helper?.send(texts, next, status) : undefined;
      }
      if (request === undefined) return;
      for (const [i, verdict] of validateClaimed(texts, next)) known.set(texts[i]!, verdict);
      pending = { texts, status, request };
    },
    prefetch(texts: readonly string[]): void {
      const next = new Int32Array(new SharedArrayBuffer(4));
      const status = new Int32Array(new SharedArrayBuffer(4 * texts.length));
      const request = texts.length > 1 ? helpers.get(dir)?.send(texts, next, status) : undefined;
      if (request !== undefined) ahead.push({ texts, next, status, request });
    },
    helperAlive: () => helpers.get(dir)?.alive === true,
    validateClaimed,
    helperValidated: () => {
      settle();
      return helpers.get(dir)?.validated ?? 0;
    },
  };
}

/**
 * A validator for schemas a pull request supplies (a directory inside the workspace): libxml2's
 * RelaxNG validation is exponential on a crafted grammar (nested ambiguous choices: 3 KB took 16 s on
 * 32 elements, doubling every 4), and WebAssembly on this thread cannot be interrupted. So every
 * text goes to the helper thread, which reports after each one; a text it has not answered within
 * the grace time (10 s; libvirt's own grammar takes milliseconds) ends the helper and is "not known
 * to be valid", as is every text after it. The lint goes on, and fails closed.
 */
function boundedValidator(inner: SchemaValidator, helper: SchemaHelper): SchemaValidator {
  const known = new Map<string, SchemaFailure | undefined>();
  const stopped = (): SchemaFailure =>
    notValidated(`stopped after ${Math.round(helperGrace() / 1000)} s (libvirt's grammar takes milliseconds)`);
  const run = (texts: readonly string[]): void => {
    if (!helper.waitReady()) {
      for (const t of texts) known.set(t, stopped());
      return;
    }
    const request = helper.send(texts, new Int32Array(new SharedArrayBuffer(4)), undefined, true);
    const verdicts = request === undefined ? undefined : helper.collect(request);
    texts.forEach((t, i) => known.set(t, verdicts?.has(i) ? verdicts.get(i) : stopped()));
  };
  return {
    dir: inner.dir,
    shown: inner.shown,
    facts: () => inner.facts(),
    validate(text: string): SchemaFailure | undefined {
      if (!known.has(text)) run([text]);
      const verdict = known.get(text);
      known.delete(text);
      return verdict;
    },
    prevalidate(texts: readonly string[]): void {
      known.clear();
      if (texts.length > 0) run(texts);
    },
    helperAlive: () => helper.alive,
    helperValidated: () => helper.validated,
  };
}

/**
 * Below this many domains a run validates on its own thread: starting the helper (loading
 * libxml2, compiling the schema) costs ~0.2 s of another core, ~80 domains' validation.
 */
let helperMinDocuments = 64;

/** For tests: the number of domains from which a run starts the helper thread. */
export function setSchemaHelperThreshold(documents: number): void {
  helperMinDocuments = documents;
}

/**
 * libvirt's domain.rng from `dir` (which must hold it), compiled once per process and
 * shared by every lint after that. Throws SchemaError (exit 2) when it cannot be compiled.
 * A run that will validate `documents` domains, enough of them, also starts the helper thread
 * (src/schema/helper.ts) now, so that it compiles the schema while this thread does.
 */
export function loadSchemaValidator(dir: string, shown = dir, documents = 0, bounded = false): Promise<SchemaValidator> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    return Promise.reject(new SchemaError(`schema directory ${shown} cannot be used: ${(e as Error).message}`));
  }
  if ((bounded || documents >= helperMinDocuments) && !helpers.get(real)?.alive) helpers.set(real, new SchemaHelper(real, shown));
  if (bounded) {
    const helper = helpers.get(real)!;
    // From source without the helper's bundle (tests under tsx) there is no thread to bound: validated here.
    if (helper.alive) return loadSchemaValidator(dir, shown, documents, false).then((inner) => boundedValidator(inner, helper));
  }
  let v = compiled.get(real);
  if (!v) {
    v = compile(real, shown);
    compiled.set(real, v);
    // A failure is not cached: the next run reports it again (or succeeds once fixed).
    v.catch(() => {
      compiled.delete(real);
      helpers.get(real)?.stop();
      helpers.delete(real);
    });
  }
  return v;
}
