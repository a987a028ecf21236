/**
 * Alexa's token store for one linked user: links (authorization request, then the code exchange
 * at the access token URL), and before each request refreshes an access token that has expired by
 * the `expires_in` it came with. As Alexa does: no `expires_in`, no refresh ever; a refresh that
 * fails leaves the expired token, which the skill then receives.
 */
import { AccountLinkError } from './errors.js';
import {
  authorize,
  callTokenUrl,
  type AccountLinkingSettings,
  type TokenAnswer,
} from './token-endpoint-client.js';

/** The tokens Alexa holds for the user. */
export interface HeldTokens {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  /** The `expires_in` they came with; undefined when the answer had none. */
  readonly expiresIn: number | undefined;
  /** When they were received (token clock, ms). */
  readonly receivedAt: number;
  /** When Alexa will consider the access token expired; undefined: never. */
  readonly expiresAt: number | undefined;
}

/** What happened when Alexa refreshed. */
export type RefreshOutcome =
  | { readonly ok: true; readonly tokens: HeldTokens; readonly refreshTokenRotated: boolean }
  | { readonly ok: false; readonly error: AccountLinkError };

/** The token for one request, and the refresh made for it, if any. */
export interface RequestToken {
  /** The access token to put in the request; undefined when the account is not linked. */
  readonly accessToken: string | undefined;
  readonly refresh?: RefreshOutcome;
}

/** Options of {@link createAlexaAccountLink}. */
export interface AlexaAccountLinkOptions {
  readonly settings: AccountLinkingSettings;
  /** The token clock, ms. Default `Date.now`. */
  readonly now?: () => number;
  readonly fetch?: typeof fetch;
}

/** One user's account link, held by Alexa. */
export interface AlexaAccountLink {
  /** Links (or links again): resolves with the new tokens; rejects with {@link AccountLinkError}. */
  link(): Promise<HeldTokens>;
  /** Forgets the tokens, as disabling the skill in the Alexa app does. */
  unlink(): void;
  /** The tokens held, if linked. */
  tokens(): HeldTokens | undefined;
  /** The token for the next request, refreshed first when it has expired by its `expires_in`. */
  tokenForRequest(): Promise<RequestToken>;
  /** Refreshes now, whatever the expiry. */
  refresh(): Promise<RefreshOutcome>;
}

/** Creates an unlinked account link. */
export function createAlexaAccountLink(options: AlexaAccountLinkOptions): AlexaAccountLink {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let held: HeldTokens | undefined;

  const hold = (answer: TokenAnswer, previousRefresh?: string): HeldTokens => {
    const receivedAt = now();
    return {
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken ?? previousRefresh,
      expiresIn: answer.expiresIn,
      receivedAt,
      expiresAt: answer.expiresIn === undefined ? undefined : receivedAt + answer.expiresIn * 1000,
    };
  };

  const refresh = async (): Promise<RefreshOutcome> => {
    const current = held;
    if (current?.refreshToken === undefined) {
      return {
        ok: false,
        error: new AccountLinkError('ERR_NOT_LINKED', 'there is no refresh token to use'),
      };
    }
    try {
      const answer = await callTokenUrl(
        options.settings,
        { grant_type: 'refresh_token', refresh_token: current.refreshToken },
        doFetch,
      );
      held = hold(answer, current.refreshToken);
      return {
        ok: true,
        tokens: held,
        refreshTokenRotated:
          answer.refreshToken !== undefined && answer.refreshToken !== current.refreshToken,
      };
    } catch (error) {
      if (!(error instanceof AccountLinkError)) throw error;
      return { ok: false, error };
    }
  };

  return {
    async link() {
      const { code, verifier } = await authorize(options.settings, doFetch);
      const answer = await callTokenUrl(
        options.settings,
        {
          grant_type: 'authorization_code',
          code,
          redirect_uri: options.settings.redirectUri,
          code_verifier: verifier,
        },
        doFetch,
      );
      held = hold(answer);
      return held;
    },
    unlink() {
      held = undefined;
    },
    tokens: () => held,
    async tokenForRequest() {
      if (held === undefined) return { accessToken: undefined };
      if (held.expiresAt === undefined || now() < held.expiresAt) {
        return { accessToken: held.accessToken };
      }
      const outcome = await refresh();
      return { accessToken: held.accessToken, refresh: outcome };
    },
    refresh,
  };
}
