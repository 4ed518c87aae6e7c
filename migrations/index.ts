import { Init1763800000000 } from './1763800000000-Init';
import { SearchIndexing1763900000000 } from './1763900000000-SearchIndexing';
import { RankDocument1764000000000 } from './1764000000000-RankDocument';
import { TotpLastStep1796000000000 } from './1796000000000-TotpLastStep';
import { OutboxEngineProgress1796090000000 } from './1796090000000-OutboxEngineProgress';
import { SearchTagsIndex1796100000000 } from './1796100000000-SearchTagsIndex';
import { SearchGeneration1796110000000 } from './1796110000000-SearchGeneration';
import { Thesaurus1796120000000 } from './1796120000000-Thesaurus';
import { LoginThrottle1796200000000 } from './1796200000000-LoginThrottle';
import { SearchInsight1796300000000 } from './1796300000000-SearchInsight';
import { Reactions1796310000000 } from './1796310000000-Reactions';
import { MeetingSignup1796320000000 } from './1796320000000-MeetingSignup';
import { PostgresSearchFloor1796330000000 } from './1796330000000-PostgresSearchFloor';
import { Privacy1796340000000 } from './1796340000000-Privacy';
import { DraftsNeedTitleOnly1796500000000 } from './1796500000000-DraftsNeedTitleOnly';
import { Follows1796600000000 } from './1796600000000-Follows';
import { ContactDetails1796710000000 } from './1796710000000-ContactDetails';
import { PendingUploads1796711000000 } from './1796711000000-PendingUploads';
import { SearchAnalysis1796712000000 } from './1796712000000-SearchAnalysis';

/** Every migration in order; imported explicitly so compiled and ts-run code find the same list. */
export const migrations = [
  Init1763800000000,
  SearchIndexing1763900000000,
  RankDocument1764000000000,
  TotpLastStep1796000000000,
  OutboxEngineProgress1796090000000,
  SearchTagsIndex1796100000000,
  SearchGeneration1796110000000,
  Thesaurus1796120000000,
  LoginThrottle1796200000000,
  SearchInsight1796300000000,
  Reactions1796310000000,
  MeetingSignup1796320000000,
  PostgresSearchFloor1796330000000,
  Privacy1796340000000,
  DraftsNeedTitleOnly1796500000000,
  Follows1796600000000,
  ContactDetails1796710000000,
  PendingUploads1796711000000,
  SearchAnalysis1796712000000,
];
