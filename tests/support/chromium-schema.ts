// Chromium's policy-schema dialect (components/policy/core/common/schema.cc), as far as our tests need
// it: lint a schema the way Chromium parses it, and apply a schema to a value the way Chromium filters
// extension policy (each top-level key on its own; a type mismatch anywhere drops the key; unknown
// nested properties are stripped).

type Node = Record<string, unknown>;

/** Attributes Chromium accepts per type (unknown ones are ignored, but we keep the file clean). */
const ATTRIBUTES: Record<string, readonly string[]> = {
  array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
  boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
  number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  object: ['additionalProperties', 'description', 'id', 'patternProperties', 'properties', 'required', 'sensitiveValue', 'title', 'type'],
  string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
  $ref: ['$ref', 'description', 'title'],
};

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every rule a schema must follow for Chromium to load the extension; returns the violations. */
export function lintChromiumSchema(schema: unknown): string[] {
  const problems: string[] = [];
  const ids = new Map<string, Node>();
  const refs: [string, string][] = [];
  if (!isNode(schema)) return ['the schema is not an object'];
  if (schema.type !== 'object') problems.push('/: the main schema must have type "object"');
  if ('additionalProperties' in schema || 'patternProperties' in schema) problems.push('/: no additionalProperties or patternProperties at the main schema');

  const visit = (node: unknown, path: string) => {
    if (!isNode(node)) {
      problems.push(`${path}: a schema must be an object`);
      return;
    }
    const kind = '$ref' in node ? '$ref' : node.type;
    if ('$ref' in node && 'type' in node) problems.push(`${path}: has both $ref and type`);
    if (typeof kind !== 'string' || !(kind in ATTRIBUTES)) {
      problems.push(`${path}: needs exactly one type (array, boolean, integer, number, object, string) or a $ref`);
      return;
    }
    for (const key of Object.keys(node)) {
      if (!ATTRIBUTES[kind]!.includes(key)) problems.push(`${path}: "${key}" is not a ${kind} attribute in Chromium's dialect`);
    }
    if (kind === '$ref') {
      refs.push([path, String(node.$ref)]);
      return;
    }
    if (typeof node.id === 'string') {
      if (ids.has(node.id)) problems.push(`${path}: id "${node.id}" is declared twice`);
      ids.set(node.id, node);
    }
    if (kind === 'array') {
      if (!isNode(node.items)) problems.push(`${path}: an array needs one "items" schema`);
      else visit(node.items, `${path}/items`);
    }
    if (kind === 'object') {
      if (node.properties !== undefined) {
        if (!isNode(node.properties)) problems.push(`${path}: "properties" must be an object`);
        else for (const [name, sub] of Object.entries(node.properties)) visit(sub, `${path}/properties/${name}`);
      }
      if (node.additionalProperties !== undefined) visit(node.additionalProperties, `${path}/additionalProperties`);
      if (isNode(node.patternProperties)) for (const [p, sub] of Object.entries(node.patternProperties)) visit(sub, `${path}/patternProperties/${p}`);
    }
    if ((kind === 'integer' || kind === 'string') && node.enum !== undefined) {
      if (!Array.isArray(node.enum) || node.enum.length === 0) problems.push(`${path}: "enum" must be a non-empty list`);
    }
  };
  visit(schema, '');
  for (const [path, ref] of refs) if (!ids.has(ref)) problems.push(`${path}: $ref "${ref}" names no id`);
  return problems;
}

function resolve(node: Node, ids: Map<string, Node>): Node {
  return typeof node.$ref === 'string' ? resolve(ids.get(node.$ref)!, ids) : node;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * What Chromium delivers to `storage.managed` for a policy: keys whose value fails the schema are
 * dropped whole, unknown keys are dropped, unknown nested properties are stripped.
 */
export function chromiumDeliver(schema: Node, policy: Record<string, unknown>): { delivered: Record<string, unknown>; dropped: string[]; stripped: string[] } {
  const ids = new Map<string, Node>();
  const collect = (n: unknown) => {
    if (!isNode(n)) return;
    if (typeof n.id === 'string' && !('$ref' in n)) ids.set(n.id, n);
    for (const v of Object.values(n)) collect(v);
  };
  collect(schema);
  const stripped: string[] = [];
  const normalize = (nodeIn: Node, value: unknown, path: string): { ok: boolean; value?: unknown } => {
    const node = resolve(nodeIn, ids);
    const type = typeOf(value);
    const matches = type === node.type || (type === 'integer' && node.type === 'number');
    if (!matches) return { ok: false };
    if (node.type === 'array') {
      const out: unknown[] = [];
      for (const [i, item] of (value as unknown[]).entries()) {
        const r = normalize(node.items as Node, item, `${path}/${i}`);
        if (!r.ok) return { ok: false };
        out.push(r.value);
      }
      return { ok: true, value: out };
    }
    if (node.type === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const sub = (isNode(node.properties) && isNode(node.properties[k]) ? node.properties[k] : node.additionalProperties) as Node | undefined;
        if (!sub) {
          stripped.push(`${path}/${k}`);
          continue;
        }
        const r = normalize(sub, v, `${path}/${k}`);
        if (!r.ok) return { ok: false };
        out[k] = r.value;
      }
      return { ok: true, value: out };
    }
    return { ok: true, value };
  };
  const delivered: Record<string, unknown> = {};
  const dropped: string[] = [];
  const top = schema.properties as Record<string, Node>;
  for (const [key, value] of Object.entries(policy)) {
    const sub = top[key];
    const r = sub ? normalize(sub, value, `/${key}`) : { ok: false };
    if (r.ok) delivered[key] = r.value;
    else dropped.push(`/${key}`);
  }
  return { delivered, dropped, stripped };
}
