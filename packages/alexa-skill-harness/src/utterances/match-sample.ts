/**
 * Every way one sample matches the words said: each literal word must match, each `{slot}` must
 * hold words its type accepts. A match scores one per literal word plus the weight of its slots.
 */
import type { CompiledModel, CompiledSample } from './compile.js';
import type { SlotInput } from './entity-resolution.js';
import { fillSlot, type SlotContext } from './slot-filling.js';
import type { Word } from './words.js';

/** One way a sample matches. */
export interface Candidate {
  readonly sample: CompiledSample;
  readonly score: number;
  /** The slots the sample's words filled. */
  readonly slots: Readonly<Record<string, SlotInput>>;
}

/** Every way `sample` matches `said`, in no particular order. */
export function matchSample(
  c: CompiledModel,
  sample: CompiledSample,
  said: readonly Word[],
  context: SlotContext,
): Candidate[] {
  const found: Candidate[] = [];
  const { intent, parts } = sample;
  const walk = (pi: number, wi: number, score: number, slots: Record<string, SlotInput>): void => {
    if (pi === parts.length) {
      if (wi === said.length) found.push({ sample, score, slots: { ...slots } });
      return;
    }
    const part = parts[pi];
    if (part === undefined) return;
    if ('literal' in part) {
      if (said[wi]?.lower === part.literal) walk(pi + 1, wi + 1, score + 1, slots);
      return;
    }
    const type = intent.slots?.find((s) => s.name === part.slot)?.type ?? 'AMAZON.SearchQuery';
    for (let end = wi + 1; end <= said.length; end += 1) {
      const filled = fillSlot(c, type, said.slice(wi, end), context);
      if (filled === undefined) continue;
      walk(pi + 1, end, score + filled.weight, { ...slots, [part.slot]: filled.input });
    }
  };
  walk(0, 0, 0, {});
  return found;
}
