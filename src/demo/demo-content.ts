import type { DemoCase, DemoMeeting, DemoOrganization, DemoUser } from './demo-content.types';

/*
 * Demo content for a fresh install: a small, believable vakgemeenschap.
 * All organisations (except the gemeente), people and cases are fictional; any resemblance is coincidental.
 * Markdown fields start at column 0 on purpose: indented lines would render as code blocks.
 */

const DE_VAART = 'Woonstichting De Vaart';
const NOORDERHUIS = 'Noorderhuis Wonen';
const ZUIDRAND = 'Woonpartners Zuidrand';
const KENNISCENTRUM = 'Kenniscentrum Wonen & Samenleven';

const DEELNEMER = 'deelnemer@casusbank.nl';
const JEROEN = 'jeroen.mulder@casusbank.nl';
const FATIMA = 'fatima.ouali@casusbank.nl';
const EXPERT = 'expert@casusbank.nl';
const KERNGROEP = 'kerngroep@casusbank.nl';

export const demoOrganizations: DemoOrganization[] = [
  { name: DE_VAART, kind: 'woningcorporatie' },
  { name: NOORDERHUIS, kind: 'woningcorporatie' },
  { name: ZUIDRAND, kind: 'woningcorporatie' },
  { name: 'Gemeente Zaanstad', kind: 'gemeente' },
  { name: 'Stichting Wijkkracht Zorg & Welzijn', kind: 'zorg-welzijn' },
  { name: KENNISCENTRUM, kind: 'kennisinstituut' },
];

export const demoUsers: DemoUser[] = [
  { email: DEELNEMER, name: 'Marieke Jansen', organization: DE_VAART, roles: ['practitioner'] },
  { email: EXPERT, name: 'Hanneke Verbeek', organization: KENNISCENTRUM, roles: ['expert'] },
  {
    email: KERNGROEP,
    name: 'Ruud van den Berg',
    organization: 'Stichting Wijkkracht Zorg & Welzijn',
    roles: ['curator'],
  },
  { email: 'beheer@casusbank.nl', name: 'Ingrid Smit', organization: KENNISCENTRUM, roles: ['admin'] },
  { email: JEROEN, name: 'Jeroen Mulder', organization: NOORDERHUIS, roles: ['practitioner'] },
  { email: FATIMA, name: 'Fatima Ouali', organization: ZUIDRAND, roles: ['practitioner'] },
];

// Titles that the meetings below refer to: one constant each, so a renamed case cannot orphan a nomination.
export const T_VROEGSIGNALERING =
  'Vroegsignalering huurachterstanden: binnen veertien dagen aan de keukentafel';
export const T_ONTRUIMING =
  'Ontruimingsvonnis als laatste redmiddel: hoe we huisuitzettingen halveerden op Zuid';
export const T_SCHULDHULP =
  'Schuldhulp op het wijkkantoor: wekelijks spreekuur met de Kredietbank in Selwerd';
const T_FUNDERING = 'Funderingsherstel en aardbevingsschade: 86 jarendertigwoningen in Appingedam';
const T_BEWOONDE_STAAT = 'Renovatie in bewoonde staat: 212 portiekwoningen in Purmerend naar label A';
const T_NOM = 'Nul-op-de-meter in een jarenzeventigwijk: wat de meter echt zegt';

export const demoCases: DemoCase[] = [
  {
    title: T_VROEGSIGNALERING,
    summary: `Sinds 2021 bellen en bezoeken we huurders al bij de eerste gemiste huurbetaling, samen met het Sociaal Wijkteam en de gemeentelijke schuldhulpverlening. Door vroegsignalering binnen veertien dagen daalde het aantal dossiers dat naar de deurwaarder ging met 41 procent. We beschrijven de werkafspraken, de privacyafspraken en wat deze manier van werken vraagt van onze incassomedewerkers.`,
    context: `Tot 2020 werkten we met een klassiek incassoproces: na de eerste gemiste huur een herinnering, na dertig dagen een aanmaning en na twee maanden overdracht aan de deurwaarder. Huurders die we uiteindelijk aan de deur spraken, hadden vaak al **meerdere betalingsachterstanden** bij de energieleverancier, de zorgverzekeraar en de Belastingdienst.

- In 2020 hadden gemiddeld 640 huurders een huurachterstand van meer dan één maand.
- 118 dossiers gingen naar de deurwaarder en 14 keer werd een ontruimingsvonnis uitgesproken.
- Onze incassomedewerkers ervoeren het werk als dossiers afwerken, niet als mensen helpen.

Toen vroegsignalering in 2021 een wettelijke taak van de gemeente werd, zag de gemeente Zaanstad een kans om samen met ons op te trekken. De vraag was: hoe komen we eerder in beeld, zonder dat huurders het gevoel krijgen dat ze gecontroleerd worden?`,
    approach: `We hebben het incassoproces omgedraaid: eerst contact, dan pas brieven.

1. **Dag 5**: bij een gemiste betaling belt een incassomedewerker de huurder. Geen standaardtekst, maar de vraag hoe het gaat.
2. **Dag 14**: lukt contact niet, dan gaat een wijkconsulent samen met een medewerker van het Sociaal Wijkteam op huisbezoek.
3. **Signaal naar de gemeente**: op basis van het convenant vroegsignalering melden we de achterstand aan het team schuldhulpverlening, dat binnen vijf werkdagen contact zoekt.

Daarnaast hebben we:
- een convenant gesloten met de gemeente, het drinkwaterbedrijf en twee energieleveranciers, zodat signalen op één plek samenkomen;
- alle twaalf incassomedewerkers een training motiverende gespreksvoering laten volgen;
- de eerste aanmaning herschreven op B1-niveau, met een foto van de eigen medewerker erop.

De privacyfunctionaris van de gemeente heeft het proces vooraf getoetst. Na het eerste jaar is de aanpak geëvalueerd door een externe onderzoeker.`,
    results: `Na twee jaar zien we duidelijke effecten:

- Het aantal overdrachten aan de deurwaarder daalde van 118 naar 70 per jaar (min 41 procent).
- Het aantal ontruimingsvonnissen ging van 14 naar 5; daadwerkelijke huisuitzettingen van 9 naar 3.
- 62 procent van de huurders die we binnen veertien dagen spraken, loste de achterstand binnen drie maanden op.
- 94 huishoudens zijn doorverwezen naar schuldhulpverlening, van wie er 71 een traject zijn gestart.

Minder meetbaar, maar net zo belangrijk: incassomedewerkers zeggen dat hun werk zinvoller is geworden en het ziekteverzuim in het team daalde. Er zijn ook minpunten. De aanpak kost ongeveer 1,5 fte extra, en huisbezoeken lopen vertraging op in vakantieperiodes. Huurders met een wisselend inkomen, zoals zzp'ers en uitzendkrachten, bereiken we nog te laat.`,
    lessons: `- **Bel eerst, schrijf later.** Een telefoontje op dag vijf levert meer op dan drie brieven.
- **Leg privacyafspraken vooraf en op papier vast.** Het convenant gaf medewerkers de zekerheid dat ze signalen mochten delen.
- **Investeer in gesprekstechniek.** Medewerkers die gewend zijn aan incassoteksten moeten leren luisteren naar wat er achter een achterstand zit.
- **Reken het door.** Een ontruiming kost een corporatie al snel 7.000 tot 10.000 euro, los van de maatschappelijke kosten. Daarmee was de extra formatie bij de directie snel verantwoord.
- **Houd het proces simpel.** Onze eerste versie had zeven stappen die niemand onthield; de huidige versie past op één A4 aan de muur van het incassoteam.`,
    question: `Hoe bereiken jullie huurders met wisselende inkomsten, zoals zzp'ers en flexwerkers, voordat een huurachterstand oploopt? En hoe houden jullie de huisbezoeken overeind in vakantieperiodes?`,
    roles: ['verhuurder', 'samenwerkingspartner'],
    themes: ['incasso', 'schuldhulpverlening'],
    tags: ['vroegsignalering', 'huisbezoek', 'huurachterstand', 'convenant'],
    organization: DE_VAART,
    partners:
      'Gemeente Zaanstad (team schuldhulpverlening), Sociaal Wijkteam Zaanstad, drinkwaterbedrijf, twee energieleveranciers',
    region: 'Zaanstad',
    year: 2021,
    contact: 'Sanne de Vries, teamleider incasso',
    author: DEELNEMER,
    status: 'published',
  },
  {
    title: T_ONTRUIMING,
    summary: `In 2018 zetten we ruim dertig huishoudens uit hun woning wegens huurachterstand, onder wie negentien gezinnen met kinderen. Met een laatste-kansoverleg vóór elke ontruiming, een vaste contactpersoon bij het wijkteam en een tweede-kansovereenkomst halveerden we het aantal huisuitzettingen binnen drie jaar. We delen de werkwijze, de cijfers en de dilemma's die we onderweg tegenkwamen.`,
    context: `Woonpartners Zuidrand verhuurt ruim 14.000 woningen in Rotterdam-Zuid, waarvan een groot deel in wijken met veel huishoudens met een laag inkomen. In 2018 liep het incassoproces grotendeels automatisch: na een vonnis plande de deurwaarder de ontruiming en kwam het dossier pas weer bij ons terug als de sleutel was ingeleverd.

Dat jaar telden we **34 huisuitzettingen wegens huurachterstand**, waarvan 19 bij gezinnen met minderjarige kinderen. Achteraf bleek dat bij minstens de helft van die huishoudens hulpverlening betrokken was geweest, maar niemand had het totaalbeeld. De gemeente sprak in dezelfde periode uit dat geen gezin met kinderen meer op straat mocht belanden. Voor ons was dat het moment om het eigen proces kritisch te bekijken: wat doen we eigenlijk nog nadat de rechter heeft gesproken?`,
    approach: `We hebben drie dingen ingevoerd:

- **Laatste-kanstafel.** Elke twee weken bespreken de incassocoördinator, een medewerker van het wijkteam, een schuldhulpverlener van de Kredietbank en een wijkconsulent alle dossiers waarin een ontruimingsvonnis is uitgesproken. Niemand wordt ontruimd zonder dat deze tafel het dossier heeft gezien.
- **Tweede-kansovereenkomst.** Een huurder kan een overeenkomst tekenen waarin hij begeleiding accepteert, een betalingsregeling nakomt en de huur voortaan automatisch laat afschrijven. Houdt hij zich een jaar aan de afspraken, dan voeren we het vonnis niet uit.
- **Tekenbevoegdheid hoger in de organisatie.** Een ontruiming bij een gezin met kinderen moet worden goedgekeurd door de directeur Wonen.

We hebben de deurwaarder gevraagd om bij elk bezoek een foldertje van het wijkteam achter te laten en om ons direct te bellen als hij kinderen in de woning aantreft.`,
    results: `De resultaten na drie jaar:

- Huisuitzettingen wegens huurachterstand: van 34 (2018) naar 15 (2021).
- Ontruimingen bij gezinnen met kinderen: van 19 naar 4.
- Er zijn 46 tweede-kansovereenkomsten getekend; 37 daarvan zijn na een jaar succesvol afgerond.
- Gemiddeld schreven we per overeenkomst 1.150 euro aan achterstand af, tegenover geschatte kosten van 8.500 euro per ontruiming.

Niet alles ging goed. Een paar huurders zagen de overeenkomst als vrijbrief en liepen opnieuw achter. Bij twee dossiers duurde het overleg zo lang dat de achterstand verder opliep en de oplossing moeilijker werd. Ook de deurwaarder moest wennen: zijn werk werd minder voorspelbaar.`,
    lessons: `- **Een vonnis is geen eindpunt.** Juist na het vonnis is de motivatie van huurders om mee te werken vaak het grootst.
- **Maak één partij eigenaar van het totaalbeeld.** Bij ons is dat de incassocoördinator, niet het wijkteam.
- **Stel een termijn aan het overleg.** We hanteren nu maximaal zes weken tussen vonnis en besluit.
- **Wees eerlijk over grenzen.** Een tweede kans betekent niet een derde en vierde kans; dat vertellen we huurders ook zo.
- Betrek de deurwaarder als partner, niet alleen als uitvoerder. Hij ziet dingen achter de voordeur die wij niet zien.`,
    question: `Werken jullie ook met een tweede-kansovereenkomst na een ontruimingsvonnis? Hoe gaan jullie om met huurders die na zo'n overeenkomst opnieuw een achterstand oplopen?`,
    roles: ['verhuurder'],
    themes: ['incasso', 'kwetsbare-groepen'],
    tags: ['huisuitzetting', 'ontruiming', 'tweede kans', 'gezinnen met kinderen'],
    organization: ZUIDRAND,
    partners: 'Gemeente Rotterdam, wijkteams Rotterdam-Zuid, Kredietbank, deurwaarderskantoor',
    region: 'Rotterdam-Zuid',
    year: 2019,
    contact: 'Fatima Ouali, beleidsadviseur wonen',
    author: FATIMA,
    status: 'published',
  },
  {
    title: T_SCHULDHULP,
    summary: `Huurders met schulden vinden de weg naar schuldhulpverlening vaak pas als het te laat is. Daarom houdt de Gemeentelijke Kredietbank sinds 2022 elke dinsdagochtend spreekuur in ons wijkkantoor in Selwerd, naast de balie van de woonconsulenten. In het eerste jaar kwamen 212 bezoekers langs, van wie 87 een schuldhulptraject startten. We laten zien hoe laagdrempelig werken in de praktijk uitpakt.`,
    context: `In de Groningse wijk Selwerd heeft ongeveer één op de vijf huurders van Noorderhuis Wonen weleens een betalingsachterstand. Onze woonconsulenten verwezen huurders met schulden door naar de Kredietbank, maar dat bleek een grote stap. Uit een steekproef van 60 doorverwijzingen in 2021 bleek dat maar 17 huurders zich daadwerkelijk hadden aangemeld.

Huurders gaven daar verschillende redenen voor:

- schaamte om naar een gemeentelijk loket in het centrum te gaan;
- onduidelijkheid over wat schuldhulpverlening inhoudt en wat het kost;
- het idee dat schuldhulp pas bedoeld is voor mensen met **echt grote schulden**.

Tegelijk zagen wij dat huurders wél naar ons wijkkantoor kwamen: om een reparatie te melden, een sleutel op te halen of een vraag te stellen over de huurtoeslag. Dat bracht ons op het idee om de schuldhulpverlening naar de huurders te brengen in plaats van andersom.`,
    approach: `Samen met de Kredietbank hebben we in het voorjaar van 2022 een pilot van één jaar opgezet.

- **Wekelijks inloopspreekuur** op dinsdagochtend in ons wijkkantoor, zonder afspraak. Een schuldhulpverlener en een vrijwilliger van het budgetmaatjesproject zijn aanwezig.
- **Warme overdracht**: een woonconsulent loopt met de huurder mee naar het spreekuur. Geen folder, maar een persoonlijke introductie.
- **Samen de post openen**: huurders mogen een tas ongeopende post meenemen. Dat bleek voor velen de eerste stap.
- **Korte lijnen**: de Kredietbank kan met toestemming van de huurder direct bij ons navragen hoe de huurachterstand ervoor staat en of een betalingsregeling mogelijk is.

De gemeente betaalt de inzet van de schuldhulpverlener; wij stellen de ruimte, de koffie en de tijd van de woonconsulenten beschikbaar. Elk kwartaal evalueren we de aantallen en de ervaringen.`,
    results: `In het eerste jaar:

- kwamen 212 bezoekers naar het spreekuur, waarvan 64 procent huurder van Noorderhuis Wonen;
- startten 87 bezoekers een schuldhulptraject, tegen 17 op 60 doorverwijzingen in 2021;
- was de gemiddelde schuld bij aanmelding 9.800 euro, ruim de helft van wat de Kredietbank gemiddeld ziet;
- werd bij 41 huurders een lopende huurachterstand omgezet in een betalingsregeling.

Opvallend was dat ook buurtbewoners die geen huurder zijn langskwamen, onder wie eigenaar-bewoners met betalingsproblemen. De Kredietbank ziet het spreekuur als goede plek voor vroegsignalering. Een nadeel: op drukke ochtenden was de wachtruimte te klein en schoven huurders met een reparatieverzoek aan tussen mensen die over hun financiële zorgen kwamen praten.`,
    lessons: `- **Locatie doet ertoe.** Een vertrouwde plek in de wijk verlaagt de drempel meer dan welke campagne ook.
- **Persoonlijk meelopen werkt beter dan verwijzen.** De warme overdracht was de belangrijkste succesfactor.
- **Regel privacy goed.** Huurders tekenen een toestemmingsformulier; zonder dat formulier delen we niets.
- **Zorg voor een aparte ruimte.** Praten over schulden in een open wachtruimte is niet prettig; inmiddels hebben we een spreekkamer ingericht.
- **Denk na over bereik buiten je eigen huurders.** Het spreekuur trekt de hele buurt, en dat is prima, maar spreek met de gemeente af wie daarvoor betaalt.`,
    question: `Hoe verdelen jullie de kosten van een gezamenlijk spreekuur met de gemeente, zeker als ook niet-huurders er gebruik van maken? En hebben jullie ervaring met spreekuren voor jongeren met schulden?`,
    roles: ['samenwerkingspartner'],
    themes: ['schuldhulpverlening', 'incasso'],
    tags: ['kredietbank', 'spreekuur', 'betalingsachterstand', 'wijkkantoor'],
    organization: NOORDERHUIS,
    partners:
      'Gemeentelijke Kredietbank Groningen, gemeente Groningen, budgetmaatjesproject, WIJ-team Selwerd',
    region: 'Groningen (Selwerd)',
    year: 2022,
    contact: 'Jeroen Mulder, woonconsulent',
    author: JEROEN,
    status: 'published',
  },
  {
    title: T_FUNDERING,
    summary: `Door de aardbevingsproblematiek moesten 86 jarendertigwoningen in Appingedam worden versterkt, inclusief funderingsherstel. We combineerden de versterking met verduurzaming en lieten bewoners kiezen tussen tijdelijk verhuizen naar een wisselwoning of blijven wonen tijdens het werk. Deze casus gaat over de regie als opdrachtgever, de bewonersbegeleiding en de lessen over planning in een gebied waar vertrouwen schaars is.`,
    context: `De woningen in de wijk Opwierde-Zuid zijn gebouwd rond 1935, op staal gefundeerd op een kleilaag. Na de beoordeling door de Nationaal Coördinator Groningen in 2017 bleek dat 86 van onze woningen niet voldeden aan de veiligheidsnorm. Het advies: versterken, en bij een deel van de woningen **de fundering vervangen**.

Bewoners hadden al jaren te maken met schademeldingen, inspecties en uitgestelde besluiten. Het vertrouwen in instanties was laag; in een eerste bewonersavond werd ons letterlijk gevraagd waarom het nu wél zou gebeuren. Tegelijk wilden we als corporatie niet twee keer in dezelfde woning aan de slag: eerst versterken en over vijf jaar opnieuw voor de verduurzaming.

Daarmee stonden we als opdrachtgever voor een complexe opgave: een versterkingsprogramma met strakke kaders, een verduurzamingsambitie, een aannemerscombinatie en 86 huishoudens met elk hun eigen situatie.`,
    approach: `We kozen voor één integraal project met één aanspreekpunt voor bewoners.

- **Eén bouwteam**: een aannemerscombinatie, een constructeur en ons eigen projectteam werkten vanaf het ontwerp samen. De versterking en de verduurzaming naar label A werden in één ingreep uitgevoerd.
- **Keuze voor bewoners**: bij funderingsherstel moet de begane grond leeg. Bewoners konden kiezen voor een gemeubileerde wisselwoning in een tijdelijk paviljoen aan de rand van de wijk, of voor een logeerregeling bij familie met een vergoeding.
- **Vaste bewonersbegeleider** per blok van twaalf woningen, met een telefoonnummer dat ook 's avonds werd opgenomen.
- **Proefwoning**: een leeggekomen woning werd als eerste aangepakt en opengesteld, zodat bewoners konden zien wat er gebeurt.

Voor de aanpak van het funderingsherstel gingen we op bezoek bij een corporatie in Zuid-Limburg, die ervaring had met mijnschade aan woningen.

De verhuiskostenvergoeding volgde de wettelijke regeling; daarbovenop kregen bewoners een vast bedrag voor ongemak.`,
    results: `Het project is eind 2021 opgeleverd, een halfjaar later dan gepland.

- Alle 86 woningen voldoen aan de veiligheidsnorm en hebben label A.
- 71 huishoudens kozen voor de wisselwoning, 15 voor een logeerregeling.
- De gemiddelde verblijfsduur in de wisselwoning was elf weken, tegen acht weken gepland.
- In de eindevaluatie gaven bewoners de bewonersbegeleiding een 8,1 en de planning een 5,9.

De vertraging ontstond vooral door funderingsproblemen die pas na het openbreken zichtbaar werden en door levertijden van materialen. Drie oudere bewoners zijn tijdens het traject definitief verhuisd naar een seniorenwoning, op eigen verzoek. De energielasten van bewoners daalden gemiddeld met 52 euro per maand.`,
    lessons: `- **Communiceer onzekerheid eerlijk.** Bij funderingsherstel weet je pas wat je aantreft als je graaft. Geef bewoners bandbreedtes in plaats van harde data.
- **Investeer in de bewonersbegeleider.** In een gebied met veel wantrouwen is één vertrouwd gezicht meer waard dan een goede nieuwsbrief.
- **Combineer versterking en verduurzaming**, maar houd de financieringsstromen strikt gescheiden in je administratie; dat scheelde ons veel discussie bij de verantwoording.
- **Maak de wisselwoning aantrekkelijk.** Een goede wisselwoning verlaagt de weerstand tegen tijdelijk verhuizen aanzienlijk.
- Leg afspraken met de aannemer over communicatie net zo scherp vast als afspraken over techniek.`,
    question: `Hoe gaan collega-corporaties om met planningen die door onvoorziene funderingsproblemen uitlopen? Welke afspraken maken jullie met aannemers over het delen van risico's en vertraging?`,
    roles: ['opdrachtgever'],
    themes: ['renovatie', 'onderhoud'],
    tags: [
      'aardbevingsproblematiek',
      'funderingsherstel',
      'versterking',
      'wisselwoning',
      'bewonersbegeleiding',
    ],
    organization: NOORDERHUIS,
    partners:
      'Nationaal Coördinator Groningen, gemeente Appingedam (nu Eemsdelta), aannemerscombinatie, constructeur, bewonerscommissie Opwierde-Zuid',
    region: 'Eemsdelta (Appingedam)',
    year: 2018,
    contact: 'Harm Wieringa, projectleider versterking',
    author: JEROEN,
    status: 'published',
  },
  {
    title: T_BEWOONDE_STAAT,
    summary: `In 2020 en 2021 renoveerden we 212 portiekwoningen uit 1964 in Purmerend van label E naar label A, terwijl de bewoners thuis bleven wonen. Met een bewonerscommissie die vanaf het eerste ontwerp meebeslist, een modelwoning en een vaste planning per portiek haalden we 84 procent instemming. We delen hoe we het draagvlak organiseerden en hoe we de overlast van de werkzaamheden beperkten.`,
    context: `Het complex in Purmerend-Overwhere bestaat uit 212 portiekwoningen in vier lange blokken van vier hoog. De woningen hadden enkel glas in de trappenhuizen, nauwelijks isolatie en veel klachten over **tocht, kou en schimmel**. In onze portefeuillestrategie stond het complex al jaren op de lijst voor verduurzaming.

Een eerder plan uit 2015, waarbij bewoners tijdelijk moesten verhuizen, strandde op verzet: een groot deel van de bewoners woont er al meer dan twintig jaar, veel van hen zijn ouder dan zeventig. Bovendien hadden bewoners weinig vertrouwen in de plannen, omdat toen pas in een laat stadium met ze was gesproken.

Voor een renovatievoorstel is de instemming van minstens 70 procent van de bewoners nodig. We wilden dat niet zien als een drempel die je moet halen, maar als een gesprek dat je vanaf het begin voert.`,
    approach: `We begonnen een jaar voor de geplande start met het oprichten van een bewonerscommissie van negen mensen, met een eigen onafhankelijke adviseur die wij betaalden.

- **Samen het ontwerp maken**: de commissie koos mee uit drie varianten voor gevelisolatie en ventilatie, en bepaalde dat bewoners zelf de kleur van de nieuwe voordeur mochten kiezen.
- **Modelwoning** in een leegstaande woning, elke zaterdag open.
- **Vaste planning per portiek**: vijf werkdagen binnen, daarna alleen nog werk aan de buitenkant. Bewoners wisten weken vooraf precies welke dagen de badkamer buiten gebruik was.
- **Rustwoning** in elk blok: een ingerichte woning waar bewoners overdag konden zitten, koffie drinken en de wc gebruiken.
- **Huurverhoging** van 25 euro per maand, lager dan de verwachte besparing op de energierekening.

Alle bewoners kregen een huisbezoek van een bewonersconsulent, met een tolk waar nodig.`,
    results: `- 84 procent van de huishoudens stemde in met het renovatievoorstel.
- Alle woningen gingen van label E naar label A; de gemiddelde energierekening daalde met 38 euro per maand.
- Het werk duurde zestien maanden, twee maanden korter dan gepland.
- Er kwamen 143 klachten binnen tijdens de uitvoering, vooral over stof en geluid; 90 procent werd binnen een week afgehandeld.
- In de tevredenheidsmeting na oplevering gaven bewoners het project een 7,6.

De rustwoning werd veel meer gebruikt dan verwacht, vooral door ouderen en ouders met jonge kinderen. Twee huishoudens weigerden tot het laatst medewerking; met hen hebben we individuele afspraken gemaakt over een aangepaste uitvoering.`,
    lessons: `- **Begin vroeg en geef echte keuzes.** De kleur van de voordeur lijkt een detail, maar gaf bewoners het gevoel dat het hún renovatie was.
- **Een onafhankelijke adviseur voor de bewonerscommissie** kost geld, maar verdient zich terug in vertrouwen.
- **Voorspelbaarheid is belangrijker dan snelheid.** Bewoners accepteren overlast als ze weten wanneer die begint en eindigt.
- **Plan de rustwoning ruim in.** Wij hadden er eerst één voor het hele complex; dat was te weinig.
- Neem de aannemer mee naar bewonersavonden. Zijn uitvoerder werd het gezicht van het project en dat werkte goed.`,
    question: `Welke ervaringen hebben jullie met renoveren in bewoonde staat bij een oudere bewonersgroep? Hoe gaan jullie om met de laatste paar procent bewoners die niet willen meewerken?`,
    roles: ['opdrachtgever'],
    themes: ['renovatie', 'huurderbetrokkenheid'],
    tags: ['verduurzaming', 'bewoonde staat', 'bewonerscommissie', '70-procentregel'],
    organization: DE_VAART,
    partners: 'Bewonerscommissie Overwhere, onafhankelijk bewonersadviseur, aannemer, gemeente Purmerend',
    region: 'Purmerend',
    year: 2020,
    contact: 'Marieke Jansen, projectleider vastgoed',
    author: DEELNEMER,
    status: 'published',
  },
  {
    title: T_NOM,
    summary: `In 2017 bouwden we 48 eengezinswoningen uit 1973 in Barendrecht om tot nul-op-de-meterwoningen, gefinancierd met een energieprestatievergoeding. Vijf jaar monitoring laat zien dat de techniek doet wat beloofd is, maar dat bijna een derde van de huishoudens meer verbruikt dan de bundel. We delen de meetgegevens, de klachten over warmtepompen en onze afwegingen over betaalbaarheid.`,
    context: `Rond 2016 was nul-op-de-meter de grote belofte in de sector: een woning die over een jaar gemeten net zoveel energie opwekt als de bewoners verbruiken. Met de energieprestatievergoeding (EPV) konden we een deel van de investering terugverdienen via een maandelijkse vergoeding van de huurder, in plaats van via de energierekening.

Ons complex in Barendrecht, 48 rijwoningen met slechte isolatie en oude cv-ketels, leek ideaal: eenvoudige plattegronden, een gunstige dakoriëntatie en een bewonersgroep die grotendeels openstond voor vernieuwing. We wilden niet alleen verduurzamen, maar ook bewijzen dat dit **betaalbaar kon zijn voor huurders met een laag inkomen**. Vooraf beloofden we dat de woonlasten (huur, EPV en energie samen) niet omhoog zouden gaan bij normaal gebruik.`,
    approach: `We werkten met een bouwteam dat een complete schil leverde: nieuwe gevels, een geïsoleerd dak vol zonnepanelen, een warmtepomp met boiler en balansventilatie.

- Elke woning werd in tien werkdagen omgebouwd; bewoners verbleven overdag in een ingerichte wisselwoning.
- Per woning werd een **energiebundel** afgesproken op basis van het gezinsformaat. Binnen de bundel betaalde de bewoner alleen de EPV.
- We installeerden een monitoringsysteem en gaven bewoners een app met hun verbruik.
- Een energiecoach bezocht elk huishouden twee keer in het eerste jaar.

We monitoren de woningen sinds oplevering en bespreken de resultaten jaarlijks met de bewonerscommissie.`,
    results: `Na vijf jaar meten:

- Gemiddeld wekken de woningen 103 procent op van het verbruik; de techniek presteert dus.
- 31 procent van de huishoudens zat in minstens één jaar boven de bundel, vooral grote gezinnen en thuiswerkers tijdens de coronaperiode.
- De gemiddelde woonlasten daalden met 22 euro per maand; voor de huishoudens boven de bundel stegen ze gemiddeld met 14 euro.
- Er kwamen 37 klachten over geluid van de buitenunit van de warmtepomp; bij 12 woningen moesten we de unit verplaatsen.

Het project werd goed ontvangen in de vakpers, maar de schaal bleef beperkt: de kosten per woning lagen rond de 78.000 euro, en zonder subsidie was het project niet rond gekomen.`,
    lessons: `- **De techniek is niet het probleem, het gebruik is het.** Investeer minstens zoveel in begeleiding als in installaties.
- **Wees voorzichtig met woonlastengaranties.** Een bundel die voor een gemiddeld huishouden klopt, knelt voor een gezin met vier tieners.
- **Denk vooraf na over geluid.** Een buitenunit naast de slaapkamer van de buren levert jarenlang gedoe op.
- **Monitor lang genoeg.** Pas na drie jaar zagen we de patronen echt.
- Bij een volgende ronde zouden we kiezen voor een minder ambitieus maar beter opschaalbaar concept.`,
    question: `Hoe gaan jullie om met huurders die structureel boven hun energiebundel zitten? Passen jullie de bundel aan of zien jullie dat als verantwoordelijkheid van de huurder?`,
    roles: ['opdrachtgever', 'ontwikkelaar'],
    themes: ['renovatie', 'betaalbaarheid'],
    tags: ['nul-op-de-meter', 'energieprestatievergoeding', 'warmtepomp', 'monitoring'],
    organization: ZUIDRAND,
    partners: 'Bouwteam (aannemer en installateur), bewonerscommissie, energiecoaches, gemeente Barendrecht',
    region: 'Barendrecht',
    year: 2017,
    contact: 'Bas Verhoeven, projectmanager duurzaamheid',
    author: FATIMA,
    status: 'published',
  },
  {
    title: 'Housing First in de Zaanstreek: twaalf woningen, twaalf verhalen',
    summary: `Sinds 2019 bieden we samen met Stichting Wijkkracht twaalf dakloze mensen met complexe problemen direct een eigen huurwoning, zonder dat ze eerst moeten bewijzen dat ze woonvaardig zijn. Na vier jaar wonen tien van de twaalf nog zelfstandig. We beschrijven hoe we woningen selecteren, hoe de begeleiding is geregeld en hoe we omgaan met buren en overlast.`,
    context: `De maatschappelijke opvang in de Zaanstreek werkte met een traptreden-model: eerst de nachtopvang, dan een tijdelijke kamer, dan begeleid wonen en pas daarna een eigen woning. Voor een groep mensen werkte dat niet. Zij vielen steeds terug, werden uit de opvang gezet of kwamen de trap nooit op.

In 2018 vroeg de gemeente Zaanstad ons mee te doen aan een pilot **Housing First**: mensen eerst een eigen woning geven, met intensieve begeleiding die blijft zolang het nodig is. Voor onze organisatie was dat spannend. Het ging om mensen met verslavingsproblematiek, psychiatrische problemen of een verleden van overlast. Collega's in het verhuurteam vroegen zich hardop af of we onze andere huurders daarmee geen onrecht deden. Tegelijk zagen we dat het huidige systeem juist veel overlast en kosten opleverde.`,
    approach: `We spraken met Stichting Wijkkracht en de gemeente een aantal uitgangspunten af:

- **Gewone huurwoningen, verspreid over de stad.** Maximaal één Housing First-woning per portiek en geen concentratie in kwetsbare buurten.
- **Gewoon huurcontract**, op naam van de huurder, met een aanvullende begeleidingsovereenkomst.
- **Begeleiding zo lang als nodig**, met een caseload van maximaal acht deelnemers per begeleider en 24 uur per dag bereikbaarheid.
- **Korte lijn bij signalen**: de wijkconsulent belt de begeleider bij elke melding van overlast of achterstand, nog voordat er een brief uitgaat.

Voor elke woning deden we vooraf een buurtscan met de wijkagent. We informeerden directe buren niet over de achtergrond van de nieuwe huurder, maar gaven ze wel het nummer van de begeleider voor het geval er iets was. Na twee jaar is de pilot geëvalueerd.`,
    results: `- Na vier jaar wonen 10 van de 12 deelnemers nog zelfstandig in hun woning.
- Eén deelnemer is na een psychose opgenomen en daarna doorgestroomd naar beschermd wonen; één huurovereenkomst is beëindigd na herhaalde ernstige overlast.
- Er kwamen in totaal 23 overlastmeldingen binnen, waarvan 19 in het eerste jaar.
- Bij 5 deelnemers ontstond een huurachterstand; alle 5 hebben die met hulp van de begeleider afgelost.

De gemeente berekende dat de kosten per deelnemer ongeveer 40 procent lager lagen dan in de maatschappelijke opvang. Voor ons als verhuurder waren de kosten vooral zichtbaar in extra uren van wijkconsulenten en in schilderwerk en herstel bij twee woningen.`,
    lessons: `- **Wonen is een voorwaarde voor herstel, geen beloning.** Dat inzicht moest ook intern landen.
- **Spreiding is cruciaal.** Een Housing First-woning in een portiek met al veel kwetsbare huurders gaat eerder mis.
- **Begeleiding moet echt intensief zijn.** Bij de woning die misging was de begeleider een maand afwezig zonder vervanging.
- **De eerste zes maanden zijn het spannendst.** Daarna nemen meldingen sterk af.
- Betrek de wijkconsulent als volwaardige partner; hij of zij is vaak de eerste die merkt dat het niet goed gaat.`,
    question: `Hoe zorgen jullie voor voldoende geschikte woningen voor Housing First zonder dat het ten koste gaat van andere woningzoekenden? En hoe informeren jullie buren, of juist niet?`,
    roles: ['verhuurder', 'samenwerkingspartner'],
    themes: ['kwetsbare-groepen', 'zorg-en-welzijn'],
    tags: ['housing first', 'dakloosheid', 'ggz', 'begeleiding'],
    organization: DE_VAART,
    partners: 'Stichting Wijkkracht Zorg & Welzijn, gemeente Zaanstad, GGZ-instelling, wijkagenten',
    region: 'Zaanstad',
    year: 2019,
    contact: 'Kees Brouwer, wijkconsulent bijzondere doelgroepen',
    author: DEELNEMER,
    status: 'published',
  },
  {
    title: 'Statushouders huisvesten in een krimpdorp: van taakstelling naar thuisgevoel',
    summary: `In 2016 moesten we in een paar maanden 38 statushouders huisvesten in dorpen in Het Hogeland, waar al jaren woningen leegstonden. Met taalmaatjes van Vluchtelingenwerk, een welkomstbezoek van dorpsbewoners en afspraken met de school kregen nieuwkomers een plek. Na drie jaar woonde nog maar de helft in het dorp. Deze casus is gearchiveerd omdat de aanpak inmiddels is vervangen door regionaal beleid.`,
    context: `In 2015 en 2016 kwamen er in Nederland veel vluchtelingen, vooral uit Syrië en Eritrea. Gemeenten kregen een forse **taakstelling** voor het huisvesten van vergunninghouders. De gemeente vroeg Noorderhuis Wonen om een groot deel daarvan in te vullen.

In de kleine kernen van wat nu Het Hogeland is stonden woningen leeg door krimp. Op papier was dat een oplossing, maar er waren zorgen:

- de afstand tot taallessen, werk en voorzieningen in de stad;
- beperkt openbaar vervoer, zeker 's avonds;
- onrust in een paar dorpen, waar bewoners vonden dat er over hun hoofden heen werd besloten;
- het risico dat statushouders snel zouden vertrekken naar de stad, waardoor de leegstand terugkwam.

We wilden de leegstaande woningen inzetten, maar wel op een manier die het dorp en de nieuwkomers allebei iets opleverde.`,
    approach: `Samen met Vluchtelingenwerk Noord Nederland, de gemeente en dorpsbelangen hebben we per dorp een plan gemaakt.

- **Informatieavond vóór de toewijzing**, met het verhaal van een eerder gevestigde statushouder.
- **Welkomstbezoek** door een dorpsbewoner en een medewerker van Vluchtelingenwerk binnen een week na de sleuteloverdracht.
- **Taalmaatjes** uit het dorp, die wekelijks langskwamen.
- **Afspraken met de basisschool** over de opvang van kinderen, met extra uren taalondersteuning betaald door de gemeente.
- **Fietsen en een fietscursus**, gesponsord door de plaatselijke fietsenmaker.

We wezen maximaal drie huishoudens per dorp toe, zodat nieuwkomers niet als groep apart kwamen te staan.`,
    results: `- In 2016 zijn 38 statushouders (14 huishoudens) gehuisvest in zes dorpen.
- 31 van hen hadden binnen drie maanden een taalmaatje.
- Na drie jaar woonden nog 7 van de 14 huishoudens in het dorp; de andere zeven zijn naar de stad Groningen verhuisd, vooral voor werk en opleiding.
- De leegstand in de betrokken dorpen daalde tijdelijk, maar nam daarna weer toe.

In twee dorpen ontstonden duurzame vriendschappen en draaien de nieuwkomers inmiddels mee in de dorpsvereniging. In één dorp bleef het ongemakkelijk; daar hebben we later geen statushouders meer gehuisvest.`,
    lessons: `- **Bereid het dorp voor, niet alleen de nieuwkomer.** De informatieavonden maakten veel verschil.
- **Wees realistisch over blijven.** Jonge mensen trekken naar werk en opleiding; dat is geen mislukking maar een normale wooncarrière.
- **Vervoer is de onderschatte factor.** Zonder goede verbinding wordt taal leren en werk vinden erg moeilijk.
- **Werk met kleine aantallen per kern.** Drie huishoudens per dorp was een goede maat.
- De aanpak is inmiddels vervangen door een regionale verdeling van vergunninghouders, die meer rekening houdt met werk en onderwijs.`,
    question: `Is er nog belangstelling voor ervaringen met het huisvesten van statushouders in kleine kernen, nu de vraag weer toeneemt? Wij zijn benieuwd hoe anderen omgaan met doorstroming naar de stad.`,
    roles: ['verhuurder'],
    themes: ['kwetsbare-groepen', 'leefbaarheid'],
    tags: ['statushouders', 'vergunninghouders', 'vluchtelingenwerk', 'krimp'],
    organization: NOORDERHUIS,
    partners:
      'Vluchtelingenwerk Noord Nederland, gemeente, dorpsbelangen, basisscholen, plaatselijke ondernemers',
    region: 'Het Hogeland',
    year: 2016,
    contact: 'Anneke Dijkstra, woonconsulent dorpen',
    author: JEROEN,
    status: 'archived',
  },
  {
    title: 'Hennepkwekerij ontdekt: van sluiting naar tweede kans',
    summary: `In 2021 troffen we in Rotterdam-Zuid 27 hennepkwekerijen aan in onze woningen. Ons beleid was simpel: huurovereenkomst ontbinden. Maar bij een deel van de huurders bleek de kwekerij onder druk van criminelen te zijn geplaatst. Met politie, gemeente en het wijkteam ontwikkelden we een afwegingskader dat ruimte laat voor een tweede kans, zonder dat we naïef worden over ondermijning.`,
    context: `Hennepteelt in huurwoningen is een serieus probleem: brandgevaar door illegale stroomaansluitingen, stankoverlast, schimmel en dreiging in de buurt. De burgemeester kan een woning sluiten, en als verhuurder vorderden we tot 2020 standaard ontbinding van de huurovereenkomst.

In 2020 kregen we twee dossiers die ons aan het denken zetten. Een alleenstaande moeder met schulden had een zolder beschikbaar gesteld nadat ze was bedreigd. Een oudere man met een lichte verstandelijke beperking bleek door zijn neef te zijn overgehaald. Beide huurders verloren hun woning en kwamen met hun problemen bij de gemeente terecht.

Tegelijk zagen we dat de signalen vaak al eerder bij ons binnenkwamen, bijvoorbeeld via klachten over stank of een opvallend hoog energieverbruik, maar dat we er niets mee deden.`,
    approach: `We hebben het beleid herzien in drie stappen:

1. **Signalen bundelen.** Meldingen over stank, afgeplakte ramen of warmte op het dak komen bij één medewerker ondermijning terecht, die ze bespreekt met de wijkagent.
2. **Afwegingskader na een vondst.** Bij elke kwekerij kijken we naar de omvang, de rol van de huurder, eerdere incidenten, de aanwezigheid van kinderen en aanwijzingen voor dwang of uitbuiting.
3. **Tweede-kanscontract** waar dat verantwoord is: de huurder verhuist naar een andere woning met een voorwaardelijk contract van twee jaar, begeleiding van het wijkteam en periodieke controles.

We hebben alle wijkconsulenten getraind in het herkennen van signalen en in veilig handelen. Het kader is afgestemd met de politie en het Openbaar Ministerie, zodat strafrechtelijke vervolging los blijft staan van onze keuze als verhuurder.`,
    results: `In 2021 en 2022:

- 27 respectievelijk 19 kwekerijen ontdekt, waarvan 40 procent na een signaal van onze eigen medewerkers;
- in 36 gevallen is de huurovereenkomst ontbonden;
- 10 huurders kregen een tweede-kanscontract; 8 van hen hebben het contract na twee jaar succesvol afgerond;
- bij 4 kwekerijen bleek sprake van uitbuiting; die zaken zijn doorgezet naar de politie.

Buurtbewoners reageerden wisselend. Sommigen vonden een tweede kans onterecht. Daarom verhuizen we de huurder altijd naar een andere buurt, zodat de oude buren niet met dezelfde persoon verder moeten.`,
    lessons: `- **Niet iedere kweker is een crimineel ondernemer.** Kijk naar de persoon achter de kwekerij.
- **Zet het kader op papier en leg elk besluit vast.** Dat beschermt medewerkers en maakt het verdedigbaar bij de rechter.
- **Verhuizen is essentieel** voor een tweede kans; de druk van criminele netwerken blijft anders bestaan.
- **Train medewerkers in veiligheid.** Een wijkconsulent gaat nooit alleen een woning binnen waar een kwekerij wordt vermoed.
- Deel signalen snel met de wijkagent. Hoe eerder een kwekerij wordt ontdekt, hoe kleiner de schade.`,
    question: `Hoe gaan andere corporaties om met huurders die onder dwang een hennepkwekerij toelaten? Hebben jullie afspraken met het OM over het delen van informatie?`,
    roles: ['verhuurder'],
    themes: ['overlast', 'leefbaarheid'],
    tags: ['hennepkwekerij', 'ondermijning', 'huurbeëindiging', 'tweede kans'],
    organization: ZUIDRAND,
    partners:
      'Politie Rotterdam (wijkagenten), Openbaar Ministerie, gemeente Rotterdam, wijkteams, netbeheerder',
    region: 'Rotterdam-Zuid',
    year: 2021,
    contact: 'Dennis van Dijk, medewerker ondermijning',
    author: FATIMA,
    status: 'published',
  },
  {
    title: 'Buurtbemiddeling bij burenruzies: vrijwilligers die het gesprek openen',
    summary: `Burenruzies over geluid, kinderen of de tuin namen veel tijd van onze wijkconsulenten, zonder dat ze echt werden opgelost. Sinds 2018 verwijzen we zulke conflicten door naar buurtbemiddeling, uitgevoerd door getrainde vrijwilligers van Stichting Wijkkracht. Van de 146 aanmeldingen in twee jaar werd 68 procent opgelost of verbeterd. We delen de werkwijze en de grenzen van bemiddeling.`,
    context: `Onze wijkconsulenten in Zaanstad en Wormerland kregen in 2017 bijna 400 meldingen van burenoverlast. Het ging vooral om **geluidsoverlast** (harde muziek, laminaatvloeren, ruzie), om kinderen die in het trappenhuis speelden en om tuinen die niet werden onderhouden.

De standaardreactie was een brief naar de veroorzaker. Dat leidde vaak tot escalatie: de ontvanger voelde zich beschuldigd en zocht op zijn beurt argumenten tegen de melder. Sommige dossiers liepen jaren door.

We merkten dat het in veel gevallen niet om kwade wil ging, maar om mensen die niet meer met elkaar praatten. Een wijkconsulent is voor beide partijen niet neutraal: hij is immers ook de verhuurder. Daarom zochten we een partij die onafhankelijk kon bemiddelen.`,
    approach: `Stichting Wijkkracht had al een klein team vrijwillige buurtbemiddelaars. We hebben afspraken gemaakt om dit uit te breiden.

- De gemeente en De Vaart financieren samen de coördinatie; Wijkkracht werft en traint de vrijwilligers.
- **Elk team bestaat uit twee bemiddelaars**, die eerst met beide partijen apart praten en daarna een gezamenlijk gesprek op neutraal terrein organiseren.
- De wijkconsulent verwijst door met toestemming van de melder en blijft op de achtergrond.
- Bij ernstige overlast, geweld, verslaving of psychiatrische problematiek is buurtbemiddeling niet geschikt en volgen we een ander traject.

Vrijwilligers volgen een training van vier dagdelen en krijgen elke twee maanden intervisie.`,
    results: `In 2018 en 2019:

- 146 aanmeldingen, waarvan 118 via De Vaart;
- in 68 procent van de zaken waar beide partijen meededen, is het conflict opgelost of sterk verbeterd;
- in 22 procent weigerde een van de partijen deel te nemen;
- de tijd die wijkconsulenten aan burenoverlast besteedden, daalde volgens hun eigen registratie met ongeveer een derde.

Het aantal vrijwilligers groeide van 8 naar 24. Opvallend veel bemiddelaars zijn zelf huurder. Een knelpunt is de wachttijd in drukke periodes, die kan oplopen tot zes weken.`,
    lessons: `- **Neutraliteit is de kern.** Huurders praten anders tegen een vrijwilliger dan tegen hun verhuurder.
- **Verwijs vroeg.** Hoe langer een conflict loopt, hoe moeilijker bemiddelen wordt.
- **Ken de grenzen.** Bemiddeling is geen oplossing voor overlast met een zorgachtergrond.
- **Investeer in de vrijwilligers.** Intervisie en waardering houden het team op peil.
- Laminaat blijft een bron van ellende; we hebben inmiddels in het huurreglement opgenomen dat geluidsisolerende ondervloeren verplicht zijn in bovenwoningen.

Tot slot: leg vast wat bemiddeling heeft opgeleverd, ook als het conflict niet helemaal is opgelost. Die registratie helpt bij een eventuele vervolgprocedure en laat de gemeente zien wat de investering waard is.`,
    question: `Hoe organiseren jullie vervolgtrajecten als buurtbemiddeling niet lukt of een partij weigert? Werken jullie met een escalatieladder?`,
    roles: ['samenwerkingspartner'],
    themes: ['overlast', 'leefbaarheid'],
    tags: ['buurtbemiddeling', 'burenoverlast', 'geluidsoverlast', 'vrijwilligers'],
    organization: DE_VAART,
    partners: 'Stichting Wijkkracht Zorg & Welzijn, gemeente Zaanstad, gemeente Wormerland',
    region: 'Zaanstad en Wormerland',
    year: 2018,
    contact: 'Linda Visser, wijkconsulent',
    author: DEELNEMER,
    status: 'published',
  },
  {
    title: 'Woonfraude opsporen met data en huisbezoeken',
    summary: `Onderhuur, illegale kamerverhuur en woningen die leegstaan terwijl iemand anders er staat ingeschreven: woonfraude onttrekt sociale huurwoningen aan woningzoekenden. Door gegevens uit de basisregistratie te koppelen en gericht huisbezoeken af te leggen, haalden we in drie jaar 53 woningen terug. Deze casus beschrijft de werkwijze, de privacyafwegingen en de reacties van huurders.`,
    context: `De wachttijd voor een sociale huurwoning in de stad Groningen liep in 2019 op tot ruim vier jaar. Tegelijk kregen we signalen dat een deel van onze woningen niet werd bewoond door de huurder zelf. Voorbeelden:

- woningen die werden **onderverhuurd** aan studenten, soms voor het dubbele van de huurprijs;
- huurders die samenwoonden met een partner elders en de woning aanhielden als investering;
- kortdurende verhuur aan toeristen via online platforms.

Onze wijkconsulenten hadden vermoedens, maar geen middelen om die te onderbouwen. Meldingen van buren kwamen binnen, maar bleven vaak liggen omdat niemand wist hoe verder te gaan. Bovendien wilden we niet dat huurders zich verdacht voelden of dat we op onderbuikgevoel werkten.`,
    approach: `We hebben in 2020 een team woonfraude opgezet met twee medewerkers en een jurist.

- **Datakoppeling met de gemeente**: op basis van een convenant vergelijken we ieder kwartaal onze huurdersgegevens met de basisregistratie personen. Afwijkingen (bijvoorbeeld meer ingeschreven volwassenen dan gebruikelijk, of een huurder die elders staat ingeschreven) leiden tot nader onderzoek.
- **Signalen uit de wijk**: een meldpunt, online en via de wijkconsulent.
- **Huisbezoek**: altijd met twee medewerkers, aangekondigd of onaangekondigd afhankelijk van het signaal.
- **Afhandeling**: bij bewezen fraude een vaststellingsovereenkomst voor vertrek of een procedure bij de kantonrechter.

De werkwijze is vooraf getoetst door onze functionaris gegevensbescherming en besproken met de huurdersvereniging.`,
    results: `Van 2020 tot en met 2022:

- 412 signalen onderzocht, waarvan 61 procent uit de datakoppeling;
- 53 woningen teruggehaald, vooral bij onderhuur en niet-bewoning;
- 14 rechtszaken, waarvan 12 gewonnen;
- bij 38 signalen bleek een zorgsituatie of tijdelijke afwezigheid (bijvoorbeeld ziekenhuisopname) de verklaring; die dossiers zijn gesloten met een excuus waar nodig.

De gemeente heeft ook boetes opgelegd aan enkele verhuurders van kamers. De opbrengst is niet alleen zichtbaar in woningen: signalen van fraude bij buren nemen toe, wat wij uitleggen als vertrouwen dat er iets mee gebeurt.`,
    lessons: `- **Data geeft richting, geen bewijs.** Een afwijking in de registratie is pas het begin van onderzoek.
- **Betrek de huurdersvereniging vroeg.** Hun kritische vragen over privacy maakten het proces beter.
- **Wees zorgvuldig met vermoedens.** Een onterechte verdenking beschadigt het vertrouwen; wij bieden dan altijd een gesprek en excuses aan.
- **Werk nauw samen met de gemeente.** Boetes en inschrijvingscontrole versterken elkaar.
- Communiceer successen in de huurderskrant: het ontmoedigt en laat zien dat woonfraude niet loont.

Achteraf hadden we eerder een jurist moeten betrekken. Een goed opgebouwd dossier, met verslagen van elk huisbezoek en foto's, bepaalt uiteindelijk of de kantonrechter de huurovereenkomst ontbindt.`,
    question: `Welke vormen van datakoppeling gebruiken andere corporaties voor het opsporen van woonfraude, en hoe hebben jullie de privacytoets ingericht?`,
    roles: ['verhuurder'],
    themes: ['leefbaarheid', 'betaalbaarheid'],
    tags: ['woonfraude', 'onderhuur', 'privacy', 'huisbezoek'],
    organization: NOORDERHUIS,
    partners: 'Gemeente Groningen (basisregistratie en handhaving), huurdersvereniging, advocatenkantoor',
    region: 'Groningen',
    year: 2020,
    contact: 'Martin Bos, medewerker woonfraude',
    author: JEROEN,
    status: 'published',
  },
  {
    title: 'Social return in onderhoudscontracten: vijf procent die ertoe doet',
    summary: `Sinds 2022 vragen we in al onze onderhoudscontracten boven de 250.000 euro dat aannemers 5 procent van de loonsom besteden aan social return. Samen met het Werkgeversservicepunt kregen 31 mensen met een afstand tot de arbeidsmarkt een werkplek, van wie 14 na een jaar nog in dienst waren. We beschrijven hoe we contracten opstellen, monitoren en waar aannemers tegenaan lopen.`,
    context: `Woonpartners Zuidrand besteedt jaarlijks ongeveer 60 miljoen euro aan onderhoud en renovatie. Een groot deel van dat werk gebeurt in wijken waar de werkloosheid hoog is. Toch zagen we weinig buurtbewoners terug op onze bouwplaatsen.

Social return was tot 2021 een vrijblijvende afspraak in onze aanbestedingen. Aannemers noemden mooie voornemens in hun inschrijving, maar we controleerden nauwelijks wat ervan terechtkwam. Bij een interne check bleek dat van de beloofde inzet ongeveer een kwart was gerealiseerd.

De gemeente Rotterdam hanteert al langer een social return-verplichting bij eigen opdrachten. We wilden aansluiten bij die systematiek, zodat aannemers niet met twee verschillende regimes te maken kregen, en vooral: **we wilden dat het werk echt mensen uit onze wijken hielp**.`,
    approach: `We hebben social return stevig in onze inkoop verankerd.

- **5 procent van de loonsom** van contracten boven de 250.000 euro, vastgelegd als contractverplichting, met een boeteclausule.
- **Flexibele invulling**: een leerwerkplek, een betaalde baan, een stage of inkoop bij een sociale onderneming telt allemaal mee, volgens een rekenmethode die we samen met de gemeente hebben vastgesteld.
- **Kandidaten via het Werkgeversservicepunt**, zodat aannemers niet zelf hoeven te zoeken.
- **Kwartaalmonitoring** door een eigen medewerker social return, die ook bouwplaatsen bezoekt en met deelnemers praat.
- **Jobcoaching** voor de eerste zes maanden, betaald uit de social return-verplichting.

Kleinere aannemers konden samen één leerwerkplek invullen via een gezamenlijk leerbedrijf.`,
    results: `In 2022 en 2023:

- 31 mensen aan het werk geholpen via social return, onder wie 11 jongeren zonder startkwalificatie en 9 statushouders;
- 14 deelnemers waren na een jaar nog bij dezelfde aannemer in dienst, 6 elders aan het werk;
- de gerealiseerde social return kwam uit op 87 procent van de afspraak, tegen ongeveer 25 procent daarvoor;
- twee keer is een boete opgelegd.

Aannemers waren aanvankelijk kritisch over de administratieve last. Na een jaar gaven de meeste aan dat de begeleiding via het Werkgeversservicepunt hen werk uit handen nam. Bij een aantal gespecialiseerde installatiebedrijven blijft invulling lastig omdat het werk veel vakkennis vraagt.`,
    lessons: `- **Maak social return een contractverplichting, geen wens.** Pas toen we gingen monitoren, veranderde er iets.
- **Sluit aan bij de systematiek van de gemeente.** Eén rekenmethode voorkomt discussie en dubbel werk.
- **Regel de begeleiding centraal.** Aannemers zijn bouwers, geen re-integratiebureaus.
- **Meet ook duurzaamheid van plaatsingen**, niet alleen het aantal gestarte trajecten.
- Vier successen: een deelnemer die nu zelf leerlingen begeleidt, is het beste argument voor de volgende aanbesteding.

Een laatste les: praat vooraf met aannemers over wat haalbaar is. Een marktconsultatie voor de aanbesteding leverde ons praktische ideeën op, zoals het bundelen van leerwerkplekken over meerdere kleine contracten.`,
    question: `Hoe meten jullie de maatschappelijke waarde van social return, bijvoorbeeld met een social return on investment-berekening? En hoe gaan jullie om met gespecialiseerde aannemers voor wie invulling lastig is?`,
    roles: ['opdrachtgever'],
    themes: ['social-return', 'onderhoud'],
    tags: ['social return on investment', 'aanbesteding', 'aannemer', 'leerwerkplek'],
    organization: ZUIDRAND,
    partners:
      'Gemeente Rotterdam, Werkgeversservicepunt Rijnmond, onderhoudsaannemers, sociale ondernemingen',
    region: 'Rotterdam-Zuid',
    year: 2022,
    contact: 'Youssef Amrani, adviseur inkoop en social return',
    author: FATIMA,
    status: 'published',
  },
  {
    title: 'Leerwerkbedrijf schilders: jongeren zonder diploma verven 400 voordeuren',
    summary: `In Hoogezand richtten we in 2019 samen met een schildersbedrijf, het ROC en de gemeente Midden-Groningen een leerwerkbedrijf op. Zestien jongeren zonder startkwalificatie leerden het vak door het schilderwerk van onze woningen uit te voeren. Negen haalden hun diploma, en bewoners zagen hun buurt zichtbaar opknappen. We delen de opzet, de kosten en de lessen.`,
    context: `Midden-Groningen heeft relatief veel jongeren die zonder startkwalificatie van school gaan. Tegelijk hadden schildersbedrijven in de regio moeite om personeel te vinden. Bij Noorderhuis Wonen stond een grote ronde planmatig schilderwerk gepland in de wijken van Hoogezand en Sappemeer.

We vroegen ons af of we die twee dingen konden verbinden. Social return was tot dan toe vooral een verplichting in de aanbesteding die aannemers met wisselend succes invulden. We wilden iets duurzamers: een plek waar jongeren echt een vak leren en waar de buurt de resultaten ziet.

Daarnaast speelde **leefbaarheid** een rol. In sommige straten was het schilderwerk sterk achterstallig en gaven bewoners aan dat de buurt er verwaarloosd uitzag.`,
    approach: `We zetten een leerwerkbedrijf op met vier partners:

- een **schildersbedrijf** dat de vakinhoudelijke begeleiding verzorgt, met twee leermeesters;
- het **ROC**, dat de theorielessen geeft en het diploma schilder niveau 2 afneemt;
- de **gemeente**, die de begeleiding en een deel van de loonkosten betaalt vanuit de Participatiewet;
- **Noorderhuis Wonen**, dat drie jaar lang een vaste hoeveelheid schilderwerk garandeert.

Jongeren werkten vier dagen per week in de wijk en gingen één dag naar school. Ze kregen een arbeidscontract met het minimumloon. Een jobcoach van de gemeente was twee dagdelen per week aanwezig. Bewoners werden vooraf geïnformeerd met een brief en een kennismaking op straat.`,
    results: `In drie jaar:

- namen 16 jongeren deel, van wie 9 hun diploma haalden en 7 daarna een baan kregen bij een schildersbedrijf;
- 4 jongeren stopten voortijdig, meestal door persoonlijke problemen;
- werden ruim 400 voordeuren, 260 kozijnen en 18 portieken geschilderd;
- gaven bewoners in een enquête het schilderwerk een 7,8 en de jongeren een 8,3 voor vriendelijkheid.

De kosten per geschilderde woning lagen ongeveer 12 procent hoger dan bij reguliere uitbesteding. Als we de besparing op uitkeringen meerekenen, is het project volgens de gemeente ruim terugverdiend. In de wijken merkten wijkconsulenten een positieve sfeer.`,
    lessons: `- **Garandeer werk voor meerdere jaren.** Zonder die zekerheid investeert geen schildersbedrijf in leermeesters.
- **De leermeester maakt het verschil.** Vakmanschap en geduld zijn even belangrijk.
- **Zichtbaarheid in de wijk werkt twee kanten op.** Jongeren zijn trots; bewoners zien dat er iets gebeurt.
- **Reken breder dan je eigen begroting.** De maatschappelijke opbrengst zit grotendeels bij de gemeente.
- Houd rekening met uitval en regel een vangnet met de jobcoach.

Als we opnieuw zouden beginnen, zouden we de bewoners in de straat nog actiever betrekken, bijvoorbeeld door hen de kleur van de voordeuren te laten kiezen. Trots op de buurt en trots op het vak versterken elkaar.`,
    question: `Wie heeft ervaring met een vergelijkbaar leerwerkbedrijf in andere vakken, zoals installatietechniek of groenonderhoud? Hoe hebben jullie de financiering na de pilotperiode geregeld?`,
    roles: ['opdrachtgever', 'samenwerkingspartner'],
    themes: ['social-return', 'leefbaarheid'],
    tags: ['leerwerktraject', 'jongeren', 'schilderwerk', 'participatiewet'],
    organization: NOORDERHUIS,
    partners: 'Gemeente Midden-Groningen, ROC, schildersbedrijf, jobcoaches',
    region: 'Midden-Groningen (Hoogezand-Sappemeer)',
    year: 2019,
    contact: 'Gerrit Hoekstra, projectleider onderhoud',
    author: JEROEN,
    status: 'published',
  },
  {
    title: 'Tiny houses op een tijdelijke kavel: flexwonen voor spoedzoekers',
    summary: `Op een braakliggend bedrijventerrein in Zaandam plaatsten we in 2022 24 tiny houses voor tien jaar. De woningen zijn bedoeld voor spoedzoekers, starters en statushouders, met tijdelijke huurcontracten van maximaal vijf jaar. Dankzij een gemengde bewonersgroep en een actieve beheercommissie ontstond een kleine gemeenschap. We delen de kosten, de bewonersselectie en de lessen over flexwonen.`,
    context: `De woningnood in de Zaanstreek is groot. Vooral mensen die snel een woning nodig hebben, bijvoorbeeld na een scheiding of na uitstroom uit de jeugdzorg, hebben weinig kans: de gemiddelde wachttijd voor een sociale huurwoning is negen jaar.

De gemeente Zaanstad had een stuk grond aan de rand van Zaandam dat pas over tien tot vijftien jaar zou worden herontwikkeld. Dat bood een kans voor **flexwonen**: snel te bouwen, verplaatsbare woningen. We wilden graag experimenteren, maar hadden ook vragen:

- Zijn tiny houses van circa 30 vierkante meter geschikt voor langer wonen?
- Hoe voorkom je dat een tijdelijke woonplek een plek wordt van mensen met alleen maar problemen?
- Wat gebeurt er als het tijdelijke contract afloopt?`,
    approach: `We kozen voor een gemengd concept.

- **24 tiny houses** van 28 tot 34 vierkante meter, met een eigen keuken, badkamer en een klein terras, geleverd door een fabrikant van modulaire woningen.
- **Gemengde bewoners**: 8 spoedzoekers, 8 starters onder de 28 jaar en 8 statushouders.
- **Tijdelijk huurcontract** van vijf jaar, met een huur van 480 euro inclusief servicekosten.
- **Motivatiegesprek** bij toewijzing: bewoners spreken af dat ze bijdragen aan het samenleven op het terrein.
- **Gezamenlijke ruimte** in een omgebouwde zeecontainer, met een wasmachine en een moestuin.

De gemeente verleende een omgevingsvergunning voor tien jaar en betaalde het bouwrijp maken van de grond.`,
    results: `Na twee jaar:

- De woningen werden binnen zeven maanden na het besluit opgeleverd.
- Alle 24 woningen zijn verhuurd; de bewonerstevredenheid is een 7,9.
- 5 bewoners zijn inmiddels doorgestroomd naar een reguliere woning.
- De stichtingskosten lagen op 96.000 euro per woning, hoger dan begroot door de kosten van de nutsaansluitingen.

De bewonerscommissie organiseert maandelijks een maaltijd en onderhoudt de moestuin. Er waren weinig overlastmeldingen. Een zorg is de doorstroming: zonder vervolgwoning dreigt een deel van de bewoners na vijf jaar opnieuw zonder dak te komen.`,
    lessons: `- **Mengen werkt, mits je selecteert op motivatie.** De mix gaf energie in plaats van problemen.
- **Reken nutsaansluitingen en grondwerk realistisch.** Die kosten vallen bij tijdelijke locaties vaak tegen.
- **Regel doorstroming vanaf het begin.** Tijdelijk wonen zonder perspectief verschuift het probleem.
- **Een gezamenlijke ruimte is onmisbaar**, ook als die klein is.
- Tiny houses zijn geen oplossing voor de woningnood, maar wel een waardevolle aanvulling voor specifieke groepen.

Onderschat ten slotte de bewonersselectie niet. Het motivatiegesprek kostte per kandidaat ruim een uur, maar de rustige sfeer op het terrein laat zien dat die tijd goed besteed is.`,
    question: `Welke afspraken maken jullie over doorstroming na afloop van een tijdelijk huurcontract bij flexwonen? En hoe verklaren jullie de hogere stichtingskosten aan de raad van commissarissen?`,
    roles: ['ontwikkelaar'],
    themes: ['woonconcepten', 'betaalbaarheid'],
    tags: ['tiny houses', 'flexwonen', 'spoedzoekers', 'tijdelijke huur'],
    organization: DE_VAART,
    partners: 'Gemeente Zaanstad, fabrikant modulaire woningen, Vluchtelingenwerk, bewonerscommissie',
    region: 'Zaanstad (Zaandam)',
    year: 2022,
    contact: 'Marieke Jansen, projectleider vastgoed',
    author: DEELNEMER,
    status: 'published',
  },
  {
    title: 'Mantelzorgwoning in de achtertuin: maatwerk voor een vader van 84',
    summary: `Een huurster in Delfzijl vroeg of haar vader van 84 in een mantelzorgwoning in haar achtertuin mocht wonen, zodat zij voor hem kon zorgen. Ons beleid had daar geen antwoord op. Samen met de gemeente en de huurster vonden we een oplossing, en inmiddels hebben we een regeling voor mantelzorgwoningen bij eengezinswoningen. We beschrijven de afwegingen en de praktische kwesties.`,
    context: `In 2023 kwam een huurster van een eengezinswoning in Delfzijl met een verzoek. Haar vader, weduwnaar en 84 jaar, woonde zelfstandig in een dorp twintig kilometer verderop, maar werd steeds afhankelijker. Zij zorgde al voor hem, maar reed daarvoor dagelijks heen en weer. Een verpleeghuisplaats was niet aan de orde, een seniorenwoning in de buurt was er niet.

Haar vraag: mag er een **mantelzorgwoning** in de achtertuin? De tuin was groot genoeg en de gemeente bleek zo'n woning onder voorwaarden vergunningvrij toe te staan.

Voor ons als verhuurder waren er veel vragen: wie is eigenaar van de unit, wat doet het met de huur, wie is verantwoordelijk voor aansluitingen, en wat gebeurt er als de zorg stopt of de huurster verhuist?`,
    approach: `We hebben het verzoek als pilot behandeld.

- **Afspraken vastgelegd in een allonge** bij het huurcontract: de unit is eigendom van de huurster, zij draagt de kosten van plaatsing en verwijdering.
- **Technische toets** door onze opzichter: de aansluitingen op riool, water en elektra lopen via de hoofdwoning, met aparte tussenmeters.
- **Geen extra huur**, wel een waarborgsom voor het herstel van de tuin.
- **Eindigen van de situatie**: binnen zes maanden na het eindigen van de mantelzorg wordt de unit verwijderd.
- **Buren** zijn vooraf geïnformeerd door de huurster; wij hebben een brief nagestuurd.

De gemeente Eemsdelta controleerde of de situatie voldeed aan de voorwaarden voor vergunningvrij bouwen en legde dat schriftelijk vast.`,
    results: `De unit werd binnen drie maanden geplaatst. De vader woont er inmiddels anderhalf jaar naar tevredenheid. De huurster geeft aan dat haar zorgtaak beter vol te houden is en dat ze minder reistijd heeft.

Naar aanleiding van deze casus hebben we een **regeling mantelzorgwoningen** opgesteld, met een standaard allonge en een checklist. Sindsdien zijn er vier nieuwe verzoeken binnengekomen; twee zijn gehonoreerd, één viel af omdat de tuin te klein was en één omdat de zorgvraag beter met thuiszorg kon worden opgevangen.

Ook de wijkverpleging is enthousiast: zij kunnen nu efficiënter bij beide bewoners langs. Wel ontstond discussie over de gemeentelijke belastingen voor de unit.`,
    lessons: `- **Beleid volgt praktijk.** Een enkel verzoek bracht ons tot een regeling die ook anderen helpt.
- **Leg eigendom en verwijdering vooraf vast.** Dat voorkomt conflicten als de situatie verandert.
- **Betrek de gemeente vroeg.** De voorwaarden voor vergunningvrij bouwen zijn precies; een toets vooraf geeft zekerheid.
- **Let op tussenmeters** voor energie en water, anders ontstaan er later discussies over de kosten.
- Mantelzorgwoningen zijn een aanvulling op, geen vervanging van, voldoende seniorenwoningen in de wijk.

Een praktische tip: neem in de allonge ook op wie verantwoordelijk is voor het onderhoud van de unit en voor de verzekering. Daarover kregen we bij de tweede aanvraag meteen vragen.`,
    question: `Hebben andere corporaties ervaring met mantelzorgwoningen bij huurwoningen? Hoe gaan jullie om met de waardering en de gemeentelijke belastingen van zo'n unit?`,
    roles: ['verhuurder', 'ontwikkelaar'],
    themes: ['woonconcepten', 'zorg-en-welzijn'],
    tags: ['mantelzorgwoning', 'mantelzorg', 'ouderen', 'maatwerk'],
    organization: NOORDERHUIS,
    partners: 'Gemeente Eemsdelta, wijkverpleging, leverancier mantelzorgunits',
    region: 'Eemsdelta (Delfzijl)',
    year: 2023,
    contact: 'Jeroen Mulder, woonconsulent',
    author: JEROEN,
    status: 'published',
  },
  {
    title: 'Collectief particulier opdrachtgeverschap met huurders: een wooncoöperatie in Zaandam',
    summary: `Een groep van 28 vijftigplussers wilde samen een hofje met sociale huurwoningen bouwen en zelf beheren. Sinds 2024 werken we met hun wooncoöperatie aan 22 woningen in Zaandam, waarbij wij de grond inbrengen en als achtervang fungeren. De casus beschrijft hoe we rollen en risico's verdelen en wat het vraagt om als corporatie een stap terug te doen.`,
    context: `In 2023 meldde zich een groep oudere inwoners van Zaandam bij ons. Zij wilden samen oud worden in een hofje, met eigen woningen rond een gezamenlijke tuin en een gemeenschappelijke ruimte. Het ging om mensen met een laag tot middeninkomen, voor wie kopen geen optie was.

De groep had zich verenigd in een **wooncoöperatie** en zocht een partner voor grond, financiering en bouwkennis. Collectief particulier opdrachtgeverschap is in Nederland vooral bekend bij koopwoningen; met huurwoningen is er weinig ervaring.

Voor De Vaart riep dat vragen op. Hoe passen we de woningtoewijzing in als de groep zelf bepaalt wie er komt wonen? Wat als de coöperatie financieel in de problemen komt? En willen we wel zeggenschap afstaan over woningen die we mede financieren?`,
    approach: `We hebben samen met de coöperatie en de gemeente een rolverdeling uitgewerkt:

- **De Vaart brengt de grond in** via een langjarige erfpacht en verstrekt een achtergestelde lening.
- **De coöperatie is opdrachtgever** voor het ontwerp en de bouw, begeleid door een procesbegeleider die gespecialiseerd is in wooncoöperaties.
- **Toewijzing**: de coöperatie kiest haar leden, maar alle woningen vallen binnen de regels voor sociale huur. De gemeente heeft hiervoor een experimenteerruimte vastgesteld.
- **Achtervang**: als de coöperatie ophoudt te bestaan, gaan de woningen tegen een vooraf bepaalde prijs over naar De Vaart.

De groep organiseert wekelijks werksessies. Wij nemen deel aan de stuurgroep en leveren kennis over beheer en onderhoud.`,
    results: `Het project loopt nog; de eerste paal is gepland voor 2026.

- Het schetsontwerp voor 22 woningen rond een hof is klaar en door de leden vastgesteld.
- De financiering is rond, met een lening van een gespecialiseerde financier en onze achtergestelde lening.
- De gemeente heeft de experimenteerruimte voor toewijzing goedgekeurd.
- Van de oorspronkelijke 28 leden zijn er 22 over; zes haakten af door de lange doorlooptijd.

Veel ideeën van de bewoners vonden hun weg naar het ontwerp, zoals een gedeelde logeerkamer en een werkplaats. Intern leidde het project tot discussies over de vraag hoeveel invloed we willen hebben.`,
    lessons: `- **Bepaal vooraf wat je wel en niet uit handen geeft.** Onduidelijkheid daarover kostte ons in het begin maanden.
- **Een goede procesbegeleider is goud waard.** Een groep enthousiaste mensen is nog geen professionele opdrachtgever.
- **Regel de achtervang zorgvuldig.** Dat geeft financiers en toezichthouders vertrouwen.
- **Houd rekening met een lange doorlooptijd.** Mensen van zeventig jaar willen niet tien jaar wachten.
- Een wooncoöperatie vraagt een andere houding van de corporatie: faciliteren in plaats van sturen.

Voor collega's die dit overwegen: zoek vroeg contact met de toezichthouder en met je eigen financiële afdeling. De constructie met erfpacht, achtergestelde lening en terugkoopregeling riep intern meer vragen op dan extern.`,
    question: `Welke corporaties hebben ervaring met wooncoöperaties of collectief particulier opdrachtgeverschap in de huur? Hoe hebben jullie de achtervang en de toewijzing juridisch vormgegeven?`,
    roles: ['ontwikkelaar', 'samenwerkingspartner'],
    themes: ['woonconcepten', 'huurderbetrokkenheid'],
    tags: ['wooncoöperatie', 'cpo', 'zelfbeheer', 'ouderen'],
    organization: DE_VAART,
    partners: 'Wooncoöperatie in oprichting, gemeente Zaanstad, procesbegeleider wooncoöperaties, financier',
    region: 'Zaanstad (Zaandam)',
    year: 2024,
    contact: 'Erik Smits, ontwikkelmanager',
    author: DEELNEMER,
    status: 'published',
  },
  {
    title: 'Seniorenwoningen met een ontmoetingsruimte: het Hofje aan de Dijk',
    summary: `In Ridderkerk bouwden we in 2020 36 nultredenwoningen voor senioren rond een binnentuin, met een ontmoetingsruimte die door de bewoners zelf wordt beheerd. Het doel: langer zelfstandig wonen en minder eenzaamheid. Na drie jaar geven bewoners aan minder eenzaam te zijn en is de ontmoetingsruimte vijf dagen per week open. We delen het concept, de kosten en de rol van de zorgpartner.`,
    context: `In Ridderkerk groeit het aantal inwoners boven de 75 jaar snel. Veel van hen wonen in eengezinswoningen met trappen en een grote tuin, vaak alleen. Tegelijk is het aantal plekken in verzorgingshuizen sterk afgenomen. Ouderen moeten dus langer thuis wonen, maar de woning en de omgeving zijn daar vaak niet op ingericht.

Uit gesprekken met huurders bleek dat **eenzaamheid** een groot probleem was. Een huurder zei: ik kan mijn boodschappen nog zelf doen, maar ik spreek soms drie dagen niemand.

We hadden een locatie aan de dijk waar een oud schoolgebouw was gesloopt. We wilden daar niet alleen woningen bouwen, maar een plek waar ouderen elkaar vanzelf tegenkomen. Het idee van een hofje, met voordeuren aan een gezamenlijke tuin, sprak ons en de gemeente aan.`,
    approach: `Het ontwerp kwam tot stand in samenspraak met een klankbordgroep van twaalf toekomstige bewoners.

- **36 nultredenwoningen** van 60 tot 70 vierkante meter, allemaal met de voordeur aan de binnentuin.
- **Een ontmoetingsruimte** met keuken, die wordt beheerd door een bewonersvereniging. Wij rekenen geen huur voor de ruimte; de bewoners betalen een kleine bijdrage via de servicekosten.
- **Een zorgpartner** houdt twee keer per week spreekuur in de ruimte en heeft een vaste wijkverpleegkundige voor het hofje.
- **Toewijzing** aan woningzoekenden van 65 jaar en ouder, met voorrang voor mensen die een eengezinswoning in de gemeente achterlaten.

Bij oplevering organiseerden we een kennismakingsdag en een reeks activiteiten om de groep op gang te helpen.`,
    results: `Na drie jaar:

- Alle 36 woningen zijn verhuurd; 24 bewoners lieten een eengezinswoning van ons achter, die weer beschikbaar kwam voor gezinnen.
- De ontmoetingsruimte is vijf dagen per week open, met activiteiten als koffieochtenden, een schilderclub en een wekelijkse maaltijd.
- In een vragenlijst gaf 71 procent van de bewoners aan zich minder eenzaam te voelen dan in hun vorige woning.
- Twee bewoners zijn verhuisd naar een verpleeghuis; de anderen wonen nog zelfstandig.

De bewonersvereniging draait goed, maar leunt op een kleine groep actieve vrijwilligers. Ook zijn er spanningen ontstaan over het gebruik van de tuin en over wie de ruimte mag gebruiken voor privé-feestjes.`,
    lessons: `- **Architectuur stuurt ontmoeting.** Voordeuren aan een gezamenlijke tuin doen meer dan welk activiteitenprogramma ook.
- **Doorstroming is een bijvangst met grote waarde.** Elke seniorenwoning maakte een gezinswoning vrij.
- **Zelfbeheer vraagt ondersteuning.** Een bewonersvereniging moet je helpen met reglementen en het verdelen van taken.
- **Maak vooraf afspraken over gebruik van gemeenschappelijke ruimtes**, ook voor privé-gebruik.
- Betrek een zorgpartner vanaf het ontwerp, niet pas bij oplevering.

Wat we een volgende keer anders zouden doen: de binnentuin groter maken en een aparte plek voor kleinkinderen inrichten. Juist bezoek van familie brengt leven in het hofje, en daar was in het ontwerp te weinig rekening mee gehouden.`,
    question: `Hoe houden andere corporaties ontmoetingsruimtes op de lange termijn levendig als de eerste generatie actieve bewoners ouder wordt? Wie betaalt bij jullie de exploitatie?`,
    roles: ['ontwikkelaar'],
    themes: ['woonconcepten', 'zorg-en-welzijn'],
    tags: ['seniorenwoningen', 'eenzaamheid', 'doorstroming', 'langer thuis'],
    organization: ZUIDRAND,
    partners:
      'Gemeente Ridderkerk, zorgorganisatie (wijkverpleging), bewonersvereniging Hofje aan de Dijk, architect',
    region: 'Ridderkerk',
    year: 2020,
    contact: 'Petra de Wit, projectontwikkelaar',
    author: FATIMA,
    status: 'published',
  },
  {
    title: 'Energiearmoede aanpakken met energiecoaches aan de keukentafel',
    summary: `Tijdens de energiecrisis van 2022 kwamen veel huurders in de problemen met hun energierekening. Naar voorbeeld van een corporatie in Twente zetten we samen met de gemeente Groningen energiecoaches in die bij 1.200 huishoudens langsgingen, kleine maatregelen aanbrachten en hielpen bij het aanvragen van toeslagen. Huishoudens bespaarden gemiddeld 180 euro per jaar, en 140 huurders werden doorverwezen naar schuldhulpverlening.`,
    context: `In het najaar van 2022 stegen de energieprijzen explosief. Bij Noorderhuis Wonen zagen we dat direct terug: het aantal huurders met een betalingsachterstand nam toe, en wijkconsulenten hoorden verhalen over mensen die de verwarming niet meer aanzetten.

Een groot deel van onze woningen heeft een label C of slechter. Verduurzamen kost tijd; we konden niet wachten tot alle woningen waren aangepakt. Tegelijk wisten we dat **energiearmoede** niet alleen over de woning gaat, maar ook over inkomen, gedrag en kennis. Veel huurders wisten niet dat ze recht hadden op de energietoeslag van de gemeente of hoe ze hun thermostaat konden instellen.

De gemeente Groningen had budget voor de aanpak van energiearmoede en zocht een partner om huishoudens te bereiken die ze zelf moeilijk bereikten.`,
    approach: `We hebben samen een keukentafelaanpak opgezet.

- **Energiecoaches**: 22 getrainde coaches, deels vrijwilligers en deels mensen via een participatietraject, gingen bij huurders langs.
- **Selectie van woningen**: we benaderden eerst huurders in woningen met label D of slechter en huishoudens met een lopende huurachterstand.
- **Kleine maatregelen** ter plekke: radiatorfolie, tochtstrips, ledlampen, een waterbesparende douchekop en het afstellen van de cv-ketel.
- **Hulp bij toeslagen**: coaches hielpen bij het aanvragen van de energietoeslag en checkten of de huurtoeslag klopte.
- **Doorverwijzing** naar schuldhulpverlening of het WIJ-team bij financiële zorgen.

De gemeente betaalde de coaches en de materialen; wij zorgden voor selectie, introductie en opvolging van technische gebreken. De opzet leenden we van een collega-corporatie in Twente, die al sinds 2019 met energiecoaches werkt.`,
    results: `Tussen oktober 2022 en december 2023:

- 1.200 keukentafelgesprekken, van de 2.100 benaderde huishoudens;
- een geschatte besparing van gemiddeld 180 euro per huishouden per jaar;
- 310 huishoudens die nog geen energietoeslag hadden, hebben die alsnog aangevraagd;
- 140 doorverwijzingen naar schuldhulpverlening;
- 86 meldingen van technische gebreken, zoals lekkende kozijnen en defecte ventilatie, die binnen vier weken zijn opgelost.

Coaches merkten dat het gesprek vaak over veel meer ging dan energie. Ook de coaches zelf hadden er baat bij: vijf van hen hebben inmiddels een betaalde baan. Lastig bleef het bereik onder huurders die de deur niet openden; juist daar vermoeden we de grootste problemen.`,
    lessons: `- **Energiearmoede is een financieel én technisch probleem.** Pak beide aan.
- **Een keukentafelgesprek opent deuren** die een brief nooit opent.
- **Volg technische gebreken direct op.** Anders verliest de coach geloofwaardigheid.
- **Selecteer slim**: begin bij de woningen en huishoudens waar het risico het grootst is.
- Kleine maatregelen lossen het probleem niet op; ze kopen tijd tot de woning echt verduurzaamd is.

Werk bovendien met coaches die de taal en de buurt kennen. Huurders lieten eerder iemand binnen die zelf in de wijk woonde, en meerdere coaches konden het gesprek in het Arabisch, Turks of Pools voeren.`,
    question: `Hoe zorgen jullie ervoor dat de aanpak van energiearmoede doorloopt nu de crisismaatregelen zijn afgelopen? En hoe meten jullie de besparing betrouwbaar?`,
    roles: ['samenwerkingspartner'],
    themes: ['betaalbaarheid', 'schuldhulpverlening'],
    tags: ['energiearmoede', 'energiecoach', 'energietoeslag', 'kleine maatregelen'],
    organization: NOORDERHUIS,
    partners: 'Gemeente Groningen, WIJ-teams, energiecoöperatie, Gemeentelijke Kredietbank Groningen',
    region: 'Groningen',
    year: 2023,
    contact: 'Lotte Kramer, adviseur duurzaamheid',
    author: JEROEN,
    status: 'published',
  },
  {
    title: 'Schimmel en vocht: van klachtenstroom naar wijkaanpak',
    summary: `In 2022 kregen we ruim 1.900 meldingen over schimmel en vocht, vooral in portiekwoningen in Rotterdam-Zuid. Lange tijd gaven we huurders ventilatieadvies, terwijl de oorzaak vaak bouwkundig was. Met een vochtteam, sensoren en een wijkaanpak per complex halveerden we het aantal herhaalmeldingen. We delen hoe we onze houding veranderden en wat het kostte.`,
    context: `Schimmel in huurwoningen kreeg in 2022 veel media-aandacht, en niet onterecht. Bij Woonpartners Zuidrand stegen de meldingen van **schimmel en vocht** van 1.100 in 2020 naar 1.930 in 2022. Opvallend was het aantal herhaalmeldingen: bij ruim een derde van de woningen kwam binnen een jaar opnieuw een melding.

Onze standaardreactie was een bezoek van een opzichter, het verwijderen van de schimmel en een folder over ventileren. In veel gevallen werd de oorzaak gezocht in het woongedrag: te weinig luchten, was drogen in huis. Huurders voelden zich daardoor niet serieus genomen, vooral gezinnen met kinderen met astma-klachten.

Een interne analyse liet zien dat de meeste meldingen in twintig complexen zaten, allemaal met een vergelijkbare bouwwijze en verouderde ventilatie.`,
    approach: `We hebben onze aanpak op drie niveaus aangepast:

- **Vochtteam**: twee gespecialiseerde opzichters die elke melding binnen vijf werkdagen bekijken, met een vochtmeter en een warmtecamera.
- **Sensoren**: in 150 woningen met herhaalmeldingen hebben we sensoren geplaatst die temperatuur en luchtvochtigheid meten. Huurders krijgen inzicht via een eenvoudige app.
- **Complexaanpak**: de twintig complexen met de meeste meldingen zijn versneld in het onderhoudsprogramma opgenomen, met nieuwe mechanische ventilatie, isolatie van koudebruggen en vervanging van slechte kozijnen.

Ook hebben we de communicatie aangepast: we spreken niet meer over woongedrag als eerste oorzaak, maar onderzoeken eerst de woning.`,
    results: `Na anderhalf jaar:

- daalde het aantal herhaalmeldingen met 52 procent;
- bleek bij 61 procent van de onderzochte woningen een bouwkundige oorzaak mee te spelen;
- zijn in twaalf van de twintig complexen de werkzaamheden afgerond;
- stegen de kosten voor vochtbestrijding met 3,2 miljoen euro, deels door het naar voren halen van onderhoud.

De sensordata leverden verrassende inzichten op: in een deel van de woningen was de luchtvochtigheid hoog doordat huurders uit zuinigheid de ventilatie uitzetten. Daarvoor hebben we samen met energiecoaches een aanpak opgezet. De klanttevredenheid over de afhandeling van vochtklachten steeg van 5,4 naar 7,1.`,
    lessons: `- **Begin bij de woning, niet bij de huurder.** Die houding verandert het hele gesprek.
- **Analyseer meldingen op complexniveau.** Patronen laten zien waar de echte problemen zitten.
- **Sensoren helpen**, maar alleen als je de data bespreekt met de huurder.
- **Let op de samenhang met energiearmoede.** Mensen die ventilatie uitzetten om te besparen, krijgen schimmel.
- Reserveer budget: een serieuze aanpak kost meer dan een schoonmaakbeurt en een folder.

Tot slot: train ook het klantcontactcentrum. De eerste reactie aan de telefoon bepaalt of een huurder zich serieus genomen voelt. Wij hebben de gespreksscripts herschreven, zodat medewerkers niet meer beginnen met vragen over luchten en wassen.`,
    question: `Welke ervaringen hebben jullie met vochtsensoren in huurwoningen? Hoe gaan jullie om met privacy en de vraag wie de data mag zien?`,
    roles: ['verhuurder', 'opdrachtgever'],
    themes: ['onderhoud', 'kwetsbare-groepen'],
    tags: ['schimmel', 'vocht', 'ventilatie', 'sensoren'],
    organization: ZUIDRAND,
    partners:
      'Onderhoudsaannemers, installateur ventilatiesystemen, GGD Rotterdam-Rijnmond, huurdersvereniging',
    region: 'Rotterdam-Zuid',
    year: 2023,
    contact: 'Ronald Kok, coördinator vochtteam',
    author: FATIMA,
    status: 'published',
  },
  {
    title: 'Planmatig onderhoud samen met de huurdersvereniging vaststellen',
    summary: `Sinds 2021 stellen we onze meerjarenonderhoudsbegroting op samen met de huurdersvereniging. Bewoners lopen mee met de jaarlijkse schouw, geven prioriteiten aan en krijgen inzicht in de keuzes die we maken. Dat leidde tot andere prioriteiten, minder klachten en een beter begrip voor het feit dat niet alles tegelijk kan. We beschrijven de werkwijze en de spanningen die het oplevert.`,
    context: `Bij De Vaart werd het planmatig onderhoud jarenlang bepaald door technici op basis van conditiemetingen. Huurders hoorden pas wat er ging gebeuren als de brief van de aannemer op de mat lag. Dat leidde tot onbegrip: waarom worden de kozijnen geschilderd, terwijl de lift al maanden hapert? Waarom wordt onze keuken pas over zes jaar vervangen?

De huurdersvereniging in Purmerend gaf in 2020 aan dat zij meer invloed wilde op het onderhoudsbeleid. Formeel heeft een huurdersorganisatie adviesrecht op het onderhoudsbeleid, maar in de praktijk bleef dat beperkt tot een jaarlijkse presentatie met veel tabellen.

We wilden het anders doen: niet alleen informeren, maar **samen afwegen**. Dat vroeg van onze technici een andere manier van werken.`,
    approach: `We introduceerden drie vernieuwingen:

- **Gezamenlijke schouw**: bij elke jaarlijkse inspectie van een complex loopt een bewoner mee, meestal iemand van de bewonerscommissie. Zij wijzen op dingen die technici niet zien, zoals een donkere hoek bij de fietsenstalling.
- **Prioriteitensessie**: in het najaar bespreken we met de huurdersvereniging de conceptbegroting. Zij mogen per complex één prioriteit naar voren halen, binnen het totale budget.
- **Begrijpelijke begroting**: de meerjarenonderhoudsbegroting wordt per complex samengevat op één pagina, met foto's.

Onze technici kregen een training in het voeren van gesprekken met bewoners. De huurdersvereniging kreeg een korte cursus onderhoudsplanning van een externe adviseur.`,
    results: `Na drie jaar:

- Er liepen bewoners mee bij 47 van de 62 schouwen;
- in 19 complexen is een onderdeel naar voren gehaald, vaak verlichting, hang- en sluitwerk of de entree;
- het aantal klachten over onderhoud daalde met 28 procent;
- de huurdersvereniging gaf voor het eerst een positief advies zonder aanvullende voorwaarden.

Technici waren in het begin sceptisch, maar zien nu de waarde van de bewonersblik. Wel kost het proces meer tijd: de begroting is een maand later klaar dan vroeger. Het lukt niet altijd om bewoners uit alle groepen te laten meelopen; jonge huurders en mensen die de taal minder goed spreken zijn ondervertegenwoordigd.`,
    lessons: `- **Inzicht geeft begrip.** Bewoners accepteren keuzes beter als ze zien hoe die tot stand komen.
- **Bewoners zien andere dingen dan technici**, vooral op het gebied van veiligheid en uitstraling.
- **Geef echte ruimte**, ook al is die beperkt. Eén prioriteit per complex is klein, maar wel echt.
- **Houd de begroting eenvoudig.** Eén pagina per complex werkt beter dan honderd pagina's tabellen.
- Zoek bewust naar manieren om ook minder zichtbare huurders te betrekken.

We experimenteren nu met korte inloopmomenten in de portiek, op een zaterdagochtend met koffie, en met een online vragenlijst over de conceptbegroting. De eerste ervaringen zijn positief, vooral onder jongere huurders.`,
    question: `Hoe betrekken jullie huurders bij de meerjarenonderhoudsbegroting, en hoe bereiken jullie de groepen die niet in een bewonerscommissie zitten?`,
    roles: ['opdrachtgever'],
    themes: ['onderhoud', 'huurderbetrokkenheid'],
    tags: ['planmatig onderhoud', 'huurdersvereniging', 'schouw', 'adviesrecht'],
    organization: DE_VAART,
    partners: 'Huurdersvereniging Purmerend, bewonerscommissies, externe adviseur onderhoudsplanning',
    region: 'Purmerend',
    year: 2021,
    contact: 'Wim de Boer, manager vastgoedonderhoud',
    author: DEELNEMER,
    status: 'published',
  },
  {
    title: 'Een digitaal bewonerspanel naast de bewonerscommissie',
    summary: `Onze bewonerscommissies bestaan vooral uit oudere, langer zittende huurders. Om ook jongere huurders en mensen met weinig tijd te bereiken, startten we in 2021 een online bewonerspanel. Inmiddels hebben 2.400 huurders zich aangemeld en geven zij enkele keren per jaar hun mening. We beschrijven hoe we het panel opzetten, hoe we het combineren met de huurdersvereniging en wat het opleverde.`,
    context: `Noorderhuis Wonen heeft ruim 20.000 huurders. De formele participatie loopt via de huurdersvereniging en ongeveer veertig bewonerscommissies. Dat werkt goed, maar het bereik is beperkt: de gemiddelde leeftijd van actieve leden is 67 jaar en jonge huurders, alleenstaande ouders en huurders met een migratieachtergrond zijn sterk ondervertegenwoordigd.

In de coronaperiode vielen veel fysieke bijeenkomsten weg. We zochten naar een manier om de stem van een bredere groep huurders te horen, **zonder de huurdersvereniging te passeren**. De huurdersvereniging was daar in eerste instantie terughoudend over: zou een panel hun positie niet ondermijnen?`,
    approach: `We kozen voor een gezamenlijke aanpak met de huurdersvereniging.

- **Het panel is van beide partijen**: de huurdersvereniging bepaalt mee welke onderwerpen worden voorgelegd en krijgt alle resultaten eerst.
- **Werving** via de huurderskrant, sociale media, wijkconsulenten en een kleine beloning: een kans op een bon voor de bouwmarkt.
- **Korte vragenlijsten**, maximaal tien minuten, vier tot zes keer per jaar.
- **Terugkoppeling**: na elke peiling een korte samenvatting van de resultaten en wat we ermee doen.
- **Vertaling** van de vragenlijsten in het Engels, Arabisch en Tigrinya.

Onderwerpen waren onder meer de huurverhoging, de inrichting van de nieuwe website, de aanpak van energiearmoede en ideeën voor de buitenruimte.`,
    results: `Na drie jaar:

- 2.400 panelleden, met een gemiddelde leeftijd van 44 jaar;
- een gemiddelde respons van 52 procent per peiling;
- 31 procent van de panelleden is jonger dan 35 jaar;
- vier beleidsbesluiten zijn aantoonbaar aangepast op basis van panelresultaten, zoals de openingstijden van het klantcontactcentrum.

De huurdersvereniging gebruikt de resultaten om haar adviezen te onderbouwen en heeft via het panel nieuwe leden geworven. Kritiekpunt is dat het panel een momentopname is: er is geen discussie, alleen een mening. Ook bereiken we digitaal minder vaardige huurders nog steeds slecht.`,
    lessons: `- **Een panel vervangt formele participatie niet, maar vult haar aan.** Zet de huurdersvereniging aan het stuur.
- **Terugkoppelen is essentieel.** Zonder zichtbaar resultaat haken panelleden af.
- **Houd vragenlijsten kort.** Na tien minuten stopt de helft.
- **Vertalen loont.** Het bereik onder huurders die de Nederlandse taal minder goed beheersen verdubbelde.
- Combineer digitaal en fysiek: gebruik panelresultaten als start van een gesprek in de wijk.

Een laatste les: wees zuinig op het panel. Te veel peilingen over te kleine onderwerpen leiden tot panelmoeheid. We bundelen vragen nu per kwartaal en bespreken vooraf met de huurdersvereniging welke onderwerpen het waard zijn.`,
    question: `Hoe zorgen jullie ervoor dat digitale participatie niet ten koste gaat van de positie van de huurdersorganisatie? En hoe bereiken jullie digitaal minder vaardige huurders?`,
    roles: ['verhuurder'],
    themes: ['huurderbetrokkenheid'],
    tags: ['bewonerspanel', 'participatie', 'jonge huurders', 'huurdersvereniging'],
    organization: NOORDERHUIS,
    partners: 'Huurdersvereniging, onderzoeksbureau, vertaalbureau',
    region: 'Groningen en omgeving',
    year: 2021,
    contact: 'Sophie Meijer, adviseur klant en participatie',
    author: JEROEN,
    status: 'published',
  },
  {
    title: 'Wijkteam en corporatie aan één tafel: het Zorgoverleg Zuid',
    summary: `Huurders met verward gedrag of psychische problemen veroorzaken soms ernstige overlast, maar de verhuurder staat vaak machteloos. In het Zorgoverleg Zuid bespreken we sinds 2018 maandelijks zulke situaties met wijkteam, GGZ en wijkagent. Van de 94 besproken huurders kregen 71 passende zorg en konden 64 blijven wonen. We delen de werkwijze, de privacyafspraken en de lastige casussen.`,
    context: `Wijkconsulenten van Woonpartners Zuidrand kregen regelmatig te maken met huurders die door psychische problemen overlast veroorzaakten: schreeuwen in het trappenhuis, vervuiling, dreigen tegen buren. Buren belden ons, de politie kwam langs, maar er gebeurde weinig structureels.

Het probleem was dat iedere partij een stukje zag:

- de **wijkconsulent** zag de overlast en de klachten van buren;
- het **wijkteam** had soms contact, maar geen inzicht in de overlast;
- de **GGZ** kende de huurder misschien, maar mocht weinig delen;
- de **wijkagent** kwam langs bij incidenten, maar kon niets doen zonder strafbaar feit.

Het gevolg was dat situaties escaleerden tot een ontruiming of een gedwongen opname, terwijl eerder ingrijpen veel leed had kunnen voorkomen.`,
    approach: `In 2018 startten we met een maandelijks **Zorgoverleg Zuid** in drie wijken.

- **Deelnemers**: wijkconsulent, wijkteammedewerker, GGZ-medewerker, wijkagent en, waar nodig, een medewerker van de verslavingszorg.
- **Casusoverleg**: elke deelnemer kan een situatie inbrengen. We maken een gezamenlijk plan met één regisseur.
- **Privacy**: we werken volgens een convenant met een privacyprotocol. Gegevens worden alleen gedeeld als dat nodig is voor het plan, en we informeren de huurder waar dat kan.
- **Opschaling**: als een plan niet werkt, gaat de casus naar het Zorg- en Veiligheidshuis.

De wijkconsulenten kregen een training in het herkennen van psychische problematiek en in de-escalerend optreden.`,
    results: `Van 2018 tot en met 2021:

- 94 huurders besproken;
- bij 71 huurders is passende zorg gestart of hervat;
- 64 huurders konden in hun woning blijven; 12 zijn verhuisd naar een passendere woonvorm;
- 8 huurovereenkomsten zijn uiteindelijk beëindigd;
- het aantal overlastmeldingen per besproken huurder daalde gemiddeld met 58 procent in het jaar na bespreking.

Het overleg vraagt tijd: per wijk ongeveer vier uur per maand per deelnemer, plus de uitvoering. Lastig blijven de huurders die zorg weigeren en geen gevaar vormen; dan ligt het probleem bij de buren.`,
    lessons: `- **Eén regisseur per casus** voorkomt dat iedereen op elkaar wacht.
- **Maak privacyafspraken concreet.** Het convenant gaf duidelijkheid, maar medewerkers moesten wel leren hoe ze het toepassen.
- **Investeer in de relatie tussen de deelnemers.** Vertrouwen maakt het overleg effectief.
- **Betrek de buren**: zij hebben lang geleden, en verdienen uitleg, ook als je niet alles kunt vertellen.
- Accepteer dat niet alles op te lossen is, en wees daar eerlijk over.

We zouden collega's ook aanraden om het overleg klein te houden. Met vijf vaste deelnemers blijft het een werkoverleg; zodra er tien mensen aan tafel zitten, wordt het een vergadering waarin weinig wordt besloten.`,
    question: `Hoe gaan jullie om met huurders die zorg weigeren terwijl de overlast voor buren blijft? Hebben jullie afspraken met de GGZ over bemoeizorg?`,
    roles: ['samenwerkingspartner'],
    themes: ['zorg-en-welzijn', 'kwetsbare-groepen', 'overlast'],
    tags: ['wijkteam', 'ggz', 'verward gedrag', 'casusoverleg'],
    organization: ZUIDRAND,
    partners:
      'Wijkteams Rotterdam-Zuid, GGZ-instelling, verslavingszorg, politie (wijkagenten), Zorg- en Veiligheidshuis',
    region: 'Rotterdam-Zuid',
    year: 2018,
    contact: 'Naima Bouzid, wijkconsulent',
    author: FATIMA,
    status: 'published',
  },
  {
    title: 'Woningaanpassing zonder wachtlijst: Wmo en corporatie delen de kosten',
    summary: `Huurders die een traplift, douchestoel of drempelhulp nodig hadden, wachtten gemiddeld negentien weken op een woningaanpassing via de Wmo. Sinds 2020 voeren we kleine aanpassingen tot 3.000 euro zelf direct uit, en verrekenen we de kosten met de gemeente Zaanstad. De doorlooptijd daalde naar zes weken. We beschrijven de afspraken, de verdeling van kosten en de ervaringen van huurders.`,
    context: `Ouderen en mensen met een beperking willen zo lang mogelijk thuis blijven wonen. Een **woningaanpassing** zoals een beugel bij het toilet, een verhoogde wc of het weghalen van drempels maakt dat vaak mogelijk. In Zaanstad liep dat via de Wmo: de huurder meldt zich bij de gemeente, er volgt een keukentafelgesprek, een indicatie, een offerte en pas daarna de uitvoering.

In 2019 duurde dat proces gemiddeld negentien weken. Voor kleine aanpassingen was dat onevenredig lang. Onze opzichters zagen huurders die in de tussentijd vielen, of die noodgedwongen tijdelijk bij familie introkken.

Tegelijk voerden wij zelf al veel van deze aanpassingen uit als onderdeel van ons onderhoud. De vraag was: kunnen we de route niet veel korter maken?`,
    approach: `Samen met de gemeente Zaanstad maakten we de volgende afspraken:

- **Kleine aanpassingen tot 3.000 euro** (zoals beugels, drempelhulpen, een douchezitje of een verhoogde toiletpot) voeren wij direct uit na een melding van de huurder of de Wmo-consulent.
- **Geen aparte indicatie** voor de meest voorkomende aanpassingen; een eenvoudige checklist volstaat.
- **Kostenverdeling**: aanpassingen die ook voor een volgende huurder nuttig zijn betalen wij; specifiek persoonsgebonden aanpassingen declareren we bij de gemeente.
- **Grotere aanpassingen**, zoals een traplift of een badkamerverbouwing, blijven via de Wmo lopen, maar met een vaste contactpersoon bij ons.

We registreren alle aanpassingen in ons vastgoedsysteem, zodat we bij mutatie weten welke woningen geschikt zijn voor mensen met een beperking.`,
    results: `Van 2020 tot en met 2022:

- 612 kleine woningaanpassingen uitgevoerd;
- de gemiddelde doorlooptijd daalde van negentien naar zes weken;
- 64 procent van de kosten kwam voor rekening van De Vaart, 36 procent werd gedeclareerd bij de gemeente;
- huurders waardeerden de snelheid met een 8,4.

Ook de gemeente is tevreden: Wmo-consulenten hebben meer tijd voor complexe situaties. Een bijkomend voordeel is dat we nu een overzicht hebben van 1.100 woningen met aanpassingen, wat helpt bij het toewijzen aan mensen die zo'n woning nodig hebben. Een knelpunt blijft de traplift, waarvoor de levertijden opliepen tot vier maanden.`,
    lessons: `- **Vereenvoudig de route voor veelvoorkomende aanpassingen.** Niet elke beugel heeft een indicatie nodig.
- **Maak heldere afspraken over wie wat betaalt.** Dat voorkomt discussie achteraf.
- **Registreer aanpassingen** in je vastgoedsysteem; het helpt bij de toewijzing.
- **Vertrouw op de professional.** Onze opzichters en de Wmo-consulenten kunnen prima inschatten wat nodig is.
- Blijf scherp op kwaliteit: snelheid mag niet ten koste gaan van een veilige installatie.

Een laatste tip: betrek de aannemer bij het opstellen van de checklist. Zijn monteurs zien in de praktijk welke aanpassingen vaak samen nodig zijn, zodat we bij één bezoek meerdere dingen tegelijk kunnen regelen.`,
    question: `Hebben andere corporaties vergelijkbare afspraken met hun gemeente over woningaanpassingen? Hoe gaan jullie om met aanpassingen die bij een volgende huurder weer moeten worden verwijderd?`,
    roles: ['verhuurder', 'samenwerkingspartner'],
    themes: ['zorg-en-welzijn', 'onderhoud'],
    tags: ['woningaanpassing', 'wmo', 'langer thuis', 'doorlooptijd'],
    organization: DE_VAART,
    partners: 'Gemeente Zaanstad (Wmo-team), installateur, leverancier trapliften',
    region: 'Zaanstad',
    year: 2020,
    contact: 'Ahmed Yilmaz, opzichter woningaanpassingen',
    author: DEELNEMER,
    status: 'published',
  },
  {
    title: 'Huurverlaging op maat voor huishoudens met een te hoge woonquote',
    summary: `In 2022 boden we huurders met een laag inkomen en een relatief hoge huur de mogelijkheid om een huurverlaging aan te vragen. Ruim 1.100 huishoudens kregen een lagere huur, gemiddeld 43 euro per maand. We beschrijven hoe we de doelgroep bepaalden, hoe we huurders bereikten en wat het effect was op huurachterstanden en betaalbaarheid.`,
    context: `De betaalbaarheid van wonen stond in 2022 onder druk. Door de stijgende energieprijzen en inflatie hielden veel huurders onvoldoende over voor andere noodzakelijke uitgaven. Bij Noorderhuis Wonen zagen we het aantal huurders met een achterstand stijgen.

Uit een analyse bleek dat een deel van onze huurders een **woonquote** had van meer dan 35 procent: ze besteedden meer dan een derde van hun inkomen aan huur. Het ging vaak om alleenstaanden en ouderen met alleen een AOW-uitkering, die in een relatief dure woning woonden omdat ze daar al lang zaten.

Er was al een landelijke regeling voor huurverlaging bij een laag inkomen, maar het bereik daarvan was beperkt. We wilden zelf een stap verder gaan en proactief huurders benaderen.`,
    approach: `We hebben een eigen regeling opgezet, aanvullend op de landelijke maatregelen.

- **Doelgroep**: huurders met een inkomen tot 120 procent van het sociaal minimum en een huur boven de aftoppingsgrens.
- **Proactief benaderen**: huurders die volgens onze gegevens mogelijk in aanmerking kwamen, kregen een persoonlijke brief en daarna een telefoontje.
- **Eenvoudige aanvraag**: een formulier van één pagina met een inkomensverklaring, of hulp van een woonconsulent bij het invullen.
- **Huurverlaging** naar de aftoppingsgrens, voor onbepaalde tijd zolang het inkomen laag blijft.
- **Koppeling aan incasso**: huurders met een betalingsachterstand werden gewezen op de regeling als onderdeel van het gesprek.

We hebben de regeling besproken met de huurdersvereniging, die actief meehielp bij de communicatie.`,
    results: `In 2022 en 2023:

- 1.840 huishoudens benaderd, waarvan 1.140 een huurverlaging kregen;
- gemiddelde verlaging: 43 euro per maand;
- totale kosten: ongeveer 590.000 euro per jaar aan gederfde huurinkomsten;
- het aantal huurachterstanden in de doelgroep daalde met 19 procent.

Huurders reageerden positief; sommigen wisten niet dat hun huur zo hoog was ten opzichte van hun inkomen. Er kwam ook kritiek van huurders die net boven de inkomensgrens vielen. De regeling heeft onze financiële ruimte voor verduurzaming beperkt, wat intern tot discussie leidde.`,
    lessons: `- **Proactief benaderen werkt.** Veel huurders zouden de regeling nooit zelf hebben gevonden.
- **Koppel betaalbaarheid aan incasso.** Een lagere huur voorkomt achterstanden.
- **Wees helder over de grenzen.** Een harde inkomensgrens voelt onrechtvaardig voor wie er net boven valt.
- **Maak de afweging expliciet.** Elke euro huurverlaging is een euro minder voor investeringen; bespreek dat open met huurders en toezichthouders.
- Evalueer jaarlijks of de doelgroep nog goed is afgebakend.

Ook leerden we dat een brief alleen niet genoeg is. De respons steeg sterk toen woonconsulenten huurders persoonlijk belden. Juist de huishoudens met de hoogste woonquote reageerden pas na dat telefoontje.`,
    question: `Hoe maken jullie de afweging tussen huurverlaging voor lage inkomens en investeringen in verduurzaming? Werken jullie met een woonquote als criterium?`,
    roles: ['verhuurder'],
    themes: ['betaalbaarheid', 'incasso'],
    tags: ['huurverlaging', 'woonquote', 'huurbeleid', 'lage inkomens'],
    organization: NOORDERHUIS,
    partners: 'Huurdersvereniging, gemeente Groningen, gemeente Midden-Groningen',
    region: 'Groningen en Midden-Groningen',
    year: 2022,
    contact: 'Karin Veenstra, beleidsadviseur huurbeleid',
    author: JEROEN,
    status: 'published',
  },
  {
    title: 'Sociaal beheer in een flat met 180 woningen: de huismeester is terug',
    summary: `Na jaren van bezuinigingen verdween de huismeester uit onze galerijflat in Rotterdam-Zuid. Vervuiling, vernielingen en overlast namen toe. In 2019 keerde de huismeester terug, nu als vast aanspreekpunt voor sociaal beheer, samen met een schoonmaakploeg uit de buurt. Meldingen van vervuiling daalden met 60 procent. We delen wat een huismeester doet, wat het kost en wat het oplevert.`,
    context: `De flat aan de rand van de Tarwewijk telt 180 woningen verdeeld over tien verdiepingen. Tot 2014 had het gebouw een eigen huismeester. Na een reorganisatie werd dat vervangen door een rijdende opzichter die meerdere complexen bediende.

In de jaren daarna verslechterde de situatie:

- **vervuiling** in de liften en op de galerijen;
- grofvuil dat wekenlang bleef staan;
- hangjongeren in de entree en de bergingen;
- een groeiend gevoel van onveiligheid, vooral bij oudere bewoners.

Bewoners klaagden dat er niemand was om op te spreken. De bewonerscommissie hield op te bestaan omdat er geen leden meer waren. In een bewonersonderzoek in 2018 gaven bewoners hun woonomgeving een 4,9.`,
    approach: `In 2019 besloten we tot een nieuwe aanpak **schoon, heel en veilig**.

- **Huismeester**: een vaste medewerker, vijf dagen per week aanwezig, met een eigen kantoortje in de entree.
- **Schoonmaak**: een schoonmaakploeg van drie mensen uit de buurt, in dienst van een sociale onderneming.
- **Snelle reparaties**: de huismeester mag kleine reparaties direct laten uitvoeren zonder tussenkomst van de afdeling onderhoud.
- **Samenwerking**: wekelijks contact met de wijkagent en het jongerenwerk.
- **Bewonersbetrokkenheid**: de huismeester ondersteunt bewoners die een nieuwe bewonerscommissie willen opzetten.

De kosten worden deels via de servicekosten verrekend; het grootste deel betalen we uit het leefbaarheidsbudget.`,
    results: `Na twee jaar:

- daalden meldingen van vervuiling met 60 procent;
- werd grofvuil gemiddeld binnen twee dagen opgehaald in plaats van twee weken;
- steeg het rapportcijfer voor de woonomgeving van 4,9 naar 6,8;
- is er een nieuwe bewonerscommissie met zeven leden;
- daalde het aantal mutaties van 24 naar 15 per jaar.

Het jongerenwerk heeft samen met de huismeester een ruimte in het souterrain ingericht als ontmoetingsplek voor jongeren, wat de overlast in de entree verminderde. Kosten: ongeveer 110.000 euro per jaar, waarvan 35.000 via servicekosten.`,
    lessons: `- **Een gezicht in het gebouw is onvervangbaar.** Bewoners spreken de huismeester aan op dingen die ze nooit zouden melden.
- **Geef de huismeester mandaat.** Snel kleine dingen oplossen bouwt vertrouwen.
- **Schoonmaak uit de buurt** levert werk én betrokkenheid op.
- **Reken de opbrengsten mee**: minder mutaties en minder vernielingen besparen veel.
- Werk samen met jongerenwerk in plaats van jongeren alleen weg te sturen.

Belangrijk is ook de keuze van de persoon. Onze huismeester is zelf opgegroeid in de Tarwewijk en spreekt meerdere talen. Die herkenbaarheid maakt dat bewoners hem snel vertrouwen, ook de jongeren die eerder de entree bezetten.`,
    question: `Hoe verantwoorden jullie de inzet van huismeesters in een tijd van krappe budgetten? Hebben jullie een methode om de effecten van sociaal beheer te meten?`,
    roles: ['verhuurder'],
    themes: ['leefbaarheid', 'overlast'],
    tags: ['sociaal beheer', 'huismeester', 'galerijflat', 'schoon heel veilig'],
    organization: ZUIDRAND,
    partners: 'Sociale onderneming (schoonmaak), jongerenwerk, politie (wijkagent), bewonerscommissie',
    region: 'Rotterdam-Zuid (Tarwewijk)',
    year: 2019,
    contact: 'Mustafa Kaya, huismeester',
    author: FATIMA,
    status: 'published',
  },
  {
    title: 'Gemengd wonen: starters en uitstromers uit beschermd wonen onder één dak',
    summary: `In een voormalig kantoorgebouw in Zaandam maakten we 40 studio's: 20 voor starters en 20 voor mensen die uitstromen uit beschermd wonen. Starters zetten zich in als goede buur en krijgen daarvoor voorrang. Na een jaar is de sfeer goed, ervaren de uitstromers meer houvast en zijn er weinig incidenten. We delen het concept, de selectie en de rol van de begeleiding.`,
    context: `Mensen die uitstromen uit beschermd wonen, bijvoorbeeld na een periode van psychische problemen, hebben een eigen woning nodig om verder te herstellen. Alleen wonen in een gewone portiek is voor sommigen een grote stap; eenzaamheid en terugval liggen op de loer.

Tegelijk zijn er veel jongeren en starters die geen woning kunnen vinden. In Zaanstad is de wachttijd voor een studio vaak meer dan vijf jaar.

Landelijk waren er al voorbeelden van **gemengde woonconcepten**, waarin kwetsbare en minder kwetsbare bewoners samenwonen. In 2022 kwam er een voormalig kantoorgebouw in Zaandam vrij dat zich goed leende voor transformatie. Samen met Stichting Wijkkracht en de gemeente onderzochten we of een gemengd concept daar zou passen.`,
    approach: `We ontwikkelden het concept met alle partners aan tafel.

- **40 studio's** van 28 tot 35 vierkante meter, met een gezamenlijke woonkamer, keuken en tuin.
- **Selectie van starters** op motivatie: zij schrijven een brief en voeren een gesprek over wat ze willen bijdragen.
- **Afspraken in een intentieverklaring**: starters zijn aanwezig bij maandelijkse bewonersavonden en helpen bij gezamenlijke activiteiten.
- **Begeleiding** van de uitstromers door Stichting Wijkkracht, met een vaste begeleider die drie dagen per week in het gebouw aanwezig is.
- **Tijdelijk contract** van vijf jaar voor de starters; de uitstromers krijgen een regulier contract.

De gemeente betaalde mee aan de gezamenlijke ruimtes en de begeleiding.`,
    results: `Na het eerste jaar:

- alle 40 studio's zijn verhuurd;
- 17 van de 20 uitstromers wonen nog in het gebouw, 2 zijn teruggegaan naar een beschermde woonvorm en 1 is verhuisd;
- er waren 6 incidenten waarbij de begeleiding moest ingrijpen;
- bewoners gaven het samenwonen een 7,6.

De bewonersavonden worden goed bezocht. Starters vertellen dat ze meer contact hebben met buren dan in hun vorige woning. Een aandachtspunt is de verwachting: sommige starters dachten vooral een goedkope studio te krijgen, en zijn minder betrokken dan gehoopt.`,
    lessons: `- **Selecteer op motivatie, niet op wachttijd.** De inzet van de starters maakt of breekt het concept.
- **Begeleiding moet fysiek aanwezig zijn**, zeker in het begin.
- **Een gezamenlijke ruimte is een voorwaarde**, geen luxe.
- **Wees eerlijk over verwachtingen** bij de werving van starters.
- Evalueer regelmatig met alle bewoners; kleine irritaties worden anders grote problemen.

Tot slot: spreek vooraf met de begeleidende organisatie af wat er gebeurt bij een terugval. Bij de twee bewoners die teruggingen naar een beschermde woonvorm ging dat goed, omdat we dat scenario al hadden uitgewerkt. Daardoor bleef de rust in het gebouw bewaard en hoefden de starters niet in te grijpen.`,
    question: `Hoe houden jullie de inzet van de zogenaamde sterkere bewoners vast na de eerste enthousiaste periode? En hoe selecteren jullie zonder in strijd te komen met de regels voor woningtoewijzing?`,
    roles: ['ontwikkelaar', 'samenwerkingspartner'],
    themes: ['woonconcepten', 'kwetsbare-groepen'],
    tags: ['gemengd wonen', 'beschermd wonen', 'uitstroom', 'transformatie'],
    organization: DE_VAART,
    partners: 'Stichting Wijkkracht Zorg & Welzijn, gemeente Zaanstad, GGZ-instelling',
    region: 'Zaanstad (Zaandam)',
    year: 2023,
    contact: 'Joyce Mulder, projectleider wonen en zorg',
    author: DEELNEMER,
    status: 'published',
  },
  {
    title: 'Betalingsregeling via de app: incasso digitaliseren zonder mensen kwijt te raken',
    summary: `Sinds 2024 kunnen huurders met een huurachterstand zelf een betalingsregeling treffen via ons huurdersportaal en de app. Binnen een jaar liep 58 procent van de regelingen digitaal, en werden digitale regelingen vaker nagekomen. We waakten ervoor dat huurders die niet digitaal vaardig zijn niet buiten de boot vallen. We delen de keuzes in het ontwerp en de resultaten.`,
    context: `Ons incassoteam besteedde veel tijd aan het telefonisch afspreken van betalingsregelingen. Bellen kostte tijd, huurders waren overdag vaak niet bereikbaar en sommigen vonden het gesprek vervelend. We merkten dat een deel van de huurders met een betalingsachterstand liever niet belde, uit schaamte.

Tegelijk waren we bezorgd over de keerzijde van **digitalisering**: huurders die een regeling aanklikken zonder na te denken over hun financiële situatie, en een groep huurders die digitaal niet mee kan. Ook wilden we het gesprek over de achtergrond van een achterstand niet verliezen; dat gesprek is vaak het begin van hulp.

In Rotterdam-Zuid en Barendrecht hebben we ongeveer 900 huurders per jaar met een betalingsregeling.`,
    approach: `We ontwierpen de digitale regeling samen met huurders en het incassoteam.

- **Zelf een regeling kiezen**: huurders met een achterstand tot drie maanden huur kunnen via het portaal een regeling van maximaal twaalf maanden kiezen.
- **Drie korte vragen** voorafgaand aan de regeling, over inkomen en andere schulden. Bij bepaalde antwoorden volgt automatisch een belverzoek van een incassomedewerker.
- **Automatische herinnering** per sms een paar dagen voor elke termijn.
- **Altijd een alternatief**: in elke brief en op het portaal staat het telefoonnummer en de mogelijkheid om langs te komen.
- **Testpanel**: twaalf huurders met uiteenlopende digitale vaardigheden testten het ontwerp.

Incassomedewerkers krijgen dagelijks een overzicht van nieuwe digitale regelingen en bellen huurders bij twijfel.`,
    results: `In het eerste jaar:

- 58 procent van de betalingsregelingen werd digitaal getroffen;
- 81 procent van de digitale regelingen werd volledig nagekomen, tegen 72 procent van de telefonische regelingen;
- bij 112 huurders leidde een antwoord op de drie vragen tot een belverzoek en in 43 gevallen tot een doorverwijzing naar schuldhulp;
- de tijd die het incassoteam aan het afspreken van regelingen besteedde, daalde met ongeveer een derde.

Oudere huurders maakten nauwelijks gebruik van de digitale route; zij blijven bellen of langskomen, en dat is prima. Enkele huurders sloten een regeling die te krap bleek, en liepen vervolgens opnieuw achter.`,
    lessons: `- **Digitaal is een extra kanaal, geen vervanging.** Houd de telefonische en persoonlijke route open.
- **Bouw een vangnet in.** De drie vragen zorgden ervoor dat we huurders met grotere problemen alsnog spraken.
- **Herinneringen werken.** Een sms voor de termijn voorkomt veel gemiste betalingen.
- **Test met echte huurders**, ook met mensen die weinig digitale ervaring hebben.
- Blijf kijken naar de kwaliteit van de regeling, niet alleen naar de snelheid.

We zouden een volgende keer eerder met de Kredietbank om tafel gaan. Zij hielpen ons achteraf bij het bepalen van een verantwoord maximum per termijn, afhankelijk van het inkomen dat de huurder opgeeft.`,
    question: `Hoe voorkomen jullie dat huurders een te krappe betalingsregeling kiezen als ze die zelf online kunnen instellen? Welke signalen gebruiken jullie om alsnog contact op te nemen?`,
    roles: ['verhuurder'],
    themes: ['incasso'],
    tags: ['betalingsregeling', 'digitalisering', 'huurdersportaal', 'incassoproces'],
    organization: ZUIDRAND,
    partners: 'Leverancier huurdersportaal, testpanel van huurders, Kredietbank',
    region: 'Rotterdam-Zuid en Barendrecht',
    year: 2024,
    contact: 'Iris van Leeuwen, teamleider incasso',
    author: FATIMA,
    status: 'published',
  },
  {
    title: 'Reünie in de nieuwe Bloemenbuurt: afscheid en terugkeer bij sloop-nieuwbouw',
    summary: `Voor de sloop van 96 verouderde woningen in de Bloemenbuurt in Hoogezand moesten alle bewoners verhuizen. Met een ruim sociaal plan, een bewonersbegeleider en aandacht voor afscheid nemen verliep de herhuisvesting zonder juridische procedures. Bij de oplevering van de nieuwbouw organiseerden we een reünie voor oud-bewoners; 41 procent van hen keerde terug in de wijk.`,
    context: `De Bloemenbuurt in Hoogezand bestond uit 96 eengezinswoningen uit de jaren vijftig. De woningen waren slecht geïsoleerd, hadden funderingsproblemen en waren niet meer rendabel op te knappen. Na een uitgebreide afweging besloten we in 2017 tot sloop en nieuwbouw van 72 energiezuinige woningen, waarvan 24 levensloopbestendig.

Voor veel bewoners was dat een schok. Een deel woonde er al meer dan veertig jaar; sommigen waren er geboren. In de eerste bewonersavond was de boosheid groot: **waarom ons huis, waarom nu?** Er was ook zorg over de huurprijs van de nieuwe woningen en de vraag of iedereen terug kon keren.

We wilden de herhuisvesting zorgvuldig doen, met respect voor de geschiedenis van de buurt.`,
    approach: `We hebben het traject opgezet in nauwe samenwerking met de bewonerscommissie.

- **Sociaal plan**: de wettelijke verhuiskostenvergoeding, voorrang bij andere woningen van Noorderhuis Wonen en een terugkeergarantie voor wie dat wilde.
- **Bewonersbegeleider**: één vaste persoon die elk huishouden minstens drie keer bezocht.
- **Afscheid nemen**: een fotograaf legde de buurt en de bewoners vast, en bewoners schreven verhalen voor een boekje over de geschiedenis van de Bloemenbuurt.
- **Huurprijs nieuwbouw**: voor terugkeerders werd de huur afgetopt op de huurtoeslaggrens.
- **Reünie**: bij de oplevering nodigden we alle oud-bewoners uit voor een middag met muziek, het boekje en rondleidingen.

Het traject werd na afronding geëvalueerd met de bewonerscommissie en de gemeente.`,
    results: `- Alle 96 huishoudens zijn zonder juridische procedure verhuisd.
- 39 huishoudens (41 procent) keerden terug in de nieuwbouw.
- Het boekje over de Bloemenbuurt is in een oplage van 500 exemplaren verspreid.
- Op de reünie kwamen ruim 200 oud-bewoners en familieleden af.
- Bewoners gaven het herhuisvestingstraject een 7,4.

De terugkeerders zijn vaak actief in de nieuwe bewonerscommissie. Het project liep een jaar uit door vertraging in de vergunningverlening. In die periode zaten sommige bewoners langer dan gepland in een tijdelijke woning, wat tot onvrede leidde.`,
    lessons: `- **Sloop is ook een emotioneel proces.** Aandacht voor afscheid nemen maakt de verhuizing lichter.
- **Een vaste bewonersbegeleider is onmisbaar.** Vertrouwen ontstaat door herhaald contact.
- **Een terugkeergarantie geeft rust**, ook voor bewoners die er uiteindelijk geen gebruik van maken.
- **Vier de geschiedenis van de buurt.** Het boekje en de reünie werden door bewoners enorm gewaardeerd.
- Wees voorzichtig met planningen: elke maand vertraging is voor bewoners in een tijdelijke woning lang.

Een tip voor collega's: bewaar de contactgegevens van vertrokken bewoners, met hun toestemming. Zonder die lijst hadden we de reünie niet kunnen organiseren, en veel oud-bewoners waren verrast en ontroerd door de uitnodiging.`,
    question: `Hoe geven jullie bij sloop-nieuwbouw invulling aan het afscheid van een buurt? En hoe houden jullie contact met bewoners die tijdelijk elders wonen?`,
    roles: ['ontwikkelaar'],
    themes: ['huurderbetrokkenheid', 'leefbaarheid'],
    tags: ['sloop-nieuwbouw', 'herhuisvesting', 'sociaal plan', 'reünie'],
    organization: NOORDERHUIS,
    partners: 'Bewonerscommissie Bloemenbuurt, gemeente Midden-Groningen, aannemer, lokale fotograaf',
    region: 'Midden-Groningen (Hoogezand)',
    year: 2017,
    contact: 'Anneke Dijkstra, bewonersbegeleider',
    author: JEROEN,
    status: 'published',
  },
  {
    title: 'Verward gedrag in de portiek: eerste ervaringen met een meldpunt voor buren',
    summary: `Buren van huurders met verward gedrag weten vaak niet waar ze terechtkunnen. Sinds begin 2025 testen we samen met Stichting Wijkkracht een meldpunt waar buren zorgen kunnen delen, los van een formele overlastmelding. Deze casus is nog in bewerking: we beschrijven de opzet en de eerste ervaringen na een halfjaar.`,
    context: `Bij De Vaart komen jaarlijks tientallen meldingen binnen over huurders die zich verward gedragen: iemand die 's nachts in het trappenhuis praat, een buurvrouw die haar woning niet meer verlaat, een buurman die dreigende briefjes schrijft. Buren twijfelen of ze dat moeten melden. Een overlastmelding voelt als klagen, en ze willen vaak juist dat de persoon geholpen wordt.

Onze wijkconsulenten krijgen deze signalen laat binnen, vaak pas als de situatie is geëscaleerd. Het landelijke meldnummer voor niet-acute zorgen over verward gedrag is bij veel huurders niet bekend.

We willen een laagdrempelige plek waar buren hun zorgen kunnen delen, en waar snel wordt bekeken wie er in actie moet komen.`,
    approach: `Sinds februari 2025 draait een pilot in twee wijken in Zaandam.

- **Meldpunt**: een telefoonnummer en een online formulier, beheerd door Stichting Wijkkracht.
- **Snelle weging**: binnen twee werkdagen bekijkt een medewerker van Wijkkracht samen met onze wijkconsulent wat er nodig is.
- **Terugkoppeling** aan de melder, zonder privacygevoelige details.
- **Doorverwijzing** naar het wijkteam, de GGZ of de huisarts van de betrokkene, waar mogelijk met diens toestemming.

We hebben de pilot aangekondigd via een brief aan alle huurders in de twee wijken en via de huurderskrant.

*Nog aan te vullen: de afspraken met de GGZ over terugkoppeling.*`,
    results: `Na een halfjaar (voorlopige cijfers):

- 37 meldingen, waarvan 22 over huurders die nog niet bekend waren bij hulpverlening;
- in 14 gevallen is contact gelegd met de betrokkene en is hulp gestart;
- 6 melders gaven aan dat ze zonder het meldpunt een formele overlastklacht hadden ingediend.

Er zijn ook vragen. Sommige melders verwachten dat we sneller ingrijpen dan mogelijk is, en een paar meldingen bleken eerder burenruzies dan zorgen over verward gedrag. Die hebben we doorverwezen naar buurtbemiddeling.

*De volledige evaluatie volgt eind 2025.*`,
    lessons: `Voorlopige lessen, nog niet geëvalueerd:

- **Buren willen helpen, niet klagen.** Een zorgmelding voelt voor hen anders dan een overlastmelding.
- **Snelle terugkoppeling is belangrijk**, ook als je niet alles kunt vertellen.
- **Het onderscheid tussen zorg en ruzie is niet altijd helder.** Een goede weging aan de voorkant voorkomt dat het meldpunt een klachtenloket wordt.
- Het meldpunt vraagt extra capaciteit van Wijkkracht; de financiering na de pilot is nog niet geregeld.
- Wijkconsulenten waarderen dat ze eerder betrokken zijn.

We twijfelen nog of het meldpunt bij Wijkkracht moet blijven of beter bij het wijkteam past.`,
    question: `Werken andere corporaties met een meldpunt voor zorgen over buren? Hoe hebben jullie dat afgebakend ten opzichte van overlastmeldingen en het landelijke meldnummer?`,
    roles: ['samenwerkingspartner'],
    themes: ['overlast', 'zorg-en-welzijn'],
    tags: ['verward gedrag', 'meldpunt', 'buren', 'pilot'],
    organization: DE_VAART,
    partners: 'Stichting Wijkkracht Zorg & Welzijn, wijkteam Zaandam, GGZ-instelling',
    region: 'Zaanstad (Zaandam)',
    year: 2025,
    contact: 'Linda Visser, wijkconsulent',
    author: DEELNEMER,
    status: 'draft',
  },
  {
    title: 'Middenhuur naast sociale huur: verkenning voor een complex in Wormerveer',
    summary: `Voor een nieuwbouwlocatie in Wormerveer verkennen we of we naast sociale huurwoningen ook middenhuurwoningen kunnen bouwen, voor leraren, zorgmedewerkers en andere middeninkomens. Deze casus is een concept: we beschrijven de vraagstukken en de eerste rekensommen, en zoeken ervaringen van collega's.`,
    context: `In de Zaanstreek is er een groeiende groep huishoudens die net te veel verdient voor een sociale huurwoning, maar geen woning kan kopen of een vrije sectorhuur kan betalen. Het gaat vaak om mensen in cruciale beroepen: leraren, verpleegkundigen, politieagenten.

De gemeente Zaanstad wil dat bij nieuwbouw een deel van de woningen in het **middensegment** valt. Voor een locatie aan de Zaan in Wormerveer, waar we 60 woningen willen bouwen, vraagt de gemeente ons om een mix te onderzoeken.

Als corporatie mogen we onder voorwaarden middenhuurwoningen bouwen, maar dat roept vragen op over onze kerntaak, de financiering en de toewijzing. Intern zijn de meningen verdeeld: moeten we niet al ons geld in sociale huur steken?`,
    approach: `We zijn in 2026 gestart met een verkenning:

- **Rekenvarianten**: 60 sociale huurwoningen, of 45 sociaal en 15 middenhuur, of 40 sociaal en 20 middenhuur.
- **Gesprekken** met de gemeente over de voorwaarden en met twee collega-corporaties die al middenhuur bouwen.
- **Marktverkenning**: hoeveel vraag is er naar middenhuur in Wormerveer, en wat kunnen huishoudens betalen?
- **Toewijzing**: we onderzoeken of we voorrang kunnen geven aan mensen in cruciale beroepen of aan huishoudens die een sociale huurwoning achterlaten.

*Concept: de uitkomsten van de rekenvarianten moeten nog worden uitgewerkt.*`,
    results: `Nog geen definitieve resultaten. Eerste inzichten:

- Middenhuurwoningen verbeteren de financiële haalbaarheid van het project, omdat de hogere huur een deel van de onrendabele top van de sociale woningen compenseert.
- De gemeente is bereid de grondprijs voor het middensegment te matigen, mits de woningen minstens twintig jaar in dat segment blijven.
- Er lijkt voldoende vraag, vooral van jonge huishoudens uit de regio.
- Een voorrangsregeling voor cruciale beroepen is juridisch ingewikkeld.
- De huurdersvereniging is kritisch en wil eerst zien dat het aantal sociale huurwoningen niet daalt.

*In te vullen na de besluitvorming in het managementteam.*`,
    lessons: `Nog voorlopig:

- **Begin met de vraag voor wie je bouwt**, niet met de rekensom.
- **Praat vroeg met de gemeente** over grondprijs, doelgroepen en de duur van de afspraken.
- **Leer van collega's.** De twee corporaties die al middenhuur bouwen, gaven ons veel praktische tips over toewijzing en huurprijsbeleid.
- De interne discussie over de kerntaak is waardevol en moet worden gevoerd, niet weggeredeneerd.
- We twijfelen nog of een mix in één gebouw of aparte gebouwen beter werkt voor de leefbaarheid. Ervaringen van collega's zijn welkom.`,
    question: `Welke corporaties bouwen middenhuurwoningen naast sociale huur, en hoe verdelen jullie die over een complex? Hoe regelen jullie de toewijzing?`,
    roles: ['ontwikkelaar'],
    themes: ['betaalbaarheid', 'woonconcepten'],
    tags: ['middenhuur', 'nieuwbouw', 'middeninkomens', 'verkenning'],
    organization: DE_VAART,
    partners: 'Gemeente Zaanstad, twee collega-corporaties',
    region: 'Zaanstad (Wormerveer)',
    year: 2026,
    contact: 'Erik Smits, ontwikkelmanager',
    author: DEELNEMER,
    status: 'draft',
  },
  {
    title: 'Social return bij nieuwbouw: pilot met een bouwcombinatie in 2016',
    summary: `In 2016 namen we voor het eerst een social return-eis op bij de nieuwbouw van 64 woningen in Groningen. De bouwcombinatie plaatste acht mensen met een uitkering, maar slechts twee bleven na afloop in dienst. De ervaringen vormden de basis voor ons huidige beleid. Deze casus is gearchiveerd, omdat de werkwijze inmiddels is vervangen.`,
    context: `In 2015 begonnen steeds meer gemeenten social return te vragen bij aanbestedingen. Noorderhuis Wonen wilde daarin niet achterblijven. De nieuwbouw van 64 woningen in de wijk De Hoogte was het eerste project waarin we een social return-eis opnamen.

We hadden weinig ervaring en wisten niet goed wat redelijk was om te vragen. Er was geen afstemming met de gemeente over de rekenmethode, en ook niet over de manier waarop kandidaten zouden worden aangeleverd. De bouwcombinatie had wel ervaring met social return bij andere opdrachtgevers, maar vooral in de vorm van stages.

**Het doel** was om mensen met een uitkering uit de wijk aan werk te helpen, en om te leren hoe social return in onze projecten zou kunnen werken.`,
    approach: `We vroegen de bouwcombinatie om 3 procent van de aanneemsom in te zetten voor social return.

- De bouwcombinatie zocht zelf kandidaten, met hulp van het UWV en de gemeente.
- Kandidaten kregen een tijdelijk contract voor de duur van het project.
- Er was geen structurele begeleiding; de uitvoerder was het aanspreekpunt.
- Rapportage vond plaats in de bouwvergaderingen, zonder vaste vorm.

De gemeente was niet bij de selectie van kandidaten betrokken en had geen zicht op de resultaten.

Halverwege het project hebben we een evaluatiegesprek gevoerd met de bouwcombinatie, de gemeente en twee deelnemers. Dat gesprek was de eerste keer dat alle partijen samen naar social return keken.`,
    results: `- Acht mensen met een uitkering werkten mee aan het project, gemiddeld zeven maanden.
- Twee van hen kregen na afloop een vast contract bij een van de bouwbedrijven.
- De bouwcombinatie gaf aan dat de begeleiding meer tijd kostte dan verwacht.
- Door het ontbreken van een rekenmethode was niet goed vast te stellen of de 3 procent was gehaald.

Deelnemers waren positief over de werkervaring, maar teleurgesteld dat er na afloop geen baan volgde. De wijk merkte weinig van de inzet. De ervaringen zijn gebruikt voor ons huidige beleid, met een vaste rekenmethode, centrale begeleiding en aandacht voor duurzame plaatsing.`,
    lessons: `- **Zonder rekenmethode geen sturing.** Stem die af met de gemeente.
- **Begeleiding is geen bijzaak.** Een uitvoerder heeft daar geen tijd voor.
- **Denk na over wat er na het project gebeurt.** Een tijdelijk contract zonder vervolg leidt tot teleurstelling.
- **Maak social return zichtbaar in de wijk**, bijvoorbeeld door deelnemers uit de buurt te werven.
- Deze lessen zijn verwerkt in ons beleid; zie ook de casus over het leerwerkbedrijf schilders in Midden-Groningen.

Achteraf bezien was het vooral een leerproject. Dat is geen schande, maar het had ons geholpen als we dat vooraf ook zo hadden benoemd, met een evaluatie op een vast moment.`,
    question: `Deze casus is gearchiveerd. Voor actuele vragen over social return verwijzen we naar de nieuwere casussen in de kennisbank.`,
    roles: ['opdrachtgever', 'ontwikkelaar'],
    themes: ['social-return'],
    tags: ['social return', 'nieuwbouw', 'aanbesteding', 'pilot'],
    organization: NOORDERHUIS,
    partners: 'Bouwcombinatie, UWV, gemeente Groningen',
    region: 'Groningen (De Hoogte)',
    year: 2016,
    contact: 'Gerrit Hoekstra, projectleider',
    author: JEROEN,
    status: 'archived',
  },
];

export const demoMeetings: DemoMeeting[] = [
  {
    title: 'Themabijeenkomst Vroegsignalering: van eerste achterstand tot duurzame oplossing',
    startsInDays: 21,
    locationName: 'Wijkkantoor Woonpartners Zuidrand, Tarwewijk',
    locationAddress: 'Mijnsherenlaan 150',
    locationPostcode: '3081 CG',
    locationCity: 'Rotterdam',
    capacity: 30,
    hostOrganization: ZUIDRAND,
    programme: [
      {
        startsAt: '13:00',
        endsAt: '13:30',
        title: 'Ontvangst met koffie en een korte wandeling door de Tarwewijk',
      },
      {
        startsAt: '13:30',
        endsAt: '15:30',
        title: 'Presentatie en bespreking van de geselecteerde casussen',
      },
      {
        startsAt: '15:30',
        endsAt: '16:30',
        title: 'Reflectie door de expert en gesprek in kleine groepen',
        expert: EXPERT,
      },
      { startsAt: '16:30', title: 'Afsluiting en borrel' },
    ],
    signups: [
      {
        member: FATIMA,
        guests: [
          { name: 'Sanne de Wit', organization: 'Wijkteam Tarwewijk', email: 'sanne.dewit@example.nl' },
        ],
      },
    ],
    description: `Hoe voorkom je dat een gemiste huurbetaling uitgroeit tot een ontruimingsvonnis? Sinds vroegsignalering een wettelijke taak van gemeenten is, werken corporaties, wijkteams en schuldhulpverleners steeds nauwer samen. Maar hoe ver reikt de rol van de corporatie, en wat doe je als de huurder de deur niet opendoet?

In deze bijeenkomst bespreken we drie praktijkcasussen over **huurachterstanden, schuldhulpverlening en kwetsbare huurders**, met de nadruk op de corporatie als samenwerkingspartner.

Draag vóór de deadline een casus voor waarin de samenwerking tussen corporatie, gemeente en hulpverlening centraal staat.`,
    themes: ['incasso', 'schuldhulpverlening', 'kwetsbare-groepen'],
    focusRole: 'samenwerkingspartner',
    status: 'nominations_open',
    nominationDeadlineInDays: 10,
    experts: [EXPERT],
    nominations: [
      {
        caseTitle: T_VROEGSIGNALERING,
        nominatedBy: DEELNEMER,
        motivation:
          'Onze aanpak met een telefoontje op dag vijf en een huisbezoek op dag veertien werkt, maar we lopen vast bij huurders met een wisselend inkomen. We horen graag hoe collega-corporaties dat oplossen.',
        status: 'pending',
      },
      {
        caseTitle: T_ONTRUIMING,
        nominatedBy: FATIMA,
        motivation:
          'De laatste-kanstafel en de tweede-kansovereenkomst laten zien wat er nog mogelijk is nadat de rechter heeft gesproken. Past goed bij het thema, en we zijn benieuwd naar kritische vragen over de grenzen van een tweede kans.',
        status: 'pending',
      },
      {
        caseTitle: T_SCHULDHULP,
        nominatedBy: KERNGROEP,
        motivation:
          'Mooi voorbeeld van schuldhulpverlening die naar de huurder toe komt. Het spreekuur op het wijkkantoor levert een vergelijking op met de andere twee casussen: waar begint de samenwerking, bij de corporatie of bij de gemeente?',
        status: 'pending',
      },
    ],
  },
  {
    title: 'Themabijeenkomst Renoveren met bewoners: draagvlak, overlast en maatwerk',
    startsInDays: -45,
    locationName: 'Bewonerscentrum Opwierde, Noorderhuis Wonen',
    locationAddress: 'Opwierderweg 12',
    locationPostcode: '9903 AB',
    locationCity: 'Appingedam',
    capacity: 25,
    hostOrganization: NOORDERHUIS,
    programme: [
      { startsAt: '13:00', endsAt: '13:45', title: 'Ontvangst en rondleiding' },
      {
        startsAt: '13:45',
        endsAt: '14:40',
        title: 'Casus',
        caseTitle: T_FUNDERING,
        presenter: JEROEN,
        expert: EXPERT,
      },
      {
        startsAt: '14:40',
        endsAt: '15:30',
        title: 'Casus',
        caseTitle: T_BEWOONDE_STAAT,
        presenter: DEELNEMER,
        expert: EXPERT,
      },
      { startsAt: '15:30', endsAt: '16:15', title: 'Reflectie door de expert', expert: EXPERT },
      { startsAt: '16:15', title: 'Afsluiting' },
    ],
    signups: [{ member: DEELNEMER }, { member: JEROEN }, { member: FATIMA }],
    report: {
      body: `Met 22 deelnemers van acht organisaties was het bewonerscentrum in Opwierde goed gevuld. De rondleiding door een versterkte en verduurzaamde woning maakte zichtbaar waar het in beide casussen om draaide: bewoners houden het lang vol als ze weten waar ze aan toe zijn, ook als de planning tegenvalt.

## Wat eruit kwam

- **Onzekerheid delen werkt beter dan haar verzwijgen.** Werken met bandbreedtes in de planning gaf minder klachten dan harde data die later verschoven.
- **Eén vast gezicht per blok** is geen luxe maar de kern van de aanpak.
- **Zeggenschap mag klein zijn:** de kleur van de voordeur kiezen deed meer voor draagvlak dan een extra informatieavond.

In het gesprek met de expert ging het vooral over de bewoners die afhaakten of verhuisden. De groep sprak af om ook die gesprekken vast te leggen, zodat we er in een volgende bijeenkomst van kunnen leren.`,
      outcomes: {
        [T_FUNDERING]:
          'Werk met bandbreedtes in plaats van harde opleverdata, en houd één vaste bewonersbegeleider per blok: dat compenseert vertraging deels.',
        [T_BEWOONDE_STAAT]:
          'Begin het gesprek over instemming een jaar vóór het voorstel, met een onafhankelijke adviseur voor de bewonerscommissie; een rustwoning maakt de overlast draaglijk.',
      },
    },
    description: `Renoveren en verduurzamen in bewoonde staat vraagt veel van bewoners én van de corporatie als opdrachtgever. Hoe organiseer je draagvlak, hoe beperk je de overlast en hoe ga je om met tegenvallers tijdens de uitvoering?

We ontmoeten elkaar in Appingedam, midden in het gebied waar de aardbevingsproblematiek renovatie extra complex maakt. Na de bijeenkomst is er een rondleiding door een versterkte en verduurzaamde woning.`,
    themes: ['renovatie', 'onderhoud', 'huurderbetrokkenheid'],
    focusRole: 'opdrachtgever',
    status: 'held',
    nominationDeadlineInDays: -66,
    experts: [EXPERT],
    nominations: [
      {
        caseTitle: T_FUNDERING,
        nominatedBy: JEROEN,
        motivation:
          'Een renovatie waarin versterking, funderingsherstel en verduurzaming samenkomen, met bewoners die weinig vertrouwen hebben in instanties. We willen graag leren hoe anderen met uitlopende planningen omgaan.',
        status: 'selected',
        agendaPosition: 1,
        presented: true,
      },
      {
        caseTitle: T_BEWOONDE_STAAT,
        nominatedBy: DEELNEMER,
        motivation:
          'Renovatie in bewoonde staat van 212 portiekwoningen met een oudere bewonersgroep, en 84 procent instemming. We delen graag wat werkte, zoals de rustwoning, en wat we anders zouden doen.',
        status: 'selected',
        agendaPosition: 2,
        presented: true,
      },
      {
        caseTitle: T_NOM,
        nominatedBy: FATIMA,
        motivation:
          'Vijf jaar monitoring van nul-op-de-meterwoningen geeft een eerlijk beeld van wat de techniek oplevert voor huurders met een laag inkomen.',
        status: 'not_selected',
        feedback:
          'Dank voor deze sterke casus! De kerngroep koos deze keer voor twee casussen waarin het proces met bewoners centraal staat; uw casus gaat vooral over techniek en betaalbaarheid. We willen hem graag agenderen voor de bijeenkomst over betaalbaarheid en woonlasten in het najaar.',
      },
    ],
    reflections: [
      {
        caseTitle: T_FUNDERING,
        author: EXPERT,
        body: `Wat deze casus bijzonder maakt, is niet de techniek maar de context: een renovatie in een gebied waar bewoners jarenlang hebben gewacht op besluiten van anderen. In zo'n situatie is **vertrouwen het eigenlijke bouwmateriaal**. De keuze voor één vaste bewonersbegeleider per blok is daarom geen detail, maar de kern van de aanpak.

Opvallend is het verschil tussen het rapportcijfer voor de begeleiding (8,1) en dat voor de planning (5,9). Bewoners maken kennelijk onderscheid tussen de mensen en het proces. Dat is een waardevol inzicht voor opdrachtgevers: goede begeleiding compenseert vertraging niet volledig.

Drie vragen die ik de vakgemeenschap wil meegeven:

- Hoe deel je onzekerheid met bewoners zonder hen te verliezen? Werken met bandbreedtes lijkt een begin.
- Welke risicoverdeling met de aannemer past bij werk waarvan je pas bij het openbreken weet wat je aantreft?
- En wat betekent het voor de drie ouderen die tijdens het traject verhuisden: was dat een keuze, of de uitkomst van een te zwaar proces?`,
      },
      {
        caseTitle: T_BEWOONDE_STAAT,
        author: EXPERT,
        body: `Deze casus laat mooi zien dat de zeventigprocentregel meer is dan een juridische drempel. De Vaart behandelde instemming als de uitkomst van een gesprek dat een jaar eerder begon, met een bewonerscommissie die een **eigen, onafhankelijke adviseur** kreeg. Dat is een investering die zich niet in de begroting, maar wel in de 84 procent instemming laat zien.

Twee elementen verdienen navolging. De rustwoning maakt de overlast van een renovatie in bewoonde staat draaglijk, juist voor ouderen en gezinnen met jonge kinderen. En de keuze voor de kleur van de voordeur laat zien dat zeggenschap ook klein en concreet kan zijn.

Een kanttekening: de casus vertelt weinig over de twee huishoudens die tot het laatst niet meewerkten. Juist daar zit vaak de meeste kennis over wat er schuurt. Ik zou collega's willen aanmoedigen om ook die gesprekken te documenteren. Wie waren zij, wat was hun bezwaar, en had een andere aanpak hen wel kunnen overtuigen?`,
      },
    ],
  },
];
