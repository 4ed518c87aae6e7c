import { createHmac, timingSafeEqual } from 'node:crypto';

/** An unsubscribe link stays valid this long (a digest read weeks later still works). */
const VALID_DAYS = 90;

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');

/** A signed token for the digest's one-click unsubscribe link: member id and expiry day. */
export function unsubscribeToken(secret: string, userId: number, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 86_400_000) + VALID_DAYS;
  const payload = `${userId}.${expires}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The member a token is for, or null when it is forged, malformed or expired. */
export function verifyUnsubscribeToken(secret: string, token: string, now = new Date()): number | null {
  const match = /^(\d{1,10})\.(\d{1,7})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id, expires, signature] = match;
  const a = Buffer.from(signature);
  const b = Buffer.from(sign(secret, `${id}.${expires}`));
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  if (Number(expires) < Math.floor(now.getTime() / 86_400_000)) return null;
  return Number(id);
}
