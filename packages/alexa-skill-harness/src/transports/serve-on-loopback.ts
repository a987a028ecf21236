/** A skill endpoint on loopback in front of any transport (an HTTP face for an in-process skill). */
import type { RequestEnvelope } from 'ask-sdk-model';
import { listenOnLoopback, type LoopbackServer } from '../loopback.js';
import type { Transport } from './transport.js';

/**
 * Serves `transport` at `http://127.0.0.1:<port>/`: each POSTed envelope is answered through it
 * (500 with `{ error }` when it throws; 405 for other methods). No signature checks: loopback
 * only, tests only.
 */
export function serveOnLoopback(transport: Transport, port = 0): Promise<LoopbackServer> {
  return listenOnLoopback(async (request, body) => {
    if (request.method !== 'POST') return { status: 405, body: { error: 'method_not_allowed' } };
    return { status: 200, body: await transport(JSON.parse(body) as RequestEnvelope) };
  }, port);
}
