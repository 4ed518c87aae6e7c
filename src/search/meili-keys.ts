import type { Key, Meilisearch } from 'meilisearch';
import { MEILI_INDEX } from './meili-search';

/** A key the app needs: what it may do, on which indexes. Recognised again by name, actions and indexes. */
export interface KeySpec {
  name: string;
  description: string;
  actions: string[];
  indexes: string[];
}

/** `cases*`: the live index and the ones `reindex` builds beside it before the swap. */
export const INDEX_PATTERN = `${MEILI_INDEX}*`;

/** The two keys of the app, for indexes matching `pattern`. */
export function keySpecs(pattern = INDEX_PATTERN): { admin: KeySpec; search: KeySpec } {
  return {
    admin: {
      name: 'casusbank-indexer',
      description: 'Casusbank: indexer (documenten, instellingen, herbouw en wissel van de index)',
      // Everything the adapter's write path calls: create/get/delete/swap indexes, settings,
      // documents, waiting for tasks, the document count, and searches of the indexer's own.
      actions: ['search', 'documents.*', 'indexes.*', 'settings.*', 'tasks.get', 'stats.get'],
      indexes: [pattern],
    },
    search: {
      name: 'casusbank-search',
      description: 'Casusbank: zoeken door de webserver (alleen zoeken)',
      actions: ['search'],
      indexes: [pattern],
    },
  };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * An existing key that fits the spec and has not expired (an expired key answers 401 on every
 * request, so it is never picked); null when none does.
 */
export function pickKey(keys: Key[], spec: KeySpec, now = new Date()): Key | null {
  return (
    keys.find((k) => {
      const expiresAt = k.expiresAt ? new Date(k.expiresAt) : null;
      return (
        k.name === spec.name &&
        sameSet(k.actions, spec.actions) &&
        sameSet(k.indexes, spec.indexes) &&
        (expiresAt === null || expiresAt.getTime() > now.getTime())
      );
    }) ?? null
  );
}

/** Finds or creates (with the master key) the indexer's admin key and the web process's search key. */
export async function ensureMeiliKeys(
  master: Meilisearch,
  pattern = INDEX_PATTERN,
): Promise<{ adminKey: string; searchKey: string; created: string[] }> {
  const specs = keySpecs(pattern);
  const { results } = await master.getKeys({ limit: 1000 });
  const created: string[] = [];
  const get = async (spec: KeySpec) => {
    const existing = pickKey(results, spec);
    if (existing) return existing.key;
    created.push(spec.name);
    const key = await master.createKey({ ...spec, expiresAt: null });
    return key.key;
  };
  return { adminKey: await get(specs.admin), searchKey: await get(specs.search), created };
}
