import { can, type Viewer } from '../policy';
import type { AwaitingReflection, CuratorWork, HomeData } from './home.queries';

/** The home page per role: flags for the role-specific sections, so the template never looks at roles. */
export function homePageModel(
  viewer: Viewer,
  data: HomeData,
  extra: { awaitingReflection?: AwaitingReflection[]; curator?: CuratorWork },
) {
  return {
    ...data,
    showAwaitingReflection: can(viewer, 'reflection:prepare'),
    awaitingReflection: extra.awaitingReflection ?? [],
    showCuratorWork: can(viewer, 'nomination:decide'),
    undecided: extra.curator?.undecided ?? [],
    deadlines: extra.curator?.deadlines ?? [],
  };
}
