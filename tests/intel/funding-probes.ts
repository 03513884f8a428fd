import { round, type FundingProbe } from './probes/funding-probe-runner';

/**
 * Funding passages from real public pages about companies outside the evaluation set, reworded (facts and the
 * sentence shapes that carry them kept), with the rounds a careful reader takes from each: nothing when the
 * passage states no round of the company (an acquisition, a fund a firm closes for itself, a loan, a valuation).
 * `holdout` probes (a quarter, chosen by position before the first run: the 2nd of every four) are never tuned on.
 */
export const PROBES: FundingProbe[] = [
  {
    // https://clinicalresearchnewsonline.com/news/2023/08/30/massive-acquisition-of-obesity-drug-developer-clinical-programs-for-rare-genetic-disease-clinical-translation-of-gene-therapies-more
    id: 'adarx',
    company: 'ADARx Pharmaceuticals',
    aliases: ['ADARx'],
    date: '2023-08-30',
    text: `$200M: Series C to Push Clinical Programs in a Rare Genetic Disease
ADARx Pharmaceuticals has closed an oversubscribed $200 million Series C financing. The financing was led jointly by Bain Capital Life Sciences and TCGX and included new investors Blackrock, Commodore Capital, Cormorant Asset Management, HBM Healthcare Investments, Invus, Marshall Wace, Redmile Group, T. Rowe Price Associates Inc., Venrock Healthcare Capital Partners, and Vivo Capital. ADARx's existing investors, Ascenta Capital, Lilly Asia Ventures, OrbiMed, and SR One Capital Management also participated. The money will take ADARx's clinical programs further, among them a treatment for a hereditary disease.`,
    rounds: [
      round(
        'Series C',
        200_000_000,
        'USD',
        '2023-08',
        ['Bain Capital Life Sciences', 'TCGX'],
        [
          'Blackrock',
          'Commodore Capital',
          'Cormorant Asset Management',
          'HBM Healthcare Investments',
          'Invus',
          'Marshall Wace',
          'Redmile Group',
          'T. Rowe Price Associates',
          'Venrock Healthcare Capital Partners',
          'Vivo Capital',
          'Ascenta Capital',
          'Lilly Asia Ventures',
          'OrbiMed',
          'SR One Capital Management',
        ],
      ),
    ],
  },
  {
    // https://www.bioworld.com/articles/topic/310,84?page=5
    id: 'amylyx',
    company: 'Amylyx Pharmaceuticals',
    aliases: ['Amylyx'],
    date: null,
    holdout: true,
    text: `LONDON – Artios Ltd. has closed a $153 million series C, which lets it step up clinical work on its two lead programs.
Amylyx Pharmaceuticals Inc.'s oversubscribed, $135 million series C financing led by Viking Global Investors will help prepare a commercial launch in Canada and Europe, and a second phase III study in the U.S. of its lead candidate AMX-0035 for amyotrophic lateral sclerosis.
Inmagene Biopharmaceuticals Co. Ltd. has raised $100 million in a series C financing to take its IL-17 inhibitor into phase II trials.`,
    rounds: [round('Series C', 135_000_000, 'USD', null, ['Viking Global Investors'])],
  },
  {
    // https://jtam.hk/tag/series-a-round/
    id: 'betterdoctor',
    company: 'BetterDoctor',
    aliases: [],
    date: '2014-06-30',
    text: `Private Financing
San Francisco-based BetterDoctor, which runs an online referral service for dentists and doctors, including specialists, raised $10.4M in new venture funding. BetterDoctor had earlier drawn $2.6M in seed funding. The funding came from SoftTechVC and Burrill & Co., with participation from 500 Startups, among others. BetterDoctor was started in 2011 by chief executive Ari Tulla and chief technical officer Tapio Tolvanen and went nationwide in 2012.
Sprout Social, a social media management platform for enterprises, has raised $8M in new funding from Lightbank and NEA.`,
    rounds: [
      round(null, 10_400_000, 'USD', '2014', [], ['SoftTechVC', 'Burrill & Co.', '500 Startups']),
      round('Seed', 2_600_000, 'USD', null, []),
    ],
  },
  {
    // https://www.cnbctv18.com/startup/startup-digest-zomato-to-sign-blinkit-acquisition-on-june-17-report-ms-dhoni-invests-in-garuda-aerospace--musk-may-drop-twitter-deal-13734302.htm
    id: 'blinkit',
    company: 'Blinkit',
    aliases: [],
    date: '2022-06-06',
    text: `Zomato board to sign off Blinkit acquisition on June 17: Report
The Zomato board will meet on June 17 to approve the purchase of quick commerce company Blinkit, people familiar with the matter told Moneycontrol.
Earlier deal talks valued Blinkit at USD 700 million, but the final price is expected to be lower, as the deal is a stock swap of a fixed number of shares in a 1:10 ratio, the report added.
The food delivery major may not need the Competition Commission of India's approval to buy the online grocer, as it plans to rely on the 'de minimis' exemption for deals below a certain size.`,
    rounds: [],
  },
  {
    // https://www.benzinga.com/markets/cannabis/21/04/20484214/cansortium-raises-12m-to-boost-operations-in-florida-michigan-and-pennsylvania
    id: 'cansortium',
    company: 'Cansortium',
    aliases: [],
    date: '2021-04-05',
    text: `Cansortium Inc. (CSE:TIUM) (OTCQB:CNTMF) has secured about $12 million in financing by selling roughly 17.14 million of its units at 70 cents per unit. The Miami company expects the private placement to close over the next few days.
The financing will support its operations in Florida, which include two cultivation facilities and 24 retail dispensaries, with three more stores about to open.
Cansortium plans to use the proceeds to complete Phase 2 of its new cultivation facility in Sweetwater, doubling its annual production capacity to more than 6,000 pounds.
Canaccord Genuity served as financial advisor to the company on the transaction.`,
    rounds: [round('Private Placement', 12_000_000, 'USD', '2021-04', [])],
  },
  {
    // https://staging.globalventuring.com/carisma-dazzles-with-extended-series-a-round/
    id: 'carisma',
    company: 'Carisma Therapeutics',
    aliases: ['Carisma'],
    date: null,
    holdout: true,
    text: `US-based immunotherapy developer Carisma Therapeutics has enlarged a series A round backed by drugmakers AbbVie and Merck & Co to about $59m, Technical.ly Philly has reported.
Carisma had reached a first $53m close for the round in June 2018, co-led by AbbVie's corporate venturing unit, AbbVie Ventures, and venture capital firm HealthCap, with participation from Merck & Co's MRL Ventures Fund.
The company took in about $6m in an extension towards the end of 2018, according to chief executive Steven Kelly, who named neither the investors nor the exact date.
Commercialisation firm IP Group also backed the first tranche, as did Penn Medicine, the University of Pennsylvania's health system, from which Carisma was spun out. The round was filled out by Grazia Equity, Wellington Partners, TPG Biotech and Agent Capital.`,
    rounds: [
      round(
        'Series A',
        53_000_000,
        'USD',
        '2018-06',
        ['AbbVie Ventures', 'HealthCap'],
        [
          'MRL Ventures Fund',
          'IP Group',
          'Penn Medicine',
          'Grazia Equity',
          'Wellington Partners',
          'TPG Biotech',
          'Agent Capital',
        ],
      ),
      round('Series A extension', 6_000_000, 'USD', '2018', []),
    ],
  },
  {
    // https://clinicalresearchnewsonline.com/news/2023/08/30/massive-acquisition-of-obesity-drug-developer-clinical-programs-for-rare-genetic-disease-clinical-translation-of-gene-therapies-more
    id: 'cellares',
    company: 'Cellares',
    aliases: [],
    date: '2023-08-30',
    text: `$255M: Series C for a Commercial-Scale Smart Factory
Cellares has secured $255 million in Series C funding led by new investor Koch Disruptive Technologies. Cell therapy leader Bristol Myers Squibb also took part in the round, with DFJ Growth, Willett Advisors, and existing investors Eclipse, Decheng Capital, and 8VC. The new money will launch the first commercial-scale IDMO Smart Factory, which joins robotics, purpose-built technology and connected software.`,
    rounds: [
      round(
        'Series C',
        255_000_000,
        'USD',
        '2023-08',
        ['Koch Disruptive Technologies'],
        ['Bristol Myers Squibb', 'DFJ Growth', 'Willett Advisors', 'Eclipse', 'Decheng Capital', '8VC'],
      ),
    ],
  },
  {
    // https://www.buyoutsinsider.com/vc-fund-briefs-week-of-sept-22-2008/
    id: 'chrysalis-ventures',
    company: 'Chrysalis Ventures',
    aliases: ['Chrysalis'],
    date: '2008-09-22',
    text: `Chrysalis revises fund close
Last week, Chrysalis Ventures said it has revised the final close of its fourth fund, named Chrysalis Ventures III, which now totals $175 million.
The Louisville, Ky.-based firm, which backs early stage health care services and technology, media and communications and business services companies, said in the spring it had raised $163 million in capital commitments, above its $150 million target. It raised $143 million for its previous fund, which closed in 2001.
Limited partners in the fourth fund include Morgan Stanley, Credit Suisse, Kentucky Teachers' Retirement System and Health Evolution Partners.`,
    rounds: [],
  },
  {
    // https://bioworld.com/articles/topic/292-financings?page=261
    id: 'epsilogen',
    company: 'Epsilogen',
    aliases: [],
    date: null,
    text: `LONDON – Epsilogen Ltd. has raised £30.8 million (US$41.5 million) in an oversubscribed series B, after its lead immunoglobulin E (IgE) program produced positive results in a phase I in advanced solid tumors. The money will pay for a phase Ib trial of the product, Mov18 IgE, the first IgE antibody to reach the clinic, in platinum-resistant ovarian cancer.
Visby Medical Inc. pulled in more than $100 million in a series E round led by Ping An Voyager Partners.`,
    rounds: [round('Series B', 30_800_000, 'GBP', null, [])],
  },
  {
    // https://blog.privatecircle.co/deals-in-2w-oem-and-flying-evs
    id: 'eplane',
    company: 'The ePlane Company',
    aliases: ['ePlane'],
    date: null,
    holdout: true,
    text: `Electric Vehicle sector deals
The deals of the week were in the EV space. Hero puts another 420 cr into Ather, as Ola Electric steps up production. EV 4W/OEM startup EVage raised 208 cr from RedBlue as a seed round to build its factory near Delhi. EV aircraft startup The ePlane company raised 37 cr led by Speciale Invest and Micelio with participation from 3one4, Anicut and Java Capital. The ePlane company wants to build low-flying, multi-hop travel within cities.`,
    rounds: [
      round(null, 370_000_000, 'INR', null, ['Speciale Invest', 'Micelio'], ['3one4', 'Anicut', 'Java Capital']),
    ],
  },
  {
    // https://bioworld.com/articles/topic/292-financings-bioworld-asia?page=357
    id: 'eurekare',
    company: 'Eurekare',
    aliases: [],
    date: null,
    text: `LONDON – Technology commercialization specialist Eurekare SA has arrived on the scene after raising a $60 million series A, which it plans to use to seed fund the formation of microbiome and synthetic biology startups and to invest in later-stage rounds of companies in those two fields.
PARIS – Readily3d SA has been awarded just under $600k by the European Union to build a living model of the pancreas with its Tomolite 3D bioprinting technique.`,
    rounds: [round('Series A', 60_000_000, 'USD', null, [])],
  },
  {
    // https://jtam.hk/tag/series-a-round/
    id: 'first-round-capital',
    company: 'First Round Capital',
    aliases: ['First Round'],
    date: '2014-06-30',
    text: `First Round Capital, the seed-stage investment firm with offices in Philadelphia and San Francisco, has closed a fifth fund of $175M, a little more than its $160M previous fund. The firm also said that New York City-based partner Phin Barnes is moving to San Francisco and that Wiley Cerilli, founder of former portfolio company SinglePlatform, joins as a venture partner.
Sport Ngin, a Minneapolis company that helps sports organizations build websites and mobile apps, has raised $25M in Series D funding led by Piper Jaffray Merchant Banking and Causeway Media Partners.`,
    rounds: [],
  },
  {
    // https://yourstory.com/2018/09/weekly-funding-roundup-theres-a-new-unicorn-in-town-and-its-cornered-half-of-the-500m-raised-this-week
    id: 'greyorange',
    company: 'GreyOrange',
    aliases: [],
    date: null,
    text: `The top fund-raisers
1) Udaan raises $225M from DST Global and LightSpeed Venture Partners
Lightspeed India MD Bejul Somaia confirmed the news after Udaan announced the $225 million Series C round. The startup, set up by ex-Flipkart executives, had raised about $50 million from Lightspeed and Apoletto Asia in February this year.
2) GreyOrange raises $140M Series C from Mithril Capital, Blume Ventures and Binny Bansal
The industrial automation and robotics firm, founded by BITS-Pilani graduates Akash Gupta and Samay Kohli, raised $140 million in a round that brought on board Peter Thiel's Mithril Capital and Flipkart co-founder Binny Bansal.`,
    rounds: [round('Series C', 140_000_000, 'USD', null, [], ['Mithril Capital', 'Blume Ventures', 'Binny Bansal'])],
  },
  {
    // https://www.forbesindia.com/article/take-one-big-story-of-the-day/the-purse-and-curse-of-tiger/68397/1
    id: 'grofers',
    company: 'Grofers',
    aliases: [],
    date: null,
    holdout: true,
    text: `The same year in April, Grofers raised $35 million from existing investors Tiger Global and Sequoia. Seven months later, in November, it raised $120 million, a bold move to build a war chest against rival BigBasket. Though this round was led by Softbank, Tiger too participated. Two years later, in 2019, a huge $220 million round of funding was led by SoftBank, and Tiger Global too participated. That investment came after a reported funding at a reduced valuation in February 2018.`,
    rounds: [
      round(null, 35_000_000, 'USD', null, [], ['Tiger Global', 'Sequoia']),
      round(null, 120_000_000, 'USD', null, ['SoftBank'], ['Tiger Global']),
      round(null, 220_000_000, 'USD', '2019', ['SoftBank'], ['Tiger Global']),
    ],
  },
  {
    // https://staging.globalventuring.com (HifiBio series B brief)
    id: 'hifibio',
    company: 'HifiBio',
    aliases: ['HifiBio Therapeutics'],
    date: null,
    text: `HifiBio, a US-based biopharmaceutical company working on cancer and autoimmune diseases, has closed an oversubscribed $37.5m series B round featuring Legend Star Capital, an investment vehicle of conglomerate Legend Holdings.
Venture capital firm Sequoia China and life sciences investor Lyfe Capital co-led the round, which also included VI Ventures, Nest.Bio Ventures and Proxima Ventures.
HifiBio develops therapeutic antibodies that use the body's own immune system against cancer and autoimmune diseases. It had previously raised an undisclosed amount in series A funding from VI Ventures and Nest.Bio Ventures, though further details could not be confirmed.`,
    rounds: [
      round(
        'Series B',
        37_500_000,
        'USD',
        null,
        ['Sequoia China', 'Lyfe Capital'],
        ['Legend Star Capital', 'VI Ventures', 'Nest.Bio Ventures', 'Proxima Ventures'],
      ),
      round('Series A', null, null, null, [], ['VI Ventures', 'Nest.Bio Ventures']),
    ],
  },
  {
    // https://clinicalresearchnewsonline.com/news/2023/08/30/massive-acquisition-of-obesity-drug-developer-clinical-programs-for-rare-genetic-disease-clinical-translation-of-gene-therapies-more
    id: 'inversago',
    company: 'Inversago Pharma',
    aliases: ['Inversago'],
    date: '2023-08-30',
    text: `$1.1B: Obesity Drug Developer Acquired
Novo Nordisk will acquire Inversago Pharma in a $1.07 billion deal, which includes the development of an appetite regulator. The acquisition is expected to be completed in 2023, provided that certain development and commercial milestones are met.`,
    rounds: [],
  },
  {
    // https://www.cnbctv18.com/startup/startup-digest-zomato-to-sign-blinkit-acquisition-on-june-17-report-ms-dhoni-invests-in-garuda-aerospace--musk-may-drop-twitter-deal-13734302.htm
    id: 'ivy-homes',
    company: 'Ivy Homes',
    aliases: [],
    date: '2022-06-06',
    text: `FUNDING NEWS
Ivy Homes raises $7M in seed funding round
Ivy Homes, a prop-tech startup that uses artificial intelligence and machine learning to give home sellers instant liquidity, has raised USD 5.75 million in equity and USD 1.3 million in debt in a seed round of funding.
The round saw participation from Khosla Ventures, Venture Highway, Y Combinator, GFC, Foundamental, Better Capital and Titan Capital. The money will go into building the product and growing the team, a statement said.`,
    rounds: [
      round(
        'Seed',
        7_000_000,
        'USD',
        '2022-06',
        [],
        [
          'Khosla Ventures',
          'Venture Highway',
          'Y Combinator',
          'GFC',
          'Foundamental',
          'Better Capital',
          'Titan Capital',
        ],
      ),
    ],
  },
  {
    // https://fortunly.com/news/fintech/fintech-startup-lydia-raises-usd100m-more/
    id: 'lydia',
    company: 'Lydia',
    aliases: [],
    date: '2021-12-09',
    holdout: true,
    text: `Fintech Startup Lydia Raises $100M More, Becomes Unicorn
After a series C round worth $100 million, the French fintech startup reached a $1 billion valuation and unicorn status. It plans to spend the money on hiring and on expanding into other European countries.
Users can also turn to Lydia for small loans from €100 to €3,000, as well as savings accounts.
Lydia's series C round shows a change in how startups raise money. Lydia became a unicorn mostly because existing investors put more money into the app - namely Tencent, Accel, and Founders Future. The two new investors were Dragoneer and Echo Street.`,
    rounds: [
      round(
        'Series C',
        100_000_000,
        'USD',
        '2021-12',
        [],
        ['Tencent', 'Accel', 'Founders Future', 'Dragoneer', 'Echo Street'],
      ),
    ],
  },
  {
    // https://biospace.com/article/money-on-the-move-advancing-proven-technology
    id: 'mirobio',
    company: 'MiroBio',
    aliases: [],
    date: null,
    text: `MiroBio Raises $97 Million for Autoimmune Diseases
UK-based MiroBio closed a Series B round of financing with $97 million (£80 million).
The money will mainly pay for clinical trials of the company's two lead antibody candidates, MB272 and MB151, to gather safety and efficacy data in patients with autoimmune diseases.
The financing was led by Medicxi with participation from new investors, OrbiMed and Monograph Capital, as well as Oxford Science Enterprises, Samsara BioCapital, SR One and Advent Life Sciences.`,
    rounds: [
      round(
        'Series B',
        97_000_000,
        'USD',
        null,
        ['Medicxi'],
        [
          'OrbiMed',
          'Monograph Capital',
          'Oxford Science Enterprises',
          'Samsara BioCapital',
          'SR One',
          'Advent Life Sciences',
        ],
      ),
    ],
  },
  {
    // https://www.dealstreetasia.com/stories/onecard-joins-india-unicorn-club-300524
    id: 'onecard',
    company: 'OneCard',
    aliases: [],
    date: null,
    text: `Fintech startup OneCard is India's newest unicorn after raising $100m led by Temasek
FPL Technologies-owned OneCard has earned the unicorn tag after the Indian fintech startup raised $100 million in a Series D round, according to media reports.
The fundraising, led by Singapore state investor Temasek, valued the startup at over $1.4 billion.
The round also saw participation from investors such as Sequoia Capital India, Ocean View Investment, QED Holdings, Matrix Partners, and Hummingbird.
Earlier this year, the company said its more than 250,000 customers were spending about $60 million with its cards each month.
The round comes six months after OneCard raised $75 million in its Series C round from QED Investors, an existing investor, at a valuation of $750 million. Sequoia, Matrix Partners, and Hummingbird Ventures also took part in that round.`,
    rounds: [
      round(
        'Series D',
        100_000_000,
        'USD',
        null,
        ['Temasek'],
        ['Sequoia Capital India', 'Ocean View Investment', 'QED Holdings', 'Matrix Partners', 'Hummingbird'],
      ),
      round(
        'Series C',
        75_000_000,
        'USD',
        null,
        [],
        ['QED Investors', 'Sequoia', 'Matrix Partners', 'Hummingbird Ventures'],
      ),
    ],
  },
  {
    // https://www.businessinsider.de/gruenderszene/news/startup-ticker-mai21-origin-bio/
    id: 'origin-bio',
    company: 'Origin.Bio',
    aliases: [],
    date: '2021-05-26',
    text: `26. Mai 2021: Die Biotech-Firma Origin.Bio hat umgerechnet 12,3 Millionen Euro (15 Millionen US-Dollar) eingesammelt. Angeführt wurde die Runde von EQT Ventures. Auch der Transferwise-CEO Taavet Hinrikus und der Teleport-Gründer Sten Tamkivi beteiligten sich. Das Unternehmen aus dem bayerischen Pullach entwickelt synthetische Mikroorganismen, um Rohstoffe für die Produktion biologisch nachzubilden.`,
    rounds: [round(null, 12_300_000, 'EUR', '2021-05', ['EQT Ventures'], ['Taavet Hinrikus', 'Sten Tamkivi'])],
  },
  {
    // https://www.digital-pulse.com.my/2020/10/page/57
    id: 'plenty',
    company: 'Plenty Unlimited',
    aliases: ['Plenty'],
    date: null,
    holdout: true,
    text: `Plenty Unlimited has raised $140 million in new funding to build more vertical farms around the U.S.
The new funding, which brings the company's total haul to $500 million, was led by existing investor Softbank Vision Fund and also included berry farming giant Driscoll's.
The funding comes as Plenty has signed agreements with its new berry-minded investor and with the Albertsons grocery chain.
In the past month, AppHarvest has agreed to be taken public by a special purpose acquisition company in a deal that would value the greenhouse tomato grower at a little under $1 billion. And another leafy green grower, Revol Greens, has raised $68 million for its own greenhouse-based bid.`,
    rounds: [round(null, 140_000_000, 'USD', null, ['Softbank Vision Fund'], ["Driscoll's"])],
  },
  {
    // https://www.businessinsider.de/gruenderszene/news/startup-ticker-mai21-origin-bio/
    id: 'propster',
    company: 'Propster',
    aliases: [],
    date: '2021-05-25',
    text: `Drei Millionen für Wiener Proptech
25. Mai 2021: In einer neuen Finanzierungsrunde hat Propster insgesamt drei Millionen Euro für sein Immobilienportal eingesammelt. Zuvor sei ein Investment geplatzt, schreibt das Handelsblatt. Geld kam nun vom österreichischen AWS Gründerfonds, dem französischen VC Axeleo und PI-Labs aus Großbritannien sowie einigen Altinvestoren. Das Wiener Startup digitalisiert den Bau-, Kauf- und Mietprozess von Immobilien.`,
    rounds: [round(null, 3_000_000, 'EUR', '2021-05', [], ['AWS Gründerfonds', 'Axeleo', 'PI-Labs'])],
  },
  {
    // https://biospace.com/article/money-on-the-move-advancing-proven-technology
    id: 'recode',
    company: 'ReCode Therapeutics',
    aliases: ['ReCode'],
    date: null,
    text: `ReCode Therapeutics Scores $200M for Gene Therapeutics
Biotech company ReCode Therapeutics has obtained a total of $200 million in an oversubscribed Series B extension round of financing.
The California-based company says the money will widen its platform and pipeline to mRNA and gene correction therapeutics for central nervous system, lung, liver and oncology indications.
New investors, Leaps by Bayer and AyurMaya were the lead financers with participation from Amgen Ventures. Existing Investors, including Pfizer Ventures, EcoR1 Capital and Sanofi Ventures also participated in the financing.`,
    rounds: [
      round(
        'Series B extension',
        200_000_000,
        'USD',
        null,
        ['Leaps by Bayer', 'AyurMaya'],
        ['Amgen Ventures', 'Pfizer Ventures', 'EcoR1 Capital', 'Sanofi Ventures'],
      ),
    ],
  },
  {
    // https://yourstory.com/2019/04/weekly-funding-roundup-startup-innovapptive-kuvera
    id: 'routematic',
    company: 'Routematic',
    aliases: [],
    date: null,
    text: `Mumbai-based edtech venture WhiteHat Jr raised $1.3 million in a pre-Series A round from Nexus Venture Partners and Omidyar Network India.
Further, fleet service and transport automation software maker Routematic raised $2.5 million in Pre-series A funding. The round was led by Naresh Malhotra, former CEO, Café Coffee Day, and saw participation from existing investor VAMM Ventures.
Mumbai-based mobile cinema startup Digiplex also raised Rs 25 crore (around $3.6 million) in pre-series A financing.`,
    rounds: [round('Pre-Series A', 2_500_000, 'USD', null, ['Naresh Malhotra'], ['VAMM Ventures'])],
  },
  {
    // https://www.gruenderszene.de/news/ticker-2020-07-22
    id: 'scalable-capital',
    company: 'Scalable Capital',
    aliases: ['Scalable'],
    date: '2020-07-22',
    holdout: true,
    text: `+++ Scalable Capital bekommt 50 Millionen +++
Der Robo-Advisor Scalable Capital hat in einer Series-D-Finanzierungsrunde 50 Millionen Euro eingesammelt. Damit liegt die Gesamtfinanzierung nun bei 116 Millionen und die Post-Money-Bewertung des digitalen Vermögensverwalters bei 400 Millionen Euro. Die Bestandsinvestoren Blackrock, Holtzbrinck Ventures und Tengelmann Ventures trugen knapp die Hälfte der Runde. Von wem der Rest stammt, sagt das Unternehmen nicht. In der Fintech-Szene wird aber vermutet, dass es sich um Hedosophia handelt, den Fonds des Briten Ian Osborne.`,
    rounds: [
      round('Series D', 50_000_000, 'EUR', '2020-07', [], ['Blackrock', 'Holtzbrinck Ventures', 'Tengelmann Ventures']),
    ],
  },
  {
    // https://staging.globalventuring.com/smartnews-carts-off-92m
    id: 'smartnews',
    company: 'SmartNews',
    aliases: [],
    date: null,
    text: `Japan-based news aggregator SmartNews has secured $92m in a series E round co-led by Japan Post Capital, the corporate venture capital unit of postal service Japan Post, it said today.
Private equity firm ACA Investments is leading the round, which the company expects to close formally next month, and which values it at $1.2bn.
The round is being filled out by marketing firm Dentsu; Globis Capital Partners; and DA Consortium, a vehicle of holding group Hakuhodo DY.
The company said it has now raised $182m since it was founded in 2012. It received $4m from Globis Capital Partners in 2013, adding $36m in series B funding from Gree Ventures, the corporate VC arm of Gree, and investment firm Atomico the following year.
Gree later led a $10m bridge round for SmartNews in 2015 that included Globis Capital Partners, Atomico, social network operator Mixi and Social Venture Partners.`,
    rounds: [
      round(
        'Series E',
        92_000_000,
        'USD',
        null,
        ['Japan Post Capital', 'ACA Investments'],
        ['Dentsu', 'Globis Capital Partners', 'DA Consortium'],
      ),
      round(null, 4_000_000, 'USD', '2013', [], ['Globis Capital Partners']),
      round('Series B', 36_000_000, 'USD', '2014', [], ['Gree Ventures', 'Atomico']),
      round(
        'Bridge',
        10_000_000,
        'USD',
        '2015',
        ['Gree'],
        ['Globis Capital Partners', 'Atomico', 'Mixi', 'Social Venture Partners'],
      ),
    ],
  },
  {
    // https://www.starting-up.de/news/news-investments/sorare-fantasy-fussball-plattform-sammelt-40-mio-euro-ein.html
    id: 'sorare',
    company: 'Sorare',
    aliases: [],
    date: null,
    text: `Sorare - Fantasy-Fußball-Plattform sammelt 40 Mio. Euro ein
Sorare hat eine Series-A-Finanzierung in Höhe von 40 Mio. Euro erhalten. Zum Investorenkreis zählen u.a. Fußball-Weltmeister André Schürrle, Antoine Griezmann, Oliver Bierhoff oder Christian Miele, Vorstand des Bundesverbands Deutsche Startups.
Sorare wurde 2018 gegründet und hat seinen Sitz in Paris. Im Januar 2021 hatte die Plattform ein monatliches Kartenverkaufsvolumen von über 3,5 Mio. Euro in 120 Ländern. Die virtuelle Sammelkarte des Stürmers Kylian Mbappé wechselte kürzlich für fast 65.000 US-Dollar den Besitzer.`,
    rounds: [
      round(
        'Series A',
        40_000_000,
        'EUR',
        null,
        [],
        ['André Schürrle', 'Antoine Griezmann', 'Oliver Bierhoff', 'Christian Miele'],
      ),
    ],
  },
  {
    // https://www.bioworld.com/articles/topic/292,84?page=217
    id: 'soteria',
    company: 'Soteria Biotherapeutics',
    aliases: ['Soteria'],
    date: null,
    text: `Soteria Biotherapeutics Inc., which develops switchable bispecific T-cell engagers for patients with solid tumors, has raised $42 million in series A financing to fund early development of a pipeline aimed at validated cancer targets, it said. Roche Venture Fund and 5AM Ventures led the round, with further investments from M Ventures, Novartis Venture Fund and Alexandria Venture Investments.
Flare Therapeutics Inc. came out of stealth mode with $82 million in series A financing.`,
    rounds: [
      round(
        'Series A',
        42_000_000,
        'USD',
        null,
        ['Roche Venture Fund', '5AM Ventures'],
        ['M Ventures', 'Novartis Venture Fund', 'Alexandria Venture Investments'],
      ),
    ],
  },
  {
    // https://www.bioworld.com/articles/topic/292,84?page=217
    id: 'splisense',
    company: 'Splisense',
    aliases: [],
    date: null,
    holdout: true,
    text: `HONG KONG – Splisense Ltd. has closed a $28.5 million series B financing that it said will support its pipeline, including its lead antisense oligonucleotide candidate, SPL84-23, for cystic fibrosis. The Jerusalem-based company, which develops mRNA-altering therapies for CF and other genetic lung diseases, drew support for the round from Orbimed, Israel Biotech Fund, Biotel Ltd. and the Cystic Fibrosis Foundation.`,
    rounds: [
      round(
        'Series B',
        28_500_000,
        'USD',
        null,
        [],
        ['Orbimed', 'Israel Biotech Fund', 'Biotel', 'Cystic Fibrosis Foundation'],
      ),
    ],
  },
  {
    // https://jtam.hk/tag/series-a-round/
    id: 'sport-ngin',
    company: 'Sport Ngin',
    aliases: [],
    date: '2014-06-30',
    text: `First Round Capital, a seed-stage investment firm, has closed a fifth fund of $175M.
Sport Ngin, a Minneapolis, Mn.-based company that helps sports organizations build websites and mobile applications, has raised $25M in Series D funding led by Piper Jaffray Merchant Banking and Causeway Media Partners, with participation from existing investor ICON Venture Partners. The company has raised $35.1M to date.
Plumgrid, a Sunnyvale network infrastructure software vendor, has raised $16.2M in Series B funding led by Longworth Venture Partners.`,
    rounds: [
      round(
        'Series D',
        25_000_000,
        'USD',
        '2014',
        ['Piper Jaffray Merchant Banking', 'Causeway Media Partners'],
        ['ICON Venture Partners'],
      ),
    ],
  },
  {
    // https://jtam.hk/tag/series-a-round/
    id: 'sprout-social',
    company: 'Sprout Social',
    aliases: [],
    date: '2014-06-30',
    text: `Sprout Social, a social media management platform for enterprise, has raised $8M in new funding from Lightbank and NEA. Sprout Social helps companies manage social media, with engagement, publishing and analytics tools for more than 10,000 customers. Founded in 2010 in Chicago, Sprout Social has raised $19M to date and will use the latest funding to open a European headquarters and drive international expansion.`,
    rounds: [round(null, 8_000_000, 'USD', '2014', [], ['Lightbank', 'NEA'])],
  },
  {
    // https://thepaypers.com/fintech/news/starling-bank-raises-gbp-270-mln-in-funding
    id: 'starling-bank',
    company: 'Starling Bank',
    aliases: ['Starling'],
    date: null,
    text: `Starling Bank raises GBP 270 mln in funding
As Sky News reports it, the fundraising took place at a pre-money valuation of GBP 1.1 billion, confirming Starling's status as the newest British banking unicorn. The funding round is being led by Fidelity Management & Research (FMR). The Qatar Investment Authority, Railpen and the hedge fund Millennium Management were all taking stakes as well.
Set up in 2014, Starling now has more than two million accounts, about 300,000 of which belong to SME banking customers.`,
    rounds: [
      round(
        null,
        270_000_000,
        'GBP',
        null,
        ['Fidelity Management & Research'],
        ['Qatar Investment Authority', 'Railpen', 'Millennium Management'],
      ),
    ],
  },
  {
    // https://yourstory.com/2019/04/weekly-funding-nykaa-blackbuck-soonicorns
    id: 'teamonk',
    company: 'Teamonk Global',
    aliases: ['Teamonk'],
    date: null,
    holdout: true,
    text: `Kochi-based SurveySparrow raised $1.4 million in seed funding from Prime Venture Partners. The SaaS startup will put the fresh funds into product development.
AI-based agritech platform Intellolabs raised a seed round of $2 million by Nexus Venture Partners and Omnivore.
Tea brand Teamonk Global raised $1 million in its Pre-Series A round led by Roots Ventures, and former McKinsey Chief Rajat Gupta.`,
    rounds: [round('Pre-Series A', 1_000_000, 'USD', null, ['Roots Ventures', 'Rajat Gupta'])],
  },
  {
    // https://yourstory.com/2018/09/weekly-funding-roundup-theres-a-new-unicorn-in-town-and-its-cornered-half-of-the-500m-raised-this-week
    id: 'udaan',
    company: 'Udaan',
    aliases: [],
    date: null,
    text: `In a week of big funding rounds, the spotlight was on Udaan, which joined the Unicorn club after raising $225 million in a Series C round. Three companies raised $100 million or more, including GreyOrange, which raised $140 million, also in a Series C round.
1) Udaan raises $225M from DST Global and LightSpeed Venture Partners
Lightspeed India MD Bejul Somaia confirmed the news after Udaan announced the $225 million Series C round. The startup, founded by ex-Flipkart executives Vaibhav Gupta, Amod Malviya and Sujeet Kumar, had raised about $50 million from Lightspeed and Apoletto Asia in February this year.`,
    rounds: [
      round('Series C', 225_000_000, 'USD', null, [], ['DST Global', 'LightSpeed Venture Partners']),
      round(null, 50_000_000, 'USD', null, [], ['Lightspeed', 'Apoletto Asia']),
    ],
  },
  {
    // https://bioworld.com/articles/topic/292-financings?page=261
    id: 'vesalius',
    company: 'Vesalius Therapeutics',
    aliases: ['Vesalius'],
    date: null,
    text: `After two years of building its platform, Vesalius Therapeutics Inc. now has $75 million in its pocket from Flagship Pioneering to understand and treat the diseases behind 90% of the world's illnesses. Doug Cole, Vesalius' chairman and co-founder and Flagship's managing partner, drew a line between illness and disease.`,
    rounds: [round(null, 75_000_000, 'USD', null, [], ['Flagship Pioneering'])],
  },
  {
    // https://bioworld.com/articles/topic/292-financings?page=261
    id: 'visby',
    company: 'Visby Medical',
    aliases: ['Visby'],
    date: null,
    text: `Dariohealth Corp. and Sanofi U.S. signed a strategic agreement that gives Dario $30 million to speed adoption of its digital therapeutics platform.
Visby Medical Inc. pulled in more than $100 million in a series E round led by Ping An Voyager Partners. The money will scale production of Visby's instrument-free, single-use real-time polymerase chain reaction (RT-PCR) platform from tens to hundreds of thousands of tests per month.`,
    rounds: [round('Series E', 100_000_000, 'USD', null, ['Ping An Voyager Partners'])],
  },
  {
    // https://www.forbesindia.com/article/take-one-big-story-of-the-day/the-purse-and-curse-of-tiger/68397/1
    id: 'zo-rooms',
    company: 'Zo Rooms',
    aliases: [],
    date: null,
    holdout: true,
    text: `August 2015, New Delhi
Zo Rooms was deep in a bitter, cash-hungry war with Oyo. In July, the online budget hotel aggregator reportedly raised a series A round of $15 million, led by hedge fund major Tiger Global. A month later, Zo Rooms went back to its existing backers, Tiger and Orios Venture Partners, and got another $30 million. The same month, the much bigger Oyo, which counted Sequoia Capital and Greenoaks Capital among its investors, raised $100 million in a Softbank-led series B funding round.`,
    rounds: [
      round('Series A', 15_000_000, 'USD', '2015-07', ['Tiger Global']),
      round(null, 30_000_000, 'USD', '2015-08', [], ['Tiger Global', 'Orios Venture Partners']),
    ],
  },
];

/**
 * A second batch, written after the first batch's rules and first run on the code of that moment (commit 0583b91):
 * another unseen-page measurement, weighted to the false facts the first batch hardly had (roundups of several
 * companies, funds, rumours, acquisitions, totals). Held out as the first batch: the 2nd of every four.
 */
export const PROBES_2: FundingProbe[] = [
  {
    // https://www.wired.com/ (via https://finanster.com/2017/09/22/top-vc-deals-this-week-electric-scooters-slack-and-a-chinese-self-driving-car-firm)
    id: 'gogoro',
    company: 'Gogoro',
    aliases: [],
    date: '2017-09-22',
    text: `Here is a round-up of the week's biggest venture capital deals.
Gogoro raised $300 million in a series C round led by Temasek Holdings, and joined by Al Gore's Generation Investment Management group, Sumitomo and others. Gogoro builds electric scooters and battery-swapping kiosks where riders charge or swap them.
SoftBank poured $250 million into Slack, the workplace chat platform that competes with Microsoft-owned Yammer. The deal valued Slack at $5.1 billion.`,
    rounds: [
      round(
        'Series C',
        300_000_000,
        'USD',
        '2017',
        ['Temasek Holdings'],
        ['Generation Investment Management', 'Sumitomo'],
      ),
    ],
  },
  {
    // https://finanster.com/2017/09/22/top-vc-deals-this-week-electric-scooters-slack-and-a-chinese-self-driving-car-firm
    id: 'jingchi',
    company: 'JingChi',
    aliases: [],
    date: '2017-09-22',
    holdout: true,
    text: `Patreon, a crowdfunding platform, raised $60 million, TechCrunch reported.
Chinese autonomous driving firm JingChi raised $30 million in angel funding, China Money Network reported, and has targeted a Series A round of $100 million. The company's founder, Wang Jin, formerly ran Baidu's autonomous driving unit.
Food-tech startup MealPal raised $20 million in a series B round of funding led by Menlo Ventures.`,
    rounds: [round('Angel', 30_000_000, 'USD', '2017', [])],
  },
  {
    // https://finanster.com/2017/09/22/top-vc-deals-this-week-electric-scooters-slack-and-a-chinese-self-driving-car-firm
    id: 'mealpal',
    company: 'MealPal',
    aliases: [],
    date: '2017-09-22',
    text: `Chinese autonomous driving firm JingChi raised $30 million in angel funding and has targeted a Series A round of $100 million.
Food-tech startup MealPal raised $20 million in a series B round of funding led by Menlo Ventures. The company's customers can order and pick up meals from restaurants for just $6.
C2Sense raised $3.2 million for its "digital nose" that detects gas compounds.
S2G Ventures closed a $180 million fund, its second, to invest in food and agriculture startups. The Chicago firm was co-founded by OpenTable founder Chuck Templeton in 2015.`,
    rounds: [round('Series B', 20_000_000, 'USD', '2017', ['Menlo Ventures'])],
  },
  {
    // https://finanster.com/2017/09/22/top-vc-deals-this-week-electric-scooters-slack-and-a-chinese-self-driving-car-firm
    id: 's2g-ventures',
    company: 'S2G Ventures',
    aliases: ['S2G'],
    date: '2017-09-22',
    text: `The Hong Kong government set up a USD $256 million fund to co-invest alongside venture firms that agree to back local tech startups.
S2G Ventures closed a $180 million fund, its second, to invest in food and agriculture startups. The Chicago firm was co-founded by OpenTable founder Chuck Templeton in 2015.
The Engine, a venture firm founded at MIT, said that its debut fund has grown to a total of $200 million.`,
    rounds: [],
  },
  {
    // https://techminis.com/from-smallcase-to-lendingkart--indian-startups-raised-144-mn-this-week/1900265552
    id: 'smallcase',
    company: 'smallcase',
    aliases: [],
    date: null,
    text: `The last week of March saw strong investment activity in the Indian startup ecosystem, with startups netting $143.7 million in all, 32% more than the week before.
Key highlights include smallcase securing $50 million in a Series D round and Lendingkart raising $29.5 million in a Series E round led by Fullerton Financial Holdings.
The week also saw active participation from investors like ah! Ventures, Accel, SenseAI Ventures, and more, with four startups at the seed stage securing $18.6 million this week.
Several other deals were also announced, with Apna Mart set to raise $25 million, Country Delight raising $25 million, and Groww in talks to secure $200 million at a valuation of $6.5 billion before its IPO.`,
    rounds: [round('Series D', 50_000_000, 'USD', null, [])],
  },
  {
    // https://techminis.com/from-smallcase-to-lendingkart--indian-startups-raised-144-mn-this-week/1900265552
    id: 'groww',
    company: 'Groww',
    aliases: [],
    date: null,
    holdout: true,
    text: `Key highlights include smallcase securing $50 million in a Series D round and Lendingkart raising $29.5 million in a Series E round led by Fullerton Financial Holdings.
In terms of acquisitions, Observe.AI acquired Dubdub.ai, JungleWorks acquired Outplay, and Groyyo bought a stake in Oussum Inc.
Several other deals were also announced, with Apna Mart set to raise $25 million, Country Delight raising $25 million, and Groww in talks to secure $200 million at a valuation of $6.5 billion before its IPO.`,
    rounds: [],
  },
  {
    // https://techminis.com/from-smallcase-to-lendingkart--indian-startups-raised-144-mn-this-week/1900265552
    id: 'outplay',
    company: 'Outplay',
    aliases: [],
    date: null,
    text: `Other notable funding rounds included Abound, Outplay, Grow Indigo, Dozee, and Firefly Diamonds among others.
In terms of acquisitions, Observe.AI acquired Dubdub.ai, JungleWorks acquired Outplay, and Groyyo bought a stake in Oussum Inc.
SEBI kept WeWork India's IPO papers on hold for now, while Meesho, Cult.fit and other startups moved towards their own IPOs.`,
    rounds: [],
  },
  {
    // https://yourstory.com/2021/05/weekly-funding-report-venture-investments-into-startups-remain-subdued/amp
    id: 'myelin-foundry',
    company: 'Myelin Foundry',
    aliases: [],
    date: null,
    text: `Transactions
SuperOps.ai, a tech startup, raised $3 million in seed funding led by Elevation Capital and Matrix Partners India.
Locobuzz Solutions, a SaaS startup, raised Rs 9 crore in a pre-Series A round from Maharashtra State Social Venture Fund.
Deeptech AI startup Myelin Foundry raised $1 million in a pre-Series A round led by Beyond Next Ventures. Endiya Partners also participated.
Haqdarshak, a social enterprise startup, closed its pre-Series A round at Rs 6.65 crore from investors such as The Deepak Group, Impact India Investment Partners, Beyond Capital Fund, Shalini Chhabra, and 3i Partners.`,
    rounds: [round('Pre-Series A', 1_000_000, 'USD', null, ['Beyond Next Ventures'], ['Endiya Partners'])],
  },
  {
    // https://yourstory.com/2021/05/weekly-funding-report-venture-investments-into-startups-remain-subdued/amp
    id: 'haqdarshak',
    company: 'Haqdarshak',
    aliases: [],
    date: null,
    text: `Deeptech AI startup Myelin Foundry raised $1 million in a pre-Series A round led by Beyond Next Ventures. Endiya Partners also participated.
Haqdarshak, a social enterprise startup, closed its pre-Series A round at Rs 6.65 crore from investors such as The Deepak Group, Impact India Investment Partners, Beyond Capital Fund, Shalini Chhabra, and 3i Partners.
Rubix Data Sciences, a tech startup, raised Rs 6.2 crore in a seed round from Cactus Venture Partners, family offices, and high net worth individuals (HNIs).`,
    rounds: [
      round(
        'Pre-Series A',
        66_500_000,
        'INR',
        null,
        [],
        [
          'The Deepak Group',
          'Impact India Investment Partners',
          'Beyond Capital Fund',
          'Shalini Chhabra',
          '3i Partners',
        ],
      ),
    ],
  },
  {
    // https://hyetechminds.com/2021/04/18/startup-monday-issue-10-news-to-follow-this-week-in-the-global-startup-ecosystem-issue-36-19-april-2021/
    id: 'clubhouse',
    company: 'Clubhouse',
    aliases: [],
    date: '2021-04-18',
    holdout: true,
    text: `2. Things are moving at Clubhouse. Along with new features for users, the audio-only app Clubhouse is in the middle of a successful fundraising round.
This month it teamed up with Stripe to let users send money to creators through their profiles, perhaps a way to bring in revenue. On top of this, it is reportedly being valued at $4 billion in a fresh round led by venture-capital firm Andreessen Horowitz.
The Information on Friday reported the fundraising round, saying it would include investments from Tiger Global Management and DST Global. Both are new to Clubhouse.
The Information did not say how much the firms planned to invest. It did report that it was likely more than the $100 million Clubhouse raised in a previous round.
In January, the app had been valued at about $1 billion.`,
    rounds: [round(null, 100_000_000, 'USD', null, [])],
  },
  {
    // https://inc42-dev.thed2csummit.co/buzz/from-ripplr-to-agrizy-indian-startups-raised-72-mn-this-week/amp
    id: 'ripplr',
    company: 'Ripplr',
    aliases: [],
    date: null,
    text: `Key Startup Funding Deals Of This Week
- Bengaluru-based distribution and logistics startup Ripplr raised $40 Mn in its Series B funding round led by Fireside Ventures, the week's biggest fundraise
- Logistics topped the funding charts this week with $46 Mn invested across three deals
- 9Unicorns, Venture Catalysts, and Agility Ventures were the busiest investors this week, taking part in two deals each.`,
    rounds: [round('Series B', 40_000_000, 'USD', null, ['Fireside Ventures'])],
  },
  {
    // https://inc42-dev.thed2csummit.co/buzz/from-ripplr-to-agrizy-indian-startups-raised-72-mn-this-week/amp
    id: '3one4-capital',
    company: '3one4 Capital',
    aliases: ['3one4'],
    date: null,
    text: `Startup Fund Launches This Week
- Bengaluru-based venture capital (VC) firm 3one4 Capital has closed its fourth early-stage investment fund, Fund IV, at $200 Mn to invest in deals from Pre-Seed to Series-A, with cheques of $0.5 Mn to $5 Mn
- Early-stage VC fund AdvantEdge has unveiled its third fund, worth $100 Mn, to invest in seed stage mobility startups
- Venture debt firm Stride Ventures announced the first close of its third venture debt fund at $100 Mn.`,
    rounds: [],
  },
  {
    // https://fairstory.ai/stories/startups-weekly-mixed-messages-from-venture-capital
    id: 'founders-fund',
    company: 'Founders Fund',
    aliases: [],
    date: null,
    text: `In brighter news, funding rounds point to a cautiously hopeful outlook for startups. Marshmallow, a UK insurance startup, raised $90 million, while Hammerspace secured $100 million to grow its data services. Other notable raises include Chapter's $75 million and Arnergy's $15 million Series B extension. Furthermore, Peter Thiel's Founders Fund closed its third growth fund at $4.6 billion, a sign the market may be turning from bearish to bullish.`,
    rounds: [],
  },
  {
    // https://www.friedmanrealestate.com/ann-arbors-plymouth-venture-partners-raises-41-million-for-new-venture-capital-investments/
    id: 'accuri',
    company: 'Accuri Cytometers',
    aliases: ['Accuri'],
    date: '2011-09-22',
    holdout: true,
    text: `Ann Arbor-based venture capital firm Plymouth Venture Partners said today that it had raised $41 million for investments in Midwestern startups, above its goal of $30 million to $40 million.
PVC II has already made three investments. The firm's previous fund made 29 investments totaling about $23 million.
The firm has had a few wins that drew attention to its investing. Its early-stage investment in Scio Township-based Accuri Cytometers paid off when Accuri was sold this year to Becton, Dickinson and Co. for $205 million.`,
    rounds: [],
  },
];
