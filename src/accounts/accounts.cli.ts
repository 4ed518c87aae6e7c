import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { ORGANIZATION_KINDS, USER_ROLES, type UserRole } from '../domain';
import { HttpError } from '../web/http-errors';
import { OrganizationsService } from './organizations.service';
import { passwordProblem } from './passwords';
import { UsersService } from './users.service';

async function readStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return text.length ? text : null;
}

/** Password from stdin when piped, otherwise a generated one that is printed once. */
async function passwordFromStdinOrGenerated(context: { email: string; name?: string }) {
  const given = await readStdin();
  if (given !== null) {
    const problem = passwordProblem(given, context);
    if (problem) throw new Error(problem);
    return { password: given, generated: false };
  }
  return { password: randomBytes(18).toString('base64url'), generated: true };
}

const createArgs = z.object({
  email: z.email({ error: '--email is geen geldig e-mailadres' }).max(254),
  name: z.string({ error: '--name ontbreekt' }).trim().min(1, { error: '--name ontbreekt' }).max(200),
  org: z.string({ error: '--org ontbreekt' }).trim().min(1, { error: '--org ontbreekt' }).max(200),
  role: z
    .array(z.enum(USER_ROLES, { error: `--role moet een van ${USER_ROLES.join(', ')} zijn` }))
    .min(1, { error: 'geef minstens één --role' }),
  orgKind: organizationKind('--org-kind').optional(),
});

function organizationKind(option: string) {
  return z.enum(ORGANIZATION_KINDS, {
    error: `${option} moet een van ${ORGANIZATION_KINDS.join(', ')} zijn`,
  });
}

/** npm run cli -- user:create --email … --name … --org … --role admin [--role …] */
export async function createUserFromCli(ds: DataSource, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string', multiple: true },
      'org-kind': { type: 'string' },
    },
  });
  const parsed = createArgs.safeParse({ ...values, orgKind: values['org-kind'] });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(issue.message);
    return 1;
  }
  const { email, name, org, role } = parsed.data;
  let [organization] = await ds.query(`SELECT id FROM organizations WHERE lower(name) = lower($1)`, [org]);
  if (!organization) {
    const known: Array<{ name: string }> = await ds.query(`SELECT name FROM organizations ORDER BY name`);
    if (known.length > 0) {
      console.error(
        `Onbekende organisatie "${org}". Bestaande organisaties: ${known.map((o) => o.name).join(', ')}. ` +
          `Maak een nieuwe met org:create --name "${org}" --kind …`,
      );
      return 1;
    }
    // An empty database (the first admin of a new installation): the organisation comes first.
    const kind = parsed.data.orgKind ?? 'kennisinstituut';
    organization = { id: await new OrganizationsService(ds).create({ name: org, kind }, { id: null }) };
    console.log(`Organisatie "${org}" aangemaakt (${kind}): er was nog geen organisatie.`);
  }
  try {
    const { password, generated } = await passwordFromStdinOrGenerated({ email, name });
    const id = await new UsersService(ds).create(
      { email: email.toLowerCase(), name, organizationId: organization.id, roles: role as UserRole[] },
      { id: null },
      password,
    );
    console.log(`Account ${id} aangemaakt voor ${email} (${role.join(', ')}).`);
    if (generated) console.log(`Wachtwoord (wordt niet opnieuw getoond): ${password}`);
    return 0;
  } catch (error) {
    console.error(error instanceof HttpError || error instanceof Error ? error.message : String(error));
    return 1;
  }
}

/** npm run cli -- user:password --email … (password from stdin, or generated) */
export async function setPasswordFromCli(ds: DataSource, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { email: { type: 'string' } } });
  if (!values.email) {
    console.error('--email ontbreekt');
    return 1;
  }
  const [user] = await ds.query(`SELECT id, name, email FROM users WHERE lower(email) = lower($1)`, [
    values.email,
  ]);
  if (!user) {
    console.error(`Geen account met e-mailadres ${values.email}.`);
    return 1;
  }
  try {
    const { password, generated } = await passwordFromStdinOrGenerated(user);
    await new UsersService(ds).setPassword(user.id, password, { id: null });
    console.log(`Nieuw wachtwoord gezet voor ${user.email}; bestaande sessies zijn beëindigd.`);
    if (generated) console.log(`Wachtwoord (wordt niet opnieuw getoond): ${password}`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

const orgArgs = z.object({
  name: z.string({ error: '--name ontbreekt' }).trim().min(1, { error: '--name ontbreekt' }).max(200),
  kind: organizationKind('--kind'),
});

/** npm run cli -- org:create --name … --kind … */
export async function createOrganizationFromCli(ds: DataSource, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { name: { type: 'string' }, kind: { type: 'string' } },
  });
  const parsed = orgArgs.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(issue.message);
    return 1;
  }
  try {
    const id = await new OrganizationsService(ds).create(parsed.data, { id: null });
    console.log(`Organisatie ${id} aangemaakt: ${parsed.data.name} (${parsed.data.kind}).`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

/** npm run cli -- org:list */
export async function listOrganizationsFromCli(ds: DataSource): Promise<number> {
  const rows: Array<{ id: number; name: string; kind: string; members: number }> = await ds.query(
    `SELECT o.id, o.name, o.kind, count(u.id)::int AS members
       FROM organizations o LEFT JOIN users u ON u.organization_id = o.id
      GROUP BY o.id ORDER BY lower(o.name)`,
  );
  if (rows.length === 0) console.log('Nog geen organisaties. Maak er een met org:create --name … --kind …');
  for (const r of rows)
    console.log(`${String(r.id).padStart(5)}  ${r.name} (${r.kind}, ${r.members} account(s))`);
  return 0;
}
