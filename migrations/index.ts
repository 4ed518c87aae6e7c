import { Init1763800000000 } from './1763800000000-Init';

/** Every migration in order; imported explicitly so compiled and ts-run code find the same list. */
export const migrations = [Init1763800000000];
