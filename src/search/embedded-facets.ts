import type { SearchFacets, SearchFilters } from './search-query';
// Facet values are numbered as the engine's terms are.
import { resized, TermDictionary as Codes } from './embedded-postings';
import { emptyFacets } from './snippets';

/**
 * The embedded engine's filter and facet values in columns (typed arrays by slot): counting
 * facets over 9,000 matches is then a pass over numbers, not over 9,000 objects. Roles and
 * themes are bit masks (a set of up to 31 values in one number); a collection with more than 31
 * themes counts those from the lists it keeps beside them.
 */

/** The facts of a case the columns hold. */
export interface FacetFacts {
  roles: string[];
  themes: string[];
  organizationKind: string;
  year: number | null;
  hasReflection: boolean;
  presented: boolean;
  answered: boolean;
  /** Found by every member (published, for the whole community): the quick path of visibility. */
  shared: boolean;
}

const MASK_BITS = 31;
const REFLECTION = 1;
const PRESENTED = 2;
const ANSWERED = 4;
const SHARED = 8;

/** A filter's wanted values: a mask, and the codes (for sets past 31 values). */
interface Wanted {
  mask: number;
  codes: Set<number>;
}

export class FacetColumns {
  private readonly role = new Codes();
  private readonly theme = new Codes();
  private readonly kind = new Codes();
  private readonly year = new Codes();
  private roleMask = new Int32Array(1024);
  private themeMask = new Int32Array(1024);
  private kindCode = new Int16Array(1024);
  private yearCode = new Int16Array(1024);
  private flags = new Uint8Array(1024);
  /** Role and theme codes per slot, for sets past MASK_BITS values and for related cases. */
  private roleCodes: number[][] = [];
  private themeCodes: number[][] = [];

  set(slot: number, facts: FacetFacts) {
    if (slot >= this.flags.length) this.resize(Math.max(slot + 1, this.flags.length * 2));
    this.roleCodes[slot] = facts.roles.map((r) => this.role.intern(r));
    this.themeCodes[slot] = facts.themes.map((t) => this.theme.intern(t));
    this.roleMask[slot] = maskOf(this.roleCodes[slot]);
    this.themeMask[slot] = maskOf(this.themeCodes[slot]);
    this.kindCode[slot] = this.kind.intern(facts.organizationKind);
    this.yearCode[slot] = facts.year === null ? -1 : this.year.intern(String(facts.year));
    this.flags[slot] =
      (facts.hasReflection ? REFLECTION : 0) |
      (facts.presented ? PRESENTED : 0) |
      (facts.answered ? ANSWERED : 0) |
      (facts.shared ? SHARED : 0);
  }

  clear() {
    this.roleCodes = [];
    this.themeCodes = [];
  }

  /** Slots were numbered again (old → new, -1 dead). */
  remap(remap: Int32Array) {
    const roleCodes: number[][] = [];
    const themeCodes: number[][] = [];
    remap.forEach((to, from) => {
      if (to < 0) return;
      this.roleMask[to] = this.roleMask[from];
      this.themeMask[to] = this.themeMask[from];
      this.kindCode[to] = this.kindCode[from];
      this.yearCode[to] = this.yearCode[from];
      this.flags[to] = this.flags[from];
      roleCodes[to] = this.roleCodes[from];
      themeCodes[to] = this.themeCodes[from];
    });
    this.roleCodes = roleCodes;
    this.themeCodes = themeCodes;
  }

  isShared(slot: number): boolean {
    return (this.flags[slot] & SHARED) !== 0;
  }

  /**
   * How alike two slots are by their roles and themes (related cases): the weighted number they
   * share, as bits in common, or codes past 31 values. Called for every case: nothing allocated.
   */
  similarity(a: number, b: number, weights: { theme: number; role: number }): number {
    const roles =
      this.role.size > MASK_BITS
        ? countCommon(this.roleCodes[a], this.roleCodes[b])
        : bitCount(this.roleMask[a] & this.roleMask[b]);
    const themes =
      this.theme.size > MASK_BITS
        ? countCommon(this.themeCodes[a], this.themeCodes[b])
        : bitCount(this.themeMask[a] & this.themeMask[b]);
    return weights.role * roles + weights.theme * themes;
  }

  /** Total, facet counts (each facet ignoring its own filter) and the slots passing every filter. */
  count(candidates: number[], f: SearchFilters) {
    const wanted = (codes: Codes, values: readonly (string | number)[]): Wanted | null => {
      if (values.length === 0) return null;
      const found = values.map((v) => codes.idOf(String(v))).filter((c): c is number => c !== undefined);
      return { mask: maskOf(found), codes: new Set(found) };
    };
    const roles = wanted(this.role, f.roles);
    const themes = wanted(this.theme, f.themes);
    const kinds = wanted(this.kind, f.organizationKinds);
    const years = wanted(this.year, f.years);
    const roleCounts = new Int32Array(this.role.names.length);
    const themeCounts = new Int32Array(this.theme.names.length);
    const kindCounts = new Int32Array(this.kind.names.length);
    const yearCounts = new Int32Array(this.year.names.length);
    const flagCounts = { hasReflection: [0, 0], presented: [0, 0], answered: [0, 0] };
    const flagFilter = (value: boolean | undefined, bit: number) =>
      value === undefined ? null : value ? bit : 0;
    const reflectionWanted = flagFilter(f.hasReflection, REFLECTION);
    const presentedWanted = flagFilter(f.presented, PRESENTED);
    const answeredWanted = flagFilter(f.answered, ANSWERED);
    const roleWide = this.role.names.length > MASK_BITS;
    const themeWide = this.theme.names.length > MASK_BITS;
    const { roleMask, themeMask, kindCode, yearCode, roleCodes, themeCodes } = this;
    if (!roles && !themes && !kinds && !years && reflectionWanted === null && presentedWanted === null) {
      if (answeredWanted === null) {
        // No filter (most searches): every candidate matches and counts everywhere.
        for (const slot of candidates) {
          const flags = this.flags[slot];
          countCodes(roleCounts, roleMask[slot], roleCodes[slot], roleWide);
          countCodes(themeCounts, themeMask[slot], themeCodes[slot], themeWide);
          kindCounts[kindCode[slot]]++;
          if (yearCode[slot] >= 0) yearCounts[yearCode[slot]]++;
          flagCounts.hasReflection[+((flags & REFLECTION) !== 0)]++;
          flagCounts.presented[+((flags & PRESENTED) !== 0)]++;
          flagCounts.answered[+((flags & ANSWERED) !== 0)]++;
        }
        return this.result(candidates.slice(), {
          roleCounts,
          themeCounts,
          kindCounts,
          yearCounts,
          flagCounts,
        });
      }
    }
    const matching: number[] = [];
    for (const slot of candidates) {
      const flags = this.flags[slot];
      // Which filters the case fails; one failed filter still counts in that filter's own facet.
      const role =
        !roles || (roleWide ? hasAny(roles, roleCodes[slot]) : (roleMask[slot] & roles.mask) !== 0);
      const theme =
        !themes || (themeWide ? hasAny(themes, themeCodes[slot]) : (themeMask[slot] & themes.mask) !== 0);
      const kind = !kinds || kinds.codes.has(kindCode[slot]);
      const year = !years || years.codes.has(yearCode[slot]);
      const reflection = reflectionWanted === null || (flags & REFLECTION) === reflectionWanted;
      const presented = presentedWanted === null || (flags & PRESENTED) === presentedWanted;
      const answered = answeredWanted === null || (flags & ANSWERED) === answeredWanted;
      const failed = +!role + +!theme + +!kind + +!year + +!reflection + +!presented + +!answered;
      if (failed > 1) continue;
      if (failed === 0) matching.push(slot);
      if (failed === 0 || !role) countCodes(roleCounts, roleMask[slot], roleCodes[slot], roleWide);
      if (failed === 0 || !theme)
        countCodes(themeCounts, this.themeMask[slot], this.themeCodes[slot], themeWide);
      if (failed === 0 || !kind) kindCounts[kindCode[slot]]++;
      if ((failed === 0 || !year) && yearCode[slot] >= 0) yearCounts[yearCode[slot]]++;
      if (failed === 0 || !reflection) flagCounts.hasReflection[+((flags & REFLECTION) !== 0)]++;
      if (failed === 0 || !presented) flagCounts.presented[+((flags & PRESENTED) !== 0)]++;
      if (failed === 0 || !answered) flagCounts.answered[+((flags & ANSWERED) !== 0)]++;
    }
    return this.result(matching, { roleCounts, themeCounts, kindCounts, yearCounts, flagCounts });
  }

  private result(
    matching: number[],
    counts: {
      roleCounts: Int32Array;
      themeCounts: Int32Array;
      kindCounts: Int32Array;
      yearCounts: Int32Array;
      flagCounts: Record<'hasReflection' | 'presented' | 'answered', number[]>;
    },
  ) {
    const { roleCounts, themeCounts, kindCounts, yearCounts, flagCounts } = counts;
    const facets: SearchFacets = emptyFacets();
    const named = (codes: Codes, counts: Int32Array, out: Record<string, number>) =>
      counts.forEach((n, code) => {
        if (n > 0) out[codes.names[code]] = n;
      });
    named(this.role, roleCounts, facets.role);
    named(this.theme, themeCounts, facets.theme);
    named(this.kind, kindCounts, facets.organizationKind);
    named(this.year, yearCounts, facets.year);
    for (const key of ['hasReflection', 'presented', 'answered'] as const)
      flagCounts[key].forEach((n, v) => {
        if (n > 0) facets[key][String(v === 1)] = n;
      });
    return { total: matching.length, facets, matching };
  }

  private resize(size: number) {
    this.roleMask = resized(this.roleMask, size);
    this.themeMask = resized(this.themeMask, size);
    this.kindCode = resized(this.kindCode, size);
    this.yearCode = resized(this.yearCode, size);
    this.flags = resized(this.flags, size);
  }
}

/** A set of codes as bits (codes past MASK_BITS are left out: counted from the lists). */
function maskOf(codes: number[]): number {
  let mask = 0;
  for (const c of codes) if (c < MASK_BITS) mask |= 1 << c;
  return mask;
}

function countCommon(x: number[], y: number[]): number {
  let n = 0;
  for (const c of x) if (y.includes(c)) n++;
  return n;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

function hasAny(wanted: Wanted, codes: number[]): boolean {
  for (const c of codes) if (wanted.codes.has(c)) return true;
  return false;
}

function countCodes(counts: Int32Array, mask: number, codes: number[], wide: boolean) {
  if (wide) {
    for (const c of codes) counts[c]++;
    return;
  }
  for (let m = mask; m !== 0; m &= m - 1) counts[31 - Math.clz32(m & -m)]++;
}
