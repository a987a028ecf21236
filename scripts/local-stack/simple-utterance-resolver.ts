/**
 * A small utterance resolver for the local simulator: typed text -> the request Alexa would send.
 * It matches the interaction model's sample utterances, with `{city}` taking any short place name
 * and `{date}` the phrases of spoken-dates.ts; "help", "stop" and "cancel" go to the built-in
 * intents; "open weather wardrobe" launches; "ask weather wardrobe ..." is unwrapped; anything
 * else is AMAZON.FallbackIntent. Not Alexa's NLU: just enough to try the skill by typing.
 */
import { readFileSync } from 'node:fs';
import { SPOKEN_DATE_PATTERN, spokenDateToAmazonDate } from './spoken-dates.js';

/** What the simulator sends for an utterance. */
export type ResolvedUtterance =
  | { readonly kind: 'launch' }
  | {
      readonly kind: 'intent';
      readonly name: string;
      readonly slots: Readonly<Record<string, string>>;
    };

/** The part of an interaction model the resolver reads. */
export interface SimpleInteractionModel {
  readonly invocationName: string;
  readonly intents: readonly {
    readonly name: string;
    readonly samples?: readonly string[];
    readonly slots?: readonly { readonly name: string; readonly type: string }[];
  }[];
}

/** A resolver built from one model. */
export type SimpleUtteranceResolver = (text: string, today: string) => ResolvedUtterance;

const BUILT_INS: readonly [RegExp, string][] = [
  [/^(?:help|help me|what can (?:i|you) (?:say|do)|how does this work)$/, 'AMAZON.HelpIntent'],
  [/^(?:stop|quit|exit|goodbye|bye|shut up|be quiet)$/, 'AMAZON.StopIntent'],
  [/^(?:cancel|never ?mind|forget it)$/, 'AMAZON.CancelIntent'],
  [/^(?:go )?home$/, 'AMAZON.NavigateHomeIntent'],
];

/** Words that do not make a place name, so "tell me a joke" is not a city. */
const NOT_IN_PLACES = new Set(
  (
    'i me my you your we what whats how why who when where which should would could can do does ' +
    'did is are was be tell say play joke wear weather please thanks thank hello hi hey yes no ok ' +
    'okay alexa skill open start help stop cancel and or but not'
  ).split(' '),
);

/** Reads `models/<locale>.json` from the repository. */
export function loadInteractionModel(locale: string): SimpleInteractionModel {
  if (!/^[a-z]{2}-[A-Z]{2}$/.test(locale)) throw new RangeError(`not a locale: "${locale}"`);
  const url = new URL(`../../models/${locale}.json`, import.meta.url);
  const parsed = JSON.parse(readFileSync(url, 'utf8')) as {
    interactionModel: { languageModel: SimpleInteractionModel };
  };
  return parsed.interactionModel.languageModel;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function normalise(text: string): string {
  return text
    .trim()
    .replace(/[?!.,;]+$/g, '')
    .replace(/^alexa[,\s]+/i, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ');
}

function titleCase(place: string): string {
  return place === place.toLowerCase()
    ? place.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    : place;
}

function isPlaceName(text: string): boolean {
  const words = text.toLowerCase().split(/[\s-]+/);
  return (
    words.length <= 4 &&
    /^[\p{L}][\p{L}\p{M}' .-]*$/u.test(text) &&
    !words.some((w) => NOT_IN_PLACES.has(w.replace(/'/g, '')))
  );
}

interface SamplePattern {
  readonly intent: string;
  readonly regex: RegExp;
  readonly order: number;
}

function compile(model: SimpleInteractionModel): SamplePattern[] {
  const patterns: SamplePattern[] = [];
  for (const intent of model.intents) {
    for (const sample of intent.samples ?? []) {
      const source = sample
        .split(/(\{[A-Za-z]+\})/)
        .map((part) => {
          if (part === '{city}') return '(?<city>.+?)';
          if (part === '{date}') return `(?<date>${SPOKEN_DATE_PATTERN})`;
          if (/^\{[A-Za-z]+\}$/.test(part)) return '(?:.+?)';
          return escapeRegExp(part.trim()).replace(/\s+/g, '\\s+');
        })
        .filter((part) => part !== '')
        .join('\\s+');
      patterns.push({
        intent: intent.name,
        regex: new RegExp(`^${source}$`, 'iu'),
        order: patterns.length,
      });
    }
  }
  return patterns;
}

/** Builds a resolver over `model`'s sample utterances. */
export function createSimpleUtteranceResolver(
  model: SimpleInteractionModel,
): SimpleUtteranceResolver {
  const patterns = compile(model);
  const invocation = escapeRegExp(model.invocationName);
  const launch = new RegExp(`^(?:(?:open|launch|start|begin|use|talk to) )?${invocation}$`, 'i');
  const oneShot = new RegExp(
    `^(?:ask|tell|open|launch|start|use) ${invocation}(?: (?:to|about|if|whether|and))? (.+)$`,
    'i',
  );

  return (text, today) => {
    let said = normalise(text);
    if (launch.test(said)) return { kind: 'launch' };
    const wrapped = oneShot.exec(said);
    if (wrapped?.[1] !== undefined) said = wrapped[1];
    const lower = said.toLowerCase();
    for (const [regex, name] of BUILT_INS) {
      if (regex.test(lower)) return { kind: 'intent', name, slots: {} };
    }
    let best: { intent: string; slots: Record<string, string>; score: number } | undefined;
    for (const pattern of patterns) {
      const match = pattern.regex.exec(said);
      if (match === null) continue;
      const groups = match.groups ?? {};
      const slots: Record<string, string> = {};
      if (groups.city !== undefined) {
        const city = groups.city.trim();
        if (!isPlaceName(city) || spokenDateToAmazonDate(city, today) !== undefined) continue;
        slots.city = titleCase(city);
      }
      if (groups.date !== undefined) {
        const value = spokenDateToAmazonDate(groups.date, today);
        if (value === undefined) continue;
        slots.date = value;
      }
      // More slots filled wins, then the shorter place name, then the model's order.
      const score =
        Object.keys(slots).length * 1000 - (slots.city?.length ?? 0) - pattern.order / 1000;
      if (best === undefined || score > best.score) best = { intent: pattern.intent, slots, score };
    }
    return best === undefined
      ? { kind: 'intent', name: 'AMAZON.FallbackIntent', slots: {} }
      : { kind: 'intent', name: best.intent, slots: best.slots };
  };
}
