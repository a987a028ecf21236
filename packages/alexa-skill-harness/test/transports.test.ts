import { expect } from 'chai';
import type { ResponseEnvelope } from 'ask-sdk-model';
import {
  inProcess,
  launchRequest,
  overHttp,
  serveOnLoopback,
  TransportError,
} from 'alexa-skill-harness';

const answer: ResponseEnvelope = { version: '1.0', response: { shouldEndSession: true } };

describe('transports', () => {
  it('call a Lambda-style handler in-process with a copy of the envelope and the context', async () => {
    const envelope = launchRequest();
    let seen: unknown[] = [];
    const reply = await inProcess(
      (event, context) => {
        seen = [event, context];
        return Promise.resolve(answer);
      },
      { awsRequestId: 'x' },
    )(envelope);
    expect(reply).to.equal(answer);
    expect(seen[0]).to.deep.equal(envelope);
    expect(seen[0]).not.to.equal(envelope);
    expect(seen[1]).to.deep.equal({ awsRequestId: 'x' });
  });

  it('POST the envelope as JSON over HTTP and parse the answer', async () => {
    let received: unknown;
    const server = await serveOnLoopback((event) => {
      received = event;
      return Promise.resolve(answer);
    });
    try {
      const envelope = launchRequest();
      expect(await overHttp(server.url)(envelope)).to.deep.equal(answer);
      expect(received).to.deep.equal(envelope);
    } finally {
      await server.close();
    }
  });

  it('reject with the status and body when the endpoint fails', async () => {
    const server = await serveOnLoopback(() => Promise.reject(new RangeError('boom')));
    try {
      let thrown: unknown;
      try {
        await overHttp(server.url)(launchRequest());
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(TransportError);
      expect(thrown).to.include({ code: 'ERR_TRANSPORT', status: 500 });
      expect((thrown as TransportError).body).to.include('RangeError');
    } finally {
      await server.close();
    }
  });
});
