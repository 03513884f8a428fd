import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/intel/component';
import { moneyIn, roughlySameAmount } from '../../src/core/intel/read/money';
import { roundStatements, withoutAsides } from '../../src/core/intel/read/rounds';
import { readPage } from '../../src/core/intel/read/page';
import { investorsIn } from '../../src/core/intel/read/investors';
import { extractFunding, mergeFunding } from '../../src/core/intel/extract/funding';
import { fundingComponent, investmentsOf } from '../../src/core/intel/components/funding';
import type { CompanyReport } from '../../src/core/intel/domain';

const lumora = { name: 'Lumora Analytics', domain: 'lumora.io', aliases: ['Lumora'], others: [] };
const page = (
  text: string,
  url = 'https://news.example.com/lumora',
  publishedDate: string | null = '2025-03-10',
): Document =>
  ({ url, title: 'Lumora Analytics news', content: text, rawContent: text, publishedDate, score: 1 }) as Document;
const statements = (sentence: string, reference: string | null = '2025-03-10') =>
  roundStatements(sentence, lumora, reference).map((s) => [
    s.round,
    s.money?.amount ?? null,
    s.money?.currency ?? null,
    s.date,
  ]);
const rounds = (...texts: string[]) =>
  mergeFunding(
    extractFunding(
      texts.map((text, i) => page(text, `https://news${i}.example.com/lumora`)),
      lumora,
    ),
  ).map((e) => ({
    round: e.round,
    amount: e.amount,
    date: e.date,
    lead: e.leadInvestors,
    investors: e.investors,
    sources: e.sources.length,
  }));

describe('amounts of a round', () => {
  it('treats a converted amount in parentheses as an aside, and tells one sum across currencies', () => {
    const text = 'Lumora raised €600 million ($690 million) in a Series D round.';
    expect(moneyIn(withoutAsides(text)).map((m) => m.amount)).toEqual([600_000_000]);
    expect(roughlySameAmount({ amount: 105_000_000, currency: 'EUR' }, { amount: 113_400_000, currency: 'USD' })).toBe(
      true,
    );
    expect(roughlySameAmount({ amount: 100_000_000, currency: 'EUR' }, { amount: 60_000_000, currency: 'USD' })).toBe(
      false,
    );
  });

  it('takes a bound sum ("more than $60 million") as the round’s when the round is named with it, and as a total when not', () => {
    expect(statements('Lumora closed a Series C extension of more than $60 million led by Orbit Ventures.')).toEqual([
      ['Series C extension', 60_000_000, 'USD', null],
    ]);
    expect(statements('Lumora has raised more than $60 million in an extension of its Series C round.')).toEqual([
      ['Series C', 60_000_000, 'USD', null],
    ]);
    expect(statements('Lumora has raised more than $60 million since it was founded.')).toEqual([]);
  });

  it('reads Indian amounts: plural scale words and lakh grouping of digits', () => {
    expect(
      moneyIn('raised ₹390 crores, then Rs 25 lakhs, and ₹1,02,500 crore in all').map((m) => [m.currency, m.amount]),
    ).toEqual([
      ['INR', 3_900_000_000],
      ['INR', 2_500_000],
      ['INR', 1_025_000_000_000],
    ]);
  });

  it('reads German amounts: scale words, a decimal comma and thousands dots', () => {
    expect(
      moneyIn('hat 75 Millionen Euro eingesammelt, zuvor 90 Mio. Dollar, nun 1,5 Milliarden US-Dollar').map((m) => [
        m.amount,
        m.currency,
      ]),
    ).toEqual([
      [75_000_000, 'EUR'],
      [90_000_000, 'USD'],
      [1_500_000_000, 'USD'],
    ]);
  });

  it('reads the currency of "CA$", "AU$", "HK$" and of a currency named after the sum, and no dollar in an unknown "MX$"', () => {
    const amounts = (text: string) => moneyIn(text).map((m) => [m.amount, m.currency]);
    expect(amounts('Lumora took CA$12 million from Acme and AU$4m from Beta, then HK$80 million.')).toEqual([
      [12_000_000, 'CAD'],
      [4_000_000, 'AUD'],
      [80_000_000, 'HKD'],
    ]);
    expect(
      amounts('a 25 million Swiss franc loan, 300 million Swedish kronor and 40 million Canadian dollars in equity'),
    ).toEqual([
      [25_000_000, 'CHF'],
      [300_000_000, 'SEK'],
      [40_000_000, 'CAD'],
    ]);
    expect(amounts('a round of MX$150 million')).toEqual([]);
  });

  it('reads scale words in a headline’s capitals', () => {
    expect(moneyIn('Lumora Raises $40.8 Million for Product Development').map((m) => m.amount)).toEqual([40_800_000]);
    expect(moneyIn('Lumora agreed to invest EUR 3.2BN').map((m) => [m.amount, m.currency])).toEqual([
      [3_200_000_000, 'EUR'],
    ]);
  });

  it('gives each round of a sentence its own amount and date', () => {
    expect(
      statements(
        'Lumora went from a $5 million seed round in November 2022 to a $21 million Series A in April 2023 to an $80 million Series B in December 2023 at a valuation of $715 million.',
      ),
    ).toEqual([
      ['Seed', 5_000_000, 'USD', '2022-11'],
      ['Series A', 21_000_000, 'USD', '2023-04'],
      ['Series B', 80_000_000, 'USD', '2023-12'],
    ]);
    expect(
      statements(
        'The capital follows its August, 2019 seed round worth $8 million, and the first since its February, 2020-era $15 million raise.',
      ),
    ).toEqual([
      ['Seed', 8_000_000, 'USD', '2019-08'],
      [null, 15_000_000, 'USD', '2020-02'],
    ]);
  });

  it('reads the amount written before a round’s word as the round’s, whatever is said before it', () => {
    expect(
      statements(
        'The company, valued at $8.1 billion after a $750 million fundraising round in March, has 12,000 customers.',
        '2022-11-22',
      ),
    ).toEqual([[null, 750_000_000, 'USD', '2022-03']]);
    expect(
      statements('The Briefing: How Lumora raised $150M in debt financing from Goldman Sachs', '2021-06-30'),
    ).toEqual([['Debt financing', 150_000_000, 'USD', null]]);
  });

  it('reads no round in a running total, a valuation, a bound or a title', () => {
    expect(
      statements(
        'It takes the total raised so far to more than $50 million, including a $9 million seed round last December.',
        '2021-07-29',
      ),
    ).toEqual([['Seed', 9_000_000, 'USD', '2020-12']]);
    expect(statements('The new capital takes the amount the bank has raised during the pandemic to £175m.')).toEqual(
      [],
    );
    expect(
      statements('The round brings total capital raised by the El Segundo, California-based startup to $329 million.'),
    ).toEqual([]);
    expect(statements('The latest fundraise values Lumora, which won a licence this year, at £1 billion.')).toEqual([]);
    expect(statements('Lumora has now raised more than $50 million.')).toEqual([]);
    expect(statements('The company had brought in nearly $1 billion since early 2025.')).toEqual([]);
    expect(statements('In 2020, Lumora received a $225,000 National Science Foundation (NSF) award.')).toEqual([]);
    expect(statements('Podcast | Raising $828M to Build the Analytics Champion of Europe')).toEqual([]);
  });
});

describe('investors of a round', () => {
  it('splits leads from the others that follow them', () => {
    expect(
      investorsIn(
        'The round was led by General Catalyst as well as existing investors Lightspeed, Andreessen Horowitz and BNP Paribas.',
        lumora,
      ),
    ).toMatchObject({
      leads: ['General Catalyst'],
      others: ['Lightspeed', 'Andreessen Horowitz', 'BNP Paribas'],
    });
    expect(
      investorsIn('Funding: ~$200M (March 2026), led by Sequoia with GIC; the Startup Fund anchored the seed', lumora),
    ).toMatchObject({ leads: ['Sequoia'], others: ['GIC'] });
  });

  it('reads a firm whose name starts with a word that opens clauses ("Also Capital")', () => {
    expect(
      investorsIn('It was led by Natural Capital, with participation from Lux Capital and Also Capital.', lumora)
        .others,
    ).toEqual(['Lux Capital', 'Also Capital']);
    expect(investorsIn('It was led by Natural Capital. Also, Lux Capital took part.', lumora).leads).toEqual([
      'Natural Capital',
    ]);
  });

  it('drops descriptions, possessors, asides and citation marks from names', () => {
    expect(
      investorsIn(
        'Also participating in the round was Jeff Dean, the lead of Google AI, and Mixer Labs co-founder Elad Gil, among other angels.',
        lumora,
      ).others,
    ).toEqual(['Jeff Dean', 'Elad Gil']);
    expect(
      investorsIn(
        "It was led by Thomas Tull's U.S. Innovative Technology Fund (USIT), with participation from the Belgian firm Sofina.[2]",
        lumora,
      ),
    ).toMatchObject({
      leads: ['U.S. Innovative Technology Fund'],
      others: ['Sofina'],
    });
    expect(
      investorsIn(
        'New investors include NVentures—NVIDIA’s venture capital arm—Greycroft, and Lee Shapiro of 7Wire Ventures.',
        lumora,
      ).others,
    ).toEqual(['NVentures', 'Greycroft', '7Wire Ventures']);
    expect(
      investorsIn(
        'Breakthrough Energy Ventures, the clean-tech fund created by Bill Gates, was leading the round.',
        lumora,
      ).leads,
    ).toEqual(['Breakthrough Energy Ventures']);
    expect(
      investorsIn(
        "The round included participation from billionaire Peter Thiel and Vinod Khosla's eponymous investment fund Khosla Ventures.",
        lumora,
      ).others,
    ).toEqual(['Peter Thiel', 'Khosla Ventures']);
  });

  it('reads a headline’s lead, and knows when the company it reads for is the investor', () => {
    expect(
      investorsIn('Prima Materia leads €102.5m Series A investment in the British-German defence company', lumora)
        .leads,
    ).toEqual(['Prima Materia']);
    expect(investorsIn('Lumora Analytics led the $10 million Series A of Beta Robotics.', lumora)).toEqual({
      leads: [],
      others: [],
      targetInvests: true,
    });
    expect(
      rounds('Lumora Analytics led the $10 million Series A of Beta Robotics, with participation from Accel.'),
    ).toEqual([]);
  });

  it('names no lead for a loan, for the company or from a news source', () => {
    expect(
      investorsIn(
        'Northgate heads the investment alongside a $100 million debt facility led by Silicon Valley Bank.',
        lumora,
      ).leads,
    ).toEqual(['Northgate']);
    expect(investorsIn('The company, led by CEO Jane Doe, builds analytics tools.', lumora)).toMatchObject({
      leads: [],
      others: [],
    });
    expect(
      investorsIn('The $40 million round was led by Accel, as first reported by TechCrunch.', lumora),
    ).toMatchObject({ leads: ['Accel'], others: [] });
  });
});

describe('funding events assembled from a passage', () => {
  it('gathers the round, its leads and its other investors from the sentences about it', () => {
    const text = [
      'Lumora Analytics has closed a $45 million Series B.',
      'The company previously raised a $12 million Series A in 2023.',
      'The funding round was led by Northgate Ventures, alongside Accel.',
      'Other backers in the new round include existing investor Index Ventures.',
    ].join(' ');
    expect(rounds(text)).toEqual([
      {
        round: 'Series B',
        amount: 45_000_000,
        date: '2025-03-10',
        lead: ['Northgate Ventures'],
        investors: ['Northgate Ventures', 'Accel', 'Index Ventures'],
        sources: 1,
      },
      { round: 'Series A', amount: 12_000_000, date: '2023', lead: [], investors: [], sources: 1 },
    ]);
  });

  it('names an amount by the round the next sentence names', () => {
    expect(
      rounds(
        'Lumora Analytics has raised $40.8 million. The company announced the Series A2 funding round on Tuesday.',
      ),
    ).toMatchObject([{ round: 'Series A2', amount: 40_800_000 }]);
    // The naming sentence's investors are the round's too.
    expect(
      rounds(
        'Lumora has closed $12 million in fresh funding led by Acme Ventures. The Series A round, with participation from Beta Capital and Gamma Partners, takes its total raised to $20 million.',
      ),
    ).toMatchObject([
      {
        round: 'Series A',
        amount: 12_000_000,
        lead: ['Acme Ventures'],
        investors: ['Acme Ventures', 'Beta Capital', 'Gamma Partners'],
      },
    ]);
    // The short name as subject ("Lumora announced"), a month whose year another page gives, investors of the named round.
    const pages = [
      page(
        'Lumora Analytics has raised $260 million. Lumora announced Jan. 15 that it raised a Series C round. Among the investors participating in the Series C round are Accel and Woven Capital.',
        'https://a.example.com',
        null,
      ),
      page('Lumora Analytics closed a $260 million Series C earlier in 2025.', 'https://b.example.com', null),
    ];
    expect(mergeFunding(extractFunding(pages, { ...lumora, aliases: [] }))).toMatchObject([
      { round: 'Series C', amount: 260_000_000, date: '2025-01', investors: ['Accel', 'Woven Capital'] },
    ]);
  });

  it('leaves out a round another organisation raises in a sentence that also names the company', () => {
    expect(rounds('Lumora competes with Beta Health, which raised a $30 million Series B led by Accel.')).toEqual([]);
    expect(rounds('Beta Health, a Lumora Analytics customer, raised $15 million in seed funding.')).toEqual([]);
    expect(rounds('Lumora-backed Beta Health raised $10 million in a Series A.')).toEqual([]);
    expect(rounds('Lumora Analytics rival Beta Health raised $30 million in a Series B.')).toEqual([]);
    expect(rounds('Beta Health, founded by two former Lumora engineers, raised $5 million in seed funding.')).toEqual(
      [],
    );
    // The company itself told the same ways stays, and so does its round in a sentence that tells another's too.
    expect(
      rounds(
        'Lumora Analytics raised $20 million in a Series A led by Accel, which also backed Beta Health, which raised $30 million.',
      ),
    ).toMatchObject([{ round: 'Series A', amount: 20_000_000 }]);
    expect(rounds('Lumora Analytics, an Austin data company, raised $45 million in a Series B.')).toMatchObject([
      { round: 'Series B', amount: 45_000_000 },
    ]);
    expect(rounds('Accel-backed Lumora raised $10 million in a Series A.')).toMatchObject([{ amount: 10_000_000 }]);
    expect(rounds('Startup Lumora, which builds forecasting tools, has raised $12 million.')).toMatchObject([
      { amount: 12_000_000 },
    ]);
  });

  it('reads who raises at the sentence’s first raise: a rival’s which-clause after the company’s round leaves that round in', () => {
    expect(
      rounds("Lumora's $12 million Series A, closed in May, is more than Beta Health, which raised $5 million."),
    ).toMatchObject([{ round: 'Series A', amount: 12_000_000 }]);
    // "who" and "that" introduce the rival raising as "which" does.
    expect(rounds('Lumora competes with Beta Health, who raised a $30 million Series B.')).toEqual([]);
    expect(rounds('Lumora competes with Beta Health, that raised a $30 million Series B.')).toEqual([]);
  });

  it('takes no proper name for the company unnamed: "the European Investment Bank" is no "the investment"', () => {
    expect(
      rounds(
        'Lumora raised €90m in a Series B. Rival Qubitco did gather €120 million last year, but that sum included a loan from the European Investment Bank. Temasek led the round, alongside Wa’ed Ventures.',
      ),
    ).toMatchObject([
      { round: 'Series B', amount: 90_000_000, lead: ['Temasek'], investors: ['Temasek', 'Wa’ed Ventures'] },
    ]);
  });

  it('keeps a round the sentence says came after an event that is no round ("following a regulatory approval")', () => {
    expect(
      rounds(
        'Lumora secured a further $200 million from its current investors, following a major regulatory approval.',
      ),
    ).toMatchObject([{ amount: 200_000_000 }]);
    expect(rounds('Lumora raised $50 million in a Series B, following its $20 million Series A.')).toMatchObject([
      { round: 'Series B', amount: 50_000_000 },
      { round: 'Series A', amount: 20_000_000, date: null },
    ]);
  });

  it('reads a German page’s unnamed raiser ("hat der Anbieter ... eingesammelt") and "warb ... ein"', () => {
    expect(
      rounds(
        'Trotz des schwierigen Umfelds hat der Anbieter für Buchhaltungssoftware weitere 150 Millionen Dollar eingesammelt. Im zweiten Teil einer Series-D-Finanzierungsrunde warb Gründerin Lena Roth nun weitere 150 Millionen Dollar ein. Angeführt wurde die neue Runde von Nordkap.',
      ),
    ).toMatchObject([{ round: 'Series D', amount: 150_000_000, lead: ['Nordkap'] }]);
  });

  it('writes a lead with the fuller name another sentence gives it, so a lead and an investor are one', () => {
    expect(
      rounds('Lumora raised $40 million led by Greenfield. Other investors include Greenfield Capital and Accel.'),
    ).toMatchObject([{ lead: ['Greenfield Capital'], investors: ['Greenfield Capital', 'Accel'] }]);
    // A named vehicle of the lead's is another investor.
    expect(
      rounds('Lumora raised $40 million led by Orbit. Other investors include Orbit Vision Fund 2 and Accel.'),
    ).toMatchObject([{ lead: ['Orbit'] }]);
  });

  it('leaves a rival’s round out, and a round the page looks back on undated', () => {
    expect(
      rounds(
        "Lumora raised $20 million led by Accel. The startup's rival Beta Health raised $50 million led by Index Ventures.",
      ),
    ).toMatchObject([{ amount: 20_000_000, lead: ['Accel'] }]);
    expect(
      rounds(
        'Lumora raised $15M in seed funding from Y Combinator and angel investors. Earlier, Lumora raised a $2 million pre-seed round.',
      ),
    ).toEqual([
      { round: 'Seed', amount: 15_000_000, date: '2025-03-10', lead: [], investors: ['Y Combinator'], sources: 1 },
      { round: 'Pre-seed', amount: 2_000_000, date: null, lead: [], investors: [], sources: 1 },
    ]);
  });

  it('completes a month written without its year with the year another page gives the same round', () => {
    const pages = [
      page('Lumora had already raised 105 million euros in June.', 'https://a.example.com', null),
      page(
        'The new round follows the seed round Lumora raised last year, which brought in €105 million.',
        'https://b.example.com',
        '2024-06',
      ),
    ];
    expect(mergeFunding(extractFunding(pages, lumora)).map((e) => [e.round, e.amount, e.date])).toEqual([
      ['Seed', 105_000_000, '2023-06'],
    ]);
  });

  it('reads no round in a rumour, a hope or a fund an investor raises for itself', () => {
    expect(rounds('Lumora is reportedly in talks to raise $100 million at a $1 billion valuation.')).toEqual([]);
    expect(
      rounds('Before the pandemic, the founder was pitching investors for Lumora, hoping to raise $12 million.'),
    ).toEqual([]);
    expect(rounds('Lumora Capital closed its $300 million Fund IV with commitments from limited partners.')).toEqual(
      [],
    );
    expect(rounds("Lumora's double closing raises $3.3bn")).toEqual([]);
  });

  it('reads a German page’s rounds, a convertible bond, and no round in a tranche paid each time', () => {
    expect(
      rounds(
        'In einer Series-C-Runde hat Lumora insgesamt 155 Millionen Euro (165 Millionen US-Dollar) eingesammelt.',
      ).map((r) => [r.round, r.amount]),
    ).toEqual([['Series C', 155_000_000]]);
    expect(
      rounds('Lumora has secured €150 million through a convertible bond agreement.').map((r) => [r.round, r.amount]),
    ).toEqual([['Convertible bond', 150_000_000]]);
    expect(rounds('Lumora erhält jeweils 50 Millionen Euro, wenn bestimmte Meilensteine erreicht sind.')).toEqual([]);
  });

  it('reads no round where the company puts money in: investing, joining another’s round, a ticket size', () => {
    expect(
      rounds('This month Lumora agreed to invest EUR 3.2bn to support the grid operator, the company said.'),
    ).toEqual([]);
    expect(
      rounds('In late 2006 Lumora joined the $850,000 seed round of Maya’s Mom, a social network for mothers.'),
    ).toEqual([]);
    expect(
      rounds('Lumora typically gets 20 percent of a company for a first check of $1 million to $2 million.'),
    ).toEqual([]);
    // The company's own round, said the same way, is still read.
    expect(
      rounds('Lumora raised a $25 million Series A round of funding in March.').map((r) => [r.round, r.amount]),
    ).toEqual([['Series A', 25_000_000]]);
  });

  it('merges one round from several pages, with all sources and investors, and never distinct rounds', () => {
    const merged = rounds(
      'Lumora raised €105 million in a seed round led by Lightspeed.',
      'French start-up Lumora raised $113.4 million. The fund-raising by Lumora was led by Lightspeed Venture Partners, with participation from Xavier Niel.',
      'Lumora raised a $25 million Series A-1 in March, after a $9.6 million Series A.',
    );
    expect(merged.map((e) => [e.round, e.amount, e.sources])).toEqual([
      ['Seed', 105_000_000, 2],
      ['Series A-1', 25_000_000, 1],
      ['Series A', 9_600_000, 1],
    ]);
    expect(merged[0]).toMatchObject({
      lead: ['Lightspeed Venture Partners'],
      investors: ['Lightspeed Venture Partners', 'Xavier Niel'],
    });
  });

  it('takes as a lead whom most pages name as one, when pages disagree on who led', () => {
    const merged = rounds(
      'Lumora raised $30 million last month in a round led by Acme Ventures and Beta Capital.',
      'Lumora has closed a $30 million Series B led by Acme Ventures, with participation from Beta Capital.',
      'Lumora announced a $30 million Series B co-led by Acme Ventures. Beta Capital also took part in the round.',
    );
    expect(merged).toMatchObject([{ round: 'Series B', amount: 30_000_000, lead: ['Acme Ventures'], sources: 3 }]);
    expect(merged[0]!.investors).toEqual(expect.arrayContaining(['Acme Ventures', 'Beta Capital']));
    // Two pages to one, the other way: both led.
    expect(
      rounds(
        'Lumora raised a $30 million Series B led by Acme Ventures and Beta Capital.',
        'Lumora closed a $30 million Series B co-led by Acme Ventures and Beta Capital.',
        'Lumora raised a $30 million Series B led by Acme Ventures, with Beta Capital participating.',
      )[0]!.lead,
    ).toEqual(['Acme Ventures', 'Beta Capital']);
  });

  it('dates a round by the year most pages give it when they disagree', () => {
    const page2 = (text: string, url: string, date: string | null) => page(text, url, date);
    const merged = mergeFunding(
      extractFunding(
        [
          page2(
            'Lumora was valued at €2 billion after a €90 million Series B round led by Northgate in 2022.',
            'https://a.example.com/1',
            null,
          ),
          page2('Last year Lumora raised €90 million in a Series B round.', 'https://b.example.com/2', '2024-05-02'),
          page2(
            'Lumora raised €90 million about a year ago; now it is back with a bigger round led by Okafor Capital.',
            'https://c.example.com/3',
            '2024-06-20',
          ),
        ],
        lumora,
      ),
    );
    expect(merged.find((e) => e.round === 'Series B')).toMatchObject({ date: '2023', leadInvestors: ['Northgate'] });
  });

  it('leaves the date of "its previous raise in late 2022" to that raise, not to the round a later sentence names', () => {
    expect(
      rounds(
        'Lumora has raised $300 million, lifting its valuation to $4 billion. Northgate and Accel co-led the Series E round, at a valuation double that of its previous raise in late 2022.',
      ),
    ).toMatchObject([{ round: 'Series E', amount: 300_000_000, date: '2025-03-10', lead: ['Northgate', 'Accel'] }]);
  });

  it('keeps a pre-Series A apart from the Series A', () => {
    expect(
      rounds(
        'Lumora closed a $3 million pre-Series A led by Northgate.',
        'Lumora raised a $3.1 million Series A from Accel.',
      ).map((e) => [e.round, e.amount]),
    ).toEqual([
      ['Pre-Series A', 3_000_000],
      ['Series A', 3_100_000],
    ]);
  });

  it('keeps private placements of different sums apart, and a part of a round is no round', () => {
    expect(
      rounds(
        'Lumora closed a private placement of $50 million.',
        'Lumora raised $235 million in a private placement.',
      ).map((e) => e.amount),
    ).toEqual([50_000_000, 235_000_000]);
    expect(
      rounds(
        'Lumora raises €600m. The new funding consists of €468m in equity and €132m in debt.',
        'Last year, Lumora raised €468M in an equity funding round.',
      ).map((e) => e.amount),
    ).toEqual([600_000_000]);
  });
});

/** Rounds read from pages of the given dates, merged: [text, published date] per page. */
const roundsOn = (...pages: [string, string | null][]) =>
  mergeFunding(
    extractFunding(
      pages.map(([text, date], i) => page(text, `https://dated${i}.example.com/lumora`, date)),
      lumora,
    ),
  ).map((e) => ({ round: e.round, amount: e.amount, date: e.date, lead: e.leadInvestors, sources: e.sources.length }));

describe('what a careful reader of funding news leaves out', () => {
  it('reads no round in cash in hand, a stake, public money, a bound, earlier rounds together, or a lead’s own share', () => {
    expect(statements('Lumora started out with only 500 euros in the bank, long before any real funding.')).toEqual([]);
    expect(statements('Lumora is selling back the $98.7 million equity stake it bought in 2020.')).toEqual([]);
    expect(statements('In 2024 Lumora received $180 million in provincial funding toward a new plant.')).toEqual([]);
    expect(statements('The state has committed up to $90 million to the new Lumora plant.')).toEqual([]);
    expect(statements('Before this, the startup had raised $120 million across earlier funding rounds.')).toEqual([]);
    expect(
      statements(
        'Northgate, the firm backed by a billionaire, led the new funding round with a $400 million investment.',
      ),
    ).toEqual([]);
  });

  it('takes a place after the company’s name for a place, not for another organisation raising', () => {
    expect(
      statements('Lumora Analytics in Costa Mesa has closed a new $2.5 billion funding round, the chairman said.').map(
        ([round, amount]) => [round, amount],
      ),
    ).toEqual([[null, 2_500_000_000]]);
  });

  it('reads no round in a letter of intent or in an investor’s plans', () => {
    expect(
      rounds(
        'Lumora said it has signed a letter of intent evaluating a $300 million strategic investment by a chipmaker.',
      ),
    ).toEqual([]);
    expect(rounds('The chipmaker’s chief executive announced plans to invest $200mn in Lumora.')).toEqual([]);
  });

  it('takes the firm, not the person, from "<person>’s <fund>", and ends a list of leads where another clause begins', () => {
    expect(
      investorsIn(
        'The round, co-led by Maria Okafor’s Harbor Fund and Sands Capital, values Lumora at $9 billion.',
        lumora,
      ).leads,
    ).toEqual(['Harbor Fund', 'Sands Capital']);
    expect(investorsIn('The round was led by Northgate’s Eric Vishria.', lumora).leads).toEqual(['Northgate']);
    expect(
      investorsIn(
        'Lumora raised $1 billion in a round led by Northgate and Accel, and Uber also committed money in 2024.',
        lumora,
      ).leads,
    ).toEqual(['Northgate', 'Accel']);
  });
});

describe('rounds joined across sentences and pages as a careful reader joins them', () => {
  it('names an unnamed round from a later sentence that opens on its name', () => {
    expect(
      rounds(
        'Lumora has closed a new $700 million funding round, the company said. Its software is used by banks. The Series F round was oversubscribed, the chief executive said.',
      ).map((r) => [r.round, r.amount]),
    ).toEqual([['Series F', 700_000_000]]);
    expect(
      rounds(
        'Lumora has raised $1.5 billion in venture capital. Much of it will go to new plants. Sands Capital and Northgate co-led the Series F funding round.',
      ).map((r) => [r.round, r.amount, r.lead]),
    ).toEqual([['Series F', 1_500_000_000, ['Sands Capital', 'Northgate']]]);
  });

  it('joins a rounded sum to the precise one, keeping the precise sum and the date a report of the round gives', () => {
    expect(
      roundsOn(
        ['Lumora raised $1.05 billion in a Series C round led by Northgate.', '2024-05-07'],
        ['Lumora raised $1bn last year in a round led by Northgate.', '2025-10-13'],
      ),
    ).toEqual([{ round: 'Series C', amount: 1_050_000_000, date: '2024-05-07', lead: ['Northgate'], sources: 2 }]);
  });

  it('gives an undated sum to the round of that very sum, not to a close one', () => {
    expect(
      roundsOn(
        ['Lumora has raised $1.48 billion in Series E funding.', '2022-12-02'],
        ['Lumora has closed its sixth round of investment, for $1.5 billion.', '2024-08-11'],
        ['Lumora raises $1.5 billion, valuing the company at $14 billion.', null],
      ).map((r) => [r.round, r.amount, r.sources]),
    ).toEqual([
      [null, 1_500_000_000, 2],
      ['Series E', 1_480_000_000, 1],
    ]);
  });

  it('puts a sum one page names after an earlier round under the name other pages give the same sum', () => {
    expect(
      roundsOn(
        ['Lumora raised $1.05 billion in a Series C round.', '2024-05-07'],
        ['Lumora secured $1.5 billion in a Series C funding round, the company announced.', '2026-02-26'],
        ['Lumora has secured a $1.5 billion investment. The Series D round lifts its valuation to $8 billion.', null],
      ).map((r) => [r.round, r.amount, r.sources]),
    ).toEqual([
      ['Series D', 1_500_000_000, 2],
      ['Series C', 1_050_000_000, 1],
    ]);
  });
});

describe('what a page tells only as background, and what a firm invests in', () => {
  it('reads the money a company raised in "its total funds raised" as no fund of a firm’s own', () => {
    expect(
      rounds('Lumora has raised $600m in a record private financing, taking its total funds raised above $1bn.'),
    ).toMatchObject([{ amount: 600_000_000 }]);
    expect(rounds('Lumora has closed its $400 million third fund.')).toEqual([]);
  });

  it('reads an investor putting money "in" the company as the company’s round, and the investor as taking part', () => {
    expect(
      rounds('Orbit Industrial Platforms is investing $30 million into Lumora in a new round, the battery maker said.'),
    ).toMatchObject([{ round: null, amount: 30_000_000, lead: [], investors: ['Orbit Industrial Platforms'] }]);
    // Money the company puts into another company is no round of its own.
    expect(rounds('Lumora is investing $30 million in Tessel, a maker of batteries.')).toEqual([]);
  });

  it('names the firm that owns a fund written in lower case', () => {
    expect(
      investorsIn('Temasek led the round, alongside Bpifrance’s Large Venture fund and Wa’ed Ventures.', lumora),
    ).toMatchObject({ others: ['Bpifrance', 'Wa’ed Ventures'] });
    // An aside about who a firm belongs to names no other investor.
    expect(
      investorsIn(
        'Temasek led the round, alongside NVentures, NVIDIA’s venture capital arm, and Wa’ed Ventures.',
        lumora,
      ),
    ).toMatchObject({ others: ['NVentures', 'Wa’ed Ventures'] });
  });

  it('reads no round in a sum told as background with neither a name nor a time, but keeps one with its month', () => {
    expect(
      rounds('The bank, which once raised £1 million in 96 seconds in a crowdfunding round, is preparing another.'),
    ).toEqual([]);
    expect(
      rounds('Just months earlier, Lumora raised $180 million in January at a $2.1 billion valuation.').map((r) => [
        r.amount,
      ]),
    ).toEqual([[180_000_000]]);
  });

  it('reads no round in money a firm raised to invest in others, whatever rounds it will back', () => {
    expect(rounds('Lumora has raised $500 million across two new vehicles focused on early-stage startups.')).toEqual(
      [],
    );
    expect(rounds('Lumora has closed $400 million in new capital to back seed and Series A startups.')).toEqual([]);
    // A company's own round keeps what it is for.
    expect(rounds('Lumora raised $20 million in a Series A to invest in new products.')).toMatchObject([
      { round: 'Series A', amount: 20_000_000 },
    ]);
  });

  it('takes as the firm’s investments only sentences about the firm itself, not another firm on the same page', () => {
    const firm = { name: 'Northgate Ventures', domain: 'northgate.vc', aliases: ['Northgate'], others: [] };
    const text =
      'Northgate Ventures invests in early-stage climate startups. Brightline Capital has $840 million more to invest in nascent startups. Its portfolio includes Lumora and Tessel.';
    expect(investmentsOf([page(text, 'https://northgate.vc/about')], firm, []).map((i) => [i.kind, i.value])).toEqual([
      ['strategy', 'Northgate Ventures invests in early-stage climate startups.'],
      ['holding', 'Its portfolio includes Lumora and Tessel.'],
    ]);
  });
});

describe('the other investors of a round, however a sentence introduces them', () => {
  it('reads "has taken part in", "put money back in", and the investors a sentence lists in parentheses', () => {
    expect(investorsIn('Harbor Fund has taken part in a $100 million Series B round.', lumora)).toMatchObject({
      others: ['Harbor Fund'],
    });
    expect(
      investorsIn("Lumora's early investors (Quanta Partners, Daphni and Eni Next) also put money back in.", lumora),
    ).toMatchObject({ others: ['Quanta Partners', 'Daphni', 'Eni Next'] });
    // Said after the round, they are that round's.
    expect(
      rounds(
        "Lumora raised €90m in a Series B led by Temasek. Lumora's early investors (Quanta Partners and Daphni) also put money back in.",
      ),
    ).toMatchObject([{ round: 'Series B', investors: ['Temasek', 'Quanta Partners', 'Daphni'] }]);
  });

  it('reads "with investors including", "backed by … investors such as" and "with previous backers … all participating"', () => {
    expect(
      investorsIn(
        'In May 2017 Lumora raised 3 million euros in a seed round, with investors including Harbor Fund, which has backed two unicorns.',
        lumora,
      ),
    ).toMatchObject({ leads: [], others: ['Harbor Fund'] });
    expect(
      investorsIn(
        'Lumora has been backed by well-known investors such as Tessel, Brightline and Okafor Capital in a $90 million funding round.',
        lumora,
      ),
    ).toMatchObject({ leads: [], others: ['Tessel', 'Brightline', 'Okafor Capital'] });
    expect(
      investorsIn(
        'The Series C is co-led by Northgate and Accel, with existing backers Harbor Fund and Sands Capital all participating.',
        lumora,
      ),
    ).toMatchObject({ leads: ['Northgate', 'Accel'], others: ['Harbor Fund', 'Sands Capital'] });
  });

  it('reads "with B and C joining the round", "with B also investing" and "a round headed by A that also included B"', () => {
    expect(
      investorsIn('Northgate led the $8 million seed, with Harbor Fund and Sands Capital also investing.', lumora),
    ).toMatchObject({ leads: ['Northgate'], others: ['Harbor Fund', 'Sands Capital'] });
    expect(
      investorsIn('Lumora took $8 million from Northgate, with new backer Harbor Fund joining the round.', lumora),
    ).toMatchObject({ others: ['Harbor Fund', 'Northgate'] });
    expect(
      investorsIn(
        'Lumora closed a round headed by Northgate that also included Harbor Fund and Okafor Capital.',
        lumora,
      ),
    ).toMatchObject({ leads: ['Northgate'], others: ['Harbor Fund', 'Okafor Capital'] });
    // ", and existing investors B and C also participated" ends the list of leads and names the others.
    expect(
      investorsIn(
        'The seed was led by Northgate, and returning backers Harbor Fund and Okafor Capital also participated.',
        lumora,
      ),
    ).toMatchObject({ leads: ['Northgate'], others: ['Harbor Fund', 'Okafor Capital'] });
    // Without a round before it, "with ... investing" names nobody.
    expect(investorsIn('Lumora, with Harbor Fund investing in rivals, stays independent.', lumora)).toMatchObject({
      leads: [],
      others: [],
    });
  });
});

describe('sentences that go on about the round a page reports', () => {
  it('gives the round the leads of "<company>’s funding was led by" and those who "took part, alongside" others', () => {
    const [round] = rounds(
      'Lumora said on Thursday it had raised $80 million in a funding round. Lumora’s funding was led by Northgate and joined by other investors such as Tessel. Pension funds Harbor Fund and Okafor Capital took part, alongside carmakers Brightline and Kestrel.',
    );
    expect(round).toMatchObject({
      amount: 80_000_000,
      lead: ['Northgate'],
      investors: ['Northgate', 'Tessel', 'Brightline', 'Kestrel', 'Harbor Fund', 'Okafor Capital'],
    });
  });
});

describe('names of funds and firms', () => {
  it('reads no seed round in a fund called "… Seed Fund", and keeps a leading number in a firm’s name', () => {
    expect(
      statements(
        'The expansion is possible thanks to $6 million that Lumora recently raised from seven investors, led by Austin-based 1517 Partners with some funding from Harbor’s Rise of the North Seed Fund.',
      ),
    ).toEqual([[null, 6_000_000, 'USD', null]]);
    expect(
      investorsIn(
        'The expansion is possible thanks to $6 million that Lumora recently raised from seven investors, led by Austin-based 1517 Partners with some funding from Harbor’s Rise of the North Seed Fund.',
        lumora,
      ),
    ).toMatchObject({ leads: ['1517 Partners'] });
  });
});

describe('a headline’s raise', () => {
  it('reads the company raising in a headline’s capitals, named by the short form of its name', () => {
    const found = extractFunding([page('Lumora Lands $90M In Series B Funding')], { ...lumora, aliases: [] });
    expect(found.map((f) => [f.event.round, f.event.amount])).toEqual([['Series B', 90_000_000]]);
  });
});

describe('a round’s sum and its month told around it', () => {
  it('reads "a round that sources say was worth $X" as the round’s sum, and a valuation lifted after "and" as no part of it', () => {
    expect(
      statements(
        'On March 3, 2025, Lumora closed a funding round that insiders say was worth $90 million and lifted its valuation to about $1 billion.',
      ),
    ).toEqual([[null, 90_000_000, 'USD', '2025-03-03']]);
  });

  it('gives "That January round, led by X" to the round of January, not to the round the page reports', () => {
    expect(
      rounds(
        'Lumora closed a $200 million round on October 2. Only months earlier, Lumora raised $80 million in January. That January round, led by Tessel, paved the way.',
      )
        .map((r) => [r.amount, r.lead])
        .sort(),
    ).toEqual([
      [200_000_000, []],
      [80_000_000, ['Tessel']],
    ]);
  });
});

describe('who took a bond', () => {
  it('reads the other party of "a convertible bond agreement with X" as the investor', () => {
    expect(
      investorsIn(
        'Lumora has secured €90 million through a convertible bond agreement with Boston-based Harbor Holdings.',
        lumora,
      ),
    ).toMatchObject({ leads: [], others: ['Harbor Holdings'] });
  });
});

describe('a profile’s bulleted funding line', () => {
  it('reads the sum of a bulleted "Funding:" line even when a later clause names an older round', () => {
    expect(
      rounds(
        '- Funding: ~$90M at a ~$2B valuation (May 2024), led by Northgate with Tessel; Harbor Fund anchored the 2021 seed',
      ).map((r) => [r.round, r.amount, r.date, r.lead, r.investors]),
    ).toEqual([[null, 90_000_000, '2024-05', ['Northgate'], ['Northgate', 'Tessel']]]);
  });
});

describe('the year of a month on an undated page', () => {
  it('takes the year of the latest date the page states for an earlier month, unless another page gives the year', () => {
    expect(
      roundsOn([
        'Lumora reported revenue of $75 million in April 2025. Lumora closed $300 million in Series D financing in February.',
        null,
      ]).map((r) => [r.round, r.date]),
    ).toEqual([['Series D', '2025-02']]);
    expect(
      roundsOn(
        [
          'Lumora took a $100 million Series B in October 2023. Lumora has raised $260 million in a Series C in January.',
          null,
        ],
        ['Lumora closed a $260 million Series C earlier in 2025.', null],
      ).map((r) => [r.round, r.date]),
    ).toEqual([['Series C', '2025-01']]);
  });
});

describe('investors in a filing’s sentences', () => {
  it('reads a list of people with their titles and honorifics, and a company with its legal form, that took part', () => {
    expect(
      investorsIn(
        'Jane Q. Roe, the Company’s Chief Executive Officer and majority stockholder, Dr. Amir Patel, President and member of the Board, and certain employees each participated as Investors.',
        lumora,
      ).others,
    ).toEqual(['Jane Q. Roe', 'Amir Patel']);
    expect(
      investorsIn('Tessel, Inc. ("Tessel") also participated as an Investor, buying 500,000 shares.', lumora).others,
    ).toEqual(['Tessel']);
  });

  it('reads who bought the shares of a placement, and no one named only by an honorific and a surname', () => {
    expect(
      investorsIn(
        'Lumora has completed a $20 million private placement through the sale of common stock to its Executive Chairman, Jane Q. Roe, and to one other investor.',
        lumora,
      ).others,
    ).toEqual(['Jane Q. Roe']);
    expect(
      investorsIn(
        'Lumora issued 2,000,000 new shares of common stock to Ms. Roe and 150,000 shares in aggregate with Okafor Capital and the Patel Family Trust, for gross proceeds of $20 million.',
        lumora,
      ).others,
    ).toEqual(['Okafor Capital', 'Patel Family Trust']);
  });
});

describe('pages the funding searches must reach', () => {
  /** A search engine at the outer edge: a quoted phrase must be on the page; the rest ranks; at most `maxResults`. */
  const engine = (pages: Document[]) => async (request: { query: string; maxResults?: number }) => {
    const phrases = [...request.query.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    return pages
      .filter((p) => phrases.every((phrase) => `${p.title} ${p.content}`.includes(phrase)))
      .slice(0, request.maxResults ?? 5)
      .map((p) => ({ ...p, provider: 'tavily' }));
  };
  const run = async (pages: Document[], target: typeof lumora & { shortName?: string }) => {
    const output = await fundingComponent.run({
      query: target.name,
      target,
      search: engine(pages),
      readPages: async () => new Map(),
      read: readPage,
      llm: null,
      now: Date.now(),
      maxExecutives: 10,
      signal: new AbortController().signal,
    });
    const report = { funding: [] } as unknown as CompanyReport;
    output.apply(report);
    return report.funding.map((e) => [e.round, e.amount]);
  };

  it('searches by the short form a headline uses, and reads a page the page’s topic makes the company’s', async () => {
    const lumoraAnalytics = { ...lumora, aliases: ['Lumora'], shortName: 'Lumora' };
    const headline = {
      ...page('Lumora Grabs $90M In Series B Funding for its analytics platform'),
      title: 'Lumora Grabs $90M In Series B',
    };
    expect(await run([headline], lumoraAnalytics)).toEqual([['Series B', 90_000_000]]);
  });

  it('reads more than the first ten pages a search returns', async () => {
    const filler = Array.from({ length: 12 }, (_, i) =>
      page(`Lumora Analytics opened office number ${i + 1} this week.`, `https://f${i}.example.com`),
    );
    const round = page('Lumora Analytics has raised $30 million in a Series B.', 'https://late.example.com');
    expect(await run([...filler, round], lumora)).toEqual([['Series B', 30_000_000]]);
  });
});

describe('who raises, by the company’s fuller name', () => {
  it('reads "Acme Industries has raised" as the raise of the company looked up as "Acme", not a namesake’s', () => {
    const short = { name: 'Lumora', domain: null, aliases: [], others: [] };
    const found = (others: string[]) =>
      extractFunding([page('Lumora Industries has raised $80 million in venture money, its largest sum yet.')], {
        ...short,
        others,
      }).map((f) => f.event.amount);
    expect(found([])).toEqual([80_000_000]);
    expect(found(['Lumora Industries'])).toEqual([]);
  });
});

describe('sums that are not raised money', () => {
  it('leaves out a year closed "with $X in billings" and keeps "$X in seed capital" as the seed round', () => {
    expect(
      statements('Lumora closed the last fiscal year with $2.6 billion in adjusted billings, up 9%.', null),
    ).toEqual([]);
    expect(statements('Lumora has raised $9.1 million in seed capital for its first product.', null)).toEqual([
      ['Seed', 9_100_000, 'USD', null],
    ]);
  });
});

describe('a round told again with its investors', () => {
  it('reads who the money came from after "in equity from"', () => {
    expect(
      investorsIn(
        'Lumora took $40 million in equity from its current backers and one newcomer, Boston fund Tessel Capital.',
        lumora,
      ).others,
    ).toEqual(['Tessel Capital']);
  });

  it('gives the investors of a sentence that repeats the round’s sum to that round, even in the present tense', () => {
    expect(
      rounds(
        'Lumora set to raise another £30 million. Lumora is raising another £30 million from current shareholders and one new backer, Harbor Ventures.',
      ).map((r) => [r.amount, r.investors]),
    ).toEqual([[30_000_000, ['Harbor Ventures']]]);
  });
});

describe('the day a round was announced, and times to come', () => {
  it('dates a round by "the company announced yesterday (Mar. 4)" and never by "later this year"', () => {
    expect(
      statements(
        'Lumora will open offices in Paris later this year after raising $70 million in a Series B that values it at $1 billion, the company announced yesterday (Mar. 4).',
        '2025-03-05',
      ),
    ).toEqual([['Series B', 70_000_000, 'USD', '2025-03-04']]);
    expect(
      statements(
        'Lumora will open offices in Paris later this year after raising $70 million in a Series B.',
        '2025-03-05',
      ),
    ).toEqual([['Series B', 70_000_000, 'USD', null]]);
  });
});

describe('backers named after the round', () => {
  it('gives "Backers include A, B and C" opening a sentence to the round just told', () => {
    expect(
      rounds(
        'Lumora Analytics has secured a $90 million investment. The Series C round lifts its valuation to $1 billion. Backers include Tessel, chip maker Harbor Labs, and Quill, which added more money.',
      ).map((r) => [r.round, r.investors]),
    ).toEqual([['Series C', ['Tessel', 'Harbor Labs', 'Quill']]]);
  });
});

describe('headline verbs and investors described as funds', () => {
  it('reads "Acme Nabs $6M" and "Acme Bags $6M" as raises', () => {
    for (const verb of ['Nabs', 'Bags', 'Snags'])
      expect(
        extractFunding([page(`Lumora ${verb} $6.2M to Grow Its Sensor Network`)], { ...lumora, aliases: [] }).map(
          (f) => f.event.amount,
        ),
      ).toEqual([6_200_000]);
  });

  it('keeps a raise whose lead is described as "a venture capital fund": the fund invests, it is not raised', () => {
    expect(
      rounds(
        'Lumora is moving to Austin thanks to $8 million it has raised, led by Tessel Partners, an Austin early-stage venture capital fund, and Quill Growth.',
      ).map((r) => [r.amount, r.lead]),
    ).toEqual([[8_000_000, ['Tessel Partners', 'Quill Growth']]]);
  });
});

describe('an investor as the subject of the round it led', () => {
  it('reads "Boston’s X went on to lead a $2 million seed round" on the company’s page as the company’s seed, led by X', () => {
    expect(
      rounds(
        'Boston’s Tessel Ventures went on to lead a $2.3 million seed round. Lumora Analytics was on its way.',
      ).map((r) => [r.round, r.amount, r.lead]),
    ).toEqual([['Seed', 2_300_000, ['Tessel Ventures']]]);
  });

  it('leaves a round an investor led in another named company', () => {
    expect(rounds('Tessel Ventures went on to lead a $2.3 million seed round in Beacon Robotics.')).toEqual([]);
  });
});

describe('rounds an investor is said to have led before', () => {
  it('reads "X, which led Acme’s seed round in May 2019 and its Series A" as two earlier rounds led by X, the A undated', () => {
    expect(
      rounds(
        'Lumora’s latest round was co-led by Tessel Partners, which led Lumora’s seed round in May 2019 and its Series A, and Quill, a newcomer.',
      ).map((r) => [r.round, r.date, r.lead]),
    ).toEqual([
      ['Seed', '2019-05', ['Tessel Partners']],
      ['Series A', null, ['Tessel Partners']],
    ]);
  });

  it('leaves the rounds such an investor led in another company', () => {
    expect(rounds('Tessel Partners, which led Beacon’s seed round in May 2019, joined Lumora’s board.')).toEqual([]);
  });
});

describe('German funding news', () => {
  const leads = (sentence: string) => investorsIn(sentence, lumora).leads;
  const others = (sentence: string) => investorsIn(sentence, lumora).others;

  it('reads the leads of "Federführend ist", "angeführt von", "Angeführt wurde … von" and "unter der Führung von"', () => {
    expect(leads('Federführend war der Wagniskapitalgeber Nordlicht Ventures.')).toEqual(['Nordlicht Ventures']);
    expect(leads('Lumora sammelt 20 Millionen Euro ein, angeführt von Nordlicht Ventures.')).toEqual([
      'Nordlicht Ventures',
    ]);
    expect(leads('Angeführt wurde die neue Runde vom Geldgeber Nordlicht Ventures.')).toEqual(['Nordlicht Ventures']);
    expect(
      investorsIn(
        'Die Runde erfolgte unter der Führung von Nordlicht Ventures und mit Beteiligung von Alpha Capital und Beta Partners.',
        lumora,
      ),
    ).toMatchObject({
      leads: ['Nordlicht Ventures'],
      others: ['Alpha Capital', 'Beta Partners'],
    });
    // The leads before their verb, a bank's description dropped.
    expect(leads('Die Runde wurde von Nordlicht Ventures, Porsche und der Privatbank Kessler angeführt.')).toEqual([
      'Nordlicht Ventures',
      'Porsche',
      'Kessler',
    ]);
  });

  it('reads those who took part: "Beteiligt sind außerdem", "Zu den Investoren gehören", "Auch … beteiligten sich"', () => {
    expect(others('Beteiligt sind außerdem Alpha Capital und Beta Partners.')).toEqual([
      'Alpha Capital',
      'Beta Partners',
    ]);
    expect(others('Zu den Investoren gehören Alpha Capital sowie Beta Partners.')).toEqual([
      'Alpha Capital',
      'Beta Partners',
    ]);
    expect(others('Auch Alpha Capital und Beta Partners beteiligten sich.')).toEqual([
      'Alpha Capital',
      'Beta Partners',
    ]);
    expect(others('Lumora erhielt 10 Millionen Euro vom britischen Geldgeber Gamma Ventures.')).toEqual([
      'Gamma Ventures',
    ]);
  });

  it('reads "Neu dabei sind" and "haben ebenfalls nachgelegt", past where investors are from and who they are', () => {
    expect(
      others('Neu dabei ist das dänische Family Office 9-Holding sowie Vorstandschef Karl Berger und seine Frau Lena.'),
    ).toEqual(['9-Holding', 'Karl Berger']);
    expect(
      others(
        'Die Altgesellschafter Alpha Capital und Beta Partners aus Österreich sowie Gamma Ventures aus der Schweiz haben ebenfalls nachgelegt.',
      ),
    ).toEqual(['Alpha Capital', 'Beta Partners', 'Gamma Ventures']);
  });

  it('reads "Serie-B-Runde" as a Series B, and the sum of a "Finanzierungsrunde über" despite "bislang"', () => {
    expect(statements('Lumora sammelt in einer Serie-B-Runde 1,5 Mrd. Dollar ein.', null)).toEqual([
      ['Series B', 1_500_000_000, 'USD', null],
    ]);
    expect(
      statements('Lumora schließt die bislang größte Finanzierungsrunde über 12 Millionen Euro ab.', null),
    ).toEqual([[null, 12_000_000, 'EUR', null]]);
  });

  it('reads one unit of a scale in the singular, and no round in a valuation', () => {
    expect(moneyIn('bei 1 Milliarde Euro, zuvor 1 Million Dollar').map((m) => [m.amount, m.currency])).toEqual([
      [1_000_000_000, 'EUR'],
      [1_000_000, 'USD'],
    ]);
    expect(statements('Damit wird Lumora nun mit 2 Milliarden Euro bewertet.', null)).toEqual([]);
    expect(statements('Lumora nimmt 50 Millionen Euro auf, die Bewertung steigt auf 1 Milliarde Euro.', null)).toEqual([
      [null, 50_000_000, 'EUR', null],
    ]);
  });

  it('gives the round a page reports the investors the sentences after it name', () => {
    expect(
      rounds(
        'Lumora hat 40 Millionen Euro eingesammelt. Federführend ist der Investor Nordlicht Ventures. Auch Alpha Capital und Beta Partners beteiligten sich. Neu dabei ist Delta Partners.',
      ).map((r) => [r.amount, r.lead, r.investors]),
    ).toEqual([
      [40_000_000, ['Nordlicht Ventures'], ['Nordlicht Ventures', 'Alpha Capital', 'Beta Partners', 'Delta Partners']],
    ]);
  });
});

describe('money spent, earned or paid out is no round', () => {
  it('reads no round in an acquisition price, a buyback, an order, a settlement, a tax credit, a fund vehicle or a plant investment', () => {
    for (const sentence of [
      'Lumora completed its $300 million acquisition of Beta Health in 2024.',
      'Lumora announced a $100 million share repurchase programme in 2024.',
      'Lumora received a $40 million order from Beta Health in 2024.',
      'Lumora announced $40 million in new orders in 2024.',
      'Lumora secured a $40 million settlement in 2024.',
      'Lumora received a $40 million tax credit in 2024.',
      'Lumora announced a $250 million early-stage vehicle in 2023.',
      'Lumora announced a $40 million investment in its Ohio plant in 2024.',
      'The company completed the sale of its lending unit for $40 million in 2024.',
    ])
      expect(rounds(sentence), sentence).toEqual([]);
  });

  it('still reads a round raised to pay for acquisitions', () => {
    expect(rounds('Lumora raised $40 million to fund acquisitions in 2024.').map((r) => r.amount)).toEqual([
      40_000_000,
    ]);
  });
});

describe('money a company is paid, or gets for others', () => {
  it('reads no round in an upfront or milestone payment, or money under a partnership', () => {
    for (const sentence of [
      'Lumora received a $40 million upfront payment from Beta Health in 2024.',
      'Lumora secured $40 million in milestone payments in 2024.',
      'The company received $40 million in 2024 under its partnership with Beta Health.',
    ])
      expect(rounds(sentence), sentence).toEqual([]);
  });

  it('reads no round of the company’s in a financing it arranged or a round it got for another', () => {
    for (const sentence of [
      'Lumora, the lender, arranged a $40 million financing for Beta Health in 2024.',
      'Lumora helped its client Beta Health raise $40 million in 2024.',
      'Lumora co-led a $40 million round for Beta Health in 2024.',
    ])
      expect(rounds(sentence), sentence).toEqual([]);
  });
});

describe('leads described at length', () => {
  it('reads a lead behind several descriptions ("major Japanese venture capital firm B")', () => {
    expect(
      investorsIn(
        'The new round in Lumora was led by Ohio-based venture investor Orbit Venture Capital and major Danish growth equity firm Delta Capital, among others.',
        lumora,
      ).leads,
    ).toEqual(['Orbit Venture Capital', 'Delta Capital']);
  });

  it('names no founder of a lead described in an aside, even after its "and"', () => {
    expect(
      investorsIn(
        'Lumora raised $50 million in a round led by Orbit Labs, the holding company set up by former Acme chief Jane Doe and early Acme backer John Roe.',
        lumora,
      ).leads,
    ).toEqual(['Orbit Labs']);
  });
});

describe('a round a later page tells again', () => {
  it('is the round an earlier page reported, not a second one dated by the later page', () => {
    const news = page(
      'Orbit Partners is investing $25 million in Lumora in a round, the risk software maker said.',
      'https://a.example.com/1',
      '2024-03-05',
    );
    const later = page(
      'An arm of Orbit Group has invested $25 million in Lumora’s round to build its first plant.',
      'https://b.example.com/2',
      '2024-11-20',
    );
    const events = mergeFunding(extractFunding([news, later], lumora));
    expect(events.map((e) => [e.amount, e.date, e.sources.length])).toEqual([[25_000_000, '2024-03-05', 2]]);
  });
});

describe('what a roundup and a firm’s profile say', () => {
  it('reads no seed round in "a seed-stage investment firm" closing a fund', () => {
    expect(
      rounds('Lumora Analytics, the seed-stage investment firm in Leeds, has closed a fourth fund of $120M.'),
    ).toEqual([]);
  });

  it('gives "the startup" of a roundup to the company the roundup named last, not to the page’s company', () => {
    const roundup = [
      '1) Orbit raises $90M from Delta Partners',
      'The startup, set up by former bankers, had raised about $30 million from Delta in March this year.',
      '2) Lumora raises $40M Series B from Kestrel Capital',
    ].join('\n');
    expect(rounds(roundup).map((r) => [r.round, r.amount])).toEqual([['Series B', 40_000_000]]);
  });
});

describe('who a list of investors names', () => {
  it('names no organisation where a lead holds a title ("led by Jane Doe, former CEO, Acme Foods, and")', () => {
    const found = investorsIn(
      'Lumora raised $3 million in a round led by Jane Doe, former CEO, Acme Foods, and saw participation from Orbit Ventures.',
      lumora,
    );
    expect([found.leads, found.others]).toEqual([['Jane Doe'], ['Orbit Ventures']]);
  });

  it('names the person, not the role, of "der Acme-CEO Jane Doe" and "der Orbit-Gründer John Roe"', () => {
    expect(
      investorsIn(
        'Angeführt wurde die Runde von Kestrel. Auch der Acme-CEO Jane Doe und der Orbit-Gründer John Roe beteiligten sich.',
        lumora,
      ).others,
    ).toEqual(['Jane Doe', 'John Roe']);
  });

  it('reads "Existing Investors, including A" as A, and a firm named "Leaps by Bayer" as a lead', () => {
    expect(
      investorsIn('Existing Investors, including Orbit Ventures and Kestrel Capital also participated.', lumora).others,
    ).toEqual(['Orbit Ventures', 'Kestrel Capital']);
    expect(investorsIn('The round was led by Leaps by Bayer and Kestrel Capital.', lumora).leads).toEqual([
      'Leaps by Bayer',
      'Kestrel Capital',
    ]);
  });
});

describe('the lists of a round’s investors, by how the sentence gives them', () => {
  const of = (sentence: string) => {
    const found = investorsIn(sentence, lumora);
    return [found.leads, found.others];
  };

  it('reads leads "led jointly by", "A and B were the lead financers" and "A later led a $10m bridge round"', () => {
    expect(of('The financing was led jointly by Orbit Capital and Kestrel.')).toEqual([
      ['Orbit Capital', 'Kestrel'],
      [],
    ]);
    expect(of('New backers Orbit Capital and Kestrel were the lead financers.')).toEqual([
      ['Orbit Capital', 'Kestrel'],
      [],
    ]);
    expect(of('Orbit Capital later led a $10m bridge round for Lumora.')[0]).toEqual(['Orbit Capital']);
  });

  it('reads who the money came from: "$140M Series C from A and B", "The funding came from A and B"', () => {
    expect(of('Lumora raises $140M Series C from Orbit Capital and Kestrel')[1]).toEqual(['Orbit Capital', 'Kestrel']);
    expect(of('The funding came from Orbit Capital and Kestrel, with participation from Delta.')[1]).toEqual([
      'Delta',
      'Orbit Capital',
      'Kestrel',
    ]);
  });

  it('reads others after "and included new investors", "featuring" and "took part in the round, with"', () => {
    expect(of('The round was led by Orbit Capital and included new investors Kestrel and Delta.')).toEqual([
      ['Orbit Capital'],
      ['Kestrel', 'Delta'],
    ]);
    expect(of('Lumora closed a $30m series B round featuring Kestrel, a vehicle of Delta Holdings.')[1]).toEqual([
      'Kestrel',
    ]);
    expect(
      of('Orbit Capital also took part in the round, with Kestrel, and existing investors Delta and Acme Ventures.')[1],
    ).toEqual(['Kestrel', 'Delta', 'Acme Ventures', 'Orbit Capital']);
  });

  it('reads "It had previously raised" a named round as the company’s, and "a total of $X in an oversubscribed Series B"', () => {
    expect(
      rounds(
        'Lumora raised $40 million in a Series B. It had previously raised an undisclosed amount in series A funding from Kestrel.',
      ).map((r) => [r.round, r.amount, r.investors]),
    ).toEqual([
      ['Series B', 40_000_000, []],
      ['Series A', null, ['Kestrel']],
    ]);
    expect(
      rounds('Lumora has obtained a total of $90 million in an oversubscribed Series B round.').map((r) => [
        r.round,
        r.amount,
      ]),
    ).toEqual([['Series B', 90_000_000]]);
  });
});

describe('a roundup’s sentences about other companies', () => {
  it('gives no investors of another company’s round of the same name to the page’s round', () => {
    const found = rounds(
      'Lumora raised $1 million in a pre-Series A round led by Orbit Ventures. Beta Health, a care startup, closed its pre-Series A round at $2 million from investors such as Kestrel and Delta.',
    );
    expect(found.map((r) => [r.round, r.amount, r.investors])).toEqual([
      ['Pre-Series A', 1_000_000, ['Orbit Ventures']],
    ]);
  });

  it('reads no round of the page’s company in "Lumora securing $50M and Beta raising $29M in a Series E"', () => {
    expect(
      rounds(
        'Highlights include Lumora securing $50 million in a Series D round and Beta Health raising $29.5 million in a Series E round led by Kestrel.',
      ).map((r) => [r.round, r.amount]),
    ).toEqual([['Series D', 50_000_000]]);
  });

  it('reads no round in a sector’s sum "invested across three deals", and names "A’s Orbit Investment Management group" as Orbit Investment Management', () => {
    expect(
      rounds('Analytics topped the funding charts at Lumora’s event with $46 Mn invested across three deals.'),
    ).toEqual([]);
    expect(
      investorsIn(
        'Lumora raised $30 million led by Kestrel, and joined by Al Roe’s Orbit Investment Management group.',
        lumora,
      ).others,
    ).toEqual(['Orbit Investment Management']);
  });
});

describe('German abbreviations inside a sentence', () => {
  it('reads "in Höhe von 40 Mio. Euro erhalten" as one sentence, the round with its sum', () => {
    expect(
      rounds('Lumora hat eine Series-A-Finanzierung in Höhe von 40 Mio. Euro erhalten, u.a. von Kestrel.').map((r) => [
        r.round,
        r.amount,
      ]),
    ).toEqual([['Series A', 40_000_000]]);
  });
});

describe('a round named in the sentence after its sum', () => {
  it('names the sum by "The Leeds company expects the private placement to close"', () => {
    expect(
      rounds(
        'Lumora has secured about $9 million by selling 4 million units. The Leeds company expects the private placement to close this week.',
      ).map((r) => [r.round, r.amount]),
    ).toEqual([['Private Placement', 9_000_000]]);
  });
});

describe('sums another sentence part gives', () => {
  it('reads no round in a sentence that sums up ("In all, the grocer had raised $160 million before this round")', () => {
    expect(rounds('In all, the Leeds grocer had raised $160 million before this round.')).toEqual([]);
  });

  it('gives a round none of the investors another sum came from ("$10m in series F, after $200m from A and B")', () => {
    expect(
      rounds(
        'Kestrel had provided $10m in series F funding to Lumora four months earlier, after $200m from Orbit Capital and Delta.',
      ).map((r) => [r.round, r.amount, r.investors]),
    ).toEqual([['Series F', 10_000_000, []]]);
  });
});

describe('money that is no round of the company’s', () => {
  it('reads no round in a lead’s ticket ("co-led the round with $100M"), a conditional total or a planned investment', () => {
    expect(rounds('- Kestrel Management co-led the round with $100M, and Delta also took part.')).toEqual([]);
    expect(rounds('If Orbit joins, the ongoing round at Lumora would reach about $500 million.')).toEqual([]);
    expect(
      rounds('Lumora will enter Chile and Peru with a planned investment of $120 million, its chief executive said.'),
    ).toEqual([]);
  });
});

describe('a list of rounds with their sums', () => {
  it('pairs each round with the sum of its own clause: "$81 million in its Series C, $215 million in Series D"', () => {
    expect(
      statements(
        'In 2021 Lumora raised $81 million in its Series C, $215 million in Series D and $251 million in Series E.',
      ).map((s) => s.slice(0, 2)),
    ).toEqual([
      ['Series C', 81_000_000],
      ['Series D', 215_000_000],
      ['Series E', 251_000_000],
    ]);
  });
});

describe('a price per share and a place before an investor', () => {
  it('reads no round’s sum in a price "at Rs 223,791.52 each", and names "New York-based Kestrel" as Kestrel', () => {
    expect(
      statements('Lumora will allot 25,230 Series C shares at Rs 223,791.52 each to raise Rs 60.3 crore.').map((s) =>
        s.slice(0, 3),
      ),
    ).toEqual([['Series C', 603_000_000, 'INR']]);
    expect(
      investorsIn('Lumora raised $6 million from Orbit Capital and New York-based Kestrel.', lumora).others,
    ).toEqual(['Orbit Capital', 'Kestrel']);
  });
});

describe('abstaining on a sum no raise is stated for', () => {
  it('reads no round where only "investment" goes with a sum (a write-down), and still reads a raise stated by its verb', () => {
    expect(
      rounds(
        'Lumora Analytics is a data firm. The firm also took a $90 million write-down after its investment in the payments app Zapply failed.',
      ),
    ).toEqual([]);
    expect(rounds('Lumora Analytics picked up $12 million from Kestrel Partners this spring.')).toMatchObject([
      { amount: 12_000_000 },
    ]);
  });
});
