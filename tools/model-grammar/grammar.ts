/**
 * The interaction model as a grammar: what people say to ask what to wear, written once, from
 * which `npm run build:models` generates `models/<locale>.json`. Edit this file, run the build,
 * commit both (test/tools/model-grammar checks that the two agree).
 *
 * Templates: `(a|b|)` is a choice (an empty choice makes the group optional), `{slot}` a slot of
 * WhatShouldIWearIntent. Each ask is combined with a set of placements (where the city and the
 * day go), never with every placement: see `combine` below and MAX_SAMPLES.
 *
 * Rules every generated sample keeps (checked by `checkModel` in rules.ts):
 * - Amazon's: letters, spaces, periods in abbreviations, apostrophes and hyphens only (no
 *   digits); no sample twice in one intent or in two intents.
 * - No intent sample is a slot alone, or slots and nothing else (`{city}`, `{city} {date}`):
 *   those let "turn up the volume" in as a city. Bare answers ("Boston", "Saturday") are the
 *   slots' own samples, heard only while the skill asks for that slot (the dialog model).
 * - Two slots never stand side by side without a word between them, with one exception: a date
 *   may follow a city or an item directly ("in Paris tomorrow", "do I need an umbrella today").
 *   AMAZON.DATE is a closed vocabulary that ends where it ends, which is what the rule protects;
 *   people say both of these all the time, and the skill's own example phrases do.
 * - No sample is one of the built-in intents' phrases ("help", "stop", ...) with slots around it.
 */

/** One value of a custom slot type: an id (what entity resolution sends) and the words for it. */
export interface TypeValue {
  readonly id: string;
  /** The canonical words first; the rest are synonyms. */
  readonly words: readonly string[];
  /**
   * `count`: one of them ("a jacket", "an umbrella"); `mass`: plural or uncountable ("gloves",
   * "sunscreen"). The generator adds the article forms people say ("a", "an", "my", "some").
   */
  readonly noun?: 'count' | 'mass';
}

/** Per-locale wording: the values of ClothingItem differ between the Englishes. */
export interface LocaleWords {
  readonly items: readonly TypeValue[];
}

export const INVOCATION_NAME = 'weather wardrobe';
export const INTENT = 'WhatShouldIWearIntent';
export const ITEM_TYPE = 'ClothingItem';
export const PURPOSE_TYPE = 'Purpose';

/**
 * How many samples the intent may have: enough variety, not every permutation. Our own budget, not
 * Amazon's (a model of 3,500 samples is about 200 KB of JSON).
 */
export const MAX_SAMPLES = 3500;

/** The commonest general requests: each with every placement. */
export const GENERAL_ASKS: readonly string[] = [
  'what should I wear',
  'what (do|can) I wear',
  'what do I (need to|have to) wear',
  'what (clothes|outfit) should I wear',
  'what (clothes|outfit) do I need',
  'what should I put on',
  'what to wear',
  'tell me what to wear',
  'how (should|do) I dress',
  "what's the (right|best) outfit",
];

/** The long tail of general requests: each with the shorter set of placements. */
export const MORE_GENERAL_ASKS: readonly string[] = [
  'what should I be wearing',
  'what am I supposed to wear',
  'what would you wear',
  'what (do you think|would you recommend|do you recommend|do you suggest) I (should|) wear',
  'what should I (dress in|throw on|wear outside)',
  'what kind of clothes (should I wear|do I need|will I need)',
  'what (should|do) we wear',
  'what should (the|my) kids wear',
  'what should (my son|my daughter|the baby) wear (outside|)',
  'what (the|my) kids should wear',
  '(how much|how warmly) should I bundle up',
  'should I bundle up',
  '(do I need to|should I) layer up',
  '(tell me|) how to dress for the weather',
  'how (warm|warmly) should I dress',
  'how should we dress',
  'how (should I|do I|I should|to) dress the kids',
  'how (should|do) I dress for the weather',
  'help me (pick|choose) (an|my|) outfit',
  'can you help me (pick|choose) an outfit',
  '(pick|choose|suggest) (an|my) outfit',
  '(pick|choose) my clothes',
  '(give me|suggest|I need) an outfit',
  '(an|) outfit',
  '(suggest|) something to wear',
  "what's a good outfit",
  "what's the best thing to wear",
  'dress me',
  '(give me|) (outfit|clothing) advice',
  "(I don't know|I need help deciding|help me decide|I can't decide) what to wear",
  // As a one-shot says them after "ask weather wardrobe" (a question turned into a clause).
  'what I (should|need to) wear',
  'how I should dress',
  'how to dress',
  'what (clothes|outfit) to wear',
  'what (kind of|) clothes I need',
  'what I should put on',
  '(help me|) figure out what to wear',
  'give me (an|) outfit (suggestion|idea|ideas)',
  '(any|) clothing advice',
  "what's good to wear",
];

/** Asks about one item: the item is the `{item}` slot, articles included in its values. */
export const ITEM_ASKS: readonly string[] = [
  '(do|will) I need {item}',
  'do I need to (wear|bring|take) {item}',
  'is it a good day for {item}',
  'should I (wear|bring|take|pack|grab|carry|put on) {item}',
  'should (the kids|I) wear {item}',
  '(do the kids|will the kids|do my kids|does my son|does my daughter|does the baby) need {item}',
  '(is|are) {item} (okay|fine) to wear',
  'is it (okay|fine) to wear {item}',
  "do you think I (need|'ll need|should wear|should bring) {item}",
  '(will it be|is it going to be) (cold|warm) enough for {item}',
  'can I (wear|get away with|go without|get by without) {item}',
  'do I have to (wear|bring|take) {item}',
  'is it (cold|warm) enough for {item}',
  'is it too (cold|warm|hot) for {item}',
  'should I dress in {item}',
  'is it {item} weather',
  'is it going to be {item} weather',
  'is it a {item} day',
];

/** Item asks with a purpose: "should I bring an umbrella to work", "do I need a hoodie for my walk". */
export const ITEM_PURPOSE_ASKS: readonly string[] = [
  '(do I need|should I wear|should I bring|should I take|can I wear) {item} (to|for|at) {purpose}',
  '(do the kids need|does my son need|does my daughter need) {item} (to|for|at) {purpose}',
];

/**
 * The same asks as a one-shot says them after "if" or "whether", which Alexa drops with the
 * invocation ("ask weather wardrobe if I need an umbrella").
 */
export const IF_ASKS: readonly string[] = [
  "I (need|will need|'ll need|should wear|should bring|should take|should put on|can wear) {item}",
  "it's (cold|warm) enough for {item}",
  "it's (a {item} day|{item} weather)",
  "(it will|it'll|it is going to|it's going to) (rain|snow)",
  "(it will be|it'll be|it's going to be|it's) (cold|hot|warm|windy)",
  "(what the weather is|what the weather's|what the weather will be) like",
  "how (cold|hot|warm) (it will be|it'll be|it'll get|it's going to be)",
  'what the forecast is',
];

/** Weather questions that deserve a clothing answer. */
export const WEATHER_ASKS: readonly string[] = [
  '(will it|is it going to|is it gonna|is it supposed to) (rain|snow|freeze|storm)',
  'is it (raining|snowing)',
  'does it look like (rain|snow)',
  'any chance of (rain|snow)',
  'is there (rain|snow) in the forecast',
  '(will it be|is it going to be|is it) (cold|hot|warm|chilly|windy|sunny|nice|a scorcher)',
  'is it (cold|warm|nice|windy|freezing) (out|outside)',
  "what's it like (out|outside)",
  'how (cold|hot|warm|windy) is it (out|outside)',
  'how (hot|cold|warm) will it get',
  'is it going to be below freezing',
  'how (cold|hot|warm|chilly|windy) (will it be|is it going to be|is it)',
  "(what's|what is|how's) the weather (like|looking|)",
  "what's the weather going to be like",
  "(what is|what's) the temperature going to be",
  'what will the weather be like',
  "(what's|what is) the (forecast|temperature|high|low)",
];

/**
 * The ways people wrap an ask ("can you tell me", "I want to know"), each followed by one of
 * {@link WRAPPED_CLAUSES}: Amazon's design guide asks for such prefixes and suffixes ("please",
 * "can you", "tell me") in the samples (developer.amazon.com/en-US/docs/alexa/
 * interaction-model-design/design-the-custom-intents-for-your-skill.html, "Phrase patterns").
 */
export const WRAPPERS: readonly string[] = [
  '(can|could) you tell me',
  '(please|) tell me',
  'I (want|need) to know',
  'let me know',
];

/** The asks as they follow a wrapper, turned into clauses. */
export const WRAPPED_CLAUSES: readonly string[] = [
  'what to wear',
  'what I should wear',
  'how I should dress',
  '(if|whether) I need {item}',
];

/** The placements after a wrapped ask: the short set without the day first. */
export const WRAPPED_PLACEMENTS: readonly string[] = [
  '',
  '{date}',
  'in {city}',
  'in {city} {date}',
];

/**
 * Asks for what to pack or take: a trip's ask, so also "to Denver", "for Paris" ("what should I
 * take to Bristol" is how the British and Australians pack). "Take" also lets in "what should I
 * take to the potluck" with "the potluck" as a city: a leak kept for the trips it hears.
 */
export const PACK_ASKS: readonly string[] = [
  'what (should|do) I (pack|take)',
  'what (clothes|) (should I|do I need to) (pack|take)',
  'what to (pack|take)',
  'what I (should|need to) (pack|take)',
];

/**
 * The same with "bring", without "to {city}" or "for {city}": people bring things to a potluck, a
 * party or the DMV far more often than to a city.
 */
export const BRING_ASKS: readonly string[] = [
  'what (should|do) I bring',
  'what (clothes|) (should I|do I need to) bring',
  'what to bring',
  'what I (should|need to) bring',
];

/**
 * A filler said first ("so do I need a hat today", "hmm, do I need my gloves"), before the two
 * commonest asks only: a handful of samples, for the NLU to learn that a filler changes nothing.
 */
export const FILLED_ASKS: readonly string[] = [
  '(so|okay|well|hmm|um|alright) (what should I wear|do I need {item})',
];

/**
 * Asks said before "for a trip to {city}": the words "a trip to" make "bring" and even a bare
 * "what do I need" a trip's ask.
 */
export const TRIP_ASKS: readonly string[] = [
  'what (should|do) I (pack|take|bring)',
  'what do I need',
];

/**
 * A trip said first, then the ask ("I'm flying to Denver on Friday, what should I pack"): the
 * leads, each followed by one of {@link TRIP_TAILS}.
 */
export const TRIP_LEADS: readonly string[] = [
  "I'm (going|flying|heading|driving|traveling|travelling) to {city}",
];

/** What follows a trip's lead: the day, if said, and the ask. */
export const TRIP_TAILS: readonly string[] = [
  '(|{date}|on {date}) what should I (wear|pack)',
  '(|{date}|on {date}) what do I pack',
  '(|{date}|on {date}) what clothes should I pack',
  // As a one-shot says it: "tell weather wardrobe I'm going to Leeds on Saturday and ask what...".
  '(|{date}|on {date}) and ask what I should (wear|pack)',
];

/** The day and the place said first ("tomorrow in Philadelphia, what should I wear"). */
export const FRONTED_PLACES: readonly string[] = ['({date}|on {date}) (in {city}|)'];

/**
 * An activity said first, then the ask ("I'm walking the dog, what should I wear"); never "put on",
 * which is also music ("I'm bored, what should I put on").
 */
export const ACTIVITY_LEADS: readonly string[] = ["I'm (going|)"];

/** Asks that take a purpose after them ("what should I wear to work"). */
export const PURPOSE_ASKS: readonly string[] = [
  '(what should I|what do I|what should the kids|what should my kids|what to) wear (to|for|at)',
  'what (the|my) kids should wear (to|for)',
  "what's the (right|best) thing to wear (to|for)",
  "what's (good to wear|a good outfit) (to|for)",
  '(how should I|how to|how do I) dress (to|for)',
  'what (clothes|outfit) should I wear (to|for)',
];

/** Where the city and the day go after an ask. */
export const ALL_PLACEMENTS: readonly string[] = [
  '',
  '{date}',
  'on {date}',
  'for {date}',
  'in {city}',
  'for {city}',
  'in {city} {date}',
  'in {city} on {date}',
  'in {city} for {date}',
  'for {city} {date}',
  'for {city} on {date}',
  '{date} in {city}',
  'on {date} in {city}',
  'for {date} in {city}',
];

/** The placements after the long tail, a purpose, a weather question or a one-shot's clause. */
export const SHORT_PLACEMENTS: readonly string[] = [
  '',
  '{date}',
  'on {date}',
  'in {city}',
  'in {city} {date}',
  '{date} in {city}',
];

/** The placements after an item: also "to Portland", "for Honolulu". */
export const ITEM_PLACEMENTS: readonly string[] = [
  ...SHORT_PLACEMENTS,
  'in {city} on {date}',
  '(to|for) {city}',
  '(to|for) {city} {date}',
];

/** The placements after a pack or bring ask: also "to Denver", "for Paris on Friday". */
export const PACK_PLACEMENTS: readonly string[] = [
  ...SHORT_PLACEMENTS,
  'for {date}',
  '(to|for) {city}',
  '(to|for) {city} {date}',
  '(to|for) {city} on {date}',
];

/** The placements after a weather question: also "for Saturday", "for Dallas this week". */
export const WEATHER_PLACEMENTS: readonly string[] = [
  ...SHORT_PLACEMENTS,
  'for {date}',
  'for {city} {date}',
];

/** How each family of asks is combined with placements. */
export const COMBINE: readonly {
  readonly asks: readonly string[];
  readonly between?: string;
  readonly placements: readonly string[];
}[] = [
  { asks: GENERAL_ASKS, placements: ALL_PLACEMENTS },
  // The suffix Amazon's design guide names; the commonest asks only.
  { asks: GENERAL_ASKS, placements: ['please', '{date} please', 'in {city} please'] },
  { asks: MORE_GENERAL_ASKS, placements: SHORT_PLACEMENTS },
  { asks: ITEM_ASKS, placements: ITEM_PLACEMENTS },
  { asks: ITEM_PURPOSE_ASKS, placements: ['', '{date}'] },
  { asks: WEATHER_ASKS, placements: WEATHER_PLACEMENTS },
  { asks: IF_ASKS, placements: SHORT_PLACEMENTS },
  { asks: PURPOSE_ASKS, between: '{purpose}', placements: SHORT_PLACEMENTS },
  { asks: PACK_ASKS, placements: PACK_PLACEMENTS },
  { asks: BRING_ASKS, placements: [...SHORT_PLACEMENTS, 'for {date}'] },
  { asks: FILLED_ASKS, placements: ['', '{date}', 'in {city}'] },
  // "What should I pack for a trip to Vancouver next week": the trip named, even with "bring".
  { asks: TRIP_ASKS, placements: ['for (a|my|the) trip to {city} (|{date})'] },
  {
    asks: WRAPPERS.flatMap((wrapper) => WRAPPED_CLAUSES.map((clause) => `${wrapper} ${clause}`)),
    placements: WRAPPED_PLACEMENTS,
  },
  { asks: TRIP_LEADS, placements: TRIP_TAILS },
  {
    asks: ACTIVITY_LEADS,
    between: '{purpose}',
    placements: ['(on {date}|) (what should I|what do I) wear'],
  },
  {
    asks: FRONTED_PLACES,
    placements: ['what (should I|do I need to) wear', 'what should I (pack|put on)'],
  },
];

/**
 * Bare answers to the skill's own questions, heard only while it asks for that slot: the slots'
 * samples in the dialog model.
 */
export const SLOT_SAMPLES: Readonly<Record<'city' | 'date', readonly string[]>> = {
  city: [
    '{city}',
    '(in|for) {city}',
    "(I'm in|I am in|it's|check) {city}",
    '(what|how) about {city}',
    '{city} please',
    '(in|) {city} {date}',
    '(in|) {city} on {date}',
    '{date} in {city}',
  ],
  date: [
    '{date}',
    '(on|for) {date}',
    '(what|how) about {date}',
    '{date} please',
    '{date} in {city}',
    'in {city} {date}',
  ],
};

/** Purposes ("what should I wear to work"): the values of the Purpose slot type. */
export const PURPOSES: readonly TypeValue[] = [
  { id: 'WORK', words: ['work', 'the office', 'my job', 'an interview', 'a meeting'] },
  {
    id: 'SCHOOL',
    words: ['school', 'class', 'college', 'university', 'the bus stop', 'the school run'],
  },
  {
    id: 'RUN',
    words: ['a run', 'my run', 'my morning run', 'running', 'go running', 'a jog', 'jogging'],
  },
  { id: 'HIKE', words: ['a hike', 'hiking', 'go hiking', 'a walk in the woods', 'camping'] },
  {
    id: 'WALK',
    words: ['a walk', 'my walk', 'walking the dog', 'walk the dog', 'the dog walk', 'walk to work'],
  },
  {
    id: 'CYCLE',
    words: ['cycling', 'go cycling', 'a bike ride', 'biking', 'my commute', 'bike to work'],
  },
  { id: 'BEACH', words: ['the beach', 'the pool', 'a swim'] },
  { id: 'GYM', words: ['the gym', 'a workout', 'yoga'] },
  {
    id: 'SPORT',
    words: [
      'golf',
      'tennis',
      'soccer',
      'football',
      'the game',
      'a game',
      'fishing',
      'the footy',
      'the cricket',
      'the rugby',
    ],
  },
  { id: 'SNOW', words: ['skiing', 'go skiing', 'snowboarding', 'sledding'] },
  {
    id: 'OUTING',
    words: [
      'the park',
      'a picnic',
      'the zoo',
      'the market',
      'shopping',
      'gardening',
      'the parade',
      'a parade',
      'the fair',
      'a festival',
    ],
  },
  {
    id: 'EVENING',
    words: ['dinner', 'a party', 'a concert', 'a wedding', 'a date', 'church', 'go out'],
  },
  { id: 'TRAVEL', words: ['the airport', 'my trip', 'a trip', 'travel', 'travelling'] },
];

/** Items and the words every English says alike for them. */
const COMMON_ITEMS: readonly TypeValue[] = [
  {
    id: 'JACKET',
    words: ['jacket', 'light jacket', 'windbreaker', 'fleece jacket', 'denim jacket'],
    noun: 'count',
  },
  {
    id: 'COAT',
    words: [
      'coat',
      'winter coat',
      'warm coat',
      'heavy coat',
      'big coat',
      'parka',
      'overcoat',
      'puffer jacket',
      'down jacket',
    ],
    noun: 'count',
  },
  {
    id: 'SWEATER',
    words: ['sweater', 'sweatshirt', 'hoodie', 'cardigan', 'pullover', 'fleece'],
    noun: 'count',
  },
  { id: 'UMBRELLA', words: ['umbrella'], noun: 'count' },
  {
    id: 'RAINCOAT',
    words: ['raincoat', 'rain jacket', 'rain coat', 'waterproof jacket', 'poncho'],
    noun: 'count',
  },
  {
    id: 'SUNSCREEN',
    words: ['sunscreen', 'sunblock', 'sun screen', 'sun lotion', 'sun cream', 'suncream'],
    noun: 'mass',
  },
  { id: 'SUNGLASSES', words: ['sunglasses', 'shades'], noun: 'mass' },
  { id: 'GLOVES', words: ['gloves', 'mittens', 'mitts'], noun: 'mass' },
  {
    id: 'HAT',
    words: ['hat', 'beanie', 'cap', 'sun hat', 'warm hat', 'winter hat'],
    noun: 'count',
  },
  { id: 'SCARF', words: ['scarf'], noun: 'count' },
  { id: 'BOOTS', words: ['boots', 'rain boots', 'snow boots', 'winter boots'], noun: 'mass' },
  { id: 'SHORTS', words: ['shorts'], noun: 'mass' },
  {
    id: 'TSHIRT',
    words: ['t-shirt', 't shirt', 'tee shirt', 'tee', 'short sleeves'],
    noun: 'count',
  },
  { id: 'LAYERS', words: ['layers', 'extra layers', 'extra layer', 'layer'], noun: 'mass' },
  { id: 'LONG_PANTS', words: ['trousers', 'jeans'], noun: 'mass' },
  { id: 'SANDALS', words: ['sandals', 'flip flops', 'flip-flops'], noun: 'mass' },
];

/**
 * The items in a locale's words: the common words, with the locale's own words for some items
 * put first (the first word is the value entity resolution names).
 */
function itemsSaying(own: Readonly<Record<string, readonly string[]>>): readonly TypeValue[] {
  return COMMON_ITEMS.map((v) => ({ ...v, words: [...(own[v.id] ?? []), ...v.words] }));
}

/** en-US: pants, a slicker, rubber boots. */
const US_WORDS: LocaleWords = {
  items: itemsSaying({
    LONG_PANTS: ['pants', 'long pants'],
    RAINCOAT: ['slicker'],
    BOOTS: ['rubber boots'],
  }),
};

/** en-GB: a jumper, trousers ("pants" are underwear), wellies, a brolly, a mac. */
const GB_WORDS: LocaleWords = {
  items: itemsSaying({
    SWEATER: ['jumper', 'cardie'],
    LONG_PANTS: ['long trousers'],
    UMBRELLA: ['brolly'],
    RAINCOAT: ['mac', 'cagoule', 'anorak', 'waterproof'],
    HAT: ['woolly hat', 'bobble hat'],
    BOOTS: ['wellies', 'wellington boots', 'wellingtons', 'walking boots'],
  }),
};

/** en-AU: a jumper, a brolly, sunnies, gumboots, trackies, and thongs are sandals. */
const AU_WORDS: LocaleWords = {
  items: itemsSaying({
    SWEATER: ['jumper', 'trackie top', 'cardie'],
    LONG_PANTS: ['pants', 'long pants', 'trackies'],
    UMBRELLA: ['brolly'],
    SUNGLASSES: ['sunnies'],
    HAT: ['bucket hat'],
    BOOTS: ['gumboots', 'ugg boots'],
    SANDALS: ['thongs'],
  }),
};

/** en-CA: as en-US, and a toque. */
const CA_WORDS: LocaleWords = {
  items: itemsSaying({
    LONG_PANTS: ['pants', 'long pants'],
    SWEATER: ['bunnyhug'],
    HAT: ['toque', 'tuque'],
    BOOTS: ['rubber boots'],
  }),
};

/** The words of each locale the skill publishes. */
export const LOCALES: Readonly<Record<string, LocaleWords>> = {
  'en-US': US_WORDS,
  'en-CA': CA_WORDS,
  'en-GB': GB_WORDS,
  'en-AU': AU_WORDS,
};

/**
 * Near misses that must fall back, not reach the skill: what people ask of other skills in the
 * same words ("what should I ...", "do I need ...").
 */
export const FALLBACK_SAMPLES: readonly string[] = [
  'what should I (cook|eat|make) (for dinner|for lunch|for breakfast|)',
  'what should I (watch|read|play|listen to|buy|do) (tonight|today|)',
  'what should I name my (dog|cat|baby)',
  'where should I (eat|go) (tonight|)',
  'what should I get my (mom|dad|wife|husband) for (christmas|her birthday|his birthday)',
  'do I need to (buy|get) (milk|gas|groceries)',
  'should I (sell|buy) (stocks|bitcoin)',
  'how should I (cook|invest|study)',
  'what (music|movie|game) should I (play|watch)',
];
