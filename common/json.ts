/** Reading untrusted JSON: one test for "a plain object", one parse that yields one or nothing. */

/** True for a plain object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `text` parsed when it is a JSON object; else (not JSON, or another JSON value) undefined. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON.
  }
  return isRecord(value) ? value : undefined;
}
