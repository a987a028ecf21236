/**
 * The bundles are minified without keepNames (scripts/build.ts), so a class's own name is not what
 * a log shows: every concrete error class names itself with a literal. Read from the sources (and
 * so kept out of mutation testing, whose instrumented sources would not read alike).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';

describe('error classes of the bundles', () => {
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
