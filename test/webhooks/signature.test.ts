// Tests of the webhook signature: GitHub's X-Hub-Signature-256 format, verified in constant time.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../../src/webhooks/signature.ts';

describe('signBody', () => {
  it('is sha256= and the hex HMAC-SHA256 of the raw body', () => {
    const body = '{"event":"article.created","articleId":"lavrov-in-china"}';
    const hex = createHmac('sha256', 'It’s a Secret to Everybody').update(body).digest('hex');
    expect(signBody('It’s a Secret to Everybody', body)).toBe(`sha256=${hex}`);
  });

  it('matches the example of GitHub’s documentation', () => {
    // docs.github.com, "Validating webhook deliveries": secret "It's a Secret to Everybody", payload "Hello, World!".
    expect(signBody("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });
});

describe('verifySignature', () => {
  const body = Buffer.from('{"status":"approved"}');
  const header = signBody('secret one', body);

  it('accepts the signature of the same body under the same secret', () => {
    expect(verifySignature('secret one', body, header)).toBe(true);
  });

  it('refuses another secret, a changed body, a missing or malformed header', () => {
    expect(verifySignature('secret two', body, header)).toBe(false);
    expect(verifySignature('secret one', '{"status":"approved" }', header)).toBe(false);
    expect(verifySignature('secret one', body, undefined)).toBe(false);
    expect(verifySignature('secret one', body, header.slice(7))).toBe(false);
    expect(verifySignature('secret one', body, `${header}0`)).toBe(false);
  });
});
