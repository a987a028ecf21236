/** The banner `npm start` prints: each endpoint, the weather's nature, and curl lines to try. */
import { expiresInFromExp, MIN_EXPIRES_IN } from '../../proxy/index.js';
import type { LocalStack } from './stack.js';
import { SIMULATED_IDS } from './request-envelope.js';

/** A LaunchRequest as compact JSON, for the skill's curl line. */
function launchJson(locale: string): string {
  return JSON.stringify({
    version: '1.0',
    context: {
      System: {
        application: { applicationId: SIMULATED_IDS.skillId },
        user: { userId: 'curl' },
      },
    },
    request: {
      type: 'LaunchRequest',
      requestId: 'curl-1',
      timestamp: new Date(0).toISOString(),
      locale,
    },
  });
}

/** The banner, as lines. */
export function bannerLines(stack: LocalStack, locale: string): string[] {
  const weather =
    stack.weather === 'demo'
      ? 'demo: made-up forecasts, not real weather (npm start -- --live-weather for Open-Meteo)'
      : 'live: Open-Meteo forecasts, over the network';
  const client = stack.alexaClient;
  return [
    'What Should I Wear: the local stack, on loopback only. Ctrl-C or /quit stops everything.',
    '',
    `  issuer (Auth0 stand-in)  ${stack.issuer.url}`,
    `      tokens live ${stack.accessTokenTtlSeconds} s; refresh answers leave expires_in out (as Auth0 did in 2016)`,
    `  token proxy              ${stack.proxy.url}`,
    "      Alexa's access token URL: passes code and refresh exchanges on, puts expires_in back",
    `  skill endpoint           ${stack.skill.url}`,
    '      local mode: Alexa request signatures are not checked, so it listens on loopback only',
    `  weather                  ${weather}`,
    '',
    'Reach each piece with curl:',
    `  curl -s ${stack.issuer.url}.well-known/openid-configuration`,
    `  curl -s ${stack.issuer.url}.well-known/jwks.json`,
    `  curl -s -u ${client.clientId}:${client.clientSecret} -d grant_type=refresh_token -d refresh_token=$REFRESH_TOKEN ${stack.proxy.url}`,
    '      (/tokens prints REFRESH_TOKEN)',
    `  curl -s -H 'Content-Type: application/json' -d '${launchJson(locale)}' ${stack.skill.url}`,
    '',
  ];
}

/** The prompt's commands. */
export const COMMAND_HELP: readonly string[] = [
  'Type what you would say to Alexa, e.g. "what should I wear in Paris tomorrow", "help", "stop".',
  'Commands:',
  "  /expire   move the token clock past the access token's expiry: the next turn refreshes it through the proxy",
  '  /unlink   forget the tokens, as disabling the skill does: the skill asks to link',
  '  /relink   link the test account again (authorization code with PKCE, through the proxy)',
  "  /claims   show the current access token's header and claims",
  '  /tokens   print the current access and refresh tokens (for the curl lines)',
  '  /help     this list',
  '  /quit     stop every server and leave (Ctrl-C and Ctrl-D too)',
];

/**
 * The start warning for an issuer whose tokens are too short-lived for Alexa: the proxy reports
 * what a token has left less its margin, so a lifetime under 420 s reaches Alexa as less than its
 * 360 s floor. Undefined when the lifetime is long enough.
 */
export function shortLifetimeWarning(tokenTtlSeconds: number): string | undefined {
  const reported = expiresInFromExp(tokenTtlSeconds);
  if (reported >= MIN_EXPIRES_IN) return undefined;
  return (
    `warning: access tokens live ${tokenTtlSeconds} s, so the proxy reports expires_in ${reported} s, ` +
    `under Alexa's ${MIN_EXPIRES_IN} s floor. Alexa may then hold an expired token and the skill sends ` +
    `LinkAccount cards until it refreshes; on a tenant, give the API a token lifetime of at least 420 s.`
  );
}
