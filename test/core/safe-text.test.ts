/** One redaction, one line, no control characters: what every printed or returned text goes through. */
import { describe, expect, it } from 'vitest';
import { redactSecrets, secretsFromEnv } from '../../src/core/redact.js';
import { safeLine } from '../../src/core/safe-text.js';

describe('secretsFromEnv + redactSecrets', () => {
  const env = {
    OTEL_EXPORTER_OTLP_HEADERS: 'x-team=team-value-123,authorization=Basic%20dXNlcjpwYXNzd29yZA==',
    MLFLOW_TRACKING_URI: 'https://alice:p%40ss-word-9@mlflow.example.com',
    WANDB_API_KEY: 'wandb-key-abcdef',
    LANGFUSE_PUBLIC_KEY: 'pk-lf-123456',
    LANGFUSE_SECRET_KEY: 'sk-lf-654321',
    HOME: '/root',
  };
  const secrets = secretsFromEnv(env);

  it.each([
    ['a custom OTLP header value', 'echo: x-team=team-value-123', 'team-value-123'],
    ['an OTLP header credential after its scheme', 'got dXNlcjpwYXNzd29yZA== back', 'dXNlcjpwYXNzd29yZA=='],
    ['URL userinfo, percent-encoded', 'fetch https://alice:p%40ss-word-9@mlflow.example.com failed', 'p%40ss-word-9'],
    ['URL userinfo, decoded', 'password was p@ss-word-9', 'p@ss-word-9'],
    [
      'a W&B key as HTTP Basic',
      `authorization-echo ${Buffer.from('api:wandb-key-abcdef').toString('base64')}`,
      Buffer.from('api:wandb-key-abcdef').toString('base64'),
    ],
    [
      'Langfuse keys as HTTP Basic',
      `hdr ${Buffer.from('pk-lf-123456:sk-lf-654321').toString('base64')}`,
      Buffer.from('pk-lf-123456:sk-lf-654321').toString('base64'),
    ],
    ['a key JSON-escaped in an echoed body', '{"key":"wandb-key-abcdef"}', 'wandb-key-abcdef'],
  ])('removes %s', (_what, text, secret) => {
    expect(text).toContain(secret);
    const out = redactSecrets(text, secrets);
    expect(out).not.toContain(secret);
    expect(out).toContain('[REDACTED]');
  });

  it('leaves ordinary text alone', () => {
    expect(redactSecrets('iteration 3: reward 0.5 in /root/run', secrets)).toBe('iteration 3: reward 0.5 in /root/run');
  });
});

describe('safeLine', () => {
  it('keeps a backend error body on one line, without escape sequences or controls, cut with a marker', () => {
    const body = `\u001b[31mbad\u001b[0m request\r\nclawloop-sinks: forged ok\n\u001b]0;title\u0007\u202eevil\u0000`;
    const line = safeLine(body, 2000);
    expect(line).toBe('bad request ⏎ clawloop-sinks: forged ok ⏎ evil');
    expect(safeLine('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…[cut 40 chars]`);
  });

  it('redacts a secret split by an escape sequence', () => {
    expect(safeLine('Bearer abc\u001b[0mdef123456')).toBe('Bearer [REDACTED]');
  });
});
