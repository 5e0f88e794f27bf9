// Password hashing with scrypt (node:crypto): the salt and cost parameters travel inside the stored string.
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// N = 2^14, r = 8 costs 16 MiB and 40-75 ms here (2^15 took 100-220 ms on this 2-core machine under load): slow
// for a guesser, quick enough for a sign-in. The parameters are stored with each hash, so raising them later keeps
// old hashes verifiable.
const defaults = { N: 2 ** 14, r: 8, p: 1 };
const keyLength = 32;
const saltLength = 16;

// scrypt needs about 128 * N * r bytes and Node refuses anything at or above its 32 MiB default ceiling, so the
// ceiling follows the parameters (and a stored hash with higher ones still verifies).
function maxmemFor(N: number, r: number): number {
  return 256 * N * r;
}

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A new random password for a generated account or a reset: 16 characters of base64url (96 bits). */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Hashes a password as `scrypt$N$r$p$<salt>$<key>` (base64url), off the main thread. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltLength);
  const { N, r, p } = defaults;
  const key = await derive(password, salt, { N, r, p, maxmem: maxmemFor(N, r) }, keyLength);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches a string from `hashPassword`; compares in constant time; a malformed hash is false. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (![N, r, p].every(Number.isSafeInteger) || expected.length === 0) return false;
  try {
    const key = await derive(password, salt, { N, r, p, maxmem: maxmemFor(N, r) }, expected.length);
    return timingSafeEqual(key, expected);
  } catch {
    // Parameters scrypt rejects (N not a power of two, say) mean the string was not made by hashPassword.
    return false;
  }
}
