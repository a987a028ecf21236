/** Small interaction models for resolver tests. */
import { parseModel, type LanguageModel } from 'alexa-skill-harness';

/** A model invoked as "toy" with `intents` and custom slot `types`. */
export function toyModel(intents: unknown[], types: unknown[] = []): LanguageModel {
  return parseModel(
    JSON.stringify({
      interactionModel: { languageModel: { invocationName: 'toy', intents, types } },
    }),
  );
}

/** "go to {place}" with an AMAZON.City slot. */
export const GO_INTENT = {
  name: 'GoIntent',
  slots: [{ name: 'place', type: 'AMAZON.City' }],
  samples: ['go to {place}'],
};

/** Two intents that both hear "go to <city>": GoIntent first in model order, then TravelIntent. */
export const AMBIGUOUS_MODEL: LanguageModel = toyModel([
  GO_INTENT,
  {
    name: 'TravelIntent',
    slots: [{ name: 'where', type: 'AMAZON.City' }],
    samples: ['go to {where}'],
  },
]);
