import type { Response } from 'express';
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_TEXT, MAX_FILES } from '../attachments/file-types';
import type { DataSource } from 'typeorm';
import { caseMeetings, openMeetingsFor, reflectionMeetingOptions } from '../meetings/meetings.queries';
import { MEETING_LIMITS } from '../meetings/meetings.schemas';
import { can, type Viewer } from '../policy';
import { activeReflections } from '../reflections/reflections.queries';
import { REFLECTION_MAX } from '../reflections/reflections.schemas';
import { conversationView } from '../reactions/reaction.view-model';
import { caseReactions, isFollowing, linkableCases } from '../reactions/reactions.queries';
import { REACTION_MAX } from '../reactions/reactions.schemas';
import type { SearchService } from '../search/search.service';
import type { FieldErrors } from '../web/validation';
import { caseActivityView, caseView } from './case.view-model';
import { caseAttachments, findCases, findReadableCase } from './cases.queries';

/** A form on the case page that came back with errors (a reflection, a nomination or a reaction). */
export interface CasePageForm {
  /** A reaction form: the new reaction, or a reply (values.parentId says to which). */
  name: 'reflection' | 'nomination' | 'reaction' | 'hide';
  values: Record<string, unknown>;
  errors: FieldErrors;
  /** The reflection's text rendered (sanitised), after its "Voorbeeld" button. */
  preview?: string;
}

/**
 * Renders the case page: the case, its attachments, reflections, where it stands in meetings,
 * related cases, and the forms the viewer may use. Shared by the case routes and the reflection
 * routes (which show the page again when a reflection is refused).
 */
export async function renderCasePage(
  ds: DataSource,
  search: SearchService,
  res: Response,
  viewer: Viewer,
  id: number,
  form?: CasePageForm,
): Promise<void> {
  const record = await findReadableCase(ds, id, viewer);
  const mayNominate = record.status === 'published';
  const mayReflect = can(viewer, 'reflection:create', record);
  const mayReact = can(viewer, 'reaction:create', record);
  const [
    attachments,
    relatedIds,
    reflections,
    meetings,
    openMeetings,
    reflectionMeetings,
    reactions,
    ownCases,
    following,
  ] = await Promise.all([
    caseAttachments(ds, record.id),
    record.status === 'draft' ? Promise.resolve([]) : search.related(record.id, viewer),
    activeReflections(ds, [record.id]),
    caseMeetings(ds, record.id),
    mayNominate ? openMeetingsFor(ds, record.id) : Promise.resolve([]),
    mayReflect ? reflectionMeetingOptions(ds) : Promise.resolve([]),
    record.status === 'draft' ? Promise.resolve([]) : caseReactions(ds, record.id),
    mayReact ? linkableCases(ds, viewer, record.id) : Promise.resolve([]),
    isFollowing(ds, record.id, viewer.id),
  ]);
  const related = (await findCases(ds, relatedIds)).map((r) => ({
    id: r.id,
    title: r.title,
    organizationName: r.organizationName,
  }));
  res.render('cases/show', {
    title: record.title,
    c: caseView(record, viewer, attachments),
    activity: caseActivityView(record, viewer, { reflections, meetings, openMeetings }),
    reflectionMeetings,
    conversation: conversationView(reactions, viewer, record),
    ownCases,
    following,
    related,
    form: form ?? null,
    limits: { reflection: REFLECTION_MAX, motivation: MEETING_LIMITS.motivation, reaction: REACTION_MAX },
    upload: { maxFiles: MAX_FILES, allowedTypes: ALLOWED_TYPES_TEXT, accept: ACCEPT_ATTRIBUTE },
  });
}
