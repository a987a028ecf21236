/**
 * One line typed at the prompt -> what happens and what is printed: a `/command`, or an
 * utterance for the simulator.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { AlexaAccountLink } from './alexa-account-link.js';
import { COMMAND_HELP } from './banner.js';
import { AccountLinkError } from './errors.js';
import type { Simulator } from './simulator.js';
import type { LocalStack } from './stack.js';
import { formatDuration, linkedLines, turnLines } from './transcript.js';

/** What the prompt works on. */
export interface PromptContext {
  readonly stack: LocalStack;
  readonly account: AlexaAccountLink;
  readonly simulator: Simulator;
}

/** What a line did. */
export interface LineResult {
  readonly lines: readonly string[];
  /** True when the user asked to leave. */
  readonly quit?: boolean;
}

/** Margin past `exp` when expiring, beyond the skill's 5 s clock tolerance. */
const EXPIRY_MARGIN_MS = 10_000;

function lastExchange(stack: LocalStack) {
  return stack.proxyExchanges().at(-1);
}

function expire(ctx: PromptContext): string[] {
  const tokens = ctx.account.tokens();
  if (tokens === undefined)
    return ['Not linked: there is no access token to expire (/relink links).'];
  const { exp } = decodeJwt(tokens.accessToken);
  const expMs = (exp ?? 0) * 1000;
  const target = Math.max(expMs, tokens.expiresAt ?? 0) + EXPIRY_MARGIN_MS;
  const jump = Math.max(0, target - ctx.stack.clock.now());
  ctx.stack.clock.advance(jump);
  return [
    `Moved the token clock forward ${formatDuration(jump)}: the access token expired at ${new Date(expMs).toISOString()}.`,
    tokens.expiresAt === undefined
      ? 'Alexa got no expires_in with this token, so it will never refresh it: the skill will see it expired.'
      : 'On the next turn Alexa sees it has expired and refreshes it through the proxy.',
  ];
}

function claims(ctx: PromptContext): string[] {
  const tokens = ctx.account.tokens();
  if (tokens === undefined) return ['Not linked: Alexa holds no access token (/relink links).'];
  const header = decodeProtectedHeader(tokens.accessToken);
  const payload = decodeJwt(tokens.accessToken);
  const lines = [
    `header: alg=${String(header.alg)} typ=${String(header.typ)} kid=${String(header.kid)}`,
  ];
  const order = ['iss', 'sub', 'aud', 'scope', 'azp', 'iat', 'exp'];
  const rank = (name: string): number =>
    order.includes(name) ? order.indexOf(name) : order.length;
  const entries = Object.entries(payload).sort(([a], [b]) => rank(a) - rank(b));
  for (const [name, value] of entries) {
    if ((name === 'iat' || name === 'exp' || name === 'nbf') && typeof value === 'number') {
      const left = value * 1000 - ctx.stack.clock.now();
      const when =
        name !== 'exp'
          ? ''
          : left > 0
            ? ` (in ${formatDuration(left)})`
            : ` (expired ${formatDuration(left)} ago)`;
      lines.push(`${name}: ${value} = ${new Date(value * 1000).toISOString()}${when}`);
    } else {
      lines.push(`${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    }
  }
  lines.push(
    `Alexa's view: ${tokens.expiresAt === undefined ? 'no expires_in, never refreshed' : `refreshes after ${new Date(tokens.expiresAt).toISOString()}`}`,
  );
  return lines;
}

async function relink(ctx: PromptContext): Promise<string[]> {
  try {
    const tokens = await ctx.account.link();
    ctx.simulator.endSession();
    return linkedLines(tokens, lastExchange(ctx.stack), ctx.stack.issuer.userSub);
  } catch (error) {
    if (!(error instanceof AccountLinkError)) throw error;
    return [`Linking failed (${error.code}): ${error.message}`];
  }
}

/** Runs one line typed at the prompt. */
export async function runLine(ctx: PromptContext, text: string): Promise<LineResult> {
  const line = text.trim();
  if (line === '') return { lines: [] };
  if (!line.startsWith('/')) {
    const turn = await ctx.simulator.say(line);
    return { lines: turnLines(turn, lastExchange(ctx.stack)) };
  }
  switch (line.split(/\s+/)[0]?.toLowerCase()) {
    case '/expire':
      return { lines: expire(ctx) };
    case '/unlink':
      ctx.account.unlink();
      ctx.simulator.endSession();
      return {
        lines: ['Unlinked: Alexa holds no token now, so the skill will ask to link the account.'],
      };
    case '/relink':
    case '/link':
      return { lines: await relink(ctx) };
    case '/claims':
      return { lines: claims(ctx) };
    case '/tokens': {
      const tokens = ctx.account.tokens();
      return {
        lines:
          tokens === undefined
            ? ['Not linked: no tokens.']
            : [`ACCESS_TOKEN=${tokens.accessToken}`, `REFRESH_TOKEN=${tokens.refreshToken ?? ''}`],
      };
    }
    case '/help':
    case '/?':
      return { lines: COMMAND_HELP };
    case '/quit':
    case '/exit':
      return { lines: [], quit: true };
    default:
      return { lines: [`Unknown command "${line}": /help lists the commands.`] };
  }
}
