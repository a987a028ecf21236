import { expect } from 'chai';
import { redactSecrets } from '../../common/index.js';

describe('redactSecrets', () => {
  it('blanks a secret standing alone, in a form, a header or a sentence', () => {
    expect(redactSecrets('client_secret=abc123&x=1', ['abc123'])).to.equal(
      'client_secret=[redacted]&x=1',
    );
    expect(redactSecrets('"abc123" was refused', ['abc123'])).to.equal('"[redacted]" was refused');
    expect(redactSecrets('abc123', ['abc123'], '[masked]')).to.equal('[masked]');
  });

  it('leaves a secret that is part of a longer word alone: "http" keeps "https" whole', () => {
    expect(redactSecrets('see https://tenant.example/ or http://x', ['http'])).to.equal(
      'see https://tenant.example/ or [redacted]://x',
    );
    expect(redactSecrets('my-secret-value', ['secret'])).to.equal('my-secret-value');
  });

  it('blanks every whole occurrence of every secret, and ignores an empty one', () => {
    expect(redactSecrets('a1b2 and a1b2, c3d4', ['a1b2', 'c3d4', ''])).to.equal(
      '[redacted] and [redacted], [redacted]',
    );
  });
});
