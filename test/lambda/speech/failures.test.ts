import { expect } from 'chai';
import {
  beyondHorizonSpeech,
  datePastSpeech,
  placeNotFoundSpeech,
  weatherErrorSpeech,
  weatherUnavailableSpeech,
  whichCitySpeech,
} from '../../../lambda/speech/index.js';
import {
  DateOutOfRangeError,
  InvalidForecastRequestError,
  PlaceNotFoundError,
  WeatherUnavailableError,
  type WeatherError,
} from '../../../lambda/weather/index.js';
import { WEATHER_APOLOGY } from '../../harness/open-meteo.js';

describe('speech/failures', () => {
  it('names the place it could not find, escaped, and asks for a city', () => {
    const { speech, reprompt } = placeNotFoundSpeech('Springfield <b>&');
    expect(speech.ssml).to.equal(
      'I couldn&apos;t find a place called Springfield &lt;b&gt;&amp;. Which city should I check?',
    );
    expect(reprompt?.text).to.equal('Which city should I check?');
  });

  it('does not repeat a place it has no name for (a postal code)', () => {
    expect(placeNotFoundSpeech(undefined).speech.text).to.equal(
      "I couldn't find that place. Which city should I check?",
    );
  });

  it('cuts a very long place name before repeating it', () => {
    expect(placeNotFoundSpeech('a'.repeat(1000)).speech.text.length).to.be.below(140);
  });

  it('explains that a past date cannot be checked, without a reprompt', () => {
    const failure = datePastSpeech();
    expect(failure.speech.text).to.match(/today or (on )?a day ahead/);
    expect(failure.reprompt).to.equal(undefined);
  });

  it('says how far the forecast goes for a date beyond it', () => {
    expect(beyondHorizonSpeech('2026-12-10', '2026-11-25').speech.text).to.equal(
      'The forecast only goes 15 days ahead, until Thursday, December 10th. Ask me again closer to the day.',
    );
  });

  it('says plainly how far a forecast cut short goes: one day ahead, or today only', () => {
    expect(beyondHorizonSpeech('2026-11-26', '2026-11-25').speech.text).to.equal(
      'The forecast only goes 1 day ahead, until Thursday, November 26th. Ask me again closer to the day.',
    );
    expect(beyondHorizonSpeech('2026-11-25', '2026-11-25').speech.text).to.equal(
      'The forecast only covers today, Wednesday, November 25th. Ask me again closer to the day.',
    );
  });

  it('apologises when the weather is unavailable, without internals', () => {
    expect(weatherUnavailableSpeech().speech.text).to.match(WEATHER_APOLOGY);
  });

  it('asks which city, for the day already heard', () => {
    expect(whichCitySpeech('tomorrow').speech.text).to.equal('Which city should I check tomorrow?');
    expect(whichCitySpeech().speech.text).to.equal('Which city?');
  });

  describe('weatherErrorSpeech', () => {
    const cases: [string, WeatherError, RegExp][] = [
      ['place not found', new PlaceNotFoundError('no-match', 'Gotham'), /called Gotham/],
      [
        'past',
        new DateOutOfRangeError('past', '2026-11-24', '2026-11-25', '2026-12-10', 'Chicago'),
        /today or/,
      ],
      [
        'beyond the horizon',
        new DateOutOfRangeError(
          'beyond-horizon',
          '2026-12-20',
          '2026-11-25',
          '2026-12-10',
          'Chicago',
        ),
        /only goes 15 days ahead/,
      ],
      ['weather unavailable', new WeatherUnavailableError('timeout', 'slow'), WEATHER_APOLOGY],
      ['a malformed request', new InvalidForecastRequestError('bad-date', 'bug'), WEATHER_APOLOGY],
    ];
    for (const [name, error, words] of cases) {
      it(`speaks for ${name}`, () => {
        expect(weatherErrorSpeech(error).speech.text).to.match(words);
      });
    }
  });
});
