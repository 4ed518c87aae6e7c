import { addKnownWords, stem, words } from './dutch-analysis';
import type { ThesaurusIndex } from './embedded-query';

/**
 * The thesaurus as the search looks it up: each term by its stems ("vergunninghouders" finds the
 * group of "vergunninghouder"), multi-word terms also as stem sequences to find inside a query.
 */
export function buildThesaurusIndex(groups: string[][]): ThesaurusIndex {
  const byKey = new Map<string, Set<string>>();
  const multi: string[][] = [];
  for (const group of groups) {
    for (const term of group) {
      const stems = words(term).map(stem);
      if (stems.length === 0) continue;
      const key = stems.join(' ');
      const others = byKey.get(key) ?? new Set<string>();
      for (const other of group)
        if (other !== term && words(other).map(stem).join(' ') !== key) others.add(other);
      byKey.set(key, others);
      if (stems.length > 1) multi.push(stems);
    }
    // Single-word terms count as words when compounds are split ("zorgmijder" in "zorgmijdersaanpak").
    addKnownWords(group.filter((t) => !t.includes(' ')));
  }
  return {
    alternativesOf: (stems) => [...(byKey.get(stems.join(' ')) ?? [])],
    multiWordTerms: () => multi,
  };
}
