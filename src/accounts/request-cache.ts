import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../policy';

/**
 * The viewer and their unread count, kept briefly: every page needs both, and on the embedded
 * database each is a statement through its one connection. A change made through this process
 * forgets them at once (roles, deactivation, 2FA, a notification, reading them); TTL_MS bounds
 * what another process (a CLI command) changes. Kept per database, so test databases in one
 * process never share entries.
 */
const TTL_MS = 15_000;

interface Caches {
  viewers: LRUCache<number, { viewer: Viewer | null }>;
  unread: LRUCache<number, number>;
}
const byDatabase = new WeakMap<DataSource, Caches>();

function caches(ds: DataSource): Caches {
  let c = byDatabase.get(ds);
  if (!c) {
    c = {
      viewers: new LRUCache({ max: 10_000, ttl: TTL_MS }),
      unread: new LRUCache({ max: 10_000, ttl: TTL_MS }),
    };
    byDatabase.set(ds, c);
  }
  return c;
}

/** The viewer from the cache, or loaded (and kept) when absent. */
export async function cachedViewer(
  ds: DataSource,
  userId: number,
  load: () => Promise<Viewer | null>,
): Promise<Viewer | null> {
  const { viewers } = caches(ds);
  const hit = viewers.get(userId);
  if (hit) return hit.viewer;
  const viewer = await load();
  viewers.set(userId, { viewer });
  return viewer;
}

/** After a change to accounts: these (or, without ids, all) viewers are loaded fresh. */
export function forgetViewers(ds: DataSource, userIds?: number[]): void {
  const { viewers } = caches(ds);
  if (!userIds) viewers.clear();
  else for (const id of userIds) viewers.delete(id);
}

/** The unread count from the cache, or counted (and kept). */
export async function cachedUnread(ds: DataSource, userId: number, count: () => Promise<number>) {
  const { unread } = caches(ds);
  const hit = unread.get(userId);
  if (hit !== undefined) return hit;
  const n = await count();
  unread.set(userId, n);
  return n;
}

/** After notifications were created or read (committed): these counts are counted again. */
export function forgetUnread(ds: DataSource, userIds: number[]): void {
  const { unread } = caches(ds);
  for (const id of userIds) unread.delete(id);
}
