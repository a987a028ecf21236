/**
 * What the token proxy did, read from its own log lines (it logs one per exchange): the grant,
 * the status, and where the `expires_in` it answered with came from. The stack keeps the last
 * few so that the simulator can say "the issuer sent no expires_in; the proxy supplied 3540".
 */

/** One exchange as the proxy logged it. */
export interface ProxyExchange {
  readonly grantType: string | undefined;
  readonly status: number;
  /** The `expires_in` the proxy answered with. */
  readonly expiresIn: number | undefined;
  /** `upstream`, `upstream-string`, `token-exp` or `default`. */
  readonly expiresInSource: string | undefined;
  /** What the upstream sent: `missing`, its number, or its type. */
  readonly upstreamExpiresIn: string | undefined;
  /** The proxy's failure code, when it failed (`ERR_UPSTREAM_UNREACHABLE`, say). */
  readonly failure: string | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Reads a proxy log line; undefined for lines that are not about an exchange. */
export function readProxyExchange(line: string): ProxyExchange | undefined {
  let fields: unknown;
  try {
    fields = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof fields !== 'object' || fields === null) return undefined;
  const f = fields as Record<string, unknown>;
  const message = str(f.message) ?? '';
  const status = num(f.status);
  if (!message.startsWith('token exchange') || status === undefined) return undefined;
  return {
    grantType: str(f.grantType),
    status,
    expiresIn: num(f.expiresIn),
    expiresInSource: str(f.expiresInSource),
    upstreamExpiresIn:
      typeof f.upstreamExpiresIn === 'number'
        ? String(f.upstreamExpiresIn)
        : str(f.upstreamExpiresIn),
    failure: str(f.failure),
  };
}

/** Explains where an answer's `expires_in` came from, for people. */
export function describeExpiresIn(exchange: ProxyExchange): string {
  const upstream =
    exchange.upstreamExpiresIn === 'missing'
      ? 'the issuer sent no expires_in'
      : `the issuer sent expires_in ${exchange.upstreamExpiresIn ?? '?'}`;
  const supplied = exchange.expiresIn === undefined ? '?' : String(exchange.expiresIn);
  switch (exchange.expiresInSource) {
    case 'token-exp':
      return `${upstream}; the proxy supplied expires_in=${supplied} (the token's exp, less 60 s)`;
    case 'default':
      return `${upstream}; the proxy supplied its default expires_in=${supplied}`;
    case 'upstream-string':
      return `${upstream}; the proxy made it the integer ${supplied}`;
    default:
      return `${upstream}; the proxy passed it on`;
  }
}
