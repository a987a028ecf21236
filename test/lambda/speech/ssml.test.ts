import { expect } from 'chai';
import { escapeSsml, speakable, utterance } from '../../../lambda/speech/index.js';

describe('speech/ssml', () => {
  const escapes: [string, string][] = [
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&apos;'],
    ['<break time="3s"/>', '&lt;break time=&quot;3s&quot;/&gt;'],
    ['&amp;', '&amp;amp;'],
    ['Zürich', 'Zürich'],
  ];
  for (const [raw, escaped] of escapes) {
    it(`escapes ${JSON.stringify(raw)}`, () => {
      expect(escapeSsml(raw)).to.equal(escaped);
    });
  }

  it('removes control and invisible format characters and collapses spaces', () => {
    expect(speakable(' New\u0000\u200b  York\n')).to.equal('New York');
  });

  it('cuts a long value at a word boundary', () => {
    expect(speakable('word '.repeat(40), 22)).to.equal('word word word word');
  });

  it('cuts a long value without spaces at the limit', () => {
    expect(speakable('x'.repeat(100), 10)).to.equal('x'.repeat(10));
  });

  it('makes an utterance: escaped SSML and the plain text', () => {
    expect(utterance('Rock & roll')).to.deep.equal({
      ssml: 'Rock &amp; roll',
      text: 'Rock & roll',
    });
  });
});
