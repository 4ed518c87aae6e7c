import {
  contextOf,
  findPersonalData,
  passesElevenTest,
  validIban,
  type FindingKind,
} from '../../src/privacy/personal-data';

/**
 * The personal-data detector: for each kind, what a practitioner writes that must be found
 * (exactly that piece of text), and the near misses that must not be flagged.
 */
const found = (text: string, allowed?: string[]) =>
  findPersonalData(text, { allowed }).map((f) => [f.kind, f.text]);

const positives: Array<[FindingKind, string, string]> = [
  // [kind, sentence, the text that must be reported]
  ['bsn', 'Haar BSN is 123456782, dat stond in de brief.', '123456782'],
  ['bsn', 'BSN: 111222333', '111222333'],
  ['bsn', 'bsn 1234.56.782 van de huurder', '1234.56.782'],
  ['bsn', 'burgerservicenummer 123 456 782.', '123 456 782'],
  ['bsn', 'nummer 123-456-782 in het dossier', '123-456-782'],
  ['iban', 'Rekening NL91ABNA0417164300 t.n.v. het gezin.', 'NL91ABNA0417164300'],
  ['iban', 'IBAN NL91 ABNA 0417 1643 00 ten name van', 'NL91 ABNA 0417 1643 00'],
  ['iban', 'overboeken naar nl20ingb0001234567.', 'nl20ingb0001234567'],
  ['iban', 'Duitse rekening DE89370400440532013000', 'DE89370400440532013000'],
  ['telefoon', 'Bel haar op 06-12345678 na vijven.', '06-12345678'],
  ['telefoon', 'mobiel 0612345678', '0612345678'],
  ['telefoon', 'telefoon 06 12 34 56 78.', '06 12 34 56 78'],
  ['telefoon', 'nummer +31 6 12345678 (mobiel)', '+31 6 12345678'],
  ['telefoon', 'of +31 (0)6 1234 5678', '+31 (0)6 1234 5678'],
  ['telefoon', 'via 0031 6 12345678', '0031 6 12345678'],
  ['telefoon', 'thuis 020-1234567', '020-1234567'],
  ['telefoon', 'vaste lijn (038) 123 45 67, overdag', '(038) 123 45 67'],
  ['telefoon', 'bel 0513 123456 voor een afspraak', '0513 123456'],
  ['email', 'Mail naar j.jansen1961@hotmail.com als het kan.', 'j.jansen1961@hotmail.com'],
  ['email', 'adres: fam.el-amrani@gmail.nl.', 'fam.el-amrani@gmail.nl'],
  ['email', 'zoon: piet+huur@xs4all.nl', 'piet+huur@xs4all.nl'],
  ['adres', 'Zij woont op Dorpsstraat 12 in Uden.', 'Dorpsstraat 12'],
  ['adres', 'verhuisd naar de Leeuweriksweg 12a', 'Leeuweriksweg 12a'],
  ['adres', 'het adres is Burgemeester de Withstraat 3-2.', 'Burgemeester de Withstraat 3-2'],
  ['adres', 'op Stationsplein 4 bis', 'Stationsplein 4 bis'],
  ['adres', 'postcode 5402 XD 12', '5402 XD 12'],
  ['adres', 'postcode 5402XD, huisnummer 12', '5402XD, huisnummer 12'],
  ['adres', 'woont op 1234 AB nr. 7', '1234 AB nr. 7'],
  ['geboortedatum', 'Mevrouw is geboren 3 maart 1961 in Tiel.', 'geboren 3 maart 1961'],
  ['geboortedatum', 'Cliënt (geb. 03-03-1961) woont alleen.', 'geb. 03-03-1961'],
  ['geboortedatum', 'geboren op 12 dec. 1948', 'geboren op 12 dec. 1948'],
  ['geboortedatum', 'Geboortedatum: 1/2/1975', 'Geboortedatum: 1/2/1975'],
  ['geboortedatum', 'geb 7-11-82, alleenstaand', 'geb 7-11-82'],
  ['kenteken', 'zijn auto (GT-123-B) stond op de stoep', 'GT-123-B'],
  ['kenteken', 'kenteken 89-TNS-6 gezien', '89-TNS-6'],
  ['kenteken', 'busje 1-KZB-23 van de zoon', '1-KZB-23'],
  ['kenteken', 'de oude auto JF-26-NZ', 'JF-26-NZ'],
  ['naam', 'We spraken mevrouw Jansen in de keuken.', 'mevrouw Jansen'],
  ['naam', 'Dhr. De Vries kreeg een betalingsregeling.', 'Dhr. De Vries'],
  ['naam', 'de familie El Amrani woont er sinds 2010', 'familie El Amrani'],
  ['naam', 'met mw. A.B. van der Berg', 'mw. A.B. van der Berg'],
  ['naam', 'de heer Öztürk was niet thuis', 'de heer Öztürk'],
  ['naam', 'huurder Bakker betaalde niet', 'huurder Bakker'],
  ['naam', 'bij het gezin Yilmaz-Kaya', 'gezin Yilmaz-Kaya'],
  ['naam', 'Cliënte Pietersen heeft schulden', 'Cliënte Pietersen'],
  ['naam', 'meneer ’t Hart belde', 'meneer ’t Hart'],
];

const negatives: Array<[string, string]> = [
  // [why it is no finding, sentence]
  ['nine digits failing the 11-proef', 'Dossiernummer 123456789 is afgesloten.'],
  ['a ten-digit number is no BSN', 'referentie 1234567890'],
  ['an amount', 'een schuld van 123.456.789 euro bij alle corporaties samen'],
  ['an IBAN with a wrong check', 'NL91ABNA0417164301'],
  ['a Dutch IBAN of the wrong length', 'NL91ABNA041716430'],
  ['a service number of an organisation', 'Bel 0800-0123 of 0900-1234567.'],
  ['a company number', 'Het wijkteam: 088 123 4567'],
  ['a number too short for a phone', 'bel 06-1234567'],
  ['a date followed by a number', 'Op 01-03-2024 12 huurders gesproken.'],
  ['a role mailbox', 'Vragen? Mail info@woonstichting.nl'],
  ['an address of an e-mail without domain', 'schrijf naar jansen@'],
  ['a postcode alone', 'In postcodegebied 5402 XD wonen veel ouderen.'],
  ['a postcode with the place name', 'Leeuweriksweg, 5402 XD Uden'],
  ['a street without a number', 'Zij woont in de Dorpsstraat, al jaren.'],
  ['a street word without a street', 'Onder de streep 12 huurders minder.'],
  ['a year, not a date of birth', 'geboren en getogen in Zwolle, sinds 1961'],
  ['a plain date', 'Het gesprek was op 03-03-2024.'],
  ['a plate with vowels', 'code AB-12-CD in het systeem'],
  ['a date with dashes', 'gestart 12-03-2024'],
  ['de heer des huizes', 'Hij voelde zich de heer des huizes.'],
  ['a title without a name', 'Mevrouw kreeg een brief.'],
  ['a tenant word before a sentence word', 'De huurder Daarna kwam de gemeente.'],
  ['a tenant word with a lower-case word', 'de familie van de huurder'],
  ['plural tenant words', 'Huurders Zwolle en bewoners Noord kwamen samen.'],
  ['the word "heer" alone', 'Heer Jansen is geen aanspreekvorm.'],
  ['a percentage and a year', 'In 2023 was 12 procent van de huurders in 1961 geboren.'],
];

describe('personal-data detector', () => {
  it.each(positives)('finds %s in "%s"', (kind, text, expected) => {
    expect(found(text)).toEqual([[kind, expected]]);
  });

  it.each(negatives)('does not flag %s', (_why, text) => {
    expect(found(text)).toEqual([]);
  });

  it('has at least 60 examples', () => {
    expect(positives.length + negatives.length).toBeGreaterThanOrEqual(60);
  });

  it('checks the 11-proef and the IBAN mod-97 itself', () => {
    expect(passesElevenTest('123456782')).toBe(true);
    expect(passesElevenTest('123456789')).toBe(false);
    expect(passesElevenTest('000000000')).toBe(false);
    expect(validIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(validIban('GB82WEST12345698765432')).toBe(true);
    expect(validIban('GB82WEST12345698765433')).toBe(false);
  });

  it('gives exact offsets, in order, with several kinds in one text', () => {
    const text = 'Mevrouw Jansen (BSN 123456782) belt vanaf 06-12345678.';
    const findings = findPersonalData(text);
    expect(findings.map((f) => f.kind)).toEqual(['naam', 'bsn', 'telefoon']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('does not report the contact person and the organisations', () => {
    const allowed = ['Sanne de Vries, wijkconsulent, 06-87654321', 'Woonstichting Bakker'];
    expect(found('Neem contact op met mevrouw De Vries via 06-87654321.', allowed)).toEqual([]);
    expect(found('huurder Bakker zegt het zelf', allowed)).toEqual([]);
    // Someone else is still found.
    expect(found('mevrouw Jansen en mevrouw De Vries', allowed)).toEqual([['naam', 'mevrouw Jansen']]);
  });

  it('stays fast and bounded on a large text', () => {
    const unit = 'Mevrouw Jansen woont op Dorpsstraat 12 en belt 06-12345678. ';
    const big = unit.repeat(5_000) + 'a'.repeat(50_000) + '1'.repeat(50_000) + ' ('.repeat(20_000);
    const started = Date.now();
    const findings = findPersonalData(big);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(findings.length).toBe(100); // capped
    const pathological = findPersonalData('x@'.repeat(50_000) + '0 '.repeat(50_000) + 'NL91 '.repeat(20_000));
    expect(pathological.length).toBeLessThanOrEqual(100);
  });

  it('shows a finding in context, cut at whole words', () => {
    const text = `${'woord '.repeat(30)}belt mevrouw Jansen morgen ${'verder '.repeat(30)}`;
    const [f] = findPersonalData(text);
    const ctx = contextOf(text, f, 20);
    expect(ctx.match).toBe('mevrouw Jansen');
    expect(ctx.before.startsWith('…')).toBe(true);
    expect(ctx.before.endsWith('belt ')).toBe(true);
    expect(ctx.after.startsWith(' morgen')).toBe(true);
    expect(ctx.after.endsWith('…')).toBe(true);
  });
});
