import { expect } from 'chai';
import fc from 'fast-check';
import { createLogger, REDACTED, redactJwts } from '../../common/logger.js';

function capture(options: Parameters<typeof createLogger>[0] = {}) {
  const lines: string[] = [];
  const logger = createLogger({ now: () => 0, ...options, sink: (l) => lines.push(l) });
  return {
    logger,
    lines,
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** What a line must hold, built the plain way: later members win, in first-seen order. */
function expectedRecord(
  base: Record<string, unknown>,
  bound: Record<string, unknown>[],
  message: string,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const members: Record<string, unknown> = { level: 'info', time: '1970-01-01T00:00:00.000Z' };
  for (const source of [base, ...bound, fields, { message }]) Object.assign(members, source);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(members)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    const secret =
      /(token|secret|password|passwd|authorization|cookie|^code$|auth_?code|verifier|assertion|credential|api_?key|apikey|consent|address|postal)/i;
    out[key] =
      secret.test(key) && typeof value !== 'boolean' && key !== 'level' && key !== 'time'
        ? REDACTED
        : typeof value === 'string'
          ? redactJwts(value)
          : value;
  }
  return out;
}

describe('createLogger', () => {
  it('writes what the plain record holds, members in order, whatever the names collide with', () => {
    const name = fc.constantFrom(
      'level',
      'time',
      'message',
      'requestId',
      'n',
      'token',
      'code',
      'outcome',
      'ok',
      'service',
    );
    const value = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('eyJhbGciOiJ9.eyJzdWIiOiJ1In0.sig', 'a eyJabcd.x.y b', ''),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constantFrom(null, undefined),
    );
    const members = fc.dictionary(name, value, { maxKeys: 4 });
    fc.assert(
      fc.property(
        members,
        fc.array(members, { maxLength: 2 }),
        members,
        fc.string({ maxLength: 5 }),
        (base, bound, fields, message) => {
          const { logger, lines } = capture({ base });
          const child = bound.reduce<ReturnType<typeof createLogger>>((l, b) => l.child(b), logger);
          child.info(message, fields);
          const [line = ''] = lines;
          const parsed = JSON.parse(line) as Record<string, unknown>;
          // Through JSON too: Infinity is null there, as in any line.
          const expected = JSON.parse(
            JSON.stringify(expectedRecord(base, bound, message, fields)),
          ) as Record<string, unknown>;
          expect(parsed).to.deep.equal(expected);
          expect(Object.keys(parsed)).to.deep.equal(Object.keys(expected));
        },
      ),
      { numRuns: 500, seed: 20261202 },
    );
  });

  it('writes one JSON object per line with level, time, bound fields and message', () => {
    const { logger, records } = capture({ base: { service: 'test' } });
    logger.child({ requestId: 'r1' }).info('hello', { n: 1 });
    expect(records()).to.deep.equal([
      {
        level: 'info',
        time: '1970-01-01T00:00:00.000Z',
        service: 'test',
        requestId: 'r1',
        n: 1,
        message: 'hello',
      },
    ]);
  });

  it('drops lines below its level', () => {
    const { logger, lines } = capture({ level: 'warn' });
    logger.info('no');
    logger.warn('yes');
    expect(lines).to.have.length(1);
  });

  it('redacts fields named like secrets, at any depth', () => {
    const { logger, lines } = capture();
    logger.info('x', {
      client_secret: 's3cr3t-value',
      nested: { refresh_token: 'rt-123456', Authorization: 'Basic abc', code: 'abcd1234' },
      accessTokenPresent: true,
    });
    const line = lines.join('\n');
    for (const secret of ['s3cr3t-value', 'rt-123456', 'Basic abc', 'abcd1234']) {
      expect(line).not.to.include(secret);
    }
    expect(line).to.include(REDACTED);
    expect(line).to.include('"accessTokenPresent":true');
  });

  it('redacts JWT-shaped strings wherever they appear', () => {
    const { logger, lines } = capture();
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    logger.error(`bad token ${jwt}`, { detail: [`x ${jwt}`] });
    expect(lines[0]).not.to.include(jwt);
  });

  it('redacts registered secrets inside any string', () => {
    const { logger, lines } = capture({ secrets: ['hunter2-secret'] });
    logger.warn('upstream said: hunter2-secret is wrong', { body: 'x=hunter2-secret' });
    expect(lines[0]).not.to.include('hunter2-secret');
  });

  it('logs errors as name, message and code', () => {
    const { logger, records } = capture();
    logger.error('failed', { err: Object.assign(new Error('boom'), { code: 'E1' }) });
    expect(records()[0]?.['err']).to.deep.equal({ name: 'Error', message: 'boom', code: 'E1' });
  });
});

describe('createLogger, awkward values', () => {
  it('still writes a line, redacted, for a cyclic field', () => {
    const lines: string[] = [];
    const logger = createLogger({ sink: (l) => lines.push(l) });
    const cyclic: Record<string, unknown> = { refresh_token: 'rt-cyclic-123', name: 'x' };
    cyclic['self'] = cyclic;
    logger.info('cyclic', { cyclic });
    expect(lines).to.have.length(1);
    expect(lines[0]).not.to.include('rt-cyclic-123');
    expect(lines[0]).to.include('[too deep]');
  });

  it('writes bigints as strings', () => {
    const lines: string[] = [];
    createLogger({ sink: (l) => lines.push(l) }).info('big', { n: 10n });
    expect(JSON.parse(lines[0] ?? '{}')).to.include({ n: '10' });
  });
});

describe('createLogger, bytes', () => {
  it('never writes the bytes of a Buffer or typed array', () => {
    const lines: string[] = [];
    const logger = createLogger({ sink: (l) => lines.push(l) });
    const secretBytes = Buffer.from('super-secret-refresh-token');
    logger.info('bytes', { raw: secretBytes, nested: { view: new Uint8Array(secretBytes) } });
    expect(lines[0]).to.include('[26 bytes]');
    expect(JSON.parse(lines[0] ?? '{}')).to.deep.include({
      raw: '[26 bytes]',
      nested: { view: '[26 bytes]' },
    });
  });
});

describe('redactJwts', () => {
  const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;

  it('replaces what the JWT pattern matches, and nothing else', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom('eyJ', 'a', 'Z', '9', '-', '_', '.', ' ', '"', 'eyJabcd.'), {
            maxLength: 40,
          })
          .map((parts) => parts.join('')),
        (text) => {
          expect(redactJwts(text)).to.equal(text.replace(JWT_SHAPE, REDACTED));
        },
      ),
      { numRuns: 2000, seed: 15 },
    );
  });

  it('takes time linear in its input, adversarial or not (bounded by a ratio to a plain one)', () => {
    const size = 16_384;
    const cost = (text: string) => {
      const runs: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        const started = performance.now();
        for (let j = 0; j < 20; j += 1) redactJwts(text);
        runs.push(performance.now() - started);
      }
      return runs.sort((a, b) => a - b)[3] ?? 0;
    };
    const plain = `eyJ${'a'.repeat(size - 3)}`;
    const base = Math.max(cost(plain), 0.05);
    for (const adversarial of [
      'eyJ'.repeat(size / 3),
      'eyJabcd.'.repeat(size / 8),
      'eyJabcd.e.'.repeat(size / 10),
      'eyJ.'.repeat(size / 4),
    ]) {
      // The regular expression took about 400 times as long on the first of these.
      expect(cost(adversarial) / base, adversarial.slice(0, 12)).to.be.below(20);
    }
  });
});
