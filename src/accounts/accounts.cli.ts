import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { USER_ROLES, type UserRole } from '../domain';
import { HttpError } from '../web/http-errors';
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
});

/** npm run cli -- user:create --email … --name … --org … --role admin [--role …] */
export async function createUserFromCli(ds: DataSource, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string', multiple: true },
    },
  });
  const parsed = createArgs.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(issue.message);
    return 1;
  }
  const { email, name, org, role } = parsed.data;
  const [organization] = await ds.query(`SELECT id FROM organizations WHERE lower(name) = lower($1)`, [org]);
  if (!organization) {
    const known: Array<{ name: string }> = await ds.query(`SELECT name FROM organizations ORDER BY name`);
    console.error(
      `Onbekende organisatie "${org}". Bestaande organisaties: ${known.map((o) => o.name).join(', ') || '(geen)'}.`,
    );
    return 1;
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
