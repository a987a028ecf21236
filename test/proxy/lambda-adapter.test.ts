import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { expect } from 'chai';
import { ConfigError } from '../../common/env.js';
import {
  createFunctionUrlHandler,
  createHandlerFromEnvironment,
  handler,
} from '../../proxy/index.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  UPSTREAM_URL,
  accessJwt,
  basicAuthorization,
  captureLogs,
  form,
  json,
  makeExchange,
  secret,
  upstreamAnswers,
} from './support.js';
import { functionUrlEvent } from '../harness/function-url.js';

describe('proxy Lambda Function URL adapter', () => {
  const refresh = (): string =>
    form({ grant_type: 'refresh_token', refresh_token: secret('refresh-lambda-1') });

  it('answers a refresh with an integer expires_in and the no-cache headers', async () => {
    const accessToken = await accessJwt({ exp: Date.UTC(2026, 10, 1) / 1000 + 3660 });
    upstreamAnswers(200, { access_token: accessToken, token_type: 'Bearer' });
    const lambda = createFunctionUrlHandler(makeExchange());
    const result = await lambda(
      functionUrlEvent(refresh(), {
        headers: { authorization: basicAuthorization(CLIENT_ID, CLIENT_SECRET) },
      }),
    );
    expect(result).to.deep.include({
      statusCode: 200,
      headers: {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        pragma: 'no-cache',
      },
      isBase64Encoded: false,
    });
    expect(json({ body: result.body ?? '' }).expires_in).to.equal(3600);
  });

  it('decodes a base64-encoded body and forwards its exact bytes', async () => {
    const body = form({
      grant_type: 'refresh_token',
      refresh_token: secret('refresh-b64-1'),
      client_id: CLIENT_ID,
    });
    const seen = upstreamAnswers(200, { access_token: secret('opaque-b64'), expires_in: 3600 });
    const result = await createFunctionUrlHandler(makeExchange())(
      functionUrlEvent(body, { base64: true }),
    );
    expect(result.statusCode).to.equal(200);
    expect(seen.body).to.equal(body);
  });

  it('refuses a GET with 405 through the adapter', async () => {
    const result = await createFunctionUrlHandler(makeExchange())(
      functionUrlEvent(undefined, { method: 'GET' }),
    );
    expect(result.statusCode).to.equal(405);
  });

  it('answers a direct invocation without headers with a JSON refusal, not a crash', async () => {
    const event = {
      ...functionUrlEvent('grant_type=refresh_token'),
    } as Partial<APIGatewayProxyEventV2>;
    delete event.headers;
    const result = await createFunctionUrlHandler(makeExchange())(event as APIGatewayProxyEventV2);
    expect(result.statusCode).to.equal(415);
    expect(JSON.parse(result.body ?? '{}')).to.have.property('error', 'invalid_request');
  });

  it("logs Lambda's request id on the exchange line", async () => {
    const { logger, records } = captureLogs();
    await createFunctionUrlHandler(makeExchange({ logger }))(
      functionUrlEvent(undefined, { method: 'GET' }),
    );
    expect(records()[0]).to.include({ requestId: 'lambda-request-1', status: 405 });
  });

  it('builds a handler from the environment', async () => {
    const lambda = createHandlerFromEnvironment({
      UPSTREAM_TOKEN_URL: UPSTREAM_URL,
      ALLOWED_CLIENT_IDS: CLIENT_ID,
      LOG_LEVEL: 'error',
    });
    const result = await lambda(functionUrlEvent(undefined, { method: 'DELETE' }));
    expect(result.statusCode).to.equal(405);
  });

  it('names every bad variable when the environment is incomplete', () => {
    expect(() => createHandlerFromEnvironment({ DEFAULT_EXPIRES_IN: '60' }))
      .to.throw(ConfigError)
      .with.property('problems')
      .that.has.length(3);
  });

  it('exports an async handler that reads nothing at import', () => {
    expect(handler).to.be.a('function');
    expect(handler.constructor.name).to.equal('AsyncFunction');
  });
});
