import { AuditEvent } from '../accounts/audit-event.entity';
import { Invitation } from '../accounts/invitation.entity';
import { Organization } from '../accounts/organization.entity';
import { User } from '../accounts/user.entity';
import { Attachment } from '../attachments/attachment.entity';
import { PendingUpload } from '../attachments/pending-upload.entity';
import { CaseRevision } from '../cases/case-revision.entity';
import { Case } from '../cases/case.entity';
import { CaseTheme } from '../cases/case-theme.entity';
import { Theme } from '../cases/theme.entity';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingExpert } from '../meetings/meeting-expert.entity';
import { MeetingTheme } from '../meetings/meeting-theme.entity';
import { Nomination } from '../meetings/nomination.entity';
import {
  MeetingProgrammeItem,
  MeetingReport,
  MeetingSignup,
  MeetingSignupGuest,
} from '../meetings/signup.entity';
import { Notification } from '../notifications/notification.entity';
import { NotificationSetting } from '../notifications/notification-setting.entity';
import { Follow } from '../follows/follow.entity';
import { PublicationEvent } from '../follows/publication-event.entity';
import { Digest } from '../follows/digest.entity';
import { MailOutboxEntry } from '../mail/mail-outbox.entity';
import { Reaction } from '../reactions/reaction.entity';
import { PrivacyConfirmation } from '../privacy/privacy-confirmation.entity';
import { Reflection } from '../reflections/reflection.entity';
import { SearchOutboxEntry } from '../search/search-outbox.entity';
import { ThesaurusGroup } from '../search/thesaurus-group.entity';

/** Every entity, registered with the DataSource in one list. */
export const entities = [
  Organization,
  User,
  Invitation,
  AuditEvent,
  Theme,
  Case,
  CaseTheme,
  CaseRevision,
  Attachment,
  PendingUpload,
  Reflection,
  Reaction,
  Meeting,
  MeetingTheme,
  MeetingExpert,
  Nomination,
  MeetingSignup,
  MeetingSignupGuest,
  MeetingProgrammeItem,
  MeetingReport,
  Notification,
  NotificationSetting,
  Follow,
  PublicationEvent,
  Digest,
  MailOutboxEntry,
  SearchOutboxEntry,
  ThesaurusGroup,
  PrivacyConfirmation,
];
