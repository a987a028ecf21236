/**
 * Template expansion: `what (should|do) I wear` -> `what should I wear`, `what do I wear`. A
 * group `(a|b|)` is a choice; an empty choice makes the group optional. Groups do not nest.
 */

/** A template that cannot be expanded (an unclosed or nested group). */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  readonly code = 'ERR_GRAMMAR_TEMPLATE';
}

/** Every phrase `template` stands for, in order, spaces normalised, without repeats. */
export function expand(template: string): string[] {
  const open = template.indexOf('(');
  if (open < 0) {
    if (template.includes(')')) throw new TemplateError(`Unopened group in "${template}"`);
    return [normalise(template)];
  }
  const close = template.indexOf(')', open);
  if (close < 0) throw new TemplateError(`Unclosed group in "${template}"`);
  const inner = template.slice(open + 1, close);
  if (inner.includes('(')) throw new TemplateError(`Nested group in "${template}"`);
  const head = template.slice(0, open);
  const tail = template.slice(close + 1);
  const out = new Set<string>();
  for (const choice of inner.split('|')) {
    for (const phrase of expand(`${head}${choice}${tail}`)) out.add(phrase);
  }
  return [...out];
}

function normalise(phrase: string): string {
  return phrase.trim().replace(/\s+/g, ' ');
}
