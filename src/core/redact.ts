/**
 * The one redaction: every text the program prints or returns (warnings, the closing summary, errors, /healthz, the
 * report) passes through here. It removes every configured credential — the values of environment variables whose
 * names say they are secret, each value of a header list such as OTEL_EXPORTER_OTLP_HEADERS, the userinfo of any URL
 * in the environment (MLFLOW_TRACKING_URI's), secrets registered at run time (`serve --token`) — in the forms a
 * backend may echo them (as is, percent-encoded, JSON-escaped, base64 and HTTP Basic), then anything shaped like a
 * credential (Authorization headers, bearer / basic values, URL userinfo, well-known key prefixes).
 */

const SECRET_ENV_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|AUTH|CREDENTIAL|COOKIE)/i;
const HEADER_LIST_ENV_NAME = /_HEADERS$/i;
/** Shorter values are not treated as secrets: replacing them would garble ordinary text. */
export const MIN_SECRET_LENGTH = 6;

const PATTERNS: Array<[RegExp, string]> = [
  [/(authorization["']?\s*[:=]\s*["']?)[^"',\s}]+(\s+[^"',\s}]+)?/gi, '$1[REDACTED]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 [REDACTED]'],
  [/(\/\/)[^/\s:@]+:[^/\s@]+@/g, '$1[REDACTED]@'],
  [/\b(sk|pk)-lf-[A-Za-z0-9-]+/g, '[REDACTED]'],
  [/\bsk-[A-Za-z0-9_-]{16,}/g, '[REDACTED]'],
  [/((?:api[_-]?key|token|secret|password)["']?\s*[:=]\s*["']?)[^"',\s&}]+/gi, '$1[REDACTED]'],
];

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** The forms a secret may take in an echoed request: raw, percent-encoded, JSON-escaped, base64 (with and without padding). */
function forms(secret: string): string[] {
  const b64 = base64(secret);
  return [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), b64, b64.replace(/=+$/, '')];
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Userinfo of a URL-looking value: the password, `user:password`, and a lone user name (often a key). */
function userinfoOf(value: string): string[] {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/@\s]+)@/i.exec(value.trim());
  if (!match) return [];
  const userinfo = match[1];
  const colon = userinfo.indexOf(':');
  const user = colon === -1 ? userinfo : userinfo.slice(0, colon);
  const password = colon === -1 ? '' : userinfo.slice(colon + 1);
  const out = [userinfo, decodeURIComponentSafe(userinfo)];
  if (password) out.push(password, decodeURIComponentSafe(password), `${decodeURIComponentSafe(user)}:${decodeURIComponentSafe(password)}`);
  else out.push(user, decodeURIComponentSafe(user));
  return out;
}

/** Values of a `key=value,key2=value2` header list, and the credential after an auth scheme in each. */
function headerValues(list: string): string[] {
  const out: string[] = [];
  for (const pair of list.split(',')) {
    const at = pair.indexOf('=');
    if (at === -1) continue;
    const value = decodeURIComponentSafe(pair.slice(at + 1).trim());
    out.push(value, pair.slice(at + 1).trim());
    const scheme = /^[A-Za-z]+\s+(.+)$/.exec(value);
    if (scheme) out.push(scheme[1]);
  }
  return out;
}

/** Every configured credential in `env`, in every form a backend may echo it. */
export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const found: string[] = [];
  const named = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (typeof value !== 'string' || value === '') continue;
    if (SECRET_ENV_NAME.test(name)) {
      found.push(value, `api:${value}`);
      named.set(name.toUpperCase(), value);
    }
    if (HEADER_LIST_ENV_NAME.test(name)) found.push(...headerValues(value));
    found.push(...userinfoOf(value));
  }
  // HTTP Basic pairs: <P>_USERNAME + <P>_PASSWORD, <P>_PUBLIC_KEY + <P>_SECRET_KEY.
  for (const [name, value] of Object.entries(env)) {
    if (typeof value !== 'string' || value === '') continue;
    const user = /^(.*)_USERNAME$/i.exec(name);
    const password = user && env[`${user[1]}_PASSWORD`];
    if (password) found.push(`${value}:${password}`);
    const pub = /^(.*)_PUBLIC_KEY$/i.exec(name);
    const secret = pub && env[`${pub[1]}_SECRET_KEY`];
    if (secret) found.push(`${value}:${secret}`);
  }
  return expand(found);
}

function expand(values: readonly string[]): string[] {
  const all = new Set<string>();
  for (const value of values)
    if (value.length >= MIN_SECRET_LENGTH) for (const form of forms(value)) if (form.length >= MIN_SECRET_LENGTH) all.add(form);
  // Longest first, so a secret that contains another is replaced whole.
  return [...all].sort((a, b) => b.length - a.length);
}

const registered = new Set<string>();
let cached: string[] | undefined;

/** Adds a credential that is not in the environment (a `--token` flag, an API key passed in code). */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < MIN_SECRET_LENGTH || registered.has(value)) return;
  registered.add(value);
  cached = undefined;
}

/** The process's secrets: from process.env (read once) and registered ones. */
export function knownSecrets(): string[] {
  cached ??= expand([...secretsFromEnv(), ...[...registered].flatMap((s) => [s, `api:${s}`])]);
  return cached;
}

/** Replaces every known secret value (only those: for data such as a report, where shapes are not guessed). */
export function redactKnownSecrets(text: string, secrets: readonly string[] = knownSecrets()): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
  return out;
}

/** Replaces anything that is, or looks like, a credential in `text` with [REDACTED]. */
export function redactSecrets(text: string, secrets: readonly string[] = knownSecrets()): string {
  let out = redactKnownSecrets(text, secrets);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
