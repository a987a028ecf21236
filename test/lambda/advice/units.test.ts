import { expect } from 'chai';
import fc from 'fast-check';
import {
  celsiusToFahrenheit,
  distanceUnitOf,
  fahrenheitToCelsius,
  kmhToMph,
  mmToInches,
  mphToKmh,
  precipitationIn,
  temperatureIn,
  windSpeedIn,
} from '../../../lambda/advice/index.js';

describe('advice/units', () => {
  const temperatures: [number, number][] = [
    [0, 32],
    [100, 212],
    [-40, -40],
    [37, 98.6],
    [-17.7778, 0],
  ];
  for (const [c, f] of temperatures) {
    it(`converts ${c} °C to ${f} °F and back`, () => {
      expect(celsiusToFahrenheit(c)).to.be.closeTo(f, 0.001);
      expect(fahrenheitToCelsius(f)).to.be.closeTo(c, 0.001);
    });
  }

  it('converts km/h to mph and back (100 km/h is 62.14 mph)', () => {
    expect(kmhToMph(100)).to.be.closeTo(62.137, 0.001);
    expect(mphToKmh(1)).to.equal(1.609344);
  });

  it('round-trips any temperature and speed', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (v) => {
        expect(fahrenheitToCelsius(celsiusToFahrenheit(v))).to.be.closeTo(v, 1e-9);
        expect(mphToKmh(kmhToMph(Math.abs(v)))).to.be.closeTo(Math.abs(v), 1e-9);
      }),
    );
  });

  it('converts 25.4 mm to one inch', () => {
    expect(mmToInches(25.4)).to.equal(1);
  });

  it('rounds a temperature to a whole degree in the user unit', () => {
    expect([temperatureIn(9.4, 'CELSIUS'), temperatureIn(9.4, 'FAHRENHEIT')]).to.deep.equal([
      9, 49,
    ]);
  });

  it('never says minus zero', () => {
    expect(Object.is(temperatureIn(-0.4, 'CELSIUS'), 0)).to.equal(true);
  });

  it('gives wind and precipitation in the distance unit', () => {
    expect([windSpeedIn(40, 'METRIC'), windSpeedIn(40, 'IMPERIAL')]).to.deep.equal([40, 25]);
    expect([precipitationIn(12.7, 'METRIC'), precipitationIn(12.7, 'IMPERIAL')]).to.deep.equal([
      13, 0.5,
    ]);
  });

  it('takes imperial distances with Fahrenheit unless told otherwise', () => {
    expect([
      distanceUnitOf({ temperature: 'FAHRENHEIT' }),
      distanceUnitOf({ temperature: 'CELSIUS' }),
      distanceUnitOf({ temperature: 'FAHRENHEIT', distance: 'METRIC' }),
    ]).to.deep.equal(['IMPERIAL', 'METRIC', 'METRIC']);
  });
});
