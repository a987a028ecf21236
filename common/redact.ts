/**
 * Blanking a known secret out of a message. Only whole occurrences are replaced: the secret
 * standing alone, not inside a longer word or token (a client secret "http" leaves "https"
 * alone, and still goes from "client_secret=http&"). A secret is a value, never a word to find
 * inside others: that garbled messages and hid nothing.
 */

/** True for a character that makes a secret part of a longer word or token. */
function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 45 || // -
    code === 95 // _
  );
}

/** `text` with every whole occurrence of each of `secrets` replaced by `marker`. Linear in `text`. */
export function redactSecrets(
  text: string,
  secrets: readonly string[],
  marker = '[redacted]',
): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === '' || !out.includes(secret)) continue;
    let result = '';
    let copied = 0;
    let from = 0;
    for (;;) {
      const at = out.indexOf(secret, from);
      if (at < 0) break;
      const end = at + secret.length;
      const whole =
        (at === 0 || !isWordChar(out.charCodeAt(at - 1))) &&
        (end === out.length || !isWordChar(out.charCodeAt(end)));
      if (whole) {
        result += out.slice(copied, at) + marker;
        copied = end;
        from = end;
      } else {
        from = at + 1;
      }
    }
    out = result + out.slice(copied);
  }
  return out;
}
