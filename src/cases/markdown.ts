import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in the source is shown as text (html: false); the sanitiser is the second wall.
const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
  'h2',
  'h3',
  'h4',
  'a',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  's',
];

/** Markdown → safe HTML: no scripts, no event handlers, only http(s)/mailto links, rel="noopener nofollow". */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return '';
  // Headings in a case field start at h3, below the field's own heading.
  const html = md
    .render(source)
    .replace(/<(\/?)h1>/g, '<$1h3>')
    .replace(/<(\/?)h2>/g, '<$1h3>');
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: {
          ...attribs,
          rel: 'noopener nofollow',
          ...(attribs.href?.startsWith('http') ? { target: '_blank' } : {}),
        },
      }),
    },
  });
}

/** Plain text of a Markdown field (for snippets and the search document). */
export function markdownToText(source: string | null | undefined): string {
  if (!source) return '';
  return sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
