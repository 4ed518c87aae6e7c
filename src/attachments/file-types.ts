import { fileTypeFromFile } from 'file-type';
import { HttpError } from '../web/http-errors';

/** How text is taken out of a type after upload (null: it is stored without text). */
export type TextSource = 'pdf' | 'docx' | null;

export interface AllowedType {
  /** The type stored and sent back on download. */
  mime: string;
  /** Dutch name shown to people. */
  label: string;
  /** Extensions that belong to the type; the first is used when a name lacks one. */
  extensions: readonly string[];
  text: TextSource;
}

/** Every type a member may attach, keyed by the type file-type detects from the content. */
export const ALLOWED_TYPES: readonly AllowedType[] = [
  { mime: 'application/pdf', label: 'PDF', extensions: ['pdf'], text: 'pdf' },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word-document',
    extensions: ['docx'],
    text: 'docx',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel-werkmap',
    extensions: ['xlsx'],
    text: null,
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint-presentatie',
    extensions: ['pptx'],
    text: null,
  },
  {
    mime: 'application/vnd.oasis.opendocument.text',
    label: 'OpenDocument-tekst',
    extensions: ['odt'],
    text: null,
  },
  { mime: 'image/png', label: 'PNG-afbeelding', extensions: ['png'], text: null },
  { mime: 'image/jpeg', label: 'JPEG-afbeelding', extensions: ['jpg', 'jpeg'], text: null },
];

const BY_MIME = new Map(ALLOWED_TYPES.map((t) => [t.mime, t]));

/** "PDF, Word-document (.docx), … en JPEG-afbeelding (.jpg)" for messages and the upload form. */
export const ALLOWED_TYPES_TEXT = (() => {
  const names = ALLOWED_TYPES.map((t) => `${t.label} (.${t.extensions[0]})`);
  return `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`;
})();

/** The `accept` attribute for a file input (a hint for the picker; the server checks content). */
export const ACCEPT_ATTRIBUTE = ALLOWED_TYPES.flatMap((t) => [
  t.mime,
  ...t.extensions.map((e) => `.${e}`),
]).join(',');

export function allowedTypeByMime(mime: string): AllowedType | undefined {
  return BY_MIME.get(mime);
}

/** The allowed type of a file judged by its content (never by its name), or undefined. */
export async function detectAllowedType(filePath: string): Promise<AllowedType | undefined> {
  const detected = await fileTypeFromFile(filePath);
  return detected ? BY_MIME.get(detected.mime) : undefined;
}

/** 415 naming the file and listing what is accepted. */
export function unsupportedType(filename: string): HttpError {
  return new HttpError(
    415,
    `“${filename}” is geen toegestaan bestandstype. Toegestaan zijn: ${ALLOWED_TYPES_TEXT}. Het type wordt aan de inhoud herkend, niet aan de naam.`,
  );
}

/** Files per upload request (a larger batch is refused with 400). */
export const MAX_FILES = 10;
