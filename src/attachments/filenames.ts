const MAX_LENGTH = 200;
const FALLBACK = 'bijlage';

// C0/C1 control characters, and the bidirectional overrides that make "gpj.exe" look like "exe.jpg".
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const RESERVED = /[<>:"|?*]/g;
const EXTENSION = /\.([A-Za-z0-9]{1,10})$/;

/**
 * A file name that is safe to store and to send back in Content-Disposition: no directories,
 * control or reserved characters, no "..", no leading dots, at most 200 characters (the
 * extension kept), NFC-normalised; "bijlage.<ext>" when nothing usable is left.
 */
export function sanitizeFilename(name: string): string {
  let s = String(name ?? '').normalize('NFC');
  s = s.split(/[/\\]/).pop() ?? '';
  s = s.replace(CONTROL, '').replace(RESERVED, '');
  s = s.replace(/\s+/g, ' ');
  s = s.replace(/\.{2,}/g, '.');
  // Trailing dots and spaces are dropped by Windows; leading dots hide files on Unix.
  s = s.replace(/[\s.]+$/, '');

  const match = EXTENSION.exec(s);
  const ext = match ? `.${match[1]}` : '';
  let base = (match ? s.slice(0, -ext.length) : s).replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (!base) return `${FALLBACK}${ext}`;

  const room = MAX_LENGTH - ext.length;
  const chars = Array.from(base); // code points, so a truncation never splits a surrogate pair
  if (chars.length > room)
    base =
      chars
        .slice(0, room)
        .join('')
        .replace(/[\s.]+$/, '') || FALLBACK;
  return `${base}${ext}`;
}

/** The same name with the extension that belongs to the detected type (when it has another one). */
export function withExtension(name: string, extensions: readonly string[]): string {
  const match = EXTENSION.exec(name);
  if (match && extensions.includes(match[1].toLowerCase())) return name;
  return sanitizeFilename(`${name}.${extensions[0]}`);
}

/** An ASCII-only stand-in for old clients: accents dropped, anything else non-ASCII becomes "_". */
export function asciiFilename(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\]/g, '_') || FALLBACK
  );
}

/** RFC 8187 value for `filename*=UTF-8''…`. */
export function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `attachment` (or `inline`) Content-Disposition with both the ASCII fallback and the UTF-8 name. */
export function contentDisposition(name: string, type: 'attachment' | 'inline' = 'attachment'): string {
  return `${type}; filename="${asciiFilename(name)}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}
