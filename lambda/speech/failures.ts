/**
 * What Alexa says when there is no advice to give: the place is unknown, the date is past or
 * beyond the forecast, or the weather service failed.
 */
import {
  DateOutOfRangeError,
  daysBetween,
  PlaceNotFoundError,
  type WeatherError,
} from '../weather/index.js';
import { fullDateWords } from './day-words.js';
import { speakable, utterance, type Utterance } from './ssml.js';
import { pick } from './variation.js';

/** What to say, and what to ask again if the session stays open. */
export interface FailureSpeech {
  readonly speech: Utterance;
  /** Present when the user should answer (a city, say); absent when the conversation can end. */
  readonly reprompt?: Utterance;
}

/** Options of the failure sentences. */
export interface FailureOptions {
  readonly locale?: string;
  /** Chooses among wordings. */
  readonly seed?: string;
}

/** "Which city?": asked when no place is known. `day` ("tomorrow") keeps the question specific. */
export function whichCitySpeech(day?: string): FailureSpeech {
  return {
    speech: utterance(day === undefined ? 'Which city?' : `Which city should I check ${day}?`),
    reprompt: utterance('Which city should I check?'),
  };
}

/** The place asked for is unknown. `query` is the name heard (never a postal code). */
export function placeNotFoundSpeech(query: string | undefined): FailureSpeech {
  const name = query === undefined ? '' : speakable(query);
  return {
    speech: utterance(
      name === ''
        ? "I couldn't find that place. Which city should I check?"
        : `I couldn't find a place called ${name}. Which city should I check?`,
    ),
    reprompt: utterance('Which city should I check?'),
  };
}

/** The date asked for is already past. */
export function datePastSpeech(options: FailureOptions = {}): FailureSpeech {
  const line = pick(
    [
      "I can't look back in time: I can only tell you what to wear today or on a day ahead.",
      'That day has already passed. I can help with today or a day ahead.',
    ],
    options.seed ?? '',
    'past',
  );
  return { speech: utterance(line) };
}

/**
 * "The forecast only goes 15 days ahead, until Thursday, December 17th." A forecast cut short by
 * its source says so plainly: "only goes 1 day ahead", "only covers today".
 */
export function forecastReachText(lastDate: string, today: string, locale?: string): string {
  const days = daysBetween(today, lastDate);
  const until = fullDateWords(lastDate, locale);
  if (days <= 0) return `The forecast only covers today, ${until}.`;
  return `The forecast only goes ${days} ${days === 1 ? 'day' : 'days'} ahead, until ${until}.`;
}

/** The date asked for is beyond the forecast: say how far the forecast goes. */
export function beyondHorizonSpeech(
  lastDate: string,
  today: string,
  options: FailureOptions = {},
): FailureSpeech {
  return {
    speech: utterance(
      `${forecastReachText(lastDate, today, options.locale)} Ask me again closer to the day.`,
    ),
  };
}

/** No forecast could be had: an apology, never the reason. */
export function weatherUnavailableSpeech(options: FailureOptions = {}): FailureSpeech {
  const line = pick(
    [
      "Sorry, I can't get the forecast right now. Please try again in a moment.",
      "Sorry, the weather service isn't answering right now. Please try again shortly.",
    ],
    options.seed ?? '',
    'unavailable',
  );
  return { speech: utterance(line) };
}

/**
 * What to say for any weather error: the place is unknown, the date is past or beyond the
 * forecast; anything else (the service failed, or a malformed request, which is our bug) is
 * the same apology.
 */
export function weatherErrorSpeech(
  error: WeatherError,
  options: FailureOptions = {},
): FailureSpeech {
  if (error instanceof PlaceNotFoundError) return placeNotFoundSpeech(error.query);
  if (error instanceof DateOutOfRangeError) {
    return error.reason === 'past'
      ? datePastSpeech(options)
      : beyondHorizonSpeech(error.lastDate, error.today, options);
  }
  return weatherUnavailableSpeech(options);
}
