/** Errors name themselves by their class, in logs and in `instanceof`-free checks. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
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

describe('error classes of the bundles', () => {
  /**
   * The bundles are minified without keepNames, so a class's own name is not what a log shows:
   * every concrete error class must name itself with a literal.
   */
  it('each concrete one names itself with its own class name', () => {
    const files = [
      'common/errors.ts',
      'lambda/auth/errors.ts',
      'lambda/alexa/errors.ts',
      'lambda/http/errors.ts',
      'lambda/weather/errors.ts',
      'proxy/errors.ts',
    ];
    let checked = 0;
    for (const file of files) {
      const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      for (const match of source.matchAll(
        /export (abstract )?class (\w+) extends [^{]+\{([^}]*)/g,
      )) {
        const [, abstract, name = '', body = ''] = match;
        if (abstract !== undefined) continue;
        checked += 1;
        expect(body, `${file}: ${name}`).to.match(
          new RegExp(`readonly name(?:: string)? = '${name}';`),
        );
      }
    }
    expect(checked).to.be.greaterThan(25);
  });
});
