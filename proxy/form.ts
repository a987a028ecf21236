/**
 * Strict `application/x-www-form-urlencoded` decoding (RFC 6749 appendix B): `+` is a space,
 * percent escapes must be well formed and decode to UTF-8. `URLSearchParams` is lenient about
 * broken escapes; a token endpoint should refuse them rather than guess.
 */
import { InvalidRequestError } from './errors.js';

/** One decoded parameter, in the order it came. */
export type FormPair = readonly [name: string, value: string];

/** Decodes one form component; throws {@link InvalidRequestError} on a broken escape. */
export function decodeFormComponent(raw: string): string {
  // Most names and many values hold neither: nothing to decode.
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch (cause) {
    throw new InvalidRequestError('The body has a malformed percent escape', { cause });
  }
}

/** Decodes a whole form body into its pairs, in order; empty segments (`a=1&&b=2`) are skipped. */
export function decodeForm(body: string): FormPair[] {
  const pairs: FormPair[] = [];
  for (const segment of body.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const name = decodeFormComponent(eq === -1 ? segment : segment.slice(0, eq));
    const value = eq === -1 ? '' : decodeFormComponent(segment.slice(eq + 1));
    if (name === '') throw new InvalidRequestError('The body has a parameter without a name');
    pairs.push([name, value]);
  }
  return pairs;
}

/** Encodes pairs as a form body (what `URLSearchParams` writes). */
export function encodeForm(pairs: readonly FormPair[]): string {
  return new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, v])).toString();
}
