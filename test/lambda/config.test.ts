import { expect } from 'chai';
import { ConfigError } from '../../common/env.js';
import { readSkillConfig } from '../../lambda/config.js';

describe('readSkillConfig', () => {
  it('fills every default from CONTRACT.md', () => {
    expect(readSkillConfig({ ISSUER_BASE_URL: 'https://example.us.auth0.com' })).to.deep.equal({
      issuerBaseUrl: 'https://example.us.auth0.com/',
      audience: 'https://whatshouldiwear',
      requiredScope: 'read:whattowear',
      skillId: undefined,
      weather: {
        WEATHER_PROVIDER: 'open-meteo',
        OPEN_METEO_FORECAST_URL: 'https://api.open-meteo.com/v1/forecast',
        OPEN_METEO_GEOCODING_URL: 'https://geocoding-api.open-meteo.com/v1/search',
        OPEN_METEO_API_KEY: undefined,
        WEATHER_TIMEOUT_MS: 2500,
        WEATHER_CACHE_TABLE: undefined,
      },
      logLevel: 'info',
    });
  });

  it('reads every variable when set', () => {
    const config = readSkillConfig({
      ISSUER_BASE_URL: 'http://127.0.0.1:4000/',
      AUDIENCE: 'https://api',
      REQUIRED_SCOPE: 'read:x',
      SKILL_ID: 'amzn1.ask.skill.12345678-1234-1234-1234-123456789012',
      WEATHER_PROVIDER: 'demo',
      OPEN_METEO_FORECAST_URL: 'https://customer-api.open-meteo.com/v1/forecast',
      OPEN_METEO_GEOCODING_URL: 'https://customer-geocoding-api.open-meteo.com/v1/search',
      OPEN_METEO_API_KEY: 'key',
      WEATHER_TIMEOUT_MS: '1000',
      WEATHER_CACHE_TABLE: 'wsiw-WeatherCacheTable-1A2B3C4D5E6F',
      LOG_LEVEL: 'debug',
    });
    expect(config.weather.WEATHER_PROVIDER).to.equal('demo');
    expect(config.weather.WEATHER_CACHE_TABLE).to.equal('wsiw-WeatherCacheTable-1A2B3C4D5E6F');
    expect(config.skillId).to.equal('amzn1.ask.skill.12345678-1234-1234-1234-123456789012');
    expect(config.weather.WEATHER_TIMEOUT_MS).to.equal(1000);
  });

  it('accepts every skill id Alexa issues, the legacy kind included', () => {
    for (const id of [
      'amzn1.ask.skill.12345678-1234-1234-1234-123456789012',
      'amzn1.echo-sdk-ams.app.12345678-1234-1234-1234-123456789012',
    ]) {
      const config = readSkillConfig({ ISSUER_BASE_URL: 'http://127.0.0.1:4000/', SKILL_ID: id });
      expect(config.skillId).to.equal(id);
    }
  });

  it('names every missing or malformed variable in one error', () => {
    let thrown: unknown;
    try {
      readSkillConfig({
        SKILL_ID: 'my-skill',
        WEATHER_PROVIDER: 'darksky',
        OPEN_METEO_FORECAST_URL: 'http://api.open-meteo.com/v1/forecast',
        WEATHER_TIMEOUT_MS: 'soon',
        WEATHER_CACHE_TABLE: 'arn:aws:dynamodb:us-east-1:123456789012:table/cache',
        LOG_LEVEL: 'verbose',
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(ConfigError);
    expect((thrown as ConfigError).problems.map((p) => p.name)).to.deep.equal([
      'ISSUER_BASE_URL',
      'SKILL_ID',
      'WEATHER_PROVIDER',
      'OPEN_METEO_FORECAST_URL',
      'WEATHER_TIMEOUT_MS',
      'WEATHER_CACHE_TABLE',
      'LOG_LEVEL',
    ]);
  });
});
