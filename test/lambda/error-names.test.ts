/** Errors name themselves by their class, in logs and in `instanceof`-free checks. */
import { expect } from 'chai';
import { NoForecastHoursError } from '../../lambda/advice/index.js';
import { KeySetFetchError } from '../../lambda/auth/jwks-fetch.js';
import { InvalidRequestEnvelopeError } from '../../lambda/request/index.js';

describe('error names', () => {
  it('are the class names', () => {
    expect(new NoForecastHoursError('x').name).to.equal('NoForecastHoursError');
    expect(new KeySetFetchError('x').name).to.equal('KeySetFetchError');
    expect(new InvalidRequestEnvelopeError('request').name).to.equal('InvalidRequestEnvelopeError');
  });
});
