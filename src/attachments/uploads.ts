import type { Request, RequestHandler } from 'express';
import multer, { MulterError } from 'multer';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { HttpError, badRequest } from '../web/http-errors';
import { uploadTempDir } from './blob-store';
import { MAX_FILES } from './file-types';
import { sanitizeFilename } from './filenames';

/**
 * Receiving uploaded files: the one multer setup of the app. Every upload — a case's attachments,
 * a verslag's, a replacement, and the files sent with the new-case form — takes its size limit
 * (UPLOAD_MAX_MB), its number of files (MAX_FILES), its temp directory and its Dutch messages
 * from here; the types are checked by content in file-types.ts, when the service stores a file.
 */

/** "25", "0,5": megabytes as a Dutch number, for the hint and the messages. */
export function formatMb(bytes: number): string {
  return MEGABYTES.format(bytes / 1024 / 1024);
}
const MEGABYTES = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** How many form fields a request may carry besides the files, and how long each may be. */
export interface FormLimits {
  fields: number;
  fieldSize: number;
}

/** An upload form: the token and nothing else of note. */
export const UPLOAD_FORM: FormLimits = { fields: 20, fieldSize: 10 * 1024 };

export interface UploadReceiver {
  /** Parses a multipart body into req.body and req.files; multer's errors become Dutch HttpErrors. */
  receive: RequestHandler;
  /** Removes the temp files the request left (the service consumes them; this is the safety net). */
  removeTempFiles(req: Request): Promise<void>;
}

export function uploadReceiver(dataDir: string, maxBytes: number, form: FormLimits): UploadReceiver {
  const tmpDir = uploadTempDir(dataDir);
  mkdirSync(tmpDir, { recursive: true });
  const maxMb = formatMb(maxBytes);

  // Every temp file multer creates for a request, so it is removed however the request ends.
  const tempFiles = new WeakMap<Request, string[]>();
  const removeTempFiles = async (req: Request) => {
    const files = tempFiles.get(req) ?? [];
    await Promise.all(files.map((f) => rm(f, { force: true }).catch(() => undefined)));
  };

  const upload = multer({
    storage: multer.diskStorage({
      destination: tmpDir,
      filename: (req, _file, cb) => {
        const file = path.join(tmpDir, `upload-${randomUUID()}`);
        tempFiles.get(req)?.push(file);
        cb(null, path.basename(file));
      },
    }),
    defParamCharset: 'utf8', // browsers send UTF-8 file names; busboy's default would garble "é"
    limits: {
      fileSize: maxBytes,
      files: MAX_FILES,
      fields: form.fields,
      fieldSize: form.fieldSize,
      fieldNameSize: 100,
      parts: MAX_FILES + form.fields,
      fieldNestingDepth: 0,
    },
  }).array('bijlagen');

  const receive: RequestHandler = (req, res, next) => {
    tempFiles.set(req, []);
    res.on('close', () => void removeTempFiles(req));
    upload(req, res, (error?: unknown) => next(error ? uploadError(error, maxMb) : undefined));
  };
  return { receive, removeTempFiles };
}

/** multer's errors carry no status: map them to 413/400 with a Dutch message. */
export function uploadError(error: unknown, maxMb: string): unknown {
  if (error instanceof MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE': {
        const given = (error as MulterError & { filename?: string }).filename;
        const name = given ? sanitizeFilename(given) : undefined;
        return new HttpError(
          413,
          `${name ? `“${name}” is` : 'Een bestand is'} groter dan ${maxMb} MB, de grootste toegestane omvang per bestand.`,
        );
      }
      case 'LIMIT_FILE_COUNT':
        return badRequest(`U kunt hoogstens ${MAX_FILES} bestanden tegelijk toevoegen.`);
      case 'LIMIT_UNEXPECTED_FILE':
        return badRequest(
          'Het bestand is in een onbekend formulierveld verstuurd. Gebruik het formulier op de casuspagina.',
        );
      default:
        return badRequest('Het formulier bevat te veel of te grote velden.');
    }
  }
  // A broken multipart body (busboy) is the sender's problem; disk errors (with a syscall) are ours.
  if (error instanceof Error && !('syscall' in error))
    return badRequest('Het verzonden formulier kon niet gelezen worden.');
  return error;
}
