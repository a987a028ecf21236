import { expect } from 'chai';
import { runUtterCli } from '../../../tools/utterances/index.js';

/** Runs `npm run utter` in-process with `argv` (and `stdin` lines); its output and exit code. */
async function utter(argv: string[], stdin: string[] = []) {
  let out = '';
  let err = '';
  const code = await runUtterCli({
    argv,
    stdinLines: () => ({
      [Symbol.asyncIterator]: () => {
        const lines = stdin[Symbol.iterator]();
        return { next: () => Promise.resolve(lines.next()) };
      },
    }),
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => Date.parse('2026-12-02T12:00:00Z'),
  });
  return { code, out, err };
}

describe('npm run utter', () => {
  it('prints the intent and the slots heard, one line per utterance', async () => {
    const { code, out } = await utter([
      '--today',
      '2026-12-02',
      'do I need an umbrella in Paris tomorrow',
      'play some jazz',
    ]);
    expect(code).to.equal(0);
    expect(out.split('\n')).to.deep.equal([
      'do I need an umbrella in Paris tomorrow -> WhatShouldIWearIntent city=Paris date=2026-12-03 item="an umbrella" [UMBRELLA]',
      'play some jazz -> AMAZON.FallbackIntent',
      '',
    ]);
  });

  it('prints JSON lines, AMAZON.DATE as its ISO value, reading standard input', async () => {
    const { out } = await utter(
      ['--json', '--today', '2026-12-02'],
      ['what should I wear this weekend', '', 'help'],
    );
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).to.deep.equal([
      {
        utterance: 'what should I wear this weekend',
        intent: 'WhatShouldIWearIntent',
        slots: { date: '2026-W49-WE' },
      },
      { utterance: 'help', intent: 'AMAZON.HelpIntent', slots: {} },
    ]);
  });

  it("hears each locale's own model", async () => {
    const { out } = await utter(['--locale', 'en-AU', '--json', 'can I wear thongs tomorrow']);
    const line = JSON.parse(out) as { slots: Record<string, string> };
    expect(line.slots['item']).to.equal('thongs');
    expect((await utter(['--locale', 'en-AU', 'can I wear thongs'])).out).to.contain('[SANDALS]');
    expect((await utter(['--locale', 'en-US', 'can I wear thongs'])).out).to.contain('[no match]');
  });

  it('counts "today" from this machine\'s date when --today is not given', async () => {
    const { out } = await utter(['--json', 'what should I wear tomorrow']);
    expect(out).to.match(/"date":"2026-12-0[23]"/);
  });

  it('refuses an unknown locale, a bad date and an unknown option, with one line and exit 2', async () => {
    for (const argv of [['--locale', 'fr-FR', 'x'], ['--today', '2026-02-30', 'x'], ['--nope']]) {
      const { code, out, err } = await utter(argv);
      expect(code, argv.join(' ')).to.equal(2);
      expect(out).to.equal('');
      expect(err.trim().split('\n'), argv.join(' ')).to.have.length(1);
    }
  });

  it('prints its usage with --help', async () => {
    const { code, out } = await utter(['--help']);
    expect(code).to.equal(0);
    expect(out).to.contain('--today').and.contain('--json').and.contain('--locale');
  });
});
