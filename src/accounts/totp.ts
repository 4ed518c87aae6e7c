import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const ISSUER = 'Casusbank';

export function newTotpSecret(): string {
  return generateSecret();
}

/**
 * Accepts the current code and one step either side (clock drift of phones). Returns the time
 * step the code belongs to, so the caller can refuse a code that was already used (replay).
 */
export async function verifyTotp(secret: string, code: string): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({ secret, token, epochTolerance: 30 });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** The enrolment QR code as an SVG data URI (img src stays within the CSP's data: for images). */
export async function totpQrCode(secret: string, email: string): Promise<{ uri: string; qrDataUri: string }> {
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { uri, qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** 10 one-time recovery codes: shown once, stored only as hashes. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => {
    const raw = randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** A recovery code as issued (`abcde-12345`), however it was typed: case, spaces, dash or none. */
export function normalizeRecoveryCode(code: string): string {
  const hex = code.toLowerCase().replace(/[\s\-\u2010-\u2015]+/g, '');
  return hex.length === 10 ? `${hex.slice(0, 5)}-${hex.slice(5)}` : hex;
}

export function hashRecoveryCode(code: string): string {
  // Codes carry 40 random bits and are single-use behind the account lockout: a plain SHA-256 suffices.
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[0-9a-f]{5}-[0-9a-f]{5}$/.test(normalizeRecoveryCode(code));
}
