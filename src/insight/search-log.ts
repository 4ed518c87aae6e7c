import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { toLocalParts } from '../meetings/meeting-time';
import { normalizeWord } from '../search/dutch';
import { MAX_QUERY_LENGTH } from '../search/search-query';
import { holdsPersonalData } from './personal-data';
import { countClick, countSearch, pruneSearchStats } from './search-stats.queries';

/** Search statistics are kept this long. */
export const KEEP_MONTHS = 12;
/** Members remembered per day (hashed) so each counts once per query; beyond this, start over. */
const MAX_SEEN = 100_000;

/**
 * A query as it is counted: cut like on the search page (MAX_QUERY_LENGTH), white space
 * collapsed, lower case without accents (as thesaurus terms are kept). Null when nothing is left
 * or it holds personal data (an e-mail address, a phone number): such a query is never stored.
 */
export function normalizeQuery(raw: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are never part of a query
  const typed = raw.replace(/[\u0000-\u001f]/g, ' ').trim();
  if (typed === '' || holdsPersonalData(typed)) return null;
  const query = normalizeWord(typed.slice(0, MAX_QUERY_LENGTH).replace(/\s+/g, ' ').trim());
  return query === '' ? null : query;
}

/** What the search page knows about one of its requests. */
export interface PageSearch {
  q: string;
  onlyStopWords: boolean;
  total: number;
  /** The live search's in-between request while typing (fragment=1 without tellen=1). */
  whileTyping: boolean;
}

/**
 * Counts what members search for, in one place. Stored per normalised query and day, never with
 * a member: a member counts once per query per day (remembered in this process's memory only, as
 * salted hashes, forgotten at midnight), so the counts are "members who searched this".
 */
export class SearchLog {
  private day = '';
  private seen = new Set<string>();
  private readonly salt = randomBytes(16);

  constructor(
    private readonly ds: DataSource,
    private readonly logger?: Logger,
  ) {}

  /** A search on the search page: counted when submitted (or after a pause in live typing). */
  async searched(viewerId: number, search: PageSearch): Promise<void> {
    if (search.whileTyping || search.onlyStopWords) return;
    const query = normalizeQuery(search.q);
    if (!query || !(await this.firstToday('s', viewerId, query))) return;
    await this.safely(() => countSearch(this.ds, query, search.total === 0));
  }

  /**
   * A case opened: counted as a click on a query's results when the page came from a search
   * (the Referer of our own search page; the app's referrer policy sends it only to itself).
   */
  async opened(viewerId: number, referer: string | undefined, host: string | undefined): Promise<void> {
    if (!referer || !host) return;
    let from: URL;
    try {
      from = new URL(referer);
    } catch {
      return;
    }
    if (from.host !== host || from.pathname !== '/casussen') return;
    const query = normalizeQuery(from.searchParams.get('q') ?? '');
    if (!query || !(await this.firstToday('c', viewerId, query))) return;
    await this.safely(() => countClick(this.ds, query));
  }

  /** True the first time today this member does this with this query. */
  private async firstToday(kind: string, viewerId: number, query: string): Promise<boolean> {
    const today = toLocalParts(new Date()).date;
    if (today !== this.day || this.seen.size >= MAX_SEEN) {
      const newDay = today !== this.day;
      this.day = today;
      this.seen.clear();
      // A new day: start counting afresh, and forget what is older than we keep.
      if (newDay) await this.safely(() => pruneSearchStats(this.ds, KEEP_MONTHS));
    }
    const key = createHash('sha256')
      .update(this.salt)
      .update(`${kind}\u0000${viewerId}\u0000${query}`)
      .digest('base64url')
      .slice(0, 22);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  /** Statistics never break a search: a failed write is logged and forgotten. */
  private async safely(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.logger?.warn({ err: error }, 'search statistics not written');
    }
  }
}
