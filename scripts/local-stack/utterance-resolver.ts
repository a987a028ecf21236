/**
 * The simulator's ear: typed text -> what Alexa would send, through the harness package's
 * resolver and the locale's interaction model (the same resolver the tests use).
 * Two differences, both for typing at a prompt: an ambiguous utterance never stops the prompt
 * (the first of the best matches in model order is taken, where the harness throws), and a city
 * typed in lower case gets its capitals, as Alexa's speech recognition writes place names.
 */
import {
  resolveUtterance,
  type ElicitedSlot,
  type LanguageModel,
  type SlotInput,
  type UtteranceMeaning,
} from 'alexa-skill-harness';
import { SIMULATED_IDS } from './request-envelope.js';

/**
 * A resolver built from one model: typed text, the device's today and the slot the skill asked
 * for, if any -> the meaning.
 */
export type UtteranceResolver = (
  text: string,
  today: string,
  elicited?: ElicitedSlot,
) => UtteranceMeaning;

function titleCase(place: string): string {
  return place === place.toLowerCase()
    ? place.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    : place;
}

function withCapitalCities(model: LanguageModel, meaning: UtteranceMeaning): UtteranceMeaning {
  if (meaning.kind !== 'intent') return meaning;
  const slotTypes = model.intents.find((i) => i.name === meaning.name)?.slots ?? [];
  const slots: Record<string, SlotInput> = {};
  for (const [name, input] of Object.entries(meaning.slots)) {
    const isCity = slotTypes.some((s) => s.name === name && s.type === 'AMAZON.City');
    slots[name] =
      isCity && input.value !== undefined ? { ...input, value: titleCase(input.value) } : input;
  }
  return { ...meaning, slots };
}

/** Builds the simulator's resolver over `model` (e.g. `loadModel(locale)`). */
export function createUtteranceResolver(model: LanguageModel): UtteranceResolver {
  return (text, today, elicited) =>
    withCapitalCities(
      model,
      resolveUtterance(model, text, {
        today,
        skillId: SIMULATED_IDS.skillId,
        onAmbiguity: 'first',
        ...(elicited === undefined ? {} : { elicited }),
      }),
    );
}
