/**
 * Keeps secrets out of warnings and error reports: Authorization headers, bearer/basic credentials, URL
 * credentials, well-known key shapes, and the values of environment variables whose names say they are secret.
 */

const SECRET_ENV_NAME = /(KEY|TOKEN|SECRET|PASSWORD|AUTH)/i;
const MIN_SECRET_LENGTH = 6;

const PATTERNS: Array<[RegExp, string]> = [
  [/(authorization["']?\s*[:=]\s*["']?)[^"',\s}]+(\s+[^"',\s}]+)?/gi, '$1[REDACTED]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 [REDACTED]'],
  [/(\/\/)[^/\s:@]+:[^/\s@]+@/g, '$1[REDACTED]@'],
  [/\b(sk|pk)-lf-[A-Za-z0-9-]+/g, '[REDACTED]'],
  [/\bsk-[A-Za-z0-9_-]{16,}/g, '[REDACTED]'],
  [/((?:api[_-]?key|token|secret|password)["']?\s*[:=]\s*["']?)[^"',\s&}]+/gi, '$1[REDACTED]'],
];

/** Secret values currently in the environment (collected once per call site that asks). */
export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(env)
    .filter(([name, value]) => SECRET_ENV_NAME.test(name) && typeof value === 'string' && value.length >= MIN_SECRET_LENGTH)
    .map(([, value]) => value as string);
}

/** Replaces anything that looks like a credential in `text` with [REDACTED]. */
export function redactSecrets(text: string, secrets: readonly string[] = secretsFromEnv()): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join('[REDACTED]');
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
