import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { auditEventView, DETAIL_LABELS } from '../../src/accounts/audit.view-model';

/** Every file under src, for the keys the code records in audit details. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('audit log details are in Dutch', () => {
  it('has a Dutch label for every detail key the code records', () => {
    const keys = new Set<string>();
    for (const file of sources(path.join(__dirname, '../../src'))) {
      const text = readFileSync(file, 'utf8');
      for (const call of text.matchAll(/recordAudit\([\s\S]*?\}\);/g))
        for (const details of call[0].matchAll(/details: \{([\s\S]*?)\}/g)) {
          // Keys (`key:`) and shorthand properties (`{ key,`), with string literals taken out first.
          const body = `{${details[1].replace(/'[^']*'|"[^"]*"|`[^`]*`/g, "''")}}`;
          for (const key of body.matchAll(/([A-Za-z]+)\s*:|[{,]\s*([A-Za-z]+)\s*(?=[,}])/g))
            keys.add(key[1] ?? key[2]);
        }
    }
    expect(keys.size).toBeGreaterThan(10);
    const missing = [...keys].filter((key) => !(key in DETAIL_LABELS));
    expect(missing).toEqual([]);
  });

  it('writes a decision in words', () => {
    const view = auditEventView({
      id: '1',
      at: new Date(),
      ip: null,
      action: 'nomination.decided',
      actorName: 'Kees Kern',
      actorEmail: 'kees@example.nl',
      subjectType: 'meeting',
      subjectId: '3',
      subjectName: 'Bijeenkomst Incasso',
      details: { nominationId: 12, decision: 'not_selected', position: 2 },
    });
    expect(view.details).toEqual([
      { label: 'voordracht nr.', value: '12' },
      { label: 'besluit', value: 'niet geselecteerd' },
      { label: 'plaats', value: '2' },
    ]);
  });
});
