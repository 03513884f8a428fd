import type { Page } from './page';

/**
 * Round statements in Spanish, Portuguese, French and Italian, which pages about Latin American and European
 * companies often are ("obtuvo US$ 700 millones en su ronda Serie E liderada por General Catalyst", "co-lideraram o
 * aporte", "une levée de fonds menée par", "un round da 2 milioni di euro"). Rather than a second funding reader per
 * language, each clause that carries a round is written in the words and shapes the English reader (rounds.ts,
 * investors.ts, extract/funding.ts) already reads by clause: the sum, the round's name, who raises and the verb,
 * who led and who took part, the date; and the words that make a sum no round (a rumour, a valuation, a total). A
 * clause these words do not cover stays as written, which the English reader does not read: it abstains.
 */

const L = 'A-Za-zÀ-ÖØ-öø-ÿĀ-ž';
const NOT_LETTER = `(?![${L}])`;
/** A word or phrase standing alone; one ending in an apostrophe ("auprès d'", "millions d'") runs into the next word. */
const word = (source: string) => `(?<![${L}])(?:${source})(?:(?<=['’\\s])|${NOT_LETTER})`;

// ---- Sums -------------------------------------------------------------------------------------------------

/** "8,700" and "15.300" (thousands), "1,15" and "8.7" (a decimal): three digits after the mark make it a thousands mark. */
function numberOf(written: string): number {
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(written)) return Number(written.replace(/[.,]/g, ''));
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(written)) return Number(written.replace(/\./g, '').replace(',', '.'));
  return Number(written.replace(',', '.'));
}

const NUMBER = '(\\d{1,3}(?:[.,]\\d{3})+(?:,\\d+)?|\\d+(?:[.,]\\d+)?)';
const SCALES: [source: string, factor: number][] = [
  ['mil\\smillones|mil\\smilhões|millardos?|bilh(?:ão|ões)|milliards?|miliard[oi]', 1e9],
  ['mill(?:ón|ones)|milh(?:ão|ões)|millions?|milion[ei]', 1e6],
  ['mil|mila', 1e3],
];
const SCALE = `(${SCALES.map(([s]) => s).join('|')})${NOT_LETTER}`;
/** Short scales written only after a currency sign: "US$ 300 mi", "R$ 2,2 bi". */
const SHORT_SCALE = `(mi|bi)${NOT_LETTER}`;
const CURRENCY_WORDS: [source: string, code: string][] = [
  ['d[óo]lares(?:\\sestadounidenses|\\samericanos)?|dollars?(?:\\samericains)?|dollari', 'USD'],
  ['euros?', 'EUR'],
  ['reais', 'BRL'],
  ['libras(?:\\sesterlinas)?|livres\\ssterling|sterline', 'GBP'],
  ['francs\\ssuisses|franchi\\ssvizzeri', 'CHF'],
];
const CURRENCY_WORD = `(?:de\\s|d['’]\\s?|di\\s)?(${CURRENCY_WORDS.map(([s]) => s).join('|')})${NOT_LETTER}`;
const SIGNS: Record<string, string> = {
  us$: 'USD',
  u$s: 'USD',
  usd: 'USD',
  $: 'USD',
  r$: 'BRL',
  brl: 'BRL',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
};
const SIGN = '(US\\$|U\\$S|u\\$s|USD|R\\$|BRL|EUR|\\$|€|£)';
const ENGLISH_SIGN: Record<string, string> = { USD: '$', EUR: '€', BRL: 'R$', GBP: '£', CHF: 'CHF ' };

const currencyOf = (written: string) =>
  CURRENCY_WORDS.find(([source]) => new RegExp(`^(?:${source})$`, 'i').test(written))?.[1];
const factorOf = (written: string) =>
  written === 'mi'
    ? 1e6
    : written === 'bi'
      ? 1e9
      : SCALES.find(([s]) => new RegExp(`^(?:${s})$`, 'i').test(written))![1];

/** A sum as the English reader writes it: "$8700 million", "R$500 thousand". */
function englishSum(value: number, factor: number, currency: string): string {
  const scale = factor === 1e9 ? 'billion' : factor === 1e6 ? 'million' : 'thousand';
  return `${ENGLISH_SIGN[currency]}${Number(value.toFixed(6))} ${scale}`;
}

const SUMS: [RegExp, (m: string[]) => string | null][] = [
  // "US$ 700 millones", "$127 millones de dólares", "R$ 2,2 bi", "€ 50 millions d'euros"
  [
    new RegExp(`${SIGN}\\s?${NUMBER}\\s?(?:${SCALE}|${SHORT_SCALE})(?:\\s${CURRENCY_WORD})?`, 'giu'),
    ([, sign, n, scale, short, word]) =>
      englishSum(
        numberOf(n!),
        factorOf((scale ?? short)!.toLowerCase()),
        (word && currencyOf(word)) || SIGNS[sign!.toLowerCase()]!,
      ),
  ],
  // "700 millones de dólares", "160 millions d'euros", "11,5 milioni di dollari", "8.7 mil millones de dólares"
  [
    new RegExp(`(?<![\\d.,$€£])${NUMBER}\\s?${SCALE}\\s${CURRENCY_WORD}`, 'giu'),
    ([, n, scale, word]) => englishSum(numberOf(n!), factorOf(scale!.toLowerCase()), currencyOf(word!)!),
  ],
  // "7 M€", "1,5 Md€", "6500 mdd" (millones de dólares)
  [
    /(?<![\d.,])(\d+(?:[.,]\d+)?)\s?(M€|Mds?€|k€|mdd|MDD)(?![\p{L}])/gu,
    ([, n, unit]) =>
      unit === 'k€'
        ? englishSum(numberOf(n!), 1e3, 'EUR')
        : englishSum(numberOf(n!), /^Md/.test(unit!) ? 1e9 : 1e6, /mdd/i.test(unit!) ? 'USD' : 'EUR'),
  ],
];

// ---- Words ------------------------------------------------------------------------------------------------

/** A clause's words and their English: the round, the raise, the company, the date, and what makes a sum no round. */
const WORDS: [source: string, english: string][] = [
  // What did not happen, or not yet: a rumour, talks, a round to come.
  ['(?:personas|pessoas|personnes|persone)\\s(?:familiarizadas|a\\spar|au\\sfait|vicine)', 'people familiar'],
  ['(?:según|segundo|selon|secondo)\\s(?:fuentes|fontes|des\\ssources|fonti)', 'according to sources'],
  [
    '(?:está|esta|est|è)\\sen\\snegociaci[óo]n|está\\sem\\snegociação|(?:en|em)\\s(?:negociaciones|conversaciones|conversas|negociações)|en\\sdiscussions|in\\strattativa|negocia(?:ndo)?|négocie',
    'in talks',
  ],
  [
    '(?:deve|deveria|debería|debe|devrait|dovrebbe)\\s(?:ser|être|essere)\\s(?:liderad[oa]|menée?|guidat[oa])\\s(?:por|pel[oa]s?|par|da)',
    'reportedly led by',
  ],
  ['(?:podría|poderia|pourrait|potrebbe)\\s(?:levantar|captar|recaudar|lever|raccogliere)', 'could raise'],
  ['(?:está|esta)\\sde\\solho\\sem', 'considering'],
  // A valuation, a total, a sale of shares already issued.
  ['(?:avaliad[oa]|valorad[oa]|valuad[oa]|valorisée?|valutat[oa])\\s(?:em|en|à|in)', 'valued at'],
  [
    '(?:a|à|con)\\s(?:una|uma|une)\\s(?:valuación|valoración|avaliação|valorisation|valutazione)\\sde',
    'at a valuation of',
  ],
  ['valuación|valoración|avaliação|valorisation|valutazione|valor\\sde\\smercado|valor', 'valuation'],
  ['mercado\\ssecund[áa]rio|marché\\ssecondaire|mercato\\ssecondario', 'secondary market'],
  ['(?:porta|porte|portant|lleva|llevando|eleva|elevando|leva|levando|portando)\\s(?:a|à)', 'bringing the total to'],
  ['en\\stotal|no\\stotal|au\\stotal|in\\stotale|ao\\stodo', 'in total'],
  // "segundo a Bloomberg", "disse Carl Pei": who reports the round, no name of its list.
  ['(?:según|segundo|selon|secondo)(?:\\s(?:a|o|el|la|le|il)(?=\\s\\p{Lu}))?', 'according to'],
  ['disse|dijo|a\\sdit|ha\\sdetto', 'said'],
  ['más\\sde|mais\\sde|(?<!le\\s)plus\\sde|oltre', 'more than'],
  ['hasta\\sla\\sfecha|até\\so\\smomento|até\\shoje|à\\sce\\sjour|finora', 'to date'],
  ['valer|vale|valía|valait|vaut|valeva', 'worth'],
  ['l[íi]neas?\\sde\\scr[ée]dito|linhas?\\sde\\scrédito|lignes?\\sde\\scrédit|linee?\\sdi\\scredito', 'credit line'],
  ['préstamos?|empréstimos?|prêts?|prestiti|prestito', 'loan'],
  ['(?:ha|han|hanno|ont)\\s(?:invertido|investito|investi)|investiram|investiu|invirtió', 'invested'],
  ['ciascuno|cada\\suno|chacun|cada', 'each'],
  // The round and its name.
  [
    '(?:ronda|rodada|round)s?\\s(?:de\\s|di\\s)?(?:financiaci[óo]n|financiamiento|financiamento|inversi[óo]n|investimento|finanziamento|capital|aportes|equity)',
    'round',
  ],
  ["lev[ée]e\\sde\\sfonds\\sd['’]amorçage|ronda\\ssemilla|rodada\\ssemente", 'seed round'],
  ['aporte\\ssemente|capital\\ssemilla', 'seed investment'],
  ['semilla|semente|amorçage', 'seed'],
  ['lev[ée]es?\\sde\\sfonds', 'fundraise'],
  ['tours?\\sde\\stable|ronda|rodada', 'round'],
  ['lev[ée]e', 'raise'],
  // A fund an investment firm raises for itself, and its closings: no round of the firm's.
  ['premier\\sclosing|primer\\scierre|primeiro\\sfechamento|primo\\sclosing', 'first closing'],
  ['closing\\sfinal|cierre\\sfinal|fechamento\\sfinal|closing\\sfinale', 'final closing'],
  ['fondos|fondi|fundos', 'funds'],
  ['fondo|fundo|fonds|véhicule|vehículo|veículo|veicolo', 'fund'],
  // "avait annoncé une levée": a round told as background.
  ['avait\\sannoncé|había\\sanunciado|tinha\\sanunciado|aveva\\sannunciato', 'had previously announced'],
  ['avait\\slevé|había\\slevantado|tinha\\slevantado|aveva\\sraccolto', 'had previously raised'],
  [
    'aumento\\sdi\\scapitale|ampliaci[óo]n\\sde\\scapital|aumento\\sde\\scapital|augmentation\\sde\\scapital',
    'financing',
  ],
  ['financiaci[óo]n|financiamiento|financiamento|finanziamento|financement', 'financing'],
  ['aportes?|inyecci[óo]n\\sde\\scapital|injeção\\sde\\scapital|investimento|inversión|investissement', 'investment'],
  [
    '(?:ce|cet|cette|este|esta|esse|essa|questo|questa)\\s(?:nouveau|nouvelle|nuevo|nueva|novo|nova|nuovo|nuova)',
    'the new',
  ],
  ['operación|operação|opération|operazione', 'round'],
  ['compra|adquisici[óo]n|aquisição|rachat|acquisizione', 'acquisition'],
  ['compró|comprou|a\\sracheté|ha\\sacquisito|adquirió|adquiriu', 'acquired'],
  ['pour\\sboucler|para\\scerrar|para\\sfechar|per\\schiudere', 'to close'],
  ['per(?=\\s\\p{Ll})', 'for'],
  // "La financiación fue liderada por": a sentence that goes on about the round.
  ['^(?:la|a|le|il|el|o)\\s(?=financing|round|investment|raise|fundraise)', 'the '],
  // Who raises: the company unnamed.
  [
    "(?:(?:la|a)\\s|l['’]\\s?)(?:empresa|compañía|companhia|entreprise|société|società|azienda|startup|start-up|jeune\\spousse|fintech|plataforma|firma)(?!\\s(?:\\p{Ll}+\\s){0,2}\\p{Lu})",
    'the company',
  ],
  // The raise.
  [
    '(?:ha|han)\\s(?:obtenido|levantado|captado|recaudado|conseguido|reunido)|obtuvo|levantó|captó|recaudó|consiguió|reunió|levantou|captou|arrecadou|angariou|conseguiu|obteve|(?:a|ont)\\s(?:levé|récolté|obtenu)|(?:ha|hanno)\\s(?:raccolto|ottenuto|incassato)',
    'raised',
  ],
  ['levé', 'raised'],
  [
    'obtiene|levanta|capta|recauda|consigue|reúne|arrecada|lèvent|lève|récolte|obtient|raccoglie|ottiene|incassa',
    'raises',
  ],
  ['(?:ha|han)\\scerrado|cerró|fechou|concluiu|(?:a|ont)\\sbouclé|(?:ha|hanno)\\schiuso|chiuso', 'closed'],
  ['cierra|boucle|chiude', 'closes'],
  ['(?:ha|han)\\srecibido|recibió|recebeu|(?:a|ont)\\sreçu|(?:ha|hanno)\\sricevuto', 'received'],
  ['recibe|recebe|reçoit|riceve', 'receives'],
  ['anunció|anunciou|a\\sannoncé|ha\\sannunciato', 'announced'],
  ['anuncia|annonce|annuncia', 'announces'],
  // Where and whose.
  [
    '(?:en|em|dans|in|nel|nella)\\s(?:esta|este|essa|esse|cette|ce|questo|questa)\\s(?:últim[ao]|dernière|ultimo|ultima)\\s(?:ronda|rodada|round)\\s(?:de\\s(?:la|a)\\s)?(?=Series\\s)',
    'The ',
  ],
  [
    '(?:en|em|dans|in|nel|nella)\\s(?:su|sua|sa|son|la\\ssua|il\\ssuo)\\s(?:últim[ao]|dernière|ultimo|ultima)',
    'in its latest',
  ],
  ['(?:en|em|dans|in|nel|nella)\\s(?:su|sua|sa|son|la\\ssua|il\\ssuo)', 'in its'],
  ['(?:en|em|dans|in)\\s(?:una|uma|une|un)', 'in a'],
];

// ---- Dates ------------------------------------------------------------------------------------------------

const MONTHS: [source: string, english: string][] = [
  ['enero|janeiro|janvier|gennaio', 'January'],
  ['febrero|fevereiro|février|febbraio', 'February'],
  ['marzo|março|mars', 'March'],
  ['abril|avril|aprile|abr\\.?', 'April'],
  ['mayo|maio|mai|maggio', 'May'],
  ['junio|junho|juin|giugno', 'June'],
  ['julio|julho|juillet|luglio', 'July'],
  ['agosto|août', 'August'],
  ['septiembre|setiembre|setembro|septembre|settembre', 'September'],
  ['octubre|outubro|octobre|ottobre', 'October'],
  ['noviembre|novembro|novembre', 'November'],
  ['diciembre|dezembro|décembre|dicembre', 'December'],
];
const MONTH = `(${MONTHS.map(([s]) => s).join('|')})`;
const monthIn = (written: string) => MONTHS.find(([s]) => new RegExp(`^(?:${s})$`, 'i').test(written))![1];
const IN = '(?:en|em|in|a|à|nel|nello|durante)';

const DATES: [RegExp, (m: string[]) => string][] = [
  // "29 de abril de 2025", "9 avril 2025", "29 abr"
  [
    new RegExp(`${word(`(\\d{1,2})(?:\\sde)?\\s${MONTH}(?:\\s(?:de\\s|del\\s)?(\\d{4}))?`)}`, 'giu'),
    ([, d, mo, y]) => `${monthIn(mo!)} ${d}${y ? `, ${y}` : ''}`,
  ],
  // "en marzo de 2021", "a principios de marzo", "lo scorso settembre", "en avril 2023"
  [
    new RegExp(
      word(
        `(?:a\\s(?:principios|comienzos|finales)\\sde|no\\s(?:início|fim)\\sde|a\\sfine|all['’]inizio\\sdi|début|fin|(?:lo\\s|el\\s)?(?:scorso|pasado))\\s${MONTH}(?:\\s(?:de\\s)?(\\d{4}))?`,
      ),
      'giu',
    ),
    ([whole, mo, y]) => `${/scorso|pasado/i.test(whole!) ? 'last' : 'in'} ${monthIn(mo!)}${y ? ` ${y}` : ''}`,
  ],
  [
    new RegExp(word(`${IN}\\s(?:el\\smes\\sde\\s|o\\smês\\sde\\s)?${MONTH}(?:\\s(?:de\\s|del\\s)?(\\d{4}))?`), 'giu'),
    ([, mo, y]) => `in ${monthIn(mo!)}${y ? ` ${y}` : ''}`,
  ],
  // "a finales de 2021", "no fim de 2021", "fin 2021", "alla fine del 2021"
  [
    new RegExp(
      word(`(?:a\\sfinales\\sde|no\\sfim\\sde|(?:à\\sla\\s)?fin|alla\\sfine\\sdel)\\s((?:19|20)\\d{2})`),
      'giu',
    ),
    ([, y]) => `in late ${y}`,
  ],
  // Not the year a company was founded in ("fondato nel 2020", "fundada en 2016"): that dates no round.
  [
    new RegExp(
      `(?<!(?:fondat[oa]|fundad[oa]|fondée?|criad[oa]|cread[oa]|nat[oa]|nacid[oa])\\s)${word(`(?:en|em|nel|desde)\\s((?:19|20)\\d{2})`)}`,
      'giu',
    ),
    ([whole, y]) => `${/^desde/i.test(whole!) ? 'since' : 'in'} ${y}`,
  ],
  [
    new RegExp(
      word(
        `el\\saño\\spasado|no\\sano\\spassado|l['’]année\\sdernière|l['’]an\\sdernier|l['’]anno\\sscorso|lo\\sscorso\\sanno`,
      ),
      'giu',
    ),
    () => 'last year',
  ],
];

// ---- Investors --------------------------------------------------------------------------------------------

/** Words that open the round's leads: "liderada por", "menée par", "guidato da", "lead investor dell'operazione è". */
const LEADS = word(
  '(?:fue\\s|foi\\s|a\\sété\\s|è\\sstat[oa]\\s)?(?:co-?)?(?:liderad[oa]s?|encabezad[oa]s?|dirigid[oa]s?|codirigid[oa]s?|capitanead[oa]s?|men[ée]e?s?|pilot[ée]e?s?|guidat[oa]|capitanat[oa])\\s(?:por|pel[oa]s?|par|da|dal|dalla|dallo|dai|dagli)',
);
const LEAD_INVESTOR_IS = word(
  "(?:(?:il|el|o|l['’])\\s?)?(?:lead\\sinvestor|investidor\\slíder|inversor\\slíder|investisseur\\sprincipal)(?:\\s(?:dell['’]operazione|del\\sround|da\\srodada|de\\sla\\sronda))?\\s(?:è|é|es|fue|foi|est|era)",
);
/** "Colideran A y B" opening a sentence: the leads of the round just told, named after their verb. */
const LEADS_AFTER_VERB = word('(?:co-?)?lider(?:an|am|aron|aram)|codirigen|codirigieron');

/** Words after which the others who took part are named. */
const OTHERS = word(
  [
    '(?:y\\s|e\\s)?(?:que\\s)?(?:contó|contou)\\scon\\sla\\sparticipación\\sde',
    'con\\sla\\sparticipación\\sde|com\\s(?:a\\s)?participação\\sd[eoa]s?|avec\\sla\\sparticipation\\sde|con\\sla\\spartecipazione\\sdi',
    "grâce\\sau\\ssoutien\\sd['’]|grâce\\sau\\ssoutien\\sde|aux\\scôtés\\sde|auprès\\sde|auprès\\sd['’]",
    'a\\spu\\scompter\\ssur|(?:ha\\s)?(?:conseguido|obtenido|recibido)\\sel\\s(?:respaldo|apoyo)\\sde',
    '(?:feito|realizado|hecho|réalisée?|effettuato)\\s(?:pel[oa]|por|par|da)',
  ].join('|'),
);
/** "También participaron A, B y C", "Parmi les autres investisseurs figurent A": the others, named after their verb. */
const OTHERS_AFTER_VERB = word(
  [
    '(?:también\\s|tambien\\s)?(?:han\\s)?particip(?:aron|ado)(?:\\sen\\s(?:la|esta)\\s(?:ronda|operación)(?:\\sde\\s(?:financiaci[óo]n|inversi[óo]n))?)?',
    '(?:também\\s)?participaram(?:\\sda\\s(?:rodada|operação))?',
    'ont\\s(?:aussi\\s|également\\s)?participé|hanno\\s(?:anche\\s)?partecipato|gli\\saltri\\ssottoscrittori\\ssono',
    '(?:parmi|entre|tra)\\s(?:les|los|os|gli)\\s(?:autres|otros|demás|outros|demais|altri)\\s(?:contributeurs|investisseurs|inversores|investidores|investitori)\\s(?:figurent|figuran|están|estão|figurano|sono)(?:\\s[^:.;]{0,60}:)?',
  ].join('|'),
);
/** "levanta €16M con el fondo X", "recebeu US$ 1,25 milhão dos fundos X e Y": who the money came from, just after it. */
const FROM_AFTER_SUM = new RegExp(
  `(?<=(?:million|billion|thousand))\\s(?:auprès\\sd['’]|(?:con|com|avec|auprès\\sde|dos|das|do|da|del|dal|dalla|dai|por\\sparte\\sde|da\\sparte\\sdi)${NOT_LETTER})(?:\\s(?:fondos?|fundos?|fonds|fondi|inversores|investidores|investisseurs|investitori)(?=\\s\\p{Lu}))?`,
  'gu',
);
/** "A, B y C codirigieron la ronda", "A e B co-lideraram o aporte", "Goldman Sachs dirigió una nueva ronda": leads named before their verb. */
const LED_ACTIVE = word(
  "(?:co-?lider(?:aron|aram|ó|ou)|codirigi(?:eron|ó|u)|lider(?:aron|aram|ó|ou)|dirigi(?:eron|ó|u)|encabez(?:aron|ó|a)|ont\\sco-?mené|a\\sco-?mené|hanno\\sco-?guidato|(?:ha|hanno)\\sguidato)\\s(?:(?:el|la|o|a|le|l['’]|il|una|uma|une|un)\\s?)?(?:(?:nueva|nova|nouvelle|nuovo)\\s)?(?:ronda|rodada|aporte|operación|operação|opération|round|investimento|inversión|levée|tour)(?:\\s(?:de\\s)?(?:financiaci[óo]n|financiamiento|financiamento|inversi[óo]n|investimento|capital|table))?",
);
/** "–A, B y C, entre otros– también participaron en la ronda": others named before their verb. */
const TOOK_PART_AFTER = word(
  '(?:también\\s|tambien\\s)?participaron\\s(?:en|de)\\s(?:la|esta)\\s(?:ronda|operación)|(?:também\\s)?participaram\\sd[ao]\\s(?:rodada|aporte)|ont\\s(?:aussi\\s|également\\s)?participé\\sau\\stour|hanno\\s(?:anche\\s)?partecipato\\sal\\sround',
);

const ARTICLE =
  "(?:el|la|los|las|lo|o|a|os|as|le|les|l['’]|il|gli|i|un|una|uno|um|uma|une|des|du|del|dos|das|do|da|de\\sla|de\\sl['’]|de|d['’]|the)";
const JOINERS = /,?\s(?:además\sde|así\scomo|bem\scomo|ainsi\sque|oltre\sa|nonché|e\sainda)\s/g;
/** Where a list of names in these languages ends: a clause of another kind begins. */
const LIST_END = new RegExp(
  `(?<!\\b\\p{Lu})[.;:](?:\\s|$)|,\\s(?=\\p{Ll}+(?:ad[oa]|id[oa])\\s)|\\s[–—-]\\s|,?\\s(?:(?:y|e|et)\\s)?(?:que|qui|che|con|com|avec|para|pour|per|cuando|quando|lorsque)\\b|,\\s(?:dijo|dijeron|disse|disseram|informó|anunció|afirmó|señaló|explicó|informou|afirmou|anunciou|a\\sdit|ont\\sdit|ha\\sdetto|hanno\\sdetto|según|segundo|selon|secondo|lo\\sque|o\\sque|ce\\squi|il\\sche|en|em|dans|nel|nella)\\b|,?\\swith\\sparticipation\\sfrom\\b|\\s(?:entre\\sotros|entre\\soutros|entre\\sautres|tra\\sgli\\saltri|y\\sotros|e\\soutros|et\\sd['’]autres)${NOT_LETTER}`,
  'u',
);

/** An item that describes the name before it rather than naming one: a participle, a title ("controlada por AXA", "ex director"). */
const ASIDE_START =
  /^(?:\p{Ll}+(?:ad[oa]s?|id[oa]s?|ée?s?|at[oa]|it[oa])|uno|una|ex|ancien(?:ne)?|presidente|président|fundador[a]?|cofundador[a]?|fondat(?:eur|rice)|director[a]?|directeur|consejer[oa]|socio|sócio)(?![\p{L}])/u;

/**
 * One name of a list, its article and description dropped ("el fondo de cobertura D1" -> "D1", "Founders Fund del
 * multimillonario Peter Thiel" -> "Founders Fund"); null for an aside ("controlada por AXA", "uno de los fundadores
 * de Uber") or a name that only owns what the item describes ("il fondo di Cassa Depositi", "los fundadores de Team
 * Heretics").
 */
function nameOf(item: string): string | null {
  const plain = item
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^.*\b(?:como|comme|come|tales\scomo|incluyendo|incluindo)\s/, '')
    .trim();
  if (ASIDE_START.test(plain)) return null;
  const description =
    new RegExp(`^(?:${ARTICLE}\\s?)?(?:\\p{Ll}[\\p{L}'’-]*\\s)*(?=\\p{Lu}|\\d)`, 'u').exec(plain)?.[0] ?? '';
  if (/\s(?:de|di|da|do|dos|das|del|della|du|des|d['’])\s?$/.test(` ${description}`) && description.length > 3)
    return null;
  const name = plain
    .slice(description.length)
    .replace(/\s(?:del|de\sla|de\slos|da|do|dos|du|de\sl['’]|della|dello|di|de)\s\p{Ll}.*$/u, '')
    .trim();
  return /^[\p{Lu}\d]/u.test(name) ? name : null;
}

/** The names of a list as the English reader reads one: "A, B and C". */
function englishList(list: string): string {
  const pieces = list.replace(JOINERS, ', ').split(/(,\s(?:(?:y|e|et|ed|and)\s)?|\s(?:y|e|et|ed|and)\s)/);
  // A piece without a capital is part of the description of the next ("la empresa de juegos y comercio ... Sea Ltd").
  const items: { text: string; joined: boolean }[] = [];
  let pending = '';
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i]!;
    if (!/\p{Lu}|\d/u.test(piece)) pending += `${piece}${pieces[i + 1] ?? ''}`;
    else {
      items.push({ text: pending + piece, joined: i > 0 && !pieces[i - 1]!.startsWith(',') });
      pending = '';
    }
  }
  const names: string[] = [];
  let aside = false;
  for (const item of items) {
    // After an aside, what "and" joins to it is still the aside ("il fondo di Cassa Depositi e Prestiti").
    if (aside && item.joined) continue;
    const name = nameOf(item.text);
    aside = name === null;
    if (name) names.push(name);
  }
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The text after each marker with its list of names in English, up to where the list ends. */
function listAfter(text: string, marker: string, english: string): string {
  const pattern = new RegExp(marker, 'iu');
  let out = '';
  let rest = text;
  for (let m = pattern.exec(rest); m; m = pattern.exec(rest)) {
    const after = rest.slice(m.index + m[0].length);
    const lead = /^\s/.test(after) ? 1 : 0;
    const cut = (LIST_END.exec(after.slice(lead))?.index ?? after.length - lead) + lead;
    const names = englishList(after.slice(0, cut).trim());
    const before = rest.slice(0, m.index);
    if (english.includes('{names}'))
      // "Lead investor dell'operazione è CRIF" -> "CRIF led the round": the leads before the verb, a clause of their own.
      out += `${before}${before.trim() ? ': ' : ''}${english.replace('{names}', names)}`;
    else {
      const opening = /^\p{Lu}/u.test(m[0]) ? english[0]!.toUpperCase() + english.slice(1) : english;
      out += `${before}${opening}${names ? ` ${names}` : ''}`;
    }
    rest = after.slice(cut);
  }
  return out + rest;
}

/** The names just before a verb (a clause's last pieces that name someone, or an aside between dashes), and the text before them. */
function subjectBefore(before: string): { head: string; list: string } {
  const dashed = /[–—]\s?([^–—]+)[–—]\s*$/.exec(before);
  // The head ends on a colon, where the English reader's list before a verb starts.
  if (dashed) return { head: `${before.slice(0, dashed.index).trimEnd()}: `, list: englishList(dashed[1]!.trim()) };
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), before.lastIndexOf(': ')) + 1;
  const pieces = before.slice(start).split(/,\s/);
  let first = pieces.length - 1;
  while (first > 0 && /\p{Lu}/u.test(pieces[first - 1]!) && pieces[first - 1]!.length < 60) first -= 1;
  const head = `${before.slice(0, start)}${pieces.slice(0, first).join(', ')}`;
  return { head: head.trim() ? `${head.trimEnd()}: ` : head, list: englishList(pieces.slice(first).join(', ').trim()) };
}

/** "A, B y C codirigieron la ronda" -> "A, B and C co-led the round"; "–A y B– también participaron en la ronda" -> "A and B also participated". */
function verbAfterNames(text: string): string {
  const led = new RegExp(LED_ACTIVE, 'iu').exec(text);
  if (led) {
    const { head, list } = subjectBefore(text.slice(0, led.index));
    text = `${head}${list} ${/co-?|codir/i.test(led[0]) ? 'co-led' : 'led'} the round${text.slice(led.index + led[0].length)}`;
  }
  const took = new RegExp(TOOK_PART_AFTER, 'iu').exec(text);
  if (took) {
    const { head, list } = subjectBefore(text.slice(0, took.index));
    text = `${head}${list} also participated${text.slice(took.index + took[0].length)}`;
  }
  return text;
}

/** "Kavak dijo que la financiación ...", "con sede en Ciudad de México": words around a clause that say nothing of the round. */
const ASIDES: [RegExp, string | ((whole: string, ...groups: string[]) => string)][] = [
  // "A Lumora captou", "O Colab recebeu": the article before a company's name opening the sentence is no part of it.
  [/^(?:A|O|As|Os|La|El|Le|Il|Lo)\s(?=\p{Lu}\p{Ll})/u, ''],
  [
    /^(?:\p{Lu}[\p{L}.-]*\s){1,4}(?:dijo|dice|disse|diz|a\sdit|dit|ha\sdetto|afirmó|afirmou|informó|informou|señaló)\sque\s(\p{Ll})/u,
    (_: string, letter: string) => letter.toUpperCase(),
  ],
  [/,\s(?:dijo|dijeron|disse|disseram|a\sdit|ha\sdetto|afirmó|informó|señaló)\s\p{Lu}[^,]{0,40},/gu, ','],
  // "AXA IM Alts, controlada por AXA,": who owns an investor, inside a list that goes on.
  [/,\s(?:controlad[oa]|propiedad|filial|parte|subsidiaria|subsidiária)\s(?:de|por|do|da)\s[^,]{1,40}(?=,)/gu, ''],
  [
    /,?\s(?:con\ssede\sen|sediada\sem|basée\sà|con\ssede\sa|radicada\sen)\s\p{Lu}[\p{L}]*(?:\s(?:(?:de|do|da|di)\s)?\p{Lu}[\p{L}]*)*/gu,
    '',
  ],
];

/** The words' patterns, compiled once. */
const WORD_PATTERNS = WORDS.map(([source, english]) => [new RegExp(word(source), 'giu'), english] as const);

/** Whether a unit may carry a round in these languages: a word of theirs for a round, a raise or a sum. */
const MARKER = new RegExp(
  word(
    "ronda|rodada|aporte|lev[ée]e|tour\\sde\\stable|round\\s(?:d[ai]|B|C)|lead\\sinvestor|investidor\\slíder|inversor\\slíder|financiaci[óo]n|financiamiento|financiamento|finanziamento|inversi[óo]n|investimento|mill(?:ón|ones)|milh(?:ão|ões)|bilh(?:ão|ões)|millions?\\sd['’]|milioni|miliardi|milliards?|liderad[oa]|men[ée]e|guidat[oa]|co-?lideraram|co-?lideran|levant[óa]|capt[óa]|reúne|obtuvo|recaudó|levantou|captou|recebeu|arrecadou|lève|raccolto|raccoglie|participaron|participaram|participé|partecipato|M€|mdd",
  ),
  'iu',
);

/** A unit in Spanish, Portuguese, French or Italian that states a round, in the English words for it; others unchanged. */
export function inEnglishFundingWords(unit: string): string {
  if (!MARKER.test(unit)) return unit;
  let text = unit;
  for (const [pattern, english] of ASIDES) text = text.replace(pattern, english as (whole: string) => string);
  for (const [pattern, english] of SUMS) text = text.replace(pattern, (...m: string[]) => english(m) ?? m[0]!);
  for (const [pattern, english] of DATES) text = text.replace(pattern, (...m: string[]) => english(m));
  text = text.replace(
    /(?<![\p{L}])(?:s[ée]rie|round)\s([A-K])(?![\p{L}])/giu,
    (_, letter: string) => `Series ${letter.toUpperCase()}`,
  );
  text = text.replace(/\bmais\s(?=[$€£]|R\$)/g, 'another ');
  text = verbAfterNames(text);
  text = listAfter(text, FROM_AFTER_SUM.source, ' from');
  text = listAfter(text, OTHERS_AFTER_VERB, 'participants included');
  text = listAfter(text, OTHERS, 'with participation from');
  text = listAfter(text, LEADS, 'led by');
  if (new RegExp(`^${LEADS_AFTER_VERB}\\s\\p{Lu}`, 'iu').test(text))
    text = listAfter(text, LEADS_AFTER_VERB, 'The round was co-led by');
  text = listAfter(text, LEAD_INVESTOR_IS, '{names} led the round');
  for (const [pattern, english] of WORD_PATTERNS)
    text = text.replace(pattern, (m: string, at: number) => {
      if (!/^\p{Lu}/u.test(m)) return english;
      // A capital inside a sentence starts a name ("Valor Capital", "Financière Fonds Privés"): names stay as written.
      return at === 0 || /[.!?]\s*$/.test(text.slice(0, at)) ? english[0]!.toUpperCase() + english.slice(1) : m;
    });
  // "una ronda de US$ 30 millones", "un round da 2 milioni", "une opération à 27 millions": the round of that sum.
  text = text.replace(
    /\b(round|investment|deal|raise|fundraise|financing|Series\s[A-K])\s(?:de|da|di|d['’]|à)\s?(?=[$€£]|R\$|CHF|more\sthan)/g,
    '$1 of ',
  );
  // "una ronda Serie E de US$ 700 millones" -> "a Series E round of $700 million": the order the English reader pairs.
  text = text
    .replace(/\bround\s(Series\s[A-K])\b/g, '$1 round')
    .replace(/\b(Series\s[A-K])\sof\s(?=[$€£]|R\$|CHF)/g, '$1 round of ');
  return valuations(text);
}

const VALUATION = /\b(?:valuation|valued|worth)\b/;
const ENGLISH_SUM = /(?:[$€£]|R\$|CHF\s)\d[\d.]*\s(?:million|billion|thousand)/g;
const ROUND_WORDS_BEFORE =
  /\b(?:round|raise|fundraise|investment|financing|raised|raises|closed|closes|received|receives|Series\s[A-K]|seed)\b[^,;:]{0,12}$/;
const ROUND_AFTER = /^\s(?:in|en|em)\s(?:a|its|una|uma)\s(?:[\w-]+\s)?round\b/;

/**
 * "De US$ 8,7 bi para US$ 2,2 bi: Kavak tem valuation reduzido", "vio caer su valor de 8,700 millones a 2,200": in a
 * clause about a valuation, a sum the clause does not give to a round (by a round's word just before it, or "in a
 * round" just after) is the valuation's, as the English reader takes "valued at".
 */
function valuations(text: string): string {
  if (!VALUATION.test(text)) return text;
  return text.replace(ENGLISH_SUM, (sum: string, index: number) =>
    ROUND_WORDS_BEFORE.test(text.slice(Math.max(0, index - 40), index)) ||
    ROUND_AFTER.test(text.slice(index + sum.length)) ||
    /valued\sat\s$/.test(text.slice(0, index))
      ? sum
      : `valued at ${sum}`,
  );
}

/**
 * Reads a page's rounds with its units in English words (inEnglishFundingWords), then gives each finding back the
 * unit as the page wrote it: evidence is the page's own sentence.
 */
export function readInEnglish<T extends { evidence: string }>(page: Page, read: (page: Page) => T[]): T[] {
  const written = new Map<string, string>();
  const units = page.units.map((unit) => {
    const english = inEnglishFundingWords(unit);
    if (english !== unit) written.set(english, unit);
    return english;
  });
  if (written.size === 0) return read(page);
  const findings = read({ ...page, units });
  for (const finding of findings) finding.evidence = written.get(finding.evidence) ?? finding.evidence;
  return findings;
}
