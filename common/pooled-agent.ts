/**
 * A keep-alive connection pool that never hands out a connection idle for longer than `idleMs` by
 * the wall clock: a Lambda frozen between invocations runs no timers, so the agent's own idle
 * timeout does not fire meanwhile, and a connection the server closed during the freeze would fail
 * the next call. `prune()` before each call drops those. Used by the proxy's transport and the
 * skill's fetch (http-fetch.ts).
 */
import type http from 'node:http';
import type { Socket } from 'node:net';

export interface PooledAgent {
  readonly agent: http.Agent;
  /** Destroys the idle connections freed more than `idleMs` ago. */
  prune(): void;
}

/** A pool of `AgentClass` (http or https) that drops connections idle past `idleMs` on `prune()`. */
export function pooledAgent(
  AgentClass: typeof http.Agent,
  idleMs: number,
  now: () => number,
): PooledAgent {
  // `timeout` closes idle connections while the process runs; the server's Keep-Alive hint
  // shortens it (Node's agent honours `Keep-Alive: timeout=N`).
  const agent = new AgentClass({ keepAlive: true, timeout: idleMs, scheduling: 'lifo' });
  const freedAt = new WeakMap<Socket, number>();
  agent.on('free', (socket: Socket) => {
    freedAt.set(socket, now());
  });
  return {
    agent,
    prune: () => {
      const cutoff = now() - idleMs;
      for (const sockets of Object.values(agent.freeSockets)) {
        // Freed in order, so the stale ones come first; the agent skips destroyed ones there.
        for (const socket of sockets ?? []) {
          if ((freedAt.get(socket) ?? 0) <= cutoff) socket.destroy();
        }
      }
    },
  };
}
