import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Mailer } from '../mail/mailer';
import { digestFrequency, settingsOf } from '../notifications/notification-settings';
import { createNotifications, SITE, type NewNotification } from '../notifications/notifications.service';
import { can, type Viewer } from '../policy';
import type { SearchService } from '../search/search.service';
import { CORPORATION_ROLE_LABELS, type CaseVisibility, type CorporationRole, type UserRole } from '../domain';
import { rowsOf } from '../db/sql';
import { digestPeriod } from './digest-period';
import { savedSearchQuery } from './follows.queries';
import { unsubscribeToken } from './unsubscribe';

/** A failed mail waits this long times two per attempt (1, 2, 4 … minutes), at most six hours. */
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 6 * 3_600_000;
/** A mail claimed by a process that died is tried again after this long. */
const CLAIM_MS = 5 * 60_000;
/** Publications matched per pass over the follows. */
const PUBLICATION_BATCH = 500;

interface PublishedCase {
  id: number;
  title: string;
  status: 'draft' | 'published' | 'archived';
  author_id: number;
  organization_id: number;
  visibility: CaseVisibility;
  roles: string[];
  themes: Array<{ slug: string; name: string }>;
}

/**
 * Produces notifications and digests from the database and sends the mail outbox. Everything it
 * does is a row first (an event processed, a digest made, a mail sent), so it survives restarts
 * and several app processes may run it at once: events and mails are claimed with SKIP LOCKED,
 * and a digest is a unique row per member and period.
 */
export class NotificationJob {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly search: SearchService,
    private readonly options: {
      mailer?: Mailer;
      publicUrl?: string;
      secret: string;
      logger?: Logger;
      /** The clock digests are due by (tests move it). */
      now?: () => Date;
    },
  ) {}

  /** Runs soon (after a commit that queued something); runs once more if one is going. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce()
      .catch((error) => this.options.logger?.warn({ err: error }, 'notification job failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Every minute: publications whose search document is ready, due digests, retries. */
  start(intervalMs = 60_000): void {
    this.stopped = false;
    this.timer ??= setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for the running pass. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.again = false;
    while (this.running) await this.running;
  }

  /** One pass; `now` decides which digests are due. */
  async runOnce(now = this.options.now?.() ?? new Date()): Promise<void> {
    await this.processPublications();
    if (this.options.mailer?.enabled) await this.makeDigests(now);
    await this.sendMail(now);
  }

  /**
   * New published cases → members following one of their themes or roles, or a saved search
   * that finds them. A case waits until every engine has its document (no outbox row left), so
   * the saved search is answered by the search engine itself, with the member as viewer.
   */
  async processPublications(): Promise<void> {
    // In batches until none is ready (an import publishes thousands at once).
    while ((await this.processPublicationBatch()) === PUBLICATION_BATCH);
  }

  private async processPublicationBatch(): Promise<number> {
    const ds = this.dataSource;
    const events: Array<{ id: number; case_id: number }> = await ds.query(
      `SELECT e.id, e.case_id FROM publication_events e
        WHERE e.processed_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_outbox o WHERE o.case_id = e.case_id)
        ORDER BY e.id LIMIT $1`,
      [PUBLICATION_BATCH],
    );
    if (events.length === 0) return 0;
    const cases: PublishedCase[] = await ds.query(
      `SELECT c.id, c.title, c.status, c.author_id, c.organization_id, c.visibility, c.roles,
              coalesce((SELECT json_agg(json_build_object('slug', t.slug, 'name', t.name))
                          FROM case_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.case_id = c.id), '[]') AS themes
         FROM cases c WHERE c.id = ANY($1)`,
      [events.map((e) => e.case_id)],
    );
    // A case made a draft again or archived before this pass is news to nobody.
    const published = cases.filter((c) => c.status === 'published');
    const notifications = published.length ? await this.matches(published) : [];
    // Claimed here: another process working on the same events skips them (and so does this loop).
    return ds.transaction(async (m) => {
      const claimed: Array<{ id: number }> = await m.query(
        `SELECT id FROM publication_events WHERE id = ANY($1) AND processed_at IS NULL FOR UPDATE SKIP LOCKED`,
        [events.map((e) => e.id)],
      );
      if (claimed.length === 0) return 0;
      const claimedCases = new Set(
        events.filter((e) => claimed.some((c) => c.id === e.id)).map((e) => e.case_id),
      );
      // Stored once per member and case however often computed (event key), in this transaction.
      await createNotifications(
        m,
        notifications.filter((x) => claimedCases.has(x.caseId)).map((x) => x.notification),
      );
      await m.query(`UPDATE publication_events SET processed_at = now() WHERE id = ANY($1)`, [
        claimed.map((c) => c.id),
      ]);
      return claimed.length;
    });
  }

  /** Who is told about which new cases, and why; one notification per member and case. */
  private async matches(
    cases: PublishedCase[],
  ): Promise<Array<{ caseId: number; notification: NewNotification }>> {
    const ds = this.dataSource;
    const themeSlugs = [...new Set(cases.flatMap((c) => c.themes.map((t) => t.slug)))];
    const roles = [...new Set(cases.flatMap((c) => c.roles))];
    const follows: Array<{ user_id: number; kind: string; value: string; label: string }> = await ds.query(
      `SELECT f.user_id, f.kind, f.value, f.label FROM follows f JOIN users u ON u.id = f.user_id AND u.active
        WHERE (f.kind = 'theme' AND f.value = ANY($1)) OR (f.kind = 'role' AND f.value = ANY($2)) OR f.kind = 'search'
        ORDER BY f.id`,
      [themeSlugs, roles],
    );
    if (follows.length === 0) return [];
    const viewers = await loadViewers(ds, [...new Set(follows.map((f) => f.user_id))]);
    const out = new Map<string, { caseId: number; notification: NewNotification }>();
    const tell = (userId: number, c: PublishedCase, reason: string) => {
      const viewer = viewers.get(userId);
      const key = `${userId}:${c.id}`;
      if (!viewer || out.has(key) || userId === c.author_id) return;
      // Never about a case the member may not read.
      if (
        !can(viewer, 'case:read', {
          status: c.status,
          authorId: c.author_id,
          organizationId: c.organization_id,
          visibility: c.visibility,
        })
      )
        return;
      out.set(key, {
        caseId: c.id,
        notification: {
          userId,
          kind: 'followed_case_new',
          message: `Nieuwe casus: "${c.title}"`,
          url: `/casussen/${c.id}`,
          eventKey: `case_new:${c.id}`,
          reason,
        },
      });
    };
    const newIds = new Set(cases.map((c) => c.id));
    for (const f of follows) {
      if (f.kind === 'theme') {
        for (const c of cases)
          if (c.themes.some((t) => t.slug === f.value)) tell(f.user_id, c, `Thema: ${f.label}`);
      } else if (f.kind === 'role') {
        for (const c of cases)
          if (c.roles.includes(f.value))
            tell(f.user_id, c, `Rol: ${CORPORATION_ROLE_LABELS[f.value as CorporationRole] ?? f.label}`);
      } else {
        const viewer = viewers.get(f.user_id);
        if (!viewer) continue;
        const found = await this.savedSearchHits(f.value, viewer, newIds);
        for (const c of cases) if (found.has(c.id)) tell(f.user_id, c, `Zoekopdracht: ${f.label}`);
      }
    }
    return [...out.values()];
  }

  /**
   * Which of the new cases the member's saved search finds now: the search as the page runs it,
   * newest first, as the member (their visibility), limited to published cases. The new cases are
   * the newest, so the first 100 hits hold them unless more were published since the last pass.
   */
  private async savedSearchHits(value: string, viewer: Viewer, newIds: Set<number>): Promise<Set<number>> {
    const themes: Array<{ slug: string }> = await this.dataSource.query(`SELECT slug FROM themes`);
    const parsed = savedSearchQuery(
      value,
      themes.map((t) => t.slug),
    );
    const query = {
      ...parsed.query,
      filters: { ...parsed.query.filters, statuses: ['published' as const] },
      sort: 'newest' as const,
      page: 1,
      perPage: 100,
    };
    // A failing engine fails the pass: the events stay unprocessed and the next pass tries again.
    const result = await this.search.search(query, viewer);
    return new Set(result.hits.map((h) => h.id).filter((id) => newIds.has(id)));
  }

  /**
   * Every member with digest items and no digest for the current period yet gets one: the
   * digest row (unique per member and period), its items and its mail are written in one
   * transaction, so a second process or a second pass finds the row and sends nothing.
   */
  async makeDigests(now: Date): Promise<void> {
    const ds = this.dataSource;
    const users: Array<{ user_id: number }> = await ds.query(
      `SELECT DISTINCT n.user_id FROM notifications n JOIN users u ON u.id = n.user_id AND u.active
        WHERE n.delivery = 'digest' AND n.digest_id IS NULL`,
    );
    if (users.length === 0) return;
    const settings = await settingsOf(
      ds,
      users.map((u) => u.user_id),
    );
    for (const { user_id: userId } of users) {
      const s = settings.get(userId)!;
      if (s.email === 'never') continue;
      const frequency = digestFrequency(s);
      const period = digestPeriod(now, frequency);
      await ds.transaction(async (m) => {
        // A period's digest holds what arrived before it began; what came later waits for the next.
        const [waiting] = await m.query(
          `SELECT count(*)::int AS n FROM notifications
            WHERE user_id = $1 AND delivery = 'digest' AND digest_id IS NULL AND created_at < $2`,
          [userId, period.start],
        );
        if (waiting.n === 0) return;
        const [digest] = await m.query(
          `INSERT INTO digests (user_id, period) VALUES ($1, $2) ON CONFLICT (user_id, period) DO NOTHING RETURNING id`,
          [userId, `${frequency === 'daily' ? 'dag' : 'week'}:${period.key}`],
        );
        if (!digest) return; // this period's digest was made already (another process, an earlier pass)
        const items: Array<{ message: string; url: string; reason: string }> = rowsOf(
          await m.query(
            `UPDATE notifications SET digest_id = $2
              WHERE user_id = $1 AND delivery = 'digest' AND digest_id IS NULL AND created_at < $3
              RETURNING message, url, reason`,
            [userId, digest.id, period.start],
          ),
        );
        await m.query(`UPDATE digests SET items = $2 WHERE id = $1`, [digest.id, items.length]);
        if (items.length === 0) return;
        const [user] = await m.query(`SELECT email, name FROM users WHERE id = $1`, [userId]);
        const token = unsubscribeToken(this.options.secret, userId, now);
        const mail = digestMail(user.name, frequency, items, token);
        await m.query(
          `INSERT INTO mail_outbox (user_id, recipient, subject, body, headers) VALUES ($1, $2, $3, $4, $5::jsonb)`,
          [userId, user.email, mail.subject, mail.body, JSON.stringify(mail.headers)],
        );
      });
    }
  }

  /**
   * Sends what the outbox holds. Each mail is claimed in its own short transaction (SKIP LOCKED,
   * pushed out by CLAIM_MS), sent, then marked sent; a failure is kept with the error and tried
   * again with exponential backoff. Beheer → E-mail shows what did not go out.
   */
  async sendMail(now: Date): Promise<void> {
    const mailer = this.options.mailer;
    const ds = this.dataSource;
    if (!mailer?.enabled) {
      // Without SMTP_URL nothing is mailed (notifications stay in the app): nothing should wait.
      await ds.query(`DELETE FROM mail_outbox WHERE sent_at IS NULL`);
      return;
    }
    const site = (this.options.publicUrl ?? '').replace(/\/+$/, '');
    for (let i = 0; i < 1000; i++) {
      const claimed = await ds.query(
        `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $1::timestamptz + make_interval(secs => $2)
          WHERE id = (SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= greatest($1::timestamptz, now())
                       ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id, recipient, subject, body, headers, attempts`,
        [now, CLAIM_MS / 1000],
      );
      const mail = rowsOf(claimed)[0] as
        | {
            id: number;
            recipient: string;
            subject: string;
            body: string;
            headers: Record<string, string>;
            attempts: number;
          }
        | undefined;
      if (!mail) return;
      const fill = (s: string) => s.split(SITE).join(site);
      const headers = Object.fromEntries(Object.entries(mail.headers ?? {}).map(([k, v]) => [k, fill(v)]));
      try {
        const message = { to: mail.recipient, subject: mail.subject, text: fill(mail.body), headers };
        if (mailer.sendNow) await mailer.sendNow(message);
        else mailer.send(message);
        await ds.query(`UPDATE mail_outbox SET sent_at = now(), last_error = NULL WHERE id = $1`, [mail.id]);
      } catch (error) {
        const wait = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (mail.attempts - 1));
        this.options.logger?.warn({ err: error, mailId: mail.id }, 'e-mail not sent; will retry');
        await ds.query(
          `UPDATE mail_outbox SET last_error = $2, next_attempt_at = $3::timestamptz + make_interval(secs => $4) WHERE id = $1`,
          [mail.id, String((error as Error)?.message ?? error).slice(0, 1000), now, wait / 1000],
        );
      }
    }
  }
}

async function loadViewers(ds: DataSource, ids: number[]): Promise<Map<number, Viewer>> {
  const rows: Array<{ id: number; name: string; email: string; roles: UserRole[]; organization_id: number }> =
    await ds.query(
      `SELECT id, name, email, roles, organization_id FROM users WHERE id = ANY($1) AND active`,
      [ids],
    );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        email: r.email,
        roles: r.roles,
        organizationId: r.organization_id,
        organizationName: '',
        hasTotp: false,
      },
    ]),
  );
}

/** The digest: items grouped by reason, each with its link, and the unsubscribe link last. */
function digestMail(
  name: string,
  frequency: 'daily' | 'weekly',
  items: Array<{ message: string; url: string; reason: string }>,
  token: string,
) {
  const groups = new Map<string, typeof items>();
  for (const item of items) {
    const reason = item.reason || 'Over uw casussen en voordrachten';
    groups.set(reason, [...(groups.get(reason) ?? []), item]);
  }
  const unsubscribe = `${SITE}/afmelden/${token}`;
  const body = [
    `Beste ${name},`,
    '',
    `Dit is uw ${frequency === 'daily' ? 'dagelijkse' : 'wekelijkse'} overzicht van de Casusbank: ${items.length === 1 ? '1 nieuwe melding' : `${items.length} nieuwe meldingen`}.`,
    ...[...groups].flatMap(([reason, list]) => [
      '',
      reason,
      ...list.map((i) => `- ${i.message}\n  ${SITE}${i.url}`),
    ]),
    '',
    `Wat u volgt: ${SITE}/volg`,
    `Uw meldingen instellen: ${SITE}/instellingen/meldingen`,
    `Geen e-mail meer ontvangen? Afmelden met één klik: ${unsubscribe}`,
  ].join('\n');
  return {
    subject: `Casusbank: uw ${frequency === 'daily' ? 'dagelijkse' : 'wekelijkse'} overzicht (${items.length})`,
    body,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
