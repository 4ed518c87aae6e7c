import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** A calendar invitation (text/calendar, also attached as a file) that mail programs offer to add. */
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; filename: string; content: string };
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post for digests). */
  headers?: Record<string, string>;
}

/** Sends e-mail when SMTP_URL is configured; without it, nothing is sent and nothing fails. */
export interface Mailer {
  readonly enabled: boolean;
  /** Sends in the background: a mail server that is down is logged, never fails the request. */
  send(message: MailMessage): void;
  /** Waits for mails still being sent (shutdown, tests). */
  idle(): Promise<void>;
  /** Sends and waits: throws when the mail server refuses, so the mail outbox can retry. */
  sendNow?(message: MailMessage): Promise<void>;
}

/** A mailer over a nodemailer transport: SMTP from SMTP_URL, or a given transport (tests use jsonTransport). */
export function createMailer(options: {
  smtpUrl?: string;
  from: string;
  logger: Logger;
  transport?: Transporter;
}): Mailer {
  const transport =
    options.transport ?? (options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined);
  const pending = new Set<Promise<unknown>>();
  return {
    enabled: transport !== undefined,
    send(message) {
      if (!transport) return;
      const sending = transport
        .sendMail({ from: options.from, ...message })
        .catch((error: unknown) =>
          options.logger.warn({ err: error, to: message.to, subject: message.subject }, 'e-mail not sent'),
        )
        .finally(() => pending.delete(sending));
      pending.add(sending);
    },
    async sendNow(message) {
      if (!transport) throw new Error('SMTP_URL is niet ingesteld');
      await transport.sendMail({ from: options.from, ...message });
    },
    async idle() {
      await Promise.all([...pending]);
    },
  };
}
