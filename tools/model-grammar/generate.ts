/**
 * The grammar (grammar.ts) to an interaction model for one locale: the intent's samples (each
 * family of asks combined with its placements), the slots' samples for bare answers, the custom
 * slot types with their article forms, the fallback near misses, and the dialog model that lets
 * Alexa route a bare answer back to the intent (SKIP_DIALOG: the skill asks, Alexa never does).
 */
import { expand } from './expand.js';
import {
  COMBINE,
  FALLBACK_SAMPLES,
  INTENT,
  INVOCATION_NAME,
  ITEM_TYPE,
  LOCALES,
  PURPOSE_TYPE,
  PURPOSES,
  SLOT_SAMPLES,
  type TypeValue,
} from './grammar.js';

/** A model file's JSON, as the ASK CLI uploads it. */
export interface InteractionModelFile {
  readonly interactionModel: {
    readonly languageModel: {
      readonly invocationName: string;
      readonly modelConfiguration: {
        readonly fallbackIntentSensitivity: { readonly level: string };
      };
      readonly intents: readonly {
        readonly name: string;
        readonly slots?: readonly { name: string; type: string; samples?: string[] }[];
        readonly samples: readonly string[];
      }[];
      readonly types: readonly {
        readonly name: string;
        readonly values: readonly {
          readonly id: string;
          readonly name: { readonly value: string; readonly synonyms: readonly string[] };
        }[];
      }[];
    };
    readonly dialog: unknown;
  };
  readonly version: string;
}

/** The intents Amazon builds in that the skill declares (no samples of our own but Fallback's). */
export const BUILT_IN_INTENTS = [
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.NavigateHomeIntent',
] as const;

/** The locales the grammar has words for. */
export function grammarLocales(): string[] {
  return Object.keys(LOCALES).sort();
}

/** "a jacket", "an umbrella", "my gloves": the ways a value is said after a verb. */
function articleForms(word: string, noun: TypeValue['noun']): string[] {
  if (noun === undefined) return [word];
  const a = /^[aeiou]/i.test(word) ? 'an' : 'a';
  return noun === 'count'
    ? [word, `${a} ${word}`, `my ${word}`, `the ${word}`, ...pluralOf(word)]
    : [word, `my ${word}`, `some ${word}`, `the ${word}`];
}

/**
 * The plural people say of a countable item ("do the kids need coats", "scarves"), the last word
 * inflected; none for a word already plural ("short sleeves").
 */
function pluralOf(word: string): string[] {
  if (word.endsWith('s')) return [];
  if (/[lr]f$/.test(word)) return [`${word.slice(0, -1)}ves`]; // scarves, not waterprooves
  if (/[^aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ies`];
  return [`${word}s`];
}

function slotType(name: string, values: readonly TypeValue[]) {
  return {
    name,
    values: values.map((v) => {
      const [value = '', ...rest] = v.words;
      const said = [value, ...rest].flatMap((w) => articleForms(w, v.noun));
      return {
        id: v.id,
        name: { value, synonyms: [...new Set(said)].filter((s) => s !== value) },
      };
    }),
  };
}

/**
 * The purposes with "the" and "my" beside "a" ("a hike": "the hike", "my hike"), so that "do I
 * need long pants for the hike" is heard as a purpose, not a city called "the hike".
 */
function purposesSaid(): TypeValue[] {
  return PURPOSES.map((v) => {
    const more = v.words.flatMap((w) => {
      const rest = /^an? (.+)$/.exec(w)?.[1];
      return rest === undefined ? [] : [`the ${rest}`, `my ${rest}`];
    });
    return { ...v, words: [...new Set([...v.words, ...more])] };
  });
}

/** The intent's samples: each family of asks with its placements, in grammar order, no repeats. */
export function intentSamples(): string[] {
  const samples = new Set<string>();
  for (const family of COMBINE) {
    for (const ask of family.asks.flatMap(expand)) {
      for (const placement of family.placements.flatMap(expand)) {
        samples.add([ask, family.between ?? '', placement].filter((p) => p !== '').join(' '));
      }
    }
  }
  return [...samples];
}

const SLOTS = [
  { name: 'city', type: 'AMAZON.City' },
  { name: 'date', type: 'AMAZON.DATE' },
  { name: 'item', type: ITEM_TYPE },
  { name: 'purpose', type: PURPOSE_TYPE },
] as const;

/** The interaction model of `locale`, generated from the grammar. */
export function generateModel(locale: string): InteractionModelFile {
  const words = LOCALES[locale];
  if (words === undefined) throw new RangeError(`The grammar has no words for ${locale}`);
  const slotSamples = (name: string): string[] | undefined => {
    const templates = SLOT_SAMPLES[name as keyof typeof SLOT_SAMPLES] as
      readonly string[] | undefined;
    return templates === undefined ? undefined : [...new Set(templates.flatMap(expand))];
  };
  return {
    interactionModel: {
      languageModel: {
        invocationName: INVOCATION_NAME,
        modelConfiguration: { fallbackIntentSensitivity: { level: 'HIGH' } },
        intents: [
          {
            name: INTENT,
            slots: SLOTS.map((s) => {
              const samples = slotSamples(s.name);
              return samples === undefined ? { ...s } : { ...s, samples };
            }),
            samples: intentSamples(),
          },
          ...BUILT_IN_INTENTS.map((name) => ({ name, samples: [] })),
          {
            name: 'AMAZON.FallbackIntent',
            samples: [...new Set(FALLBACK_SAMPLES.flatMap(expand))],
          },
        ],
        types: [slotType(ITEM_TYPE, words.items), slotType(PURPOSE_TYPE, purposesSaid())],
      },
      dialog: {
        delegationStrategy: 'SKILL_RESPONSE',
        intents: [
          {
            name: INTENT,
            delegationStrategy: 'SKILL_RESPONSE',
            confirmationRequired: false,
            prompts: {},
            slots: SLOTS.map((s) => ({
              name: s.name,
              type: s.type,
              elicitationRequired: false,
              confirmationRequired: false,
              prompts: {},
            })),
          },
        ],
      },
    },
    version: '2',
  };
}

/** The model file's text: what `models/<locale>.json` holds. */
export function modelText(locale: string): string {
  return `${JSON.stringify(generateModel(locale), null, 2)}\n`;
}
