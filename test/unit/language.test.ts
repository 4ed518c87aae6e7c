import { z } from 'zod';
import { demoAccountLines } from '../../src/demo/seed-demo';
import { formatCount, text } from '../../src/web/validation';

// Language (issue 15, item 10). Every limit a person reads is written the Dutch way (2.000, not 2000), also in the messages zod
// words itself, which come from one place (src/web/validation.ts).
describe('validation messages', () => {
  const first = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0].message;

  it('writes limits with the Dutch thousands separator', () => {
    expect(formatCount(2000)).toBe('2.000');
    expect(formatCount(20_000)).toBe('20.000');
    expect(formatCount(600)).toBe('600');
    expect(first(text('De aanleiding', 20_000), 'x'.repeat(20_001))).toBe(
      'De aanleiding mag hoogstens 20.000 tekens lang zijn.',
    );
    expect(first(z.string().max(2000), 'x'.repeat(2001))).toBe('Hoogstens 2.000 tekens.');
    expect(first(z.string().max(1), 'xx')).toBe('Hoogstens 1 teken.');
    expect(first(z.number().max(10_000), 20_000)).toBe('Een getal van hoogstens 10.000.');
    expect(first(z.number().min(1), 0)).toBe('Een getal van minstens 1.');
    expect(first(z.number().lt(5), 5)).toBe('Een getal kleiner dan 5.');
    expect(first(z.array(z.string()).max(1500), Array(1501).fill('a'))).toBe('Hoogstens 1.500 keuzes.');
  });

  it('keeps zod’s Dutch wording for everything else', () => {
    expect(first(z.string(), 5)).toMatch(/^Ongeldige invoer/);
  });
});

describe('the demo-account block at first start', () => {
  it('names the roles in Dutch', () => {
    const lines = demoAccountLines([
      { email: 'deelnemer@casusbank.nl', password: 'demo-deelnemer-2026', roles: ['practitioner'] },
      { email: 'expert@casusbank.nl', password: 'demo-expert-2026', roles: ['expert'] },
      { email: 'kerngroep@casusbank.nl', password: 'demo-kerngroep-2026', roles: ['curator'] },
      { email: 'beheer@casusbank.nl', password: 'demo-beheerder-2026', roles: ['admin'] },
      { email: 'collega@example.nl', password: 'x', roles: ['practitioner'] },
    ]);
    expect(lines.map((l) => l.trim().split(/\s+/).slice(2).join(' '))).toEqual([
      'Deelnemer',
      'Expert',
      'Kerngroep',
      'Beheerder',
    ]);
    expect(lines.join('\n')).not.toMatch(/practitioner|curator|admin\b/);
  });
});
