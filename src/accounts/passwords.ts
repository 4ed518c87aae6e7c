import { Algorithm, hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1.
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** ~49,000 passwords from leaked lists (zxcvbn-ts' common list), lower-cased for lookup. */
const commonPasswords = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return true;
  // "wachtwoord123456" and "Welkom2024!!!!" are common passwords with padding.
  const stripped = lower.replace(/[\d\W_]+$/u, '');
  return (
    stripped.length > 0 &&
    stripped.length < lower.length &&
    commonPasswords.has(stripped) &&
    stripped.length < 8
  );
}

/** Dutch reason why a new password is not acceptable, or null when it is. */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `Een wachtwoord mag hoogstens ${PASSWORD_MAX_LENGTH} tekens lang zijn.`;
  if (isCommonPassword(password))
    return 'Dit wachtwoord komt voor op een lijst van veelgebruikte wachtwoorden. Kies een ander.';
  if (/^(.)\1+$/u.test(password)) return 'Een wachtwoord van één herhaald teken is te makkelijk te raden.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    return 'Gebruik uw e-mailadres niet in uw wachtwoord.';
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown email cannot be told apart by timing. */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword('casusbank-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
