/**
 * A small validator for the Swagger 2.0 definitions ask-smapi-model ships (`spec.json`, the
 * source of its TypeScript types): type, properties, required, enum, items, allOf, $ref,
 * additionalProperties, discriminator, lengths, bounds and patterns. Strict on unknown
 * properties (a typo in a manifest key is an error), which the TypeScript types cannot check on
 * parsed JSON.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Schema = Record<string, unknown>;

const require = createRequire(import.meta.url);
const spec = JSON.parse(readFileSync(require.resolve('ask-smapi-model/spec.json'), 'utf8')) as {
  definitions: Record<string, Schema>;
};
const definitions = spec.definitions;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(ref: string): [string, Schema] {
  const name = ref.replace('#/definitions/', '');
  const schema = definitions[name];
  if (schema === undefined) throw new Error(`spec.json has no definition ${name}`);
  return [name, schema];
}

/** The definitions that extend `name` through allOf, by discriminator value. */
function subtypes(name: string): Map<string, Schema> {
  const found = new Map<string, Schema>();
  for (const schema of Object.values(definitions)) {
    const value = schema['x-discriminator-value'];
    const parents = Array.isArray(schema['allOf']) ? (schema['allOf'] as Schema[]) : [];
    if (typeof value === 'string' && parents.some((p) => p['$ref'] === `#/definitions/${name}`)) {
      found.set(value, schema);
    }
  }
  return found;
}

/** Every property an (allOf-composed) object schema declares. */
function declaredProperties(schema: Schema): Set<string> {
  const names = new Set<string>(
    Object.keys(isObject(schema['properties']) ? schema['properties'] : {}),
  );
  for (const part of Array.isArray(schema['allOf']) ? (schema['allOf'] as Schema[]) : []) {
    const resolved = typeof part['$ref'] === 'string' ? resolveRef(part['$ref'])[1] : part;
    for (const name of declaredProperties(resolved)) names.add(name);
  }
  return names;
}

function allowsExtra(schema: Schema): boolean {
  if (schema['additionalProperties'] !== undefined) return true;
  return (Array.isArray(schema['allOf']) ? (schema['allOf'] as Schema[]) : []).some((part) =>
    allowsExtra(typeof part['$ref'] === 'string' ? resolveRef(part['$ref'])[1] : part),
  );
}

function check(
  value: unknown,
  schema: Schema,
  path: string,
  errors: string[],
  name?: string,
): void {
  if (typeof schema['$ref'] === 'string') {
    const [refName, resolved] = resolveRef(schema['$ref']);
    check(value, resolved, path, errors, refName);
    return;
  }
  const discriminator = schema['discriminator'];
  if (typeof discriminator === 'string' && name !== undefined && isObject(value)) {
    const sub = subtypes(name).get(String(value[discriminator]));
    if (sub !== undefined) {
      check(
        value,
        {
          ...sub,
          allOf: (sub['allOf'] as Schema[])
            .filter((p) => p['$ref'] !== `#/definitions/${name}`)
            .concat([{ ...schema, discriminator: undefined }]),
        },
        path,
        errors,
      );
      return;
    }
  }
  for (const part of Array.isArray(schema['allOf']) ? (schema['allOf'] as Schema[]) : []) {
    check(value, { ...part, additionalProperties: {} }, path, errors);
  }
  if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).includes(value)) {
    errors.push(
      `${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema['enum'])}`,
    );
  }
  const type = schema['type'];
  switch (type) {
    case 'string':
      if (typeof value !== 'string') errors.push(`${path}: expected a string`);
      else {
        if (typeof schema['minLength'] === 'number' && value.length < schema['minLength'])
          errors.push(`${path}: shorter than ${schema['minLength']}`);
        if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength'])
          errors.push(`${path}: longer than ${schema['maxLength']}`);
        if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern']).test(value))
          errors.push(`${path}: does not match ${schema['pattern']}`);
      }
      return;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || (type === 'integer' && !Number.isInteger(value)))
        errors.push(`${path}: expected ${type}`);
      else {
        if (typeof schema['minimum'] === 'number' && value < schema['minimum'])
          errors.push(`${path}: below ${schema['minimum']}`);
        if (typeof schema['maximum'] === 'number' && value > schema['maximum'])
          errors.push(`${path}: above ${schema['maximum']}`);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${path}: expected a boolean`);
      return;
    case 'array':
      if (!Array.isArray(value)) {
        errors.push(`${path}: expected an array`);
        return;
      }
      if (typeof schema['minItems'] === 'number' && value.length < schema['minItems'])
        errors.push(`${path}: fewer than ${schema['minItems']} items`);
      if (typeof schema['maxItems'] === 'number' && value.length > schema['maxItems'])
        errors.push(`${path}: more than ${schema['maxItems']} items`);
      if (isObject(schema['items']))
        value.forEach((item, i) => {
          check(item, schema['items'] as Schema, `${path}[${i}]`, errors);
        });
      return;
    default:
      break;
  }
  if (type === 'object' || isObject(schema['properties']) || Array.isArray(schema['allOf'])) {
    if (!isObject(value)) {
      errors.push(`${path}: expected an object`);
      return;
    }
    for (const key of Array.isArray(schema['required']) ? (schema['required'] as string[]) : []) {
      if (!(key in value)) errors.push(`${path}: missing required "${key}"`);
    }
    const properties = isObject(schema['properties'])
      ? (schema['properties'] as Record<string, Schema>)
      : {};
    const declared = declaredProperties(schema);
    for (const [key, item] of Object.entries(value)) {
      const propertySchema = properties[key];
      if (propertySchema !== undefined) check(item, propertySchema, `${path}.${key}`, errors);
      else if (isObject(schema['additionalProperties']))
        check(item, schema['additionalProperties'], `${path}.${key}`, errors);
      else if (!declared.has(key) && !allowsExtra(schema))
        errors.push(`${path}: unknown property "${key}"`);
    }
  }
}

/** Validates `value` against the named definition of ask-smapi-model's spec.json; returns the errors. */
export function validateSmapi(definition: string, value: unknown): string[] {
  const errors: string[] = [];
  check(value, { $ref: `#/definitions/${definition}` }, '$', errors);
  return errors;
}
