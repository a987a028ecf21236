import { expect } from 'chai';
import { ConfigError, parseEnv } from '../../../common/env.js';
import { createWeatherProvider, weatherEnvSpec } from '../../../lambda/weather/index.js';

describe('weather/from-config', () => {
  it('defaults to Open-Meteo with the public URLs and a 2500 ms budget', () => {
    expect(parseEnv({}, weatherEnvSpec)).to.deep.equal({
      WEATHER_PROVIDER: 'open-meteo',
      OPEN_METEO_FORECAST_URL: 'https://api.open-meteo.com/v1/forecast',
      OPEN_METEO_GEOCODING_URL: 'https://geocoding-api.open-meteo.com/v1/search',
      OPEN_METEO_API_KEY: undefined,
      WEATHER_TIMEOUT_MS: 2500,
      WEATHER_CACHE_TABLE: undefined,
    });
  });

  it('names every bad weather variable', () => {
    expect(() =>
      parseEnv(
        {
          WEATHER_PROVIDER: 'met-office',
          OPEN_METEO_FORECAST_URL: 'http://x.example',
          WEATHER_TIMEOUT_MS: '9000',
        },
        weatherEnvSpec,
      ),
    )
      .to.throw(ConfigError)
      .with.property('problems')
      .that.has.length(3);
  });

  it('builds the demo provider for WEATHER_PROVIDER=demo', () => {
    const config = parseEnv({ WEATHER_PROVIDER: 'demo' }, weatherEnvSpec);
    expect(createWeatherProvider(config).name).to.equal('demo');
  });

  it('builds the Open-Meteo provider by default', () => {
    expect(createWeatherProvider(parseEnv({}, weatherEnvSpec)).name).to.equal('open-meteo');
  });
});
