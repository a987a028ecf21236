/**
 * From an incoming request to a checked token request (`proxy/parse-request.ts`, `client-auth.ts`,
 * `form.ts`), rule by rule. Refusals are matched by class and OAuth error code.
 */
import { expect } from 'chai';
import {
  InvalidClientError,
  InvalidRequestError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  UnsupportedGrantTypeError,
  UnsupportedMediaTypeError,
} from '../../proxy/index.js';
import { clientIdFromBasic, identifyClient } from '../../proxy/client-auth.js';
import { decodeForm, encodeForm } from '../../proxy/form.js';
import {
  bodyKindOf,
  headerValue,
  parseTokenRequest,
  type IncomingRequest,
} from '../../proxy/parse-request.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

const request = (over: Partial<IncomingRequest>): IncomingRequest => ({
  method: 'POST',
  headers: FORM,
  body: 'grant_type=refresh_token&refresh_token=r&client_id=alexa',
  ...over,
});
const parse = (over: Partial<IncomingRequest>, maxBodyBytes = 16_384) =>
  parseTokenRequest(request(over), { maxBodyBytes });

function refusal(run: () => unknown): Error & { oauthError?: string; status?: number } {
  try {
    run();
  } catch (error) {
    return error as Error & { oauthError?: string; status?: number };
  }
  throw new Error('expected a refusal');
}

describe('proxy: parsing a token request', () => {
  it('reads a form request: grant, client, the body as received, no Authorization', () => {
    expect(parse({})).to.deep.equal({
      grantType: 'refresh_token',
      client: { clientId: 'alexa', method: 'body' },
      upstreamBody: 'grant_type=refresh_token&refresh_token=r&client_id=alexa',
      authorization: undefined,
    });
  });

  it('accepts the method in any case, and refuses every other method', () => {
    expect(parse({ method: 'post' }).grantType).to.equal('refresh_token');
    for (const method of ['GET', 'PUT', 'OPTIONS', 'POSTX', '']) {
      expect(refusal(() => parse({ method }))).to.be.instanceOf(MethodNotAllowedError);
    }
  });

  describe('content types', () => {
    it('takes form and JSON, in any case, with a UTF-8 charset or none', () => {
      for (const type of [
        'application/x-www-form-urlencoded',
        'Application/X-WWW-Form-URLEncoded',
        'application/x-www-form-urlencoded; charset=UTF-8',
        'application/x-www-form-urlencoded;charset="utf-8"',
        'application/x-www-form-urlencoded; charset=utf8',
        ' application/x-www-form-urlencoded ; foo=bar',
      ]) {
        expect(bodyKindOf(type), type).to.equal('form');
      }
      expect(bodyKindOf('application/json')).to.equal('json');
      expect(bodyKindOf('APPLICATION/JSON; charset=utf-8')).to.equal('json');
    });

    it('refuses any other type, a missing one and any other charset, every time (nothing remembered)', () => {
      for (let round = 0; round < 2; round += 1) {
        for (const type of [
          undefined,
          '',
          'text/plain',
          'application/jsonx',
          'multipart/form-data',
          'application/x-www-form-urlencoded; charset=latin1',
          'application/json; charset=utf-16',
          'application/json; charset=utf"-8',
          'application/json; charset',
        ]) {
          expect(() => bodyKindOf(type), String(type)).to.throw(UnsupportedMediaTypeError);
        }
        // The same string accepted and then refused in another case: each call decides on its own.
        expect(bodyKindOf('application/json')).to.equal('json');
      }
    });
  });

  it('refuses a body over the cap, or one the adapter stopped reading, and accepts one at the cap', () => {
    const body = 'grant_type=refresh_token&client_id=alexa';
    const size = Buffer.byteLength(body);
    expect(parse({ body }, size).grantType).to.equal('refresh_token');
    expect(refusal(() => parse({ body }, size - 1))).to.be.instanceOf(PayloadTooLargeError);
    expect(refusal(() => parse({ body, bodyTooLarge: true }, size))).to.be.instanceOf(
      PayloadTooLargeError,
    );
    // Bytes count, not characters; base64 counts its decoded bytes.
    const wide = 'grant_type=refresh_token&client_id=%C3%A9&x=ééé';
    expect(refusal(() => parse({ body: wide }, wide.length))).to.be.instanceOf(
      PayloadTooLargeError,
    );
    const encoded = Buffer.from(body).toString('base64');
    expect(parse({ body: encoded, isBase64Encoded: true }, size).grantType).to.equal(
      'refresh_token',
    );
    expect(parse({ body: new TextEncoder().encode(body) }, size).grantType).to.equal(
      'refresh_token',
    );
  });

  it('reads no body as empty: no grant_type', () => {
    expect(refusal(() => parse({ body: undefined }))).to.be.instanceOf(InvalidRequestError);
  });

  it('counts a base64 body by the bytes it stands for', () => {
    const body = 'grant_type=refresh_token&client_id=alexa';
    const encoded = Buffer.from(body).toString('base64');
    expect(encoded.length).to.be.above(body.length);
    expect(parse({ body: encoded, isBase64Encoded: true }, body.length).grantType).to.equal(
      'refresh_token',
    );
  });

  it('sends a form upstream exactly as received, escapes and all', () => {
    const body = 'grant_type=refresh_token&refresh_token=r%2Fx%20y&client_id=alexa';
    expect(parse({ body }).upstreamBody).to.equal(body);
  });

  it('refuses a form whose bytes are not UTF-8, however valid the rest is', () => {
    const valid = Buffer.from('grant_type=refresh_token&client_id=alexa&x=');
    for (const body of [
      Buffer.concat([valid, Buffer.from([0xff])]),
      Buffer.concat([valid, Buffer.from([0xc3])]),
    ]) {
      const error = refusal(() => parse({ body }));
      expect(error).to.be.instanceOf(InvalidRequestError);
      expect(error.cause).to.be.instanceOf(TypeError);
    }
  });

  it('decodes base64 and byte bodies as UTF-8, refusing bytes that are not', () => {
    const bad = Buffer.from([0x67, 0x3d, 0xff, 0xfe]);
    expect(refusal(() => parse({ body: bad }))).to.be.instanceOf(InvalidRequestError);
    expect(
      refusal(() => parse({ body: bad.toString('base64'), isBase64Encoded: true })),
    ).to.be.instanceOf(InvalidRequestError);
  });

  it('quotes at most 40 characters of a refused parameter name', () => {
    const at40 = `${'n'.repeat(39)}[`;
    const at41 = `${'n'.repeat(40)}[`;
    expect(refusal(() => parse({ body: `grant_type=refresh_token&${at40}=1` })).message).to.include(
      `"${at40}"`,
    );
    const long = refusal(() => parse({ body: `grant_type=refresh_token&${at41}=1` })).message;
    expect(long).to.include(`"${'n'.repeat(40)}…"`);
    expect(long).not.to.include('[');
  });

  it('refuses a bracketed parameter name, so no upstream reads a nested client or grant', () => {
    for (const body of [
      'grant_type=refresh_token&client_id[]=alexa',
      'grant_type=refresh_token&client_id=alexa&client_id[x]=other',
      'grant_type[]=refresh_token&client_id=alexa',
      'grant_type=refresh_token&client_id=alexa&a]=1',
      'grant_type=refresh_token&client_id=alexa&%5B=1',
    ]) {
      const error = refusal(() => parse({ body }));
      expect(error, body).to.be.instanceOf(InvalidRequestError);
      expect(error.oauthError).to.equal('invalid_request');
    }
  });

  it('refuses a repeated parameter, even with the same value', () => {
    for (const body of [
      'grant_type=refresh_token&client_id=alexa&client_id=alexa',
      'grant_type=refresh_token&grant_type=refresh_token&client_id=alexa',
    ]) {
      expect(
        refusal(() => parse({ body })),
        body,
      ).to.be.instanceOf(InvalidRequestError);
    }
  });

  it('refuses a missing or empty grant_type as invalid, and another grant as unsupported', () => {
    for (const body of ['client_id=alexa', 'grant_type=&client_id=alexa']) {
      expect(
        refusal(() => parse({ body })),
        body,
      ).to.be.instanceOf(InvalidRequestError);
    }
    for (const grant of ['client_credentials', 'password', 'implicit', 'REFRESH_TOKEN']) {
      const error = refusal(() => parse({ body: `grant_type=${grant}&client_id=alexa` }));
      expect(error, grant).to.be.instanceOf(UnsupportedGrantTypeError);
    }
    expect(
      parse({ body: 'grant_type=authorization_code&code=c&client_id=alexa' }).grantType,
    ).to.equal('authorization_code');
  });

  describe('JSON bodies', () => {
    it('are sent upstream as a form with the same parameters', () => {
      const parsed = parse({
        headers: JSON_TYPE,
        body: JSON.stringify({
          grant_type: 'refresh_token',
          refresh_token: 'r+/=',
          client_id: 'alexa',
        }),
      });
      expect(parsed.upstreamBody).to.equal(
        'grant_type=refresh_token&refresh_token=r%2B%2F%3D&client_id=alexa',
      );
      expect(parsed.client).to.deep.equal({ clientId: 'alexa', method: 'body' });
    });

    it('refuse a body that is not a JSON object, with 400 (null too)', () => {
      for (const body of ['null', '[]', '["grant_type"]', '"x"', '7', 'true']) {
        const error = refusal(() => parse({ headers: JSON_TYPE, body }));
        expect(error, body).to.be.instanceOf(InvalidRequestError);
        expect(error.status).to.equal(400);
        expect(error.message).to.equal('The JSON body is not an object');
      }
      for (const body of ['{', '']) {
        const error = refusal(() => parse({ headers: JSON_TYPE, body }));
        expect(error, body).to.be.instanceOf(InvalidRequestError);
        expect(error.cause).to.be.instanceOf(SyntaxError);
      }
    });

    it('refuse a parameter whose value is not a string: the client check never sees an array', () => {
      for (const value of [['alexa'], { id: 'alexa' }, 7, null, true]) {
        const body = JSON.stringify({ grant_type: 'refresh_token', client_id: value });
        const error = refusal(() => parse({ headers: JSON_TYPE, body }));
        expect(error, body).to.be.instanceOf(InvalidRequestError);
        expect(error.message).to.include('client_id');
      }
    });
  });

  describe('client authentication', () => {
    it('reads the client from HTTP Basic, forwarding the header trimmed and unchanged', () => {
      const header = basic('alexa', 's3cr:et+');
      const parsed = parse({
        headers: { ...FORM, Authorization: `  ${header} ` },
        body: 'grant_type=refresh_token&refresh_token=r',
      });
      expect(parsed.client).to.deep.equal({ clientId: 'alexa', method: 'basic' });
      expect(parsed.authorization).to.equal(header);
    });

    it('treats a blank Authorization header as none', () => {
      expect(parse({ headers: { ...FORM, authorization: '   ' } }).authorization).to.equal(
        undefined,
      );
    });

    it('refuses Basic credentials with anything after them: the id read is the id forwarded', () => {
      const good = basic('alexa', 'x');
      for (const header of [
        `${good} ${basic('other', 'y').slice(6)}`,
        `${good},${basic('other', 'y')}`,
        `${good}junk!`,
        `${good}=`,
        `${good} x`,
        `Basic  ${good.slice(6)} `.trimEnd() + '\u0000',
      ]) {
        const error = refusal(() => clientIdFromBasic(header));
        expect(error, header).to.be.instanceOf(InvalidClientError);
      }
      expect(clientIdFromBasic(`Basic    ${good.slice(6)}`)).to.equal('alexa');
    });

    it('reads Basic credentials with whitespace around them', () => {
      expect(clientIdFromBasic(`  ${basic('alexa', 'x')}\t`)).to.equal('alexa');
      expect(identifyClient(` ${basic('alexa', 'x')} `, undefined)).to.deep.equal({
        clientId: 'alexa',
        method: 'basic',
      });
    });

    it('keeps the cause of an unusable Basic client id', () => {
      for (const raw of [Buffer.from([0xff, 0x3a, 0x61]), Buffer.from('%E0%A4%A:x')]) {
        const error = refusal(() => clientIdFromBasic(`Basic ${raw.toString('base64')}`));
        expect(error).to.be.instanceOf(InvalidClientError);
        expect(error.cause).to.be.instanceOf(Error);
      }
    });

    it('refuses a header that is not Basic, and Basic credentials that are not usable', () => {
      for (const header of [
        'Bearer abc',
        'Basic',
        'Basic ',
        'Digest username="alexa"',
        `Basic ${Buffer.from(':secret').toString('base64')}`,
        `Basic ${Buffer.from('no-colon').toString('base64')}`,
        `Basic ${Buffer.from([0xff, 0x3a, 0x61]).toString('base64')}`,
        `Basic ${Buffer.from('%E0%A4%A:x').toString('base64')}`,
      ]) {
        expect(
          refusal(() => clientIdFromBasic(header)),
          header,
        ).to.be.instanceOf(InvalidClientError);
      }
    });

    it('requires the body client to match the Basic one, and some client to be named', () => {
      expect(identifyClient(basic('alexa', 'x'), 'alexa')).to.deep.equal({
        clientId: 'alexa',
        method: 'basic',
      });
      expect(refusal(() => identifyClient(basic('alexa', 'x'), 'other'))).to.be.instanceOf(
        InvalidRequestError,
      );
      expect(refusal(() => identifyClient(basic('alexa', 'x'), ''))).to.be.instanceOf(
        InvalidRequestError,
      );
      expect(refusal(() => identifyClient(undefined, undefined))).to.be.instanceOf(
        InvalidClientError,
      );
      expect(refusal(() => identifyClient(undefined, ''))).to.be.instanceOf(InvalidClientError);
      expect(refusal(() => identifyClient('  ', undefined))).to.be.instanceOf(InvalidClientError);
      expect(identifyClient('', 'alexa')).to.deep.equal({ clientId: 'alexa', method: 'body' });
      expect(identifyClient(' \t ', 'alexa')).to.deep.equal({ clientId: 'alexa', method: 'body' });
    });
  });

  describe('headers and forms', () => {
    it('finds a header by name in any case', () => {
      expect(headerValue({ 'Content-TYPE': 'x' }, 'content-type')).to.equal('x');
      expect(headerValue({ a: 'x' }, 'b')).to.equal(undefined);
    });

    it('decodes a form strictly, in order, skipping empty segments', () => {
      expect(decodeForm('a=1&&b=x+y%2Bz&c&d=')).to.deep.equal([
        ['a', '1'],
        ['b', 'x y+z'],
        ['c', ''],
        ['d', ''],
      ]);
      expect(decodeForm('')).to.deep.equal([]);
      for (const body of ['a=%', 'a=%zz', '%E0%A4%A=1', '=1']) {
        expect(() => decodeForm(body), body).to.throw(InvalidRequestError);
      }
      const error = refusal(() => decodeForm('a=%zz'));
      expect(error.cause).to.be.instanceOf(URIError);
      expect(encodeForm([['a b', 'c&d']])).to.equal('a+b=c%26d');
    });
  });
});
