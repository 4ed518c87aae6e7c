import type { AppDeps } from './app';
import { CasesService } from './cases/cases.service';
import { MeetingsService } from './meetings/meetings.service';
import { NotificationMailer } from './notifications/notifications.service';
import { ReflectionsService } from './reflections/reflections.service';
import { SearchService } from './search/search.service';

export type Services = ReturnType<typeof buildServices>;

const built = new WeakMap<AppDeps, Services>();

/** The domain services of one app, built once from its dependencies and shared by its routers. */
export function servicesOf(deps: AppDeps): Services {
  let services = built.get(deps);
  if (!services) {
    services = buildServices(deps);
    built.set(deps, services);
  }
  return services;
}

function buildServices(deps: AppDeps) {
  const ds = deps.db.dataSource;
  const kickIndexer = () => deps.indexer?.kick();
  const mail = new NotificationMailer(ds, deps.mailer, deps.config.publicUrl, deps.logger);
  const afterCommit = { kickIndexer, notified: mail.deliver.bind(mail) };
  return {
    search: new SearchService(ds, deps.search, deps.searchFallback ?? deps.search, deps.logger),
    cases: new CasesService(ds, kickIndexer),
    meetings: new MeetingsService(ds, afterCommit),
    reflections: new ReflectionsService(ds, afterCommit),
  };
}
