import { expect } from 'chai';
import { ssmlToText } from '../../scripts/local-stack/index.js';

describe('local simulator: speech as text', () => {
  it('drops SSML tags, turns breaks into spaces and decodes entities', () => {
    expect(ssmlToText('<speak>Rain &amp; wind.<break time="300ms"/>Take a coat.</speak>')).to.equal(
      'Rain & wind. Take a coat.',
    );
  });
});
