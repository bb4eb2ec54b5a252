/**
 * A JSON Schema validator for kvmlint's own two schemas (schemas/host-snapshot.schema.json and
 * schemas/kvmlint.config.schema.json): the draft-07 keywords they use, interpreted from the schema
 * itself, reporting exactly the errors Ajv 8 reports with `{ allErrors: true, verbose: true }` (same
 * errors, same order, same params and messages; test/json/validators.test.ts compares the two on
 * every shipped document, hand-broken variants and thousands of random mutations).
 *
 * Why not Ajv's own standalone code: it writes straight-line code for every property, 255 KB of
 * the 1.29 MB CLI bundle for these two schemas, and a one-file run with a host paid for its bytecode
 * in every start (the code cache it deserialized was 260 KB larger, ~400 page faults, 5-8 ms on a
 * machine with slow faults). The schema itself, without its prose, is 15 KB.
 *
 * What it reproduces of Ajv (node_modules/ajv/lib, 8.x):
 * - the order keywords run in: a type check up front unless the schema's one type has keywords of
 *   its own (compile/validate/dataType.ts coerceAndCheckDataType), then the keyword groups of
 *   compile/rules.ts getRules: untyped ($ref, const, enum, oneOf), number, string, array, object,
 *   each keyword in the order its vocabulary adds it (items and additionalItems before uniqueItems);
 * - a typed group runs only on data of its type, and reports the type error in its place when the
 *   schema's one type is that group's (compile/validate/index.ts schemaKeywords);
 * - `$ref` to `#/definitions/…`: inlined (errors' schemaPath under the `$ref` text) unless the target
 *   holds a `$ref` itself, which Ajv compiles apart (schemaPath from `#`; compile/resolve.ts inlineRef);
 * - each keyword's condition, params and message (vocabularies/validation, vocabularies/applicator),
 *   including oneOf's (a third passing schema makes it valid again) and uniqueItems' two loops.
 *
 * How: each schema is prepared once (its keywords in Ajv's order, its path, its compiled pattern), and
 * on first use becomes one small closure per keyword (buildCheck); the data's path is a stack of
 * segments joined only for an error. A first version, one function switching over keywords and
 * building paths as it went, took 10x Ajv's time on the 1,700-host fleet's snapshots (docs/speed.md).
 *
 * A keyword it does not implement makes compiling the schema throw: a schema change that needs one
 * fails the build's tests instead of being ignored.
 */

import { jsonEqual } from './equal.ts';

/** An error as Ajv reports it with `verbose: true` (its ErrorObject). */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
  schema: unknown;
  parentSchema: SchemaObject;
  data: unknown;
  propertyName?: string;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors: SchemaError[] | null;
  /**
   * Prepares every subschema now, throwing on the first keyword or `$ref` not implemented. A run
   * prepares a subschema only when data reaches it (a config naming only hosts never prepares the
   * 59 rules' settings); the tests call this so no part of a schema goes unchecked.
   */
  prepareAll(): void;
}

type SchemaObject = Record<string, unknown>;
type JsonType = 'number' | 'integer' | 'string' | 'boolean' | 'array' | 'object' | 'null';

/** Keywords that only describe: no rule in Ajv, so a schema of only these accepts anything. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'definitions', 'deprecated', 'readOnly', 'writeOnly']);
/** Ajv's rule groups in order (compile/rules.ts), each keyword in the order its vocabulary adds it; `type` has no code of its own. */
const GROUPS: ReadonlyArray<{ type: 'number' | 'string' | 'array' | 'object' | undefined; keywords: readonly string[] }> = [
  { type: undefined, keywords: ['$ref', 'const', 'enum', 'oneOf'] },
  { type: 'number', keywords: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum'] },
  { type: 'string', keywords: ['maxLength', 'minLength', 'pattern'] },
  { type: 'array', keywords: ['maxItems', 'minItems', 'additionalItems', 'items', 'uniqueItems'] },
  { type: 'object', keywords: ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'properties'] },
];
const RULE_KEYWORDS = new Set(['type', ...GROUPS.flatMap((g) => g.keywords)]);
const JSON_TYPES = new Set<string>(['number', 'integer', 'string', 'boolean', 'array', 'object', 'null']);
const COMPARISONS: Readonly<Record<string, { ok: string; fails: (data: number, limit: number) => boolean }>> = {
  maximum: { ok: '<=', fails: (d, l) => d > l || Number.isNaN(d) },
  minimum: { ok: '>=', fails: (d, l) => d < l || Number.isNaN(d) },
  exclusiveMaximum: { ok: '<', fails: (d, l) => d >= l || Number.isNaN(d) },
  exclusiveMinimum: { ok: '>', fails: (d, l) => d <= l || Number.isNaN(d) },
};

/** A schema object prepared once: its place, the keywords it runs in order, its compiled pattern, its subschemas. */
interface Node {
  schema: SchemaObject;
  /** Ajv's errSchemaPath of this schema: fixed, so errors build no paths while data is valid. */
  path: string;
  /** Ajv's alwaysValidSchema: no rule keyword at all. */
  alwaysValid: boolean;
  /** Fills in the fields below and prepares the subschemas: on first use (buildCheck) or prepareAll. */
  expand?: () => void;
  types: JsonType[];
  /** Whether the type is checked before the groups (else in its group's place). */
  typeUpFront: boolean;
  /** Only `$ref` (and annotations): Ajv runs the reference and nothing else. */
  refOnly: boolean;
  /** The groups with a keyword here, in Ajv's order, each with its keywords present. */
  groups: Array<{ type: JsonType | undefined; keywords: string[] }>;
  ref?: Node | boolean;
  pattern?: RegExp;
  properties?: Array<[name: string, node: Node | boolean, segment: string]>;
  propertyNamesSet?: Set<string>;
  additionalProperties?: Node | boolean;
  propertyNames?: Node | boolean;
  items?: Node | boolean | Array<Node | boolean>;
  additionalItems?: Node | boolean;
  oneOf?: Array<Node | boolean>;
  /** uniqueItems: the item types when Ajv's scalar loop applies (items' types, none object or array). */
  uniqueScalarTypes?: JsonType[];
  /** Its check, built on first use (buildCheck). */
  run?: (data: unknown) => void;
}

/** Compiles `root` (a parsed schema); throws on a keyword or `$ref` this validator does not implement. */
export function compileSchema(root: SchemaObject): SchemaValidator {
  const nodes = new Map<SchemaObject, Node>();
  const refs = new Map<string, { target: Node | boolean }>();
  const top = prepare(root, '#');

  function prepare(schema: unknown, path: string): Node | boolean {
    if (typeof schema === 'boolean') return schema;
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throw new Error(`${path}: a schema is an object or a boolean`);
    const s = schema as SchemaObject;
    const known = nodes.get(s);
    if (known) return known;
    for (const key of Object.keys(s)) {
      if (!RULE_KEYWORDS.has(key) && !ANNOTATIONS.has(key)) throw new Error(`${path}: keyword '${key}' is not implemented by src/json/schema-validator.ts`);
    }
    const hasRules = Object.keys(s).some((k) => RULE_KEYWORDS.has(k));
    const node: Node = { schema: s, path, alwaysValid: !hasRules, types: [], typeUpFront: false, refOnly: false, groups: [] };
    nodes.set(s, node);
    node.expand = () => expand(node);
    return node;
  }

  function expand(node: Node): void {
    node.expand = undefined;
    const { schema: s, path } = node;
    const types = schemaTypes(s.type, path);
    const groups = GROUPS.map((g) => ({ type: g.type as JsonType | undefined, keywords: g.keywords.filter((k) => s[k] !== undefined) })).filter((g) => g.keywords.length > 0);
    node.types = types;
    node.groups = groups;
    node.typeUpFront = types.length > 0 && !(types.length === 1 && groups.some((g) => g.type === types[0]));
    node.refOnly = s.$ref !== undefined && !Object.keys(s).some((k) => k !== '$ref' && RULE_KEYWORDS.has(k));
    if (s.$ref !== undefined) node.ref = resolveRef(s.$ref, path);
    if (typeof s.pattern === 'string') node.pattern = new RegExp(s.pattern, 'u');
    if (s.properties !== undefined) {
      node.properties = Object.keys(s.properties as SchemaObject)
        .filter((p) => p !== '__proto__')
        .map((p) => [p, prepare((s.properties as SchemaObject)[p], `${path}/properties/${fragmentSegment(p)}`), pointerSegment(p)]);
      node.propertyNamesSet = new Set(node.properties.map(([name]) => name));
    }
    if (s.additionalProperties !== undefined) node.additionalProperties = prepare(s.additionalProperties, `${path}/additionalProperties`);
    if (s.propertyNames !== undefined) node.propertyNames = prepare(s.propertyNames, `${path}/propertyNames`);
    if (Array.isArray(s.items)) node.items = s.items.map((item, i) => prepare(item, `${path}/items/${i}`));
    else if (s.items !== undefined) node.items = prepare(s.items, `${path}/items`);
    if (s.additionalItems !== undefined) node.additionalItems = prepare(s.additionalItems, `${path}/additionalItems`);
    if (s.oneOf !== undefined) {
      if (!Array.isArray(s.oneOf)) throw new Error(`${path}/oneOf: an array of schemas`);
      node.oneOf = s.oneOf.map((sub, i) => prepare(sub, `${path}/oneOf/${i}`));
    }
    if (s.uniqueItems === true && s.items !== undefined && !Array.isArray(s.items) && typeof s.items === 'object') {
      const itemTypes = schemaTypes((s.items as SchemaObject).type, `${path}/items`);
      if (itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array')) node.uniqueScalarTypes = itemTypes;
    }
  }

  function resolveRef(ref: unknown, at: string): Node | boolean {
    if (typeof ref !== 'string' || !/^#\/definitions\/[^/~%]+$/.test(ref)) throw new Error(`${at}/$ref: only '#/definitions/<name>' is implemented`);
    const known = refs.get(ref);
    if (known) return known.target;
    const name = ref.slice('#/definitions/'.length);
    const definitions = root.definitions as SchemaObject | undefined;
    if (!definitions || !Object.hasOwn(definitions, name)) throw new Error(`${at}/$ref: no definition '${name}'`);
    const target = definitions[name];
    const entry: { target: Node | boolean } = { target: true };
    refs.set(ref, entry);
    // Ajv inlines a target without references of its own (its paths under the `$ref` text); one with them is a function of its own, its paths from '#'.
    entry.target = prepare(target, holdsRef(target) ? '#' : ref);
    return entry.target;
  }

  const validate = ((data: unknown): boolean => {
    const errors: SchemaError[] = [];
    run = { errors, path: [], propertyName: undefined };
    checkSub(top, data);
    validate.errors = errors.length > 0 ? errors : null;
    return errors.length === 0;
  }) as SchemaValidator;
  validate.errors = null;
  validate.prepareAll = () => {
    const todo: Array<Node | boolean> = [top];
    const seen = new Set<Node>();
    while (todo.length > 0) {
      const node = todo.pop()!;
      if (typeof node === 'boolean' || seen.has(node)) continue;
      seen.add(node);
      node.expand?.();
      todo.push(...[node.ref, node.additionalProperties, node.propertyNames, node.additionalItems].filter((n) => n !== undefined));
      todo.push(...(node.properties ?? []).map(([, sub]) => sub), ...(node.oneOf ?? []));
      if (node.items !== undefined) todo.push(...(Array.isArray(node.items) ? node.items : [node.items]));
    }
  };
  return validate;
}

/** One validation's state: its errors, the data path so far (segments, joined only for an error), the property name being checked. */
let run: { errors: SchemaError[]; path: Array<string | number>; propertyName: string | undefined } = { errors: [], path: [], propertyName: undefined };

function schemaTypes(type: unknown, at: string): JsonType[] {
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  for (const t of types) if (typeof t !== 'string' || !JSON_TYPES.has(t)) throw new Error(`${at}/type: '${String(t)}' is not a JSON type`);
  return types as JsonType[];
}

function holdsRef(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  if (Array.isArray(schema)) return schema.some(holdsRef);
  return Object.entries(schema as SchemaObject).some(([k, v]) => k === '$ref' || holdsRef(v));
}

/** Ajv's checkDataType (strictNumbers: finite numbers only). */
function isType(type: JsonType, data: unknown): boolean {
  return TYPE_TESTS[type](data);
}

/** RFC 6901 escaping of one path segment (Ajv's escapeJsonPointer). */
function pointerSegment(segment: string | number): string {
  return typeof segment === 'number' ? String(segment) : segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Ajv's escapeFragment, for schema paths. */
function fragmentSegment(segment: string | number): string {
  return encodeURIComponent(pointerSegment(segment));
}

function instancePath(): string {
  let path = '';
  for (const segment of run.path) path += typeof segment === 'number' ? `/${segment}` : `/${pointerSegment(segment)}`;
  return path;
}

function report(node: Node, data: unknown, keyword: string, params: Record<string, unknown>, message: string, schemaPath = `${node.path}/${keyword}`): void {
  const error: SchemaError = { instancePath: instancePath(), schemaPath, keyword, params, message, schema: node.schema[keyword], parentSchema: node.schema, data };
  if (run.propertyName !== undefined) error.propertyName = run.propertyName;
  run.errors.push(error);
}

function typeError(node: Node, data: unknown): void {
  report(node, data, 'type', { type: node.schema.type }, `must be ${String(node.schema.type)}`);
}

function passes(sub: Node | boolean): boolean {
  return sub === true || (sub !== false && sub.alwaysValid);
}

function checkSub(sub: Node | boolean, data: unknown): void {
  // Boolean subschemas appear only where their keyword handles them (additionalProperties, additionalItems); `true` passes.
  if (typeof sub === 'boolean') {
    if (!sub) throw new Error('a false schema here is not implemented');
    return;
  }
  if (!sub.alwaysValid) check(sub, data);
}

/** checkSub one level down the data: `segment` joins the path for the errors found there. */
function checkAt(sub: Node | boolean, data: unknown, segment: string | number): void {
  run.path.push(segment);
  checkSub(sub, data);
  run.path.pop();
}

type Check = (data: unknown) => void;

/** Ajv's checkDataType per type, as functions a check keeps. */
const TYPE_TESTS: Readonly<Record<JsonType, (data: unknown) => boolean>> = {
  null: (d) => d === null,
  array: (d) => Array.isArray(d),
  object: (d) => d !== null && typeof d === 'object' && !Array.isArray(d),
  integer: (d) => typeof d === 'number' && !(d % 1) && !Number.isNaN(d) && Number.isFinite(d),
  number: (d) => typeof d === 'number' && Number.isFinite(d),
  string: (d) => typeof d === 'string',
  boolean: (d) => typeof d === 'boolean',
};

/**
 * The node's check, built the first time data reaches it: one small closure per keyword, each
 * keeping its own constants, so V8 sees many small monomorphic functions instead of one switch over
 * every keyword (which ran 2x slower than Ajv's code on a cold start: 1,700 snapshots, 150 against 70 ms).
 */
function check(node: Node, data: unknown): void {
  (node.run ??= buildCheck(node))(data);
}

function sequence(checks: Check[]): Check {
  if (checks.length === 1) return checks[0]!;
  return (data) => {
    for (let i = 0; i < checks.length; i++) checks[i]!(data);
  };
}

function buildCheck(node: Node): Check {
  node.expand?.();
  const bounded = boundedNumberCheck(node);
  if (bounded) return bounded;
  const parts: Check[] = [];
  if (node.typeUpFront) {
    const tests = node.types.map((t) => TYPE_TESTS[t]);
    parts.push(
      tests.length === 1
        ? (data) => {
            if (!tests[0]!(data)) typeError(node, data);
          }
        : (data) => {
            if (!tests.some((test) => test(data))) typeError(node, data);
          },
    );
  }
  if (node.refOnly) {
    const ref = node.ref!;
    parts.push((data) => checkSub(ref, data));
    return sequence(parts);
  }
  for (const group of node.groups) {
    const body = sequence(group.keywords.map((keyword) => keywordCheck(node, keyword)));
    if (group.type === undefined) {
      parts.push(body);
      continue;
    }
    const test = TYPE_TESTS[group.type];
    const reportsType = !node.typeUpFront && node.types.length === 1 && node.types[0] === group.type;
    parts.push(
      reportsType
        ? (data) => {
            if (test(data)) body(data);
            else typeError(node, data);
          }
        : (data) => {
            if (test(data)) body(data);
          },
    );
  }
  return sequence(parts);
}

/**
 * The commonest schema here, an integer or number with bounds (47 of the snapshot schema's), as one
 * closure: what the general path does in five calls (the type up front, then the number group's
 * `maximum` and `minimum`, each on any finite number).
 */
function boundedNumberCheck(node: Node): Check | undefined {
  const keys = Object.keys(node.schema).filter((k) => RULE_KEYWORDS.has(k));
  if (node.types.length !== 1 || (node.types[0] !== 'integer' && node.types[0] !== 'number')) return undefined;
  if (!keys.every((k) => k === 'type' || k === 'maximum' || k === 'minimum')) return undefined;
  const max = node.schema.maximum as number | undefined;
  const min = node.schema.minimum as number | undefined;
  const integer = node.types[0] === 'integer';
  const maxMessage = `must be <= ${max}`;
  const minMessage = `must be >= ${min}`;
  return (data) => {
    const finite = typeof data === 'number' && Number.isFinite(data);
    if (!finite || (integer && data % 1 !== 0)) typeError(node, data);
    if (!finite) return;
    if (max !== undefined && !(data <= max)) report(node, data, 'maximum', { comparison: '<=', limit: max }, maxMessage);
    if (min !== undefined && !(data >= min)) report(node, data, 'minimum', { comparison: '>=', limit: min }, minMessage);
  };
}

function keywordCheck(node: Node, keyword: string): Check {
  const s = node.schema;
  switch (keyword) {
    case '$ref': {
      const ref = node.ref!;
      return (data) => checkSub(ref, data);
    }
    case 'const': {
      const allowed = s.const;
      if (allowed !== null && typeof allowed === 'object') {
        return (data) => {
          if (!jsonEqual(data, allowed)) report(node, data, 'const', { allowedValue: allowed }, 'must be equal to constant');
        };
      }
      return (data) => {
        if (data !== allowed) report(node, data, 'const', { allowedValue: allowed }, 'must be equal to constant');
      };
    }
    case 'enum': {
      const values = s.enum as unknown[];
      return (data) => {
        for (const v of values) if (v !== null && typeof v === 'object' ? jsonEqual(data, v) : data === v) return;
        report(node, data, 'enum', { allowedValues: values }, 'must be equal to one of the allowed values');
      };
    }
    case 'oneOf':
      return (data) => checkOneOf(node, data);
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum': {
      const limit = s[keyword] as number;
      const { ok, fails } = COMPARISONS[keyword]!;
      const message = `must be ${ok} ${limit}`;
      return (data) => {
        if (fails(data as number, limit)) report(node, data, keyword, { comparison: ok, limit }, message);
      };
    }
    case 'maxLength':
    case 'minLength': {
      const limit = s[keyword] as number;
      const max = keyword === 'maxLength';
      const message = `must NOT have ${max ? 'more' : 'fewer'} than ${limit} characters`;
      return (data) => {
        const length = codePointLength(data as string);
        if (max ? length > limit : length < limit) report(node, data, keyword, { limit }, message);
      };
    }
    case 'pattern': {
      const pattern = node.pattern!;
      const message = `must match pattern "${String(s.pattern)}"`;
      return (data) => {
        if (!pattern.test(data as string)) report(node, data, 'pattern', { pattern: s.pattern }, message);
      };
    }
    case 'maxItems':
    case 'minItems': {
      const limit = s[keyword] as number;
      const max = keyword === 'maxItems';
      const message = `must NOT have ${max ? 'more' : 'fewer'} than ${limit} items`;
      return (data) => {
        const length = (data as unknown[]).length;
        if (max ? length > limit : length < limit) report(node, data, keyword, { limit }, message);
      };
    }
    case 'additionalItems':
      return (data) => checkAdditionalItems(node, data as unknown[]);
    case 'items':
      return (data) => checkItems(node, data as unknown[]);
    case 'uniqueItems':
      return s.uniqueItems === true ? (data) => checkUniqueItems(node, data as unknown[]) : () => undefined;
    case 'maxProperties':
    case 'minProperties': {
      const limit = s[keyword] as number;
      const max = keyword === 'maxProperties';
      const message = `must NOT have ${max ? 'more' : 'fewer'} than ${limit} properties`;
      return (data) => {
        const count = Object.keys(data as object).length;
        if (max ? count > limit : count < limit) report(node, data, keyword, { limit }, message);
      };
    }
    case 'required': {
      const names = s.required as string[];
      return (data) => {
        for (const name of names) {
          if ((data as Record<string, unknown>)[name] === undefined) report(node, data, 'required', { missingProperty: name }, `must have required property '${name}'`);
        }
      };
    }
    case 'propertyNames':
      return (data) => checkPropertyNames(node, data as object);
    case 'additionalProperties':
      return (data) => checkAdditionalProperties(node, data as Record<string, unknown>);
    case 'properties': {
      const checked = node.properties!.filter(([, sub]) => !passes(sub));
      const names = checked.map(([name]) => name);
      const subs = checked.map(([, sub]) => sub);
      return (data) => {
        for (let i = 0; i < names.length; i++) {
          const value = (data as Record<string, unknown>)[names[i]!];
          if (value === undefined) continue;
          run.path.push(names[i]!);
          checkSub(subs[i]!, value);
          run.path.pop();
        }
      };
    }
    default:
      throw new Error(`${node.path}: keyword '${keyword}' has no check`);
  }
}

/** vocabularies/applicator/oneOf.ts: valid when one branch passes (branch errors dropped); two make it invalid, a third valid again. */
function checkOneOf(node: Node, data: unknown): void {
  const errors = run.errors;
  const before = errors.length;
  let valid = false;
  let passing: unknown = null;
  node.oneOf!.forEach((sub, i) => {
    let branchValid = true;
    if (!passes(sub)) {
      const start = errors.length;
      checkSub(sub, data);
      branchValid = errors.length === start;
    }
    if (i > 0 && branchValid && valid) {
      valid = false;
      passing = [passing, i];
    } else if (branchValid) {
      valid = true;
      passing = i;
    }
  });
  if (valid) errors.length = before;
  else report(node, data, 'oneOf', { passingSchemas: passing }, 'must match exactly one schema in oneOf');
}

/** vocabularies/applicator/propertyNames.ts: each name checked as a string, its errors carrying the name. */
function checkPropertyNames(node: Node, data: object): void {
  const sub = node.propertyNames!;
  if (passes(sub)) return;
  const outer = run.propertyName;
  for (const key in data) {
    const before = run.errors.length;
    run.propertyName = key;
    checkSub(sub, key);
    run.propertyName = outer;
    if (run.errors.length !== before) report(node, data, 'propertyNames', { propertyName: key }, 'property name must be valid');
  }
}

/** vocabularies/applicator/items.ts: a schema for every item, or a tuple of schemas by position. */
function checkItems(node: Node, data: unknown[]): void {
  const items = node.items!;
  if (Array.isArray(items)) {
    for (let i = 0; i < items.length; i++) if (!passes(items[i]!) && data.length > i) checkAt(items[i]!, data[i], i);
    return;
  }
  if (passes(items)) return;
  for (let i = 0; i < data.length; i++) checkAt(items, data[i], i);
}

/** vocabularies/applicator/additionalItems.ts: only after a tuple `items`. */
function checkAdditionalItems(node: Node, data: unknown[]): void {
  const tuple = node.items;
  if (!Array.isArray(tuple)) return;
  const extra = node.additionalItems!;
  if (extra === false) {
    if (data.length > tuple.length) report(node, data, 'additionalItems', { limit: tuple.length }, `must NOT have more than ${tuple.length} items`);
    return;
  }
  if (passes(extra)) return;
  for (let i = tuple.length; i < data.length; i++) checkAt(extra, data[i], i);
}

/** vocabularies/applicator/additionalProperties.ts, with no patternProperties. */
function checkAdditionalProperties(node: Node, data: Record<string, unknown>): void {
  const extra = node.additionalProperties!;
  if (passes(extra)) return;
  const defined = node.propertyNamesSet;
  for (const key in data) {
    if (defined !== undefined && defined.has(key)) continue;
    if (extra === false) report(node, data, 'additionalProperties', { additionalProperty: key }, 'must NOT have additional properties');
    else checkAt(extra, data[key], key);
  }
}

/** vocabularies/validation/uniqueItems.ts: the first repeat from the end, found by Ajv's two loops. */
function checkUniqueItems(node: Node, data: unknown[]): void {
  if (data.length <= 1) return;
  const scalarTypes = node.uniqueScalarTypes;
  if (scalarTypes !== undefined) {
    const indices: Record<string, unknown> = {};
    for (let i = data.length; i--; ) {
      let item = data[i];
      if (!scalarTypes.some((t) => isType(t, item))) continue;
      if (scalarTypes.length > 1 && typeof item === 'string') item += '_';
      const key = item as string;
      if (typeof indices[key] === 'number') {
        const j = indices[key];
        report(node, data, 'uniqueItems', { i, j }, `must NOT have duplicate items (items ## ${String(j)} and ${i} are identical)`);
        return;
      }
      indices[key] = i;
    }
    return;
  }
  for (let i = data.length; i--; ) {
    for (let j = i; j--; ) {
      if (jsonEqual(data[i], data[j])) {
        report(node, data, 'uniqueItems', { i, j }, `must NOT have duplicate items (items ## ${j} and ${i} are identical)`);
        return;
      }
    }
  }
}

/** Ajv's ucs2length: a surrogate pair counts once. */
function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    length++;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return length;
}
