import type { Logger } from 'pino';
import type { LoginService } from '../accounts/login.service';
import type { OrganizationsService } from '../accounts/organizations.service';
import type { UsersService } from '../accounts/users.service';
import type { AttachmentsService } from '../attachments/attachments.service';
import type { BlobStore } from '../attachments/blob-store';
import type { ExtractionQueue } from '../attachments/text-extraction';
import type { CasesService } from '../cases/cases.service';
import type { ThemesService } from '../cases/themes.service';
import type { Config } from '../config';
import type { Database } from '../db/data-source';
import type { SearchLog } from '../insight/search-log';
import type { Mailer } from '../mail/mailer';
import type { MeetingsService } from '../meetings/meetings.service';
import type { ReportService } from '../meetings/report.service';
import type { SignupsService } from '../meetings/signups.service';
import type { NotificationMailer } from '../notifications/notifications.service';
import type { FollowsService } from '../follows/follows.service';
import type { NotificationJob } from '../follows/notification-job';
import type { ReactionsService } from '../reactions/reactions.service';
import type { MemberRemovalService } from '../privacy/member-removal.service';
import type { PrivacyReviewService } from '../privacy/privacy.service';
import type { DraftRetention } from '../privacy/retention';
import type { ReflectionsService } from '../reflections/reflections.service';
import type { CaseSearch } from '../search/case-search';
import type { SearchIndexer } from '../search/indexer';
import type { SearchService } from '../search/search.service';
import type { Thesaurus } from '../search/thesaurus';

/** What the caller (server.ts, the tests) hands to `createApp`. */
export interface AppDeps {
  config: Config;
  db: Database;
  search: CaseSearch;
  logger: Logger;
  /** Answers when the primary engine is down (the PostgreSQL mirror); defaults to search itself. */
  searchFallback?: CaseSearch;
  /** Keeps the engines in step with the outbox; kicked after every commit that wrote to it. */
  indexer?: SearchIndexer;
  /** E-mail for invitations and notifications; defaults to SMTP_URL (or none). */
  mailer?: Mailer;
  /** The kerngroep's thesaurus (/beheer/thesaurus); created on the app's database when absent. */
  thesaurus?: Thesaurus;
}

/** Every domain service of one app, built once by `buildContext` (src/composition.ts). */
export interface Services {
  search: SearchService;
  cases: CasesService;
  meetings: MeetingsService;
  /** Sign-ups with guests, the waiting list and the presence check. */
  signups: SignupsService;
  /** The programme and, after the meeting, the verslag. */
  reports: ReportService;
  reflections: ReflectionsService;
  reactions: ReactionsService;
  attachments: AttachmentsService;
  blobs: BlobStore;
  /** The one text-extraction queue: kicked after uploads and at start, drained at shutdown. */
  extraction: ExtractionQueue;
  users: UsersService;
  logins: LoginService;
  organizations: OrganizationsService;
  themes: ThemesService;
  notificationMail: NotificationMailer;
  /** Notifications for new publications, digests and the mail outbox, from the database. */
  notificationJob: NotificationJob;
  follows: FollowsService;
  /** Counts what members search for (search insight), never with the member. */
  searchLog: SearchLog;
  /** The kerngroep's review of cases published with confirmed personal-data findings. */
  privacyReview: PrivacyReviewService;
  memberRemoval: MemberRemovalService;
  /** Reminds authors of old drafts and removes them later (run daily by the server, or `cli retention`). */
  retention: DraftRetention;
}

/** What every router receives: the dependencies with their defaults filled in, and the services. */
export interface AppContext extends AppDeps {
  thesaurus: Thesaurus;
  searchFallback: CaseSearch;
  services: Services;
}
