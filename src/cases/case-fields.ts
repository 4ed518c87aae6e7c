import { z } from 'zod';
import {
  CASE_VISIBILITIES,
  CORPORATION_ROLE_LABELS,
  CORPORATION_ROLES,
  type CaseVisibility,
  type CorporationRole,
} from '../domain';
import { decimal, many, text, type FieldErrors } from '../web/validation';
import { CASE_LIMITS, maxCaseYear } from './case.limits';

/**
 * The one table of a case's content fields. Everything else is derived from it: the content type,
 * the columns every write and read lists, the form's validation, the form and the case page (for
 * the generic kinds), the revision diff's labels, the export, and the search document. Adding a
 * field is a row here plus a migration that adds its column.
 *
 * Kinds: `line` (short text, a form field and a line in the case page's details), `markdown`
 * (a long Markdown section of the form and the case page, searched as the body), `email` and
 * `phone` (the contact person's optional address and number: a line in the details shown as a
 * mailto:/tel: link, never part of the search document), and the special kinds `roles`, `themes`
 * (stored in case_themes), `tags`, `year` and `visibility` (who may read the case once published)
 * with their own form controls.
 */
type FieldKind =
  'line' | 'markdown' | 'email' | 'phone' | 'roles' | 'themes' | 'tags' | 'year' | 'visibility';

interface CaseFieldSpec {
  kind: FieldKind;
  /** The label on the form, the case page and in the revision history. */
  label: string;
  /** How validation messages name it ("De titel is verplicht."). */
  noun: string;
  /** At most this many characters (line, markdown, email and phone). */
  limit?: number;
  /**
   * `save`: needed for any save, even a draft (the title); `publish`: checked only when the case
   * is published (a draft may be half-filled). Roles and themes need one each.
   */
  required?: 'save' | 'publish';
  hint?: string;
  /** Form rows for a line field shown as a textarea. */
  rows?: number;
  /**
   * The search document has its own attribute for this field (weighted or filtered apart);
   * every other text field is searched as part of the case's body.
   */
  ownSearchAttribute?: true;
}

export const CASE_FIELDS = {
  title: {
    kind: 'line',
    ownSearchAttribute: true,
    label: 'Titel',
    noun: 'De titel',
    limit: CASE_LIMITS.title,
    required: 'save',
    hint: 'Een korte, beschrijvende titel.',
  },
  summary: {
    kind: 'line',
    ownSearchAttribute: true,
    label: 'Samenvatting',
    noun: 'De samenvatting',
    limit: CASE_LIMITS.summary,
    required: 'publish',
    rows: 4,
    hint: 'Twee tot vier zinnen: waar gaat het over en wat leverde het op?',
  },
  context: {
    kind: 'markdown',
    label: 'Aanleiding',
    noun: 'De aanleiding',
    limit: CASE_LIMITS.longField,
    hint: 'Wat was het probleem of de situatie? Waarom moest er iets gebeuren?',
  },
  approach: {
    kind: 'markdown',
    label: 'Aanpak',
    noun: 'De aanpak',
    limit: CASE_LIMITS.longField,
    hint: 'Wat heeft u gedaan, met wie, en in welke stappen?',
  },
  results: {
    kind: 'markdown',
    label: 'Resultaten',
    noun: 'De resultaten',
    limit: CASE_LIMITS.longField,
    hint: 'Wat heeft het opgeleverd? Noem cijfers en effecten waar u kunt.',
  },
  lessons: {
    kind: 'markdown',
    label: 'Geleerde lessen',
    noun: 'De geleerde lessen',
    limit: CASE_LIMITS.longField,
    hint: 'Wat zou u een collega meegeven? Wat zou u anders doen?',
  },
  question: {
    kind: 'markdown',
    label: 'Vraag aan de vakgemeenschap',
    noun: 'De vraag aan de vakgemeenschap',
    limit: CASE_LIMITS.longField,
    hint: 'Waarover wilt u graag met collega’s van gedachten wisselen?',
  },
  roles: { kind: 'roles', label: 'Rol van de corporatie', noun: 'De rol', required: 'publish' },
  themes: { kind: 'themes', label: 'Thema’s', noun: 'Het thema', required: 'publish' },
  tags: { kind: 'tags', label: 'Trefwoorden', noun: 'De trefwoorden' },
  partners: {
    kind: 'line',
    ownSearchAttribute: true,
    label: 'Betrokken partners',
    noun: 'Betrokken partners',
    limit: CASE_LIMITS.partners,
    hint: 'Bijvoorbeeld: gemeente, wijkteam, GGZ-instelling, schuldhulpverlening.',
  },
  region: {
    kind: 'line',
    ownSearchAttribute: true,
    label: 'Gemeente of regio',
    noun: 'Gemeente of regio',
    limit: CASE_LIMITS.region,
  },
  year: { kind: 'year', label: 'Startjaar', noun: 'Het startjaar' },
  contact: {
    kind: 'line',
    ownSearchAttribute: true,
    label: 'Contactpersoon',
    noun: 'De contactpersoon',
    limit: CASE_LIMITS.contact,
    hint: 'Naam en functie van wie collega’s kunnen benaderen.',
  },
  contactEmail: {
    kind: 'email',
    label: 'E-mailadres van de contactpersoon',
    noun: 'Het e-mailadres van de contactpersoon',
    limit: CASE_LIMITS.contactEmail,
    hint: 'Optioneel. Alleen ingelogde leden zien het, op de casuspagina; het wordt niet doorzocht.',
  },
  contactPhone: {
    kind: 'phone',
    label: 'Telefoonnummer van de contactpersoon',
    noun: 'Het telefoonnummer van de contactpersoon',
    limit: CASE_LIMITS.contactPhone,
    hint: 'Optioneel, bijvoorbeeld 06 12345678 of 038 123 45 67. Alleen ingelogde leden zien het; het wordt niet doorzocht.',
  },
  visibility: { kind: 'visibility', label: 'Zichtbaar voor', noun: 'De zichtbaarheid' },
} as const satisfies Record<string, CaseFieldSpec>;

export type CaseField = keyof typeof CASE_FIELDS;

type ValueOf<K extends FieldKind> = K extends 'line' | 'markdown' | 'email' | 'phone'
  ? string
  : K extends 'roles'
    ? CorporationRole[]
    : K extends 'themes' | 'tags'
      ? string[]
      : K extends 'visibility'
        ? CaseVisibility
        : number | null;

/** A case's editable content, already validated (by the form schema or the import schema). */
export type CaseContent = { [F in CaseField]: ValueOf<(typeof CASE_FIELDS)[F]['kind']> };

/** The names of the fields of some kinds (so their values are typed by kind). */
type FieldsOfKind<K extends FieldKind> = {
  [F in CaseField]: (typeof CASE_FIELDS)[F]['kind'] extends K ? F : never;
}[CaseField];

const entries = Object.entries(CASE_FIELDS) as Array<[CaseField, CaseFieldSpec]>;
const fieldsOfKind = <K extends FieldKind>(...kinds: K[]) =>
  entries
    .filter(([, f]) => (kinds as FieldKind[]).includes(f.kind))
    .map(([name, f]) => ({ ...f, name: name as FieldsOfKind<K> }));

/** Every content field, in form order. */
export const CONTENT_FIELDS: CaseField[] = entries.map(([name]) => name);

/** The long Markdown sections, in the order the form and the case page show them. */
export const MARKDOWN_FIELDS = fieldsOfKind('markdown');

/** The short fields under the case text (form) and in the case page's details list. */
export const DETAIL_FIELDS = fieldsOfKind('line', 'year', 'email', 'phone').filter((f) => !f.required);

/** Labels for the revision history (with the status, which is not content). */
export const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(entries.map(([name, f]) => [name, f.label])),
  status: 'Status',
};

const SQL_TYPES: Record<FieldKind, string | null> = {
  line: 'text',
  markdown: 'text',
  email: 'text',
  phone: 'text',
  roles: 'text[]',
  tags: 'text[]',
  year: 'int',
  visibility: 'text',
  themes: null, // case_themes
};
const stored = entries.filter(([, f]) => SQL_TYPES[f.kind] !== null);

/** The content columns of `cases`, for every write and read (a field's column is its snake_case name). */
export const CONTENT_COLUMNS = stored.map(([name]) => columnOf(name)).join(', ');
/** The same columns with their types, for jsonb_to_record(set). */
export const CONTENT_RECORD = stored.map(([name, f]) => `${columnOf(name)} ${SQL_TYPES[f.kind]}`).join(', ');
/** The content columns of `cases` under an alias, for SELECT lists. */
export const contentColumnsOf = (alias: string) =>
  stored.map(([name]) => `${alias}.${columnOf(name)}`).join(', ');

function columnOf(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** CaseContent → its stored columns keyed by column name, for jsonb_to_record(set) with CONTENT_RECORD. */
export function contentRecordOf(content: CaseContent): Record<string, unknown> {
  return Object.fromEntries(stored.map(([name]) => [columnOf(name), content[name]]));
}

/** A cases row (snake_case) → CaseContent; themes come from the join table. */
export function contentFromRow(row: Record<string, any>, themes: string[]): CaseContent {
  const content = Object.fromEntries(stored.map(([name]) => [name, row[columnOf(name)]]));
  return { ...content, themes } as CaseContent;
}

/** A case with nothing filled in: the starting point of a new case (and of test and demo data). */
export function emptyContent(): CaseContent {
  const empty: Record<FieldKind, () => unknown> = {
    line: () => '',
    markdown: () => '',
    email: () => '',
    phone: () => '',
    roles: () => [],
    themes: () => [],
    tags: () => [],
    year: () => null,
    visibility: () => 'vakgemeenschap',
  };
  return Object.fromEntries(entries.map(([name, f]) => [name, empty[f.kind]()])) as CaseContent;
}

/** Just the content fields of something that has them (a parsed form, a record, an import row); missing ones empty. */
export function contentOf(values: Partial<CaseContent>): CaseContent {
  const empty = emptyContent();
  return Object.fromEntries(CONTENT_FIELDS.map((f) => [f, values[f] ?? empty[f]])) as CaseContent;
}

const BODY_FIELDS = fieldsOfKind('markdown', 'line').filter((f) => !f.ownSearchAttribute);

/** The text search reads as the case's body: the Markdown sections and any other text field, in order. */
export function bodyFieldsOf(content: Record<string, unknown>): string[] {
  return BODY_FIELDS.map((f) => String(content[columnOf(f.name)] ?? '')).filter((t) => t.trim() !== '');
}

const roleList = CORPORATION_ROLES.map((r) => CORPORATION_ROLE_LABELS[r].toLowerCase()).join(', ');

/** Tags from a comma-separated field or a list: trimmed, lower-cased, unique, limited. */
const tagsField = z
  .preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : v === undefined ? [] : v),
    z.array(z.string()),
  )
  .transform((tags) => [
    ...new Set(tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean)),
  ])
  .pipe(
    z
      .array(
        z.string().max(CASE_LIMITS.tag, {
          error: `Een trefwoord mag hoogstens ${CASE_LIMITS.tag} tekens lang zijn.`,
        }),
      )
      .max(CASE_LIMITS.tags, { error: `Hoogstens ${CASE_LIMITS.tags} trefwoorden.` }),
  );

const yearField = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : decimal(typeof v === 'string' ? v.trim() : v)),
  z
    .number({ error: 'Vul een jaartal in, bijvoorbeeld 2024.' })
    .int({ error: 'Vul een jaartal in, bijvoorbeeld 2024.' })
    .min(CASE_LIMITS.minYear, { error: `Het jaar ligt tussen ${CASE_LIMITS.minYear} en ${maxCaseYear()}.` })
    .refine((y) => y <= maxCaseYear(), {
      error: `Het jaar ligt tussen ${CASE_LIMITS.minYear} en ${maxCaseYear()}.`,
    })
    .nullable(),
);

/**
 * The content fields' schema, shared by the form and the import format. Given the theme list, an
 * unknown theme is a field error here (the import reports it per record); without it the cases
 * service refuses it when saving (the form shows that at the field too). For a draft only the
 * fields required to save are checked; publishingProblems() checks the rest when publishing.
 */
export function caseContentShape(
  themeSlugs?: string[],
  mode: 'draft' | 'publish' = 'publish',
): { [F in CaseField]: z.ZodType<CaseContent[F]> } {
  const schemaOf = (f: CaseFieldSpec): z.ZodType => {
    const required = f.required === 'save' || (f.required === 'publish' && mode === 'publish');
    switch (f.kind) {
      case 'line':
      case 'markdown':
        return required ? text(f.noun, f.limit!, { required: true }) : text(f.noun, f.limit!).default('');
      case 'roles': {
        const roles = many(
          z.enum(CORPORATION_ROLES, { error: `Onbekende rol. Geldige rollen: ${roleList}.` }),
        );
        return required
          ? roles.pipe(z.array(z.enum(CORPORATION_ROLES)).min(1, { error: MISSING.roles }))
          : roles;
      }
      case 'themes': {
        const themes = many(
          z.string().refine((s) => !themeSlugs || themeSlugs.includes(s), {
            error: `Onbekend thema. Geldige thema’s: ${themeSlugs?.join(', ')}.`,
          }),
        );
        return required ? themes.pipe(z.array(z.string()).min(1, { error: MISSING.themes })) : themes;
      }
      case 'email':
        return contactEmailField(f);
      case 'phone':
        return contactPhoneField(f);
      case 'tags':
        return tagsField;
      case 'year':
        return yearField.default(null);
      case 'visibility':
        // A value the form never offers (tampered) is refused, not saved as something else.
        return z
          .enum(CASE_VISIBILITIES, {
            error: `Onbekende zichtbaarheid. Kies uit: ${CASE_VISIBILITIES.join(', ')}.`,
          })
          .default('vakgemeenschap');
    }
  };
  return Object.fromEntries(entries.map(([name, f]) => [name, schemaOf(f)])) as {
    [F in CaseField]: z.ZodType<CaseContent[F]>;
  };
}

/** An optional e-mail address: empty, or an address (lower-cased). */
const contactEmailField = (f: CaseFieldSpec) => {
  const address = z.email();
  return text(f.noun, f.limit!)
    .default('')
    .refine((v) => v === '' || address.safeParse(v).success, {
      error: `${f.noun} is geen geldig e-mailadres. Schrijf het als naam@organisatie.nl.`,
    })
    .transform((v) => v.toLowerCase());
};

/**
 * Digits of a phone number (a leading + kept), for its tel: link and for checking its length; the
 * "(0)" of "+31 (0)38 …" is not dialled from abroad, so it is left out.
 */
export const phoneDigits = (phone: string) =>
  (phone.trim().startsWith('+') ? phone.replace(/\(0\)/g, '') : phone).replace(/(?!^\+)[^\d]/g, '');

/**
 * An optional phone number, kept as written (spaces tidied): digits with spaces, dashes, dots,
 * brackets and a leading +, 10 to 15 digits (a Dutch number has 10; an international one more).
 */
const contactPhoneField = (f: CaseFieldSpec) => {
  const message = `${f.noun} is geen geldig telefoonnummer. Schrijf het als 06 12345678 of +31 38 123 45 67.`;
  return text(f.noun, f.limit!)
    .default('')
    .transform((v) => v.replace(/\s+/g, ' '))
    .refine((v) => v === '' || (/^\+?[\d\s().-]+$/.test(v) && /^\+?\d{10,15}$/.test(phoneDigits(v))), {
      error: message,
    });
};

const MISSING: Partial<Record<FieldKind, string>> = {
  roles: 'Kies minstens één rol van de corporatie.',
  themes: 'Kies minstens één thema.',
};

/**
 * What a case still lacks to be published, per field ("De samenvatting is verplicht."): the one
 * rule for publishing, used by the form (at the field, on the first submit), by the cases service
 * (which refuses to publish an incomplete case) and by the case page's publish button.
 */
export function publishingProblems(content: Partial<CaseContent>): FieldErrors {
  const problems: FieldErrors = {};
  for (const [name, f] of entries) {
    if (!f.required) continue;
    const value = content[name];
    const empty =
      value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);
    if (empty) problems[name] = MISSING[f.kind] ?? `${f.noun} is verplicht.`;
  }
  return problems;
}

/** The labels of what a case still lacks to be published, for "Om te publiceren ontbreekt nog: …". */
export function missingForPublishing(content: Partial<CaseContent>): string[] {
  return Object.keys(publishingProblems(content)).map((name) =>
    CASE_FIELDS[name as CaseField].label.toLowerCase(),
  );
}
