import { T_ONTRUIMING, T_SCHULDHULP, T_VROEGSIGNALERING } from './demo-content';

/** A reaction in the demo conversation; replies answer the reaction before them in `thread`. */
export interface DemoReaction {
  caseTitle: string;
  author: string; // e-mail of a demo user
  body: string; // Markdown
  linkedCaseTitle?: string;
  helpful?: boolean;
  replies?: Array<{ author: string; body: string }>;
}

/** Meedenken in the demo: colleagues answer two cases' questions; one answer helped its author. */
export const demoReactions: DemoReaction[] = [
  {
    caseTitle: T_VROEGSIGNALERING,
    author: 'jeroen.mulder@casusbank.nl',
    body: `Bij zzp'ers werkt bij ons een **sms op de dag na de vervaldatum** beter dan een brief: ze reageren vaak dezelfde dag nog. Wie twee keer niet reageert, krijgt een uitnodiging voor het spreekuur met de Kredietbank.`,
    linkedCaseTitle: T_SCHULDHULP,
    helpful: true,
    replies: [
      {
        author: 'deelnemer@casusbank.nl',
        body: 'Dank je! Sturen jullie die sms automatisch vanuit het huurpakket, of doet een medewerker dat?',
      },
      {
        author: 'jeroen.mulder@casusbank.nl',
        body: 'Automatisch, met een vaste tekst die we samen met de huurdersvereniging hebben geschreven.',
      },
    ],
  },
  {
    caseTitle: T_VROEGSIGNALERING,
    author: 'fatima.ouali@casusbank.nl',
    body: 'In de zomer zetten wij een vaste invalkracht in voor de huisbezoeken, en we plannen geen vakanties van alle huurconsulenten in dezelfde weken.',
  },
  {
    caseTitle: T_ONTRUIMING,
    author: 'jeroen.mulder@casusbank.nl',
    body: 'Wij werken ook met een tweede-kansovereenkomst, maar nog zonder vaste begeleiding erbij. Hoe lang loopt die begeleiding bij jullie?',
  },
];
