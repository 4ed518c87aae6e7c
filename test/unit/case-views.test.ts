import { emptyContent } from '../../src/cases/case-fields';
import { caseActivityView, caseView } from '../../src/cases/case.view-model';
import type { CaseRecord } from '../../src/cases/cases.queries';
import { diffSnapshots } from '../../src/cases/revision-diff';
import type { Viewer } from '../../src/policy';
import type { ReflectionRow } from '../../src/reflections/reflections.queries';

// What the case page and its history show, computed from a record and a viewer.
const viewer = (id: number, roles: Viewer['roles'] = ['practitioner'], organizationId = 1): Viewer => ({
  id,
  name: `Lid ${id}`,
  email: `lid${id}@example.nl`,
  roles,
  organizationId,
  organizationName: 'Woonstichting',
  hasTotp: true,
});

const record = (overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  ...emptyContent(),
  id: 7,
  title: 'Vroegsignalering',
  summary: 'Samen bellen bij de eerste gemiste huur.',
  context: 'Huurachterstanden **liepen op**.',
  question: '   ',
  roles: ['verhuurder'],
  themes: ['incasso'],
  partners: 'Gemeente',
  year: 2023,
  contact: '',
  status: 'published',
  version: 3,
  authorId: 1,
  authorName: 'Anna',
  organizationId: 1,
  organizationName: 'Woonstichting',
  organizationKind: 'woningcorporatie',
  themeNames: { incasso: 'Incasso en huurachterstanden' },
  createdAt: new Date('2026-01-05T10:00:00Z'),
  updatedAt: new Date('2026-02-05T10:00:00Z'),
  publishedAt: new Date('2026-01-06T10:00:00Z'),
  ...overrides,
});

describe('caseView', () => {
  it('shows filled-in sections as sanitised HTML and only filled-in details, with Dutch labels', () => {
    const view = caseView(record({ context: 'Tekst <script>alert(1)</script> **vet**' }), viewer(2));
    expect(view.sections.map((s) => s.name)).toEqual(['context']);
    expect(view.sections[0].html).toContain('<strong>vet</strong>');
    expect(view.sections[0].html).not.toContain('<script');
    expect(view.details).toEqual([
      { name: 'partners', label: 'Betrokken partners', value: 'Gemeente', href: null },
      { name: 'year', label: 'Startjaar', value: '2023', href: null },
    ]);
    expect(view.themes).toEqual([{ slug: 'incasso', name: 'Incasso en huurachterstanden' }]);
    expect(view.roles[0].label).toBe('Verhuurder');
    expect(view.statusLabel).toBe('Gepubliceerd');
  });

  it('links the contact person’s address and number (mailto:, tel: with digits only, no “(0)”)', () => {
    const view = caseView(
      record({ contactEmail: 'sanne@example.nl', contactPhone: '+31 (0)38 123-45 67' }),
      viewer(2),
    );
    expect(view.details.filter((d) => d.href)).toEqual([
      {
        name: 'contactEmail',
        label: 'E-mailadres van de contactpersoon',
        value: 'sanne@example.nl',
        href: 'mailto:sanne@example.nl',
      },
      {
        name: 'contactPhone',
        label: 'Telefoonnummer van de contactpersoon',
        value: '+31 (0)38 123-45 67',
        href: 'tel:+31381234567',
      },
    ]);
  });

  it('offers each status change only to who may make it, and only where it applies', () => {
    expect(caseView(record(), viewer(1)).can).toMatchObject({ edit: true, archive: true, publish: false });
    expect(caseView(record({ status: 'draft' }), viewer(1)).can).toMatchObject({
      publish: true,
      archive: false,
    });
    expect(caseView(record({ status: 'archived' }), viewer(1)).can.restore).toBe(true);
    expect(caseView(record(), viewer(2)).can).toEqual({
      edit: false,
      publish: false,
      archive: false,
      restore: false,
      history: false,
    });
    // The kerngroep edits published cases, never someone's draft.
    expect(caseView(record(), viewer(3, ['curator'])).can.edit).toBe(true);
    expect(caseView(record({ status: 'draft' }), viewer(3, ['curator'])).can.edit).toBe(false);
  });

  it('labels attachments by type and by whether their text could be read', () => {
    const view = caseView(record(), viewer(1), [
      {
        id: 1,
        filename: 'brief.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 1000,
        extractionStatus: 'failed',
        extractionError: 'Het bestand is beveiligd.',
      } as never,
    ]);
    expect(view.attachments[0]).toMatchObject({
      typeLabel: 'PDF',
      isImage: false,
      extractionLabel: 'tekst niet uitgelezen: het bestand is beveiligd.',
    });
  });
});

describe('caseActivityView', () => {
  const meeting = (over: Record<string, unknown>) => ({
    nominationId: 1,
    meetingId: 1,
    meetingTitle: 'Incasso',
    startsAt: new Date('2026-03-12T13:00:00Z'),
    meetingStatus: 'nominations_open',
    status: 'pending',
    nominatedById: 1,
    presentedAt: null,
    feedback: '',
    ...over,
  });
  const reflection: ReflectionRow = {
    id: 5,
    caseId: 7,
    authorId: 9,
    authorName: 'Expert',
    organizationName: 'Kennisinstituut',
    meetingId: null,
    meetingTitle: null,
    body: 'Goed *voorbeeld*.',
    status: 'active',
    createdAt: new Date(),
    updatedAt: new Date(),
  };

  it('shows a pending nomination only to its nominator and the kerngroep', () => {
    const data = { reflections: [], meetings: [meeting({})] as never, openMeetings: [] };
    expect(caseActivityView(record(), viewer(1), data).nominations).toHaveLength(1);
    expect(caseActivityView(record(), viewer(2), data).nominations).toHaveLength(0);
    expect(caseActivityView(record(), viewer(3, ['curator']), data).nominations[0].statusLabel).toBeTruthy();
  });

  it('puts selected cases on a set agenda in public, and presented ones apart', () => {
    const data = {
      reflections: [],
      meetings: [
        meeting({ meetingId: 1, status: 'selected', meetingStatus: 'agenda_set' }),
        meeting({ meetingId: 2, status: 'selected', meetingStatus: 'held', presentedAt: new Date() }),
      ] as never,
      openMeetings: [],
    };
    const view = caseActivityView(record(), viewer(2), data);
    expect(view.onAgenda.map((m) => m.meetingId)).toEqual([1]);
    expect(view.presented.map((m) => m.meetingId)).toEqual([2]);
  });

  it('lets the expert who wrote a reflection edit it, and experts reflect on published cases only', () => {
    const data = { reflections: [reflection], meetings: [], openMeetings: [] };
    const expert = viewer(9, ['expert']);
    expect(caseActivityView(record(), expert, data).reflections[0]).toMatchObject({ canEdit: true });
    expect(caseActivityView(record(), viewer(10, ['expert']), data).reflections[0].canEdit).toBe(false);
    expect(caseActivityView(record(), expert, data).canReflect).toBe(true);
    expect(caseActivityView(record({ status: 'draft' }), expert, data).canReflect).toBe(false);
  });

  it('offers nomination for open meetings whose deadline has not passed, to the own organisation', () => {
    const open = [
      {
        id: 1,
        title: 'Open',
        startsAt: new Date(Date.now() + 9e8),
        nominationDeadline: new Date(Date.now() + 8e8),
      },
      {
        id: 2,
        title: 'Verlopen',
        startsAt: new Date(Date.now() + 9e8),
        nominationDeadline: new Date(Date.now() - 1e6),
      },
    ];
    const data = { reflections: [], meetings: [], openMeetings: open };
    expect(caseActivityView(record(), viewer(1), data).nominateFor.map((m) => m.id)).toEqual([1]);
    expect(caseActivityView(record(), viewer(2, ['practitioner'], 99), data).nominateFor).toEqual([]);
  });
});

describe('diffSnapshots', () => {
  it('lists changed fields only, in form order, with a word diff and Dutch labels', () => {
    const diffs = diffSnapshots(
      { title: 'Vroeg bellen', roles: ['verhuurder'], year: 2023, status: 'draft' },
      { title: 'Vroeg samen bellen', roles: ['verhuurder'], year: 2024, status: 'published' },
    );
    expect(diffs.map((d) => d.label)).toEqual(['Titel', 'Startjaar', 'Status']);
    expect(diffs[0].parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['samen']);
    expect(diffs[2].parts.map((p) => p.value)).toEqual(['Concept', 'Gepubliceerd']);
  });

  it('shows a first version as all added, and role codes as their labels', () => {
    const diffs = diffSnapshots(null, { roles: ['verhuurder', 'ontwikkelaar'] }, ['roles']);
    expect(diffs.map((d) => d.label)).toEqual(['Rol van de corporatie']);
    expect(diffs[0].parts).toEqual([
      expect.objectContaining({ value: 'Verhuurder, Ontwikkelaar', added: true }),
    ]);
  });
});
