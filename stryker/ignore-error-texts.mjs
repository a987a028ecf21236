// @ts-check
/**
 * A Stryker ignorer: the human sentence of a thrown error is not mutated. The tests match every
 * refusal by class, code and reason (a short kebab-case string), never by its sentence, so a
 * mutant that empties the sentence says nothing about the tests. Only string and template
 * literals that are arguments of `new <Something>Error(...)` (or of `super(...)` in an error class)
 * and read as a sentence (they hold a space) are ignored: reason codes (`bad-sub`), and any logic
 * inside a template, are still mutated.
 */
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/**
 * The few members of Babel's nodes and paths read here.
 * @typedef {{
 *   type: string,
 *   value?: string,
 *   name?: string,
 *   quasis?: { value: { cooked?: string | null } }[],
 *   callee?: BabelNode,
 *   arguments?: BabelNode[],
 *   id?: BabelNode | null,
 * }} BabelNode
 * @typedef {{
 *   node: BabelNode,
 *   parentPath: BabelPath | null,
 *   findParent(test: (path: BabelPath) => boolean): BabelPath | null,
 * }} BabelPath
 */

/** @param {BabelNode} node */
const isSentence = (node) =>
  (node.type === 'StringLiteral' && /\s/.test(node.value ?? '')) ||
  (node.type === 'TemplateLiteral' &&
    (node.quasis ?? []).some((q) => /\s/.test(q.value.cooked ?? '')));

/** @param {string | undefined} name */
const isErrorName = (name) => name !== undefined && /Error$/.test(name);

/**
 * @param {import('@stryker-mutator/api/ignore').NodePath} nodePath
 * @returns {string | undefined}
 */
function shouldIgnore(nodePath) {
  const path = /** @type {BabelPath} */ (/** @type {unknown} */ (nodePath));
  const node = path.node;
  const parent = path.parentPath?.node;
  if (!isSentence(node) || parent?.arguments?.includes(node) !== true) return undefined;
  const newError = parent.type === 'NewExpression' && isErrorName(parent.callee?.name);
  const superOfError =
    parent.type === 'CallExpression' &&
    parent.callee?.type === 'Super' &&
    isErrorName(path.findParent((p) => p.node.type === 'ClassDeclaration')?.node.id?.name);
  return newError || superOfError
    ? 'An error sentence: tests match errors by class, code and reason'
    : undefined;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'error-texts', { shouldIgnore }),
];
