import type { Request } from 'express';

/** A message shown once on the next page (after a redirect). */
export function flash(req: Request, message: string, type: 'success' | 'info' | 'error' = 'success'): void {
  req.session.flash = [...(req.session.flash ?? []), { type, message }];
}
