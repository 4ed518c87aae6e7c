import type { SearchFacets } from './search-query';

const START = '\u0002';
const STOP = '\u0003';

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * Turns text with the engine's match markers into safe HTML: everything escaped, then the
 * markers (control characters no document contains) become <mark>.
 */
export function markedSnippet(text: string, markers: [string, string] = [START, STOP]): string {
  const [start, stop] = markers;
  // eslint-disable-next-line no-control-regex -- strip stray control characters; \u0002/\u0003 are our markers
  return escapeHtml(text.replace(/[\u0000-\u0001\u0004-\u0008]/g, ''))
    .split(start)
    .join('<mark>')
    .split(stop)
    .join('</mark>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The PDF page (1-based) of the first highlighted word of a snippet, from the page start offsets. */
export function pageOfOffset(text: string, snippet: string, pageOffsets: number[]): number | undefined {
  const first = snippet.split(START)[1]?.split(STOP)[0];
  if (!first) return undefined;
  const at = text.toLowerCase().indexOf(first.toLowerCase());
  if (at < 0) return undefined;
  let page = 1;
  for (let i = 0; i < pageOffsets.length; i++) if (pageOffsets[i] <= at) page = i + 1;
  return page;
}

export function emptyFacets(): SearchFacets {
  return {
    role: {},
    theme: {},
    organizationKind: {},
    year: {},
    hasReflection: {},
    presented: {},
    answered: {},
  };
}
