import { LoginService } from './accounts/login.service';
import { OrganizationsService } from './accounts/organizations.service';
import { UsersService } from './accounts/users.service';
import { AttachmentsService } from './attachments/attachments.service';
import { BlobStore, blobRoot } from './attachments/blob-store';
import { extractionQueue } from './attachments/text-extraction';
import { CasesService } from './cases/cases.service';
import { ThemesService } from './cases/themes.service';
import { SearchLog } from './insight/search-log';
import { createMailer } from './mail/mailer';
import { MeetingMail } from './meetings/meeting-mail';
import { MeetingsService } from './meetings/meetings.service';
import { ReportService } from './meetings/report.service';
import { SignupsService } from './meetings/signups.service';
import { NotificationMailer } from './notifications/notifications.service';
import { FollowsService } from './follows/follows.service';
import { NotificationJob } from './follows/notification-job';
import { ReactionsService } from './reactions/reactions.service';
import { AttachmentPrivacyCheck } from './privacy/attachment-check';
import { MemberRemovalService } from './privacy/member-removal.service';
import { PrivacyReviewService } from './privacy/privacy.service';
import { DraftRetention } from './privacy/retention';
import { ReflectionsService } from './reflections/reflections.service';
import { SearchService } from './search/search.service';
import { Thesaurus } from './search/thesaurus';
import type { AppContext, AppDeps, Services } from './web/app-deps';

/**
 * The composition root: the one place that builds the services of an app from its dependencies,
 * with the one indexer kick every write hands its `afterCommit`. Routers receive the result.
 */
export function buildContext(given: AppDeps): AppContext {
  const { config, db, logger } = given;
  const mailer =
    given.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger: logger });
  const thesaurus = given.thesaurus ?? new Thesaurus(db.dataSource, logger);
  const searchFallback = given.searchFallback ?? given.search;
  const ds = db.dataSource;

  const kickIndexer = () => given.indexer?.kick();
  const search = new SearchService(ds, given.search, searchFallback, logger);
  const notificationJob = new NotificationJob(ds, search, {
    mailer,
    publicUrl: config.publicUrl,
    secret: config.sessionSecret,
    logger,
  });
  const notificationMail = new NotificationMailer(ds, () => notificationJob.kick());
  // A publication's followers are found once its search document is written: the indexer kicks the job.
  given.indexer?.onApplied(() => notificationJob.kick());
  const afterCommit = { kickIndexer, notified: notificationMail.deliver.bind(notificationMail) };
  // Sign-up confirmations, waiting-list moves and time or place changes, with the calendar entry.
  const meetingMail = new MeetingMail(ds, mailer, config, logger);
  const blobs = new BlobStore(blobRoot(config.dataDir));
  const attachmentPrivacy = new AttachmentPrivacyCheck(ds, afterCommit.notified);
  const services: Services = {
    search,
    cases: new CasesService(ds, kickIndexer),
    meetings: new MeetingsService(ds, {
      ...afterCommit,
      calendarChanged: meetingMail.calendarChanged.bind(meetingMail),
    }),
    signups: new SignupsService(ds, {
      notified: notificationMail.deliver.bind(notificationMail),
      signupMail: meetingMail.signupMail.bind(meetingMail),
    }),
    reports: new ReportService(ds, afterCommit),
    reflections: new ReflectionsService(ds, afterCommit),
    reactions: new ReactionsService(ds, afterCommit),
    attachments: new AttachmentsService(ds, blobs, kickIndexer),
    blobs,
    extraction: extractionQueue(ds, blobs, {
      logger,
      afterCommit: kickIndexer,
      onExtracted: (id) => attachmentPrivacy.afterExtraction(id),
    }),
    users: new UsersService(ds),
    logins: new LoginService(ds),
    organizations: new OrganizationsService(ds, kickIndexer),
    themes: new ThemesService(ds, kickIndexer),
    notificationMail,
    notificationJob,
    follows: new FollowsService(ds),
    searchLog: new SearchLog(ds, logger),
    privacyReview: new PrivacyReviewService(ds, afterCommit),
    memberRemoval: new MemberRemovalService(ds, kickIndexer),
    retention: new DraftRetention(
      ds,
      { retentionMonths: config.draftRetentionMonths, removalMonths: config.draftRemovalMonths },
      { ...afterCommit, logger },
    ),
  };
  return { ...given, mailer, thesaurus, searchFallback, services };
}
