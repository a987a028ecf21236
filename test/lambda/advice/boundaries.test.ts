/**
 * Each advice threshold at its exact boundary (`lambda/advice/advise.ts`, `summary.ts`), on days
 * whose hours hold one value each, so the summary is known exactly.
 */
import { expect } from 'chai';
import {
  adviseDay,
  adviseForecast,
  THRESHOLDS,
  type Advice,
} from '../../../lambda/advice/index.js';
import { summarizeDay } from '../../../lambda/advice/summary.js';
import type { DayForecast, HourlyWeather } from '../../../lambda/weather/index.js';
import { flat } from './hours.js';

const advise = (hours: HourlyWeather[]): Advice => adviseDay(hours);

describe('advice at its thresholds', () => {
  it('is windy from 30 km/h on, not below', () => {
    expect(advise(flat({ windSpeedKmh: 30 })).windy).to.equal(true);
    expect(advise(flat({ windSpeedKmh: 29.9 })).windy).to.equal(false);
    expect(advise(flat({ windSpeedKmh: null })).windy).to.equal(false);
  });

  it('adds a windbreaker to a warm windy day only below 24 °C', () => {
    expect(advise(flat({ windSpeedKmh: 30, apparentTemperatureC: 23.9 })).outer).to.equal(
      'windbreaker',
    );
    expect(advise(flat({ windSpeedKmh: 30, apparentTemperatureC: 24 })).outer).to.equal('none');
    expect(advise(flat({ windSpeedKmh: 29, apparentTemperatureC: 23 })).outer).to.equal('none');
  });

  it('trades the umbrella for a rain jacket from 50 km/h of wind', () => {
    const rainy = { precipitationProbability: 80 };
    expect(advise(flat({ ...rainy, windSpeedKmh: 50 })).bring).to.include('rain-jacket');
    expect(advise(flat({ ...rainy, windSpeedKmh: 49.9 })).bring).to.include('umbrella');
    expect(advise(flat({ ...rainy, windSpeedKmh: null })).bring).to.include('umbrella');
  });

  it('calls rain likely from 50 % or 0.5 mm an hour, possible from 30 %', () => {
    expect(advise(flat({ precipitationProbability: 50 })).precipitation?.chance).to.equal('likely');
    expect(advise(flat({ precipitationProbability: 49 })).precipitation?.chance).to.equal(
      'possible',
    );
    expect(advise(flat({ precipitationMm: 0.5 })).precipitation?.chance).to.equal('likely');
    expect(advise(flat({ precipitationMm: 0.49 })).precipitation).to.equal(null);
    expect(advise(flat({ precipitationProbability: 30 })).precipitation?.chance).to.equal(
      'possible',
    );
    expect(advise(flat({ precipitationProbability: 29 })).precipitation).to.equal(null);
    expect(
      advise(flat({ precipitationProbability: null, precipitationMm: null })).precipitation,
    ).to.equal(null);
  });

  it('names the hours it concerns, and calls it snow from 0.5 cm over them', () => {
    const wet = (hour: number) =>
      hour >= 12 && hour <= 15 ? { precipitationProbability: 70 } : {};
    expect(advise(flat({}, wet)).precipitation).to.deep.equal({
      kind: 'rain',
      chance: 'likely',
      fromHour: 12,
      toHour: 15,
    });
    const snowing = (cm: number) => (hour: number) =>
      hour === 12 ? { precipitationProbability: 70, snowfallCm: cm } : {};
    expect(advise(flat({ apparentTemperatureC: -2 }, snowing(0.5))).precipitation?.kind).to.equal(
      'snow',
    );
    expect(advise(flat({ apparentTemperatureC: -2 }, snowing(0.49))).precipitation?.kind).to.equal(
      'rain',
    );
  });

  it('brings a sun hat from UV 8, and calls the sun strong from UV 6 when it is dry', () => {
    expect(advise(flat({ uvIndex: 8 })).bring).to.include('sun-hat');
    expect(advise(flat({ uvIndex: 7.9 })).bring).not.to.include('sun-hat');
    expect(advise(flat({ uvIndex: 6 })).strongSun).to.equal(true);
    expect(advise(flat({ uvIndex: 5.9 })).strongSun).to.equal(false);
    expect(advise(flat({ uvIndex: 9, precipitationProbability: 60 })).strongSun).to.equal(false);
    expect(advise(flat({ uvIndex: null })).bring).not.to.include('sunscreen');
  });

  it('brings a scarf at -10 °C and below', () => {
    expect(advise(flat({ apparentTemperatureC: -10 })).bring).to.include('scarf');
    expect(advise(flat({ apparentTemperatureC: -9.9 })).bring).not.to.include('scarf');
  });

  it('sees a swing of 8 °C or more between morning and afternoon, and its direction', () => {
    const day = (morning: number, afternoon: number) =>
      flat({}, (hour) => ({
        apparentTemperatureC: hour <= 11 ? morning : hour <= 17 ? afternoon : 14,
      }));
    expect(advise(day(10, 18)).swing).to.deep.equal({
      direction: 'warming',
      morningC: 10,
      afternoonC: 18,
    });
    expect(advise(day(18, 10)).swing?.direction).to.equal('cooling');
    expect(advise(day(10, 17.9)).swing).to.equal(null);
  });

  it('sees no swing when the morning or the afternoon has no hours', () => {
    const afternoonOnly = flat().filter((h) => h.hour >= 12);
    expect(summarizeDay(afternoonOnly, THRESHOLDS).morningC).to.equal(null);
    expect(advise(afternoonOnly).swing).to.equal(null);
    const morningOnly = flat().filter((h) => h.hour <= 11);
    expect(summarizeDay(morningOnly, THRESHOLDS).afternoonC).to.equal(null);
    expect(advise(morningOnly).swing).to.equal(null);
  });

  it('summarises maxima and totals, skipping unknown values', () => {
    const hours = flat({}, (hour) =>
      hour === 9
        ? {
            precipitationProbability: 40,
            precipitationMm: 1.5,
            snowfallCm: 2,
            windSpeedKmh: 25,
            uvIndex: null,
          }
        : hour === 10
          ? {
              precipitationProbability: null,
              precipitationMm: null,
              snowfallCm: null,
              windSpeedKmh: null,
            }
          : {},
    );
    const summary = summarizeDay(hours, THRESHOLDS);
    expect(summary).to.include({
      maxPrecipitationProbability: 40,
      totalPrecipitationMm: 1.5,
      totalSnowfallCm: 2,
      maxWindKmh: 25,
      maxUvIndex: 1,
    });
    const unknown = flat({ precipitationProbability: null, windSpeedKmh: null, uvIndex: null });
    expect(summarizeDay(unknown, THRESHOLDS)).to.include({
      maxPrecipitationProbability: null,
      maxWindKmh: null,
      maxUvIndex: null,
    });
    // Negative readings are not unknown: the maximum is still a number.
    expect(summarizeDay(flat({ windSpeedKmh: -1 }), THRESHOLDS).maxWindKmh).to.equal(-1);
  });

  it('advises a cached forecast once, and every time for other thresholds', () => {
    const day: DayForecast = {
      provider: 'demo',
      place: { name: 'Paris', latitude: 48.85, longitude: 2.35, timeZone: 'Europe/Paris' },
      date: '2026-12-02',
      today: '2026-12-02',
      lastDate: '2026-12-17',
      hours: flat(),
      fetchedAt: 0,
      stale: false,
    };
    expect(adviseForecast(day)).to.equal(adviseForecast(day));
    const custom = { ...THRESHOLDS, windyKmh: 1 };
    const a = adviseForecast(day, custom);
    expect(a.windy).to.equal(true);
    expect(adviseForecast(day, custom)).not.to.equal(a);
    expect(adviseForecast(day).windy).to.equal(false);
  });
});
