import type { Request } from 'express';

/** A button beside a flash message that reverses what was just done (a POST to `action`). */
export interface FlashUndo {
  action: string;
  label: string;
}

/** A message shown once on the next page (after a redirect), optionally with an undo button. */
export function flash(
  req: Request,
  message: string,
  type: 'success' | 'info' | 'error' = 'success',
  undo?: FlashUndo,
): void {
  req.session.flash = [...(req.session.flash ?? []), { type, message, ...(undo ? { undo } : {}) }];
}
