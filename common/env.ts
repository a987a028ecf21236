/**
 * Typed reading of environment variables: every program reads its environment once, at start,
 * through {@link parseEnv}, which names every missing or malformed variable in one error.
 */

/** One variable's parser: returns the value, or throws {@link EnvValueError} saying what is wrong. */
export interface EnvField<T> {
  parse(raw: string | undefined): T;
}

/** Thrown by a field parser; the message says what is wrong, without the value when secret. */
export class EnvValueError extends Error {
  override readonly name = 'EnvValueError';
}

/** One problem found while reading the environment. */
export interface EnvProblem {
  readonly name: string;
  readonly problem: string;
}

/** A missing or malformed configuration; `problems` holds one entry per bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'ERR_CONFIG';
  readonly problems: readonly EnvProblem[];

  constructor(problems: readonly EnvProblem[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.name} ${p.problem}`).join('; ')}`);
    this.problems = problems;
  }
}

type Parsed<S> = { [K in keyof S]: S[K] extends EnvField<infer T> ? T : never };

/**
 * Reads every variable of `spec` from `source` and returns the typed values, or throws one
 * {@link ConfigError} naming every variable that is missing or malformed.
 */
export function parseEnv<S extends Record<string, EnvField<unknown>>>(
  source: Readonly<Record<string, string | undefined>>,
  spec: S,
): Parsed<S> {
  const values: Record<string, unknown> = {};
  const problems: EnvProblem[] = [];
  for (const [name, field] of Object.entries(spec)) {
    try {
      values[name] = field.parse(source[name]);
    } catch (error) {
      if (!(error instanceof EnvValueError)) throw error;
      problems.push({ name, problem: error.message });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as Parsed<S>;
}

function present(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function requiredOr<T>(
  raw: string | undefined,
  fallback: T | undefined,
  parse: (v: string) => T,
): T {
  const value = present(raw);
  if (value !== undefined) return parse(value);
  if (fallback === undefined) throw new EnvValueError('is required');
  return fallback;
}

/** A string; `default` makes it optional. */
export function str(options: { default?: string } = {}): EnvField<string> {
  return { parse: (raw) => requiredOr(raw, options.default, (v) => v) };
}

/** A string that may be absent (`undefined`). */
export function optionalStr(
  options: { pattern?: RegExp; describe?: string } = {},
): EnvField<string | undefined> {
  return {
    parse(raw) {
      const value = present(raw);
      if (value !== undefined && options.pattern && !options.pattern.test(value)) {
        throw new EnvValueError(`must be ${options.describe ?? `like ${String(options.pattern)}`}`);
      }
      return value;
    },
  };
}

/** A whole number within `[min, max]`. */
export function int(options: { default?: number; min: number; max: number }): EnvField<number> {
  return {
    parse: (raw) =>
      requiredOr(raw, options.default, (v) => {
        const n = /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
        if (!Number.isSafeInteger(n) || n < options.min || n > options.max) {
          throw new EnvValueError(
            `must be a whole number from ${options.min} to ${options.max} (got "${v}")`,
          );
        }
        return n;
      }),
  };
}

/** One of a fixed set of words. */
export function oneOf<const T extends string>(
  choices: readonly T[],
  options: { default?: T } = {},
): EnvField<T> {
  return {
    parse: (raw) =>
      requiredOr(raw, options.default, (v) => {
        if (!(choices as readonly string[]).includes(v)) {
          throw new EnvValueError(`must be one of ${choices.join(', ')} (got "${v}")`);
        }
        return v as T;
      }),
  };
}

/** A comma-separated list of non-empty items; at least one is required. */
export function list(): EnvField<readonly string[]> {
  return {
    parse: (raw) =>
      requiredOr(raw, undefined, (v) => {
        const items = v.split(',').map((s) => s.trim());
        if (items.some((s) => s === '')) throw new EnvValueError('has an empty item');
        return [...new Set(items)];
      }),
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for hosts that never leave this machine: localhost, 127.0.0.0/8 and [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Checks that `value` is an absolute http(s) URL, https unless its host is loopback, without
 * credentials or a fragment. Throws {@link EnvValueError}; shared by config and option checks.
 */
export function parseServiceUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EnvValueError(`must be an absolute URL (got "${value}")`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new EnvValueError(`must use https (http only for loopback hosts) (got "${value}")`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new EnvValueError('must not carry credentials');
  }
  if (url.hash !== '') throw new EnvValueError(`must not have a fragment (got "${value}")`);
  return url;
}

/** An https URL (http allowed for loopback hosts only); returned as a string. */
export function serviceUrl(options: { default?: string } = {}): EnvField<string> {
  return { parse: (raw) => requiredOr(raw, options.default, (v) => parseServiceUrl(v).href) };
}

/** An issuer base URL, normalised to end in exactly one slash (as Auth0 writes `iss`). */
export function issuerUrl(): EnvField<string> {
  return {
    parse: (raw) => requiredOr(raw, undefined, (v) => normaliseIssuer(parseServiceUrl(v).href)),
  };
}

/** `https://tenant/` for `https://tenant`, `https://tenant/` or `https://tenant//`. */
export function normaliseIssuer(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/`;
}
