import { passwordProblem } from '../../src/accounts/passwords';

describe('new passwords', () => {
  const member = { email: 'sanne.devries@woonstichting-devaart.nl', name: 'Sanne de Vries' };

  it.each([
    'wachtwoord123456', // the example in the code's own comment
    'password123456',
    'Password2024!!',
    'W4chtw00rd!2024',
    'Welkom2024!!!!',
    'zomervakantie2024',
    'feyenoord1908!!',
    '20240101!!!!',
    'Achterstand2024!', // one Dutch word (OpenTaal's list)
    'Schoonmaakster#1',
  ])('refuses %j: a common word or pattern with digits and symbols', (password) => {
    expect(passwordProblem(password, member)).toMatch(/veelgebruikte wachtwoorden/);
  });

  it.each(['Casusbank2024!!', 'SanneVries1980!', 'devaart-2024!!', 'VriesSanne##2024'])(
    'refuses %j: built from the site name, the name or the address',
    (password) => {
      expect(passwordProblem(password, member)).toMatch(/naam van de site, uw naam of uw e-mailadres/);
    },
  );

  it.each([
    'correct-paard-batterij-niet',
    'een-wachtwoord-uit-de-pijp',
    'Kwetsbare huurders bellen we eerst',
  ])('accepts %j: several words of ones own', (password) => {
    expect(passwordProblem(password, member)).toBeNull();
  });
});
