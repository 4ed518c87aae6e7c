import type { MailMessage } from '../mail/mailer';
import { INVITATION_DAYS } from './users.service';

/** The e-mail with an invitation or password link (also shown to the admin, who may send it on). */
export function linkMail(
  purpose: 'invite' | 'reset',
  user: { name: string; email: string },
  link: string,
  requestedBy: 'admin' | 'self' = 'admin',
): MailMessage {
  const validity = `De link werkt één keer en is ${INVITATION_DAYS} dagen geldig.`;
  if (purpose === 'invite') {
    return {
      to: user.email,
      subject: 'Uw uitnodiging voor de Casusbank',
      text: [
        `Beste ${user.name},`,
        '',
        'U bent uitgenodigd voor de Casusbank van de vakgemeenschap. Kies via deze link uw wachtwoord:',
        '',
        link,
        '',
        `${validity} Verwacht u deze uitnodiging niet? Dan kunt u dit bericht negeren.`,
      ].join('\n'),
    };
  }
  return {
    to: user.email,
    subject: 'Nieuw wachtwoord instellen voor de Casusbank',
    text: [
      `Beste ${user.name},`,
      '',
      requestedBy === 'self'
        ? 'Er is gevraagd om uw wachtwoord opnieuw in te stellen. Met deze link kiest u een nieuw wachtwoord:'
        : 'De beheerder heeft een link gemaakt waarmee u een nieuw wachtwoord kiest:',
      '',
      link,
      '',
      requestedBy === 'self'
        ? `${validity} Eerdere links werken niet meer. Heeft u hier niet om gevraagd? Dan kunt u dit bericht negeren: uw wachtwoord blijft hetzelfde.`
        : `${validity} Eerdere links werken niet meer. Heeft u hier niet om gevraagd? Neem dan contact op met de beheerder.`,
    ].join('\n'),
  };
}
