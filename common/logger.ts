/**
 * Structured logging: one JSON object per line, through one logger that redacts secrets by
 * construction. Field names that name a secret and values shaped like a JWT are replaced, and
 * values registered as secrets are replaced wherever they appear, so a call site cannot leak by
 * forgetting.
 */
import { memo } from './memo.js';
import { redactSecrets } from './redact.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (a request id, say). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  /** Lines below this level are dropped. Default `info`. */
  level?: LogLevel;
  /** Where each line goes. Default: standard output. */
  sink?: (line: string) => void;
  /** Fields on every line, such as `{ service: 'proxy' }`. */
  base?: LogFields;
  /** Values that must never appear in a line (client secrets, say); replaced wherever found. */
  secrets?: readonly string[];
  /** The clock for `time`. Default `Date.now`. */
  now?: () => number;
}

export const REDACTED = '[redacted]';

/** Field names whose values are never logged, whatever they hold. */
const SECRET_KEY =
  /(token|secret|password|passwd|authorization|cookie|^code$|auth_?code|verifier|assertion|credential|api_?key|apikey|consent|address|postal)/i;
/** Three base64url segments, the first starting like a JSON header: a JWS or JWE in compact form. */
/** A base64url character: what a JWT's segments are made of. */
function isSegmentChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 45 || // -
    code === 95 // _
  );
}

/** The end of the run of segment characters from `from`. */
function segmentEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSegmentChar(text.charCodeAt(i))) i += 1;
  return i;
}

/**
 * `text` with every JWT-shaped run replaced: "eyJ" and at least four more segment characters, a
 * dot, a segment, a dot, a segment (what /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\/g
 * matches). Linear in the length of `text` whatever it holds: a failed candidate resumes the search
 * where its run of segment characters ended, since any "eyJ" inside that run ends at the same
 * place and fails alike (the regular expression backtracks there, quadratic on "eyJeyJeyJ...").
 */
export function redactJwts(text: string): string {
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const start = text.indexOf('eyJ', from);
    if (start < 0) break;
    const first = segmentEnd(text, start + 3);
    if (first - start < 7 || text.charCodeAt(first) !== 46) {
      from = Math.max(first, start + 1);
      continue;
    }
    const second = segmentEnd(text, first + 1);
    if (text.charCodeAt(second) !== 46) {
      from = second;
      continue;
    }
    const end = segmentEnd(text, second + 1);
    out += text.slice(copied, start) + REDACTED;
    copied = end;
    from = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
const MAX_DEPTH = 6;

/** A field name as JSON, and whether it names a secret; remembered (field names are few). */
const fieldName = memo(
  (key: string) => ({ json: JSON.stringify(key), secret: SECRET_KEY.test(key) }),
  4096,
);

/** Whether a field name names a secret. */
function isSecretKey(key: string): boolean {
  return fieldName(key).secret;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A logger's base and bound members, serialised for the fast path. */
interface Prefix {
  /** `,"name":value` for each, redacted. */
  readonly json: string;
  /** A member needs the careful path (an object, say): every line takes it. */
  readonly careful: boolean;
  /** Whether the line has a member of that name before the call's fields. */
  readonly has: (key: string) => boolean;
}

const CAREFUL: Prefix = { json: '', careful: true, has: () => true };

let lastTime = { ms: Number.NaN, iso: '' };

/** `ms` as an ISO 8601 instant; the last answer is remembered (lines come many a millisecond). */
function isoTime(ms: number): string {
  if (ms !== lastTime.ms) lastTime = { ms, iso: new Date(ms).toISOString() };
  return lastTime.iso;
}

/** Creates a {@link Logger}. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = rank[options.level ?? 'info'];
  const sink = options.sink ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? Date.now;
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);

  const scrubString = (value: string): string => {
    // Every JWT-shaped run starts with "eyJ"; most strings have none, and skip the regex.
    let out = value.includes('eyJ') ? redactJwts(value) : value;
    if (secrets.length > 0) out = redactSecrets(out, secrets, REDACTED);
    return out;
  };

  const scrubError = (error: Error): Record<string, unknown> => {
    // Built here, not by field name, so that an error's `code` is not taken for an OAuth code.
    const code = errorCode(error);
    return {
      name: scrubString(error.name),
      message: scrubString(error.message),
      ...(code === undefined ? {} : { code: typeof code === 'string' ? scrubString(code) : code }),
    };
  };

  /** Errors already reduced to name, message and code: their members are written as they are. */
  const reduced = new WeakSet<object>();

  /** The one-pass redaction, as a JSON.stringify replacer (`this` is the object holding `key`). */
  const replacer = function (this: unknown, key: string, value: unknown): unknown {
    if (typeof this === 'object' && this !== null && reduced.has(this)) return value;
    if (key !== '' && isSecretKey(key) && value !== undefined && typeof value !== 'boolean') {
      return REDACTED;
    }
    if (typeof value === 'string') return scrubString(value);
    if (typeof value === 'bigint') return value.toString();
    if (isSerialisedBuffer(value)) return `[${value.data.length} bytes]`;
    if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    if (value instanceof Error) {
      const plain = scrubError(value);
      reduced.add(plain);
      return plain;
    }
    return value;
  };

  /** The careful walk, for what the replacer cannot serialise (cycles, great depth). */
  const scrub = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return scrubString(value);
    if (value === null || typeof value !== 'object') {
      return typeof value === 'bigint' ? value.toString() : value;
    }
    if (depth >= MAX_DEPTH) return '[too deep]';
    if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    if (value instanceof Error) return scrubError(value);
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] =
        isSecretKey(key) && v !== undefined && typeof v !== 'boolean'
          ? REDACTED
          : scrub(v, depth + 1);
    }
    return out;
  };

  /** The record as the careful path builds it: later members win, in first-seen order. */
  const record = (level: LogLevel, bound: LogFields, message: string, fields?: LogFields) => ({
    level,
    time: isoTime(now()),
    ...options.base,
    ...bound,
    ...fields,
    message,
  });

  /** `,"key":value` redacted; '' for a member JSON leaves out; undefined for the careful path. */
  const serialiseMember = (key: string, value: unknown): string | undefined => {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return '';
    if (typeof value === 'bigint' || (value !== null && typeof value === 'object'))
      return undefined;
    const name = fieldName(key);
    if (name.secret && typeof value !== 'boolean') return `,${name.json}:"${REDACTED}"`;
    return `,${name.json}:${JSON.stringify(typeof value === 'string' ? scrubString(value) : value)}`;
  };

  /**
   * The common case, fast: the line is written member by member from the logger's serialised
   * prefix (its base and bound fields, redacted once, when the logger was made) and the call's
   * primitive fields, redacted on the way. Undefined when a field is an object or a bigint, or
   * names a member already in the line: the careful path then builds the record.
   */
  const fastLine = (
    level: LogLevel,
    prefix: Prefix,
    message: string,
    fields: LogFields | undefined,
  ): string | undefined => {
    let line = `{"level":"${level}","time":"${isoTime(now())}"${prefix.json}`;
    if (fields !== undefined) {
      for (const key of Object.keys(fields)) {
        if (prefix.has(key) || key === 'message') return undefined;
        const member = serialiseMember(key, fields[key]);
        if (member === undefined) return undefined;
        line += member;
      }
    }
    return `${line},"message":${JSON.stringify(scrubString(message))}}`;
  };

  /**
   * A logger's fixed members, serialised once: `parent`'s and then `added`'s. Careful when one
   * needs the careful path, or when `added` names a member the line already has (it would win).
   */
  const prefixOf = (parent: Prefix, added: LogFields): Prefix => {
    const names = Object.keys(added);
    if (parent.careful) return CAREFUL;
    let json = parent.json;
    for (const key of names) {
      const member =
        parent.has(key) || key === 'message' ? undefined : serialiseMember(key, added[key]);
      if (member === undefined) return CAREFUL;
      json += member;
    }
    return {
      json,
      careful: false,
      has: names.length === 0 ? parent.has : (key) => names.includes(key) || parent.has(key),
    };
  };
  const basePrefix = prefixOf(
    { json: '', careful: false, has: (key) => key === 'level' || key === 'time' },
    options.base ?? {},
  );

  const write = (
    level: LogLevel,
    bound: LogFields,
    prefix: Prefix,
    message: string,
    fields?: LogFields,
  ): void => {
    if (rank[level] < threshold) return;
    const fast = prefix.careful ? undefined : fastLine(level, prefix, message, fields);
    sink(fast ?? stringifyScrubbed(record(level, bound, message, fields)));
  };

  const stringifyScrubbed = (record: Record<string, unknown>): string => {
    try {
      return JSON.stringify(record, replacer);
    } catch {
      return JSON.stringify(scrub(record, 0));
    }
  };

  class BoundLogger implements Logger {
    constructor(
      private readonly bound: LogFields,
      private readonly prefix: Prefix,
    ) {}
    debug(message: string, fields?: LogFields): void {
      write('debug', this.bound, this.prefix, message, fields);
    }
    info(message: string, fields?: LogFields): void {
      write('info', this.bound, this.prefix, message, fields);
    }
    warn(message: string, fields?: LogFields): void {
      write('warn', this.bound, this.prefix, message, fields);
    }
    error(message: string, fields?: LogFields): void {
      write('error', this.bound, this.prefix, message, fields);
    }
    child(fields: LogFields): Logger {
      return new BoundLogger({ ...this.bound, ...fields }, prefixOf(this.prefix, fields));
    }
  }
  return new BoundLogger({}, basePrefix);
}

/** A Buffer as JSON.stringify hands it to a replacer (after its toJSON): never logged as bytes. */
function isSerialisedBuffer(value: unknown): value is { type: 'Buffer'; data: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'Buffer' &&
    Array.isArray((value as { data?: unknown }).data)
  );
}

function errorCode(error: Error): unknown {
  return 'code' in error ? error.code : undefined;
}

/** A logger that drops everything (for tests and benchmarks that do not look at logs). */
export const silentLogger: Logger = createLogger({ sink: () => undefined, level: 'error' });
