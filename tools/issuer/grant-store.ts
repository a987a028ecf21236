/**
 * In-memory authorization codes and refresh tokens. Codes are single use and short lived;
 * refresh tokens belong to a family so that reuse of a rotated token revokes the whole family
 * (Auth0's rotation reuse detection).
 */
import { randomBytes } from 'node:crypto';

/** What a user consented to: carried by a code and by the refresh tokens that follow it. */
export interface Grant {
  readonly clientId: string;
  readonly sub: string;
  readonly audience: string;
  /** Granted scopes, in request order. */
  readonly scopes: readonly string[];
}

/** An authorization code's record. */
export interface CodeRecord extends Grant {
  readonly redirectUri: string;
  readonly codeChallenge: string | undefined;
  readonly expiresAt: number;
}

interface RefreshRecord extends Grant {
  readonly family: string;
  /** True once rotated away (a later use is a reuse) or revoked. */
  spent: boolean;
}

/** The outcome of presenting a refresh token. */
export type RefreshLookup =
  | { readonly kind: 'valid'; readonly grant: Grant }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'reused' };

/** Storage of codes and refresh tokens for one issuer. */
export interface GrantStore {
  /** Stores a code record and returns the code. */
  issueCode(record: CodeRecord): string;
  /** Takes a code (single use): its record, or undefined when unknown, used or expired. */
  takeCode(code: string, now: number): CodeRecord | undefined;
  /** Issues a refresh token for `grant`, in `family` when given (rotation), else a new family. */
  issueRefreshToken(grant: Grant, family?: string): string;
  /** Looks a refresh token up; `spend` marks it used (rotation), revoking its family on reuse. */
  useRefreshToken(token: string, spend: boolean): RefreshLookup & { family?: string };
  /** Revokes one refresh token and its family; false when it was unknown. */
  revokeRefreshToken(token: string): boolean;
}

const opaque = (): string => randomBytes(32).toString('base64url');

/** Creates an empty store. */
export function createGrantStore(): GrantStore {
  const codes = new Map<string, CodeRecord>();
  const refresh = new Map<string, RefreshRecord>();
  const revokedFamilies = new Set<string>();

  return {
    issueCode(record) {
      const code = opaque();
      codes.set(code, record);
      return code;
    },
    takeCode(code, now) {
      const record = codes.get(code);
      codes.delete(code);
      return record !== undefined && record.expiresAt > now ? record : undefined;
    },
    issueRefreshToken(grant, family) {
      const token = opaque();
      refresh.set(token, { ...grant, family: family ?? opaque(), spent: false });
      return token;
    },
    useRefreshToken(token, spend) {
      const record = refresh.get(token);
      if (record === undefined) return { kind: 'unknown' };
      if (revokedFamilies.has(record.family)) return { kind: 'unknown' };
      if (record.spent) {
        revokedFamilies.add(record.family);
        return { kind: 'reused' };
      }
      if (spend) record.spent = true;
      const { clientId, sub, audience, scopes } = record;
      return { kind: 'valid', grant: { clientId, sub, audience, scopes }, family: record.family };
    },
    revokeRefreshToken(token) {
      const record = refresh.get(token);
      if (record === undefined) return false;
      revokedFamilies.add(record.family);
      return true;
    },
  };
}
