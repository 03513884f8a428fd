import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src/core/intel/read/clean';
import { sentences } from '../../src/core/intel/read/sentences';
import { moneyIn } from '../../src/core/intel/read/money';
import { personStatements } from '../../src/core/intel/read/people';
import { uniqueRoles } from '../../src/core/intel/read/titles';
import { findDate } from '../../src/core/intel/dates';
import { notNewsKind } from '../../src/core/intel/read/page-kind';
import { pageReader, readPage } from '../../src/core/intel/read/page';
import { namePatterns } from '../../src/core/intel/read/name-patterns';
import type { Document } from '../../src/core/intel/component';

const acme = { name: 'Acme Robotics', domain: null, aliases: ['Acme'], others: [] };
const said = (unit: string) => personStatements(unit, acme).map((s) => `${s.status} ${s.name} | ${s.title ?? ''}`);

describe('reading a page', () => {
  it('drops navigation, cookie notices, share rows, bylines and newsletter mastheads, and keeps table columns apart', () => {
    const page = [
      'Skip to content',
      'Home | About | Careers | Contact',
      'We use cookies to improve your experience. Accept',
      'Share | Tweet | Email',
      'By Jane Smith, Reporter',
      'The Weekly CFO by John Roe',
      'Acme Robotics raised $5 million.',
      'Industry\tRobotics',
    ].join('\n');
    expect(cleanPage(page)).toBe('Acme Robotics raised $5 million.\nIndustry | Robotics');
  });

  it('reads a sentence without its dateline, whose date still dates the page', () => {
    const release = (text: string) =>
      readPage(
        {
          provider: 'tavily',
          url: 'https://news.example/a',
          title: 'Acme expands',
          content: text,
          rawContent: text,
          publishedDate: null,
          score: 1,
        },
        acme,
      );
    const wire = release('BOSTON/PALO ALTO, Calif., March 4, 2024 /PRNewswire/ -- Acme Robotics opened a plant.');
    expect(wire.units).toEqual(['Acme Robotics opened a plant.']);
    expect(wire.date).toBe('2024-03-04');
    expect(release('LONDON, April 17 (Reuters) - Acme Robotics opened a plant.').units).toEqual([
      'Acme Robotics opened a plant.',
    ]);
    // Three capitals are as often a company's name as a place: "TCV — growth equity" stays whole.
    expect(release('TCV — growth equity since 1995.').units).toEqual(['TCV — growth equity since 1995.']);
  });

  it('reads every dateline form once: the date it states dates the page, and the line is read without it', () => {
    const release = (text: string) =>
      readPage(
        {
          provider: 'tavily',
          url: 'https://news.example/b',
          title: 'Acme moves',
          content: text,
          rawContent: text,
          publishedDate: null,
          score: 1,
        },
        acme,
      );
    const forms: [string, string][] = [
      ['DENVER, Colo., June 9, 2023 /PRNewswire/ -- Acme Robotics moved its plant.', '2023-06-09'],
      ['MUNICH, 12 May 2022 – Acme Robotics moved its plant.', '2022-05-12'],
      ['Acme Robotics, Sept. 2, 2021 /Business Wire/ -- Acme Robotics moved its plant.', '2021-09-02'],
      ['Acme Robotics, Sept. 3, 2021, /PRNewswire/ -- Acme Robotics moved its plant.', '2021-09-03'],
      ['DENVER--(BUSINESS WIRE)--Oct. 7, 2020-- Acme Robotics moved its plant.', '2020-10-07'],
      ['2019-04-30 — Acme Robotics moved its plant.', '2019-04-30'],
    ];
    for (const [text, date] of forms) {
      const page = release(text);
      expect(page.units, text).toEqual(['Acme Robotics moved its plant.']);
      expect(page.date, text).toBe(date);
    }
    // A date alone on a line dates the page and is no prefix of anything; a dateline without a year dates nothing.
    const alone = release('June 9, 2023\n\nAcme Robotics moved its plant.');
    expect(alone.date).toBe('2023-06-09');
    expect(alone.units).toEqual(['June 9, 2023', 'Acme Robotics moved its plant.']);
    const yearless = release('DENVER, June 9 (Reuters) - Acme Robotics moved its plant.');
    expect(yearless.units).toEqual(['Acme Robotics moved its plant.']);
    expect(yearless.date).toBeNull();
  });

  it('splits sentences, not initials, credentials, abbreviations or months', () => {
    expect(
      sentences(
        'Acme Inc. named John A. Smith Jr. as CFO on Nov. 3. He holds a Ph.D. from M.I.T. and joined in 2019.\nJane Doe - CEO',
      ),
    ).toEqual([
      'Acme Inc. named John A. Smith Jr. as CFO on Nov. 3.',
      'He holds a Ph.D. from M.I.T. and joined in 2019.',
      'Jane Doe - CEO',
    ]);
    expect(sentences('Acme raised a Series B. The round was led by Initech.')).toEqual([
      'Acme raised a Series B.',
      'The round was led by Initech.',
    ]);
  });

  it('reads a Business Wire dateline whole: no sentence ends at its month, and the page takes its date', () => {
    const text =
      'BOSTON--(BUSINESS WIRE)--Jan. 14, 2025-- Acme Robotics today announced a $12 million Series A. The round was led by Initech.';
    expect(sentences(text)[0]).toBe(
      'BOSTON--(BUSINESS WIRE)--Jan. 14, 2025-- Acme Robotics today announced a $12 million Series A.',
    );
    const document = {
      url: 'https://wire.example.com/acme',
      title: 'Acme Robotics raises $12M',
      content: text,
      rawContent: text,
      publishedDate: null,
      score: 1,
    } as Document;
    expect(readPage(document, acme).date).toBe('2025-01-14');
  });

  it('reads amounts in any currency and scale', () => {
    const amounts = (text: string) => moneyIn(text).map((m) => `${m.currency} ${m.amount}`);
    expect(amounts('raised $45 million, US$1.2bn, €600M and £15m')).toEqual([
      'USD 45000000',
      'USD 1200000000',
      'EUR 600000000',
      'GBP 15000000',
    ]);
    expect(amounts('Rs 1,200 crore and ₹500 crore, 385 million euros, EUR 20 million, $350,000')).toEqual([
      'INR 12000000000',
      'INR 5000000000',
      'EUR 385000000',
      'EUR 20000000',
      'USD 350000',
    ]);
  });

  it('takes a missing year from the page, never putting a date in its future', () => {
    expect(findDate('announced Jan. 15 that it raised', '2025-03-10')).toBe('2025-01-15');
    expect(findDate('had raised 105 million euros in June', '2025-03-10')).toBe('2024-06');
    expect(findDate('raised a seed round last year', '2025-03-10')).toBe('2024');
    expect(findDate('raised a seed round last year', null)).toBeNull();
    expect(findDate('raised more last December', '2025-03-10')).toBe('2024-12');
  });

  it('reads dates written "August, 2019", "August of 2020", "July 24th, 2023" and "30 Nov, 2020"', () => {
    expect(findDate('its August, 2019 seed round')).toBe('2019-08');
    expect(findDate('a round in August of 2020')).toBe('2020-08');
    expect(findDate('on July 24th, 2023 it said')).toBe('2023-07-24');
    expect(findDate('LONDON, 30 Nov, 2020 -')).toBe('2020-11-30');
  });
});

describe('reading the pages of one lookup', () => {
  const hit = (content: string, rawContent: string | null, score: number): Document => ({
    provider: 'tavily',
    url: 'https://news.example.com/acme-raises',
    title: 'Acme Robotics raises $5 million',
    content,
    rawContent,
    score,
    publishedDate: '2025-03-04',
  });
  const text = 'Acme Robotics raised $5 million today. Jane Roe, its chief executive, said so.';

  it('reads a page that two searches return once per target, and gives each caller its own result back', () => {
    const read = pageReader();
    const first = hit('Acme Robotics raised $5 million', text, 0.9);
    const second = hit('Jane Roe, its chief executive', text, 0.4);
    const a = read(first, acme);
    const b = read(second, acme);
    expect(b.units).toBe(a.units);
    expect([a.document, b.document]).toEqual([first, second]);
    expect(b.units).toEqual(readPage(second, acme).units);
    expect(b.newsLike).toBe(readPage(second, acme).newsLike);
    // Another target (a pick among namesakes) or another text (the page read whole) is read afresh.
    expect(read(second, { ...acme, others: ['Acme Insurance'] }).units).not.toBe(a.units);
    const whole = read(hit('Acme Robotics raised $5 million', `${text} It has 40 staff.`, 0.9), acme);
    expect(whole.units).not.toBe(a.units);
    expect(whole.units.at(-1)).toBe('It has 40 staff.');
  });
});

describe('which pages report news', () => {
  const kind = (title: string, opening = '', url = 'https://news.example/story') => notNewsKind(title, url, opening);

  it('takes a headline that asks, or a takeaways box, for an opinion or analysis post', () => {
    expect(kind('Lumora at $3B: a bargain or a bubble?')).toBe('opinion');
    expect(kind('Is Lumora worth it? | Jane Roe')).toBe('opinion');
    expect(
      kind(
        'Lumora has a new CFO',
        'May 2, 2026 Key Takeaways - Lumora named a new CFO. - She ran finance at Northwind.',
      ),
    ).toBe('opinion');
    expect(
      kind('Lumora raises $40 million at a $3 billion valuation', 'Lumora said on Monday it raised $40 million.'),
    ).toBe(null);
  });

  it("takes a headline in the company's own voice, or a read time over a staff member's byline, for a company post", () => {
    expect(kind('Our Routing Engine Is Now Patented')).toBe('company post');
    expect(kind("We're Opening an Office in Denver")).toBe('company post');
    expect(
      kind(
        'Routing engine patent granted',
        'March 3, 2026 | 8 min read Dana Whitfield - Chief Technology Officer We are proud to share that our first patent was granted.',
      ),
    ).toBe('company post');
    // A reporter's byline with a read time is how news sites print articles too.
    expect(
      kind('Lumora lands a patent', 'Sam Roe 4 min read Lumora said on Monday that it was granted a patent.'),
    ).toBe(null);
  });

  it('takes briefs, a weekly round-up or an issue with its contents for a digest of many items', () => {
    expect(kind('Fintech briefs, week of March 2, 2026')).toBe('digest');
    expect(kind('Weekly Fintech Reads | 3/2/26')).toBe('digest');
    expect(
      kind('Space journal, March 2, 2026 - No. 12', 'No. 12 In This Issue : Lumora raises $5M : A rover for the Moon'),
    ).toBe('digest');
  });

  it("takes a news app's page for an aggregator, but not a publisher's name after the headline", () => {
    expect(kind('Lumora buys Northwind – NewsBreak')).toBe('aggregator');
    expect(kind('Lumora buys Northwind', '', 'https://www.newsbreak.com/news/123-lumora-buys-northwind')).toBe(
      'aggregator',
    );
    expect(kind('Lumora buys Northwind – TechCrunch')).toBe(null);
  });

  it('takes an awards page for a list, and a report to shareholders for a filing', () => {
    expect(
      kind(
        'Fintech Firm of the Year: Lumora',
        'Special Report: Fintech Awards 2026 winners Lumora opened 2025 in style',
      ),
    ).toBe('listicle');
    expect(kind('Lumora Holdings plc - Half-year Report')).toBe('filing');
    expect(kind('Lumora Holdings plc - Interim Report and Accounts')).toBe('filing');
  });
});

describe('what a sentence says about people', () => {
  it('reads "one of several" titles, "X, whose founders", and two given names sharing a family name', () => {
    expect(said('That was the view of Jane Doe, one of several managing directors who run the company.')).toEqual([
      'holds Jane Doe | managing director',
    ]);
    expect(said('Acme, whose founders Jane and John Doe sold their first startup in 2008, is hiring.')).toEqual([
      'holds Jane Doe | founder',
      'holds John Doe | founder',
    ]);
    // A singular title after two names is the nearer person's; a plural one is both's.
    expect(said('She said Jane Doe and John Roe, the president and co-owner of Acme, backed the plan.')).toEqual([
      'holds John Roe | president and co-owner',
    ]);
    expect(said('She said Jane Doe and John Roe, the co-founders of Acme, backed the plan.')).toEqual([
      'holds Jane Doe | co-founder',
      'holds John Roe | co-founder',
    ]);
    // Without the shared family name, or with the owner unnamed, nothing changes.
    expect(said('Initech, whose founders Jane and John Doe sold it in 2008, is hiring.')).toEqual([]);
  });

  it('reads a title held before an appointment as the one left, and a co-founder who is a former CEO as departed', () => {
    expect(said("Acme's chief operating officer, Dana Whitlow, has been named acting CEO.")).toEqual([
      'holds Dana Whitlow | acting CEO',
    ]);
    expect(said('Tom Reyes, a co-founder of Acme and its former chief executive, spoke at the summit.')).toEqual([
      'departed Tom Reyes | chief executive',
    ]);
  });

  it('reads "took up the role as", "will take over as", "first", a territory after a title, and what kind of organisation another one is', () => {
    expect(said('Lena Park took up her new role as Commercial President for Europe in May.')).toEqual([
      'holds Lena Park | Commercial President',
    ]);
    expect(said('Her fellow founder, Omar Castell, will take over as the new group CEO.')).toEqual([
      'holds Omar Castell | group CEO',
    ]);
    expect(said("Industry veteran Ruth Nakamura joins as Acme's first chief revenue officer.")).toEqual([
      'holds Ruth Nakamura | chief revenue officer',
    ]);
    // A second role joined by "and" and then "at Initech": both are Initech's.
    expect(
      said('Under the deal, Mara Quinn, Executive Vice President and Fellow at Initech, joins the Acme board.'),
    ).toEqual([]);
    // "of phonemaker Initech": the title is Initech's, so no executive of Acme.
    expect(said('Backers of Acme include Raj Mehta, co-founder of chipmaker Initech.')).toEqual([]);
  });

  it("gives a title right before a person's name to that person, not to the name before the comma", () => {
    expect(
      said(
        "Speaking to our sister title Fleet Weekly, the company's co-founder and CEO Amit Shah said Acme would grow.",
      ),
    ).toEqual(['holds Amit Shah | co-founder and CEO']);
    expect(said("Priya Menon, the company's co-founder and CEO, said Acme would grow.")).toEqual([
      'holds Priya Menon | co-founder and CEO',
    ]);
    // The target's own name after the title (a missing "of") leaves the title with the person before it.
    expect(said('Dana Ruiz, the Senior Vice President of Sales Acme Robotics, stated that it matters.')).toEqual([
      'holds Dana Ruiz | Senior Vice President of Sales Acme Robotics',
    ]);
  });

  it('reads every person of a coordinated list with the title they are named to', () => {
    expect(
      said('Acme named Jane Doe, its COO, and John Roe, its CFO, as interim co-Chief Executive Officers.'),
    ).toEqual([
      'holds Jane Doe | interim co-Chief Executive Officer',
      'holds John Roe | interim co-Chief Executive Officer',
    ]);
  });

  it('keeps titles that belong to another organisation out, including through "its"', () => {
    expect(said('"We are thrilled," said John Smith, General Partner at Accel.')).toEqual([]);
    expect(
      said('ASML is investing in Acme, and its Chief Financial Officer Roger Dassen will join the committee.'),
    ).toEqual([]);
    expect(said('Jane Roe, Executive Vice President at Acme Medical, joined the board.')).toEqual([]);
    expect(
      said("At Blackstone, the industry's largest firm, co-founder Steve Schwarzman (age 74) keeps control."),
    ).toEqual([]);
    expect(said('At Acme, co-founder Jane Roe keeps control.')).toEqual(['holds Jane Roe | co-founder']);
  });

  it('records departures, and a past at another organisation is none', () => {
    expect(
      said('Lip-Bu Tan was appointed CEO, replacing interim co-CEOs David Zinsner and Michelle Johnston Holthaus.'),
    ).toEqual([
      'departed David Zinsner | interim co-CEO',
      'departed Michelle Johnston Holthaus | interim co-CEO',
      'holds Lip-Bu Tan | CEO',
    ]);
    expect(said('Founded by Arthur Mensch, a former DeepMind researcher, Acme builds robots.')).toEqual([
      'holds Arthur Mensch | Founder',
    ]);
  });

  it('reads names with initials, credentials, inner capitals and titles in lower case', () => {
    expect(said('Jane Q. Doe, Ph.D., is the founder, CEO and Chief Investment Officer of Acme Robotics.')).toEqual([
      'holds Jane Q. Doe, Ph.D. | founder, CEO and Chief Investment Officer',
    ]);
    expect(said('Bob McDermott | CTO')).toEqual(['holds Bob McDermott | CTO']);
    expect(said('Cathy Smith, evp, chief financial officer, will report to the CEO.')).toEqual([
      'holds Cathy Smith | evp, chief financial officer',
    ]);
  });

  it('reads appointment and rank verbs, possessives of names ending in s, and a division of the company as its own', () => {
    const systems = { name: 'Acme Systems', domain: null, aliases: [], others: [] };
    expect(
      personStatements("said Rita Vance, Acme Systems' general counsel.", systems).map((s) => `${s.name} | ${s.title}`),
    ).toEqual(['Rita Vance | general counsel']);
    expect(said('Tom Reed also holds the rank of vice president at the plant.')).toEqual([
      'holds Tom Reed | vice president',
    ]);
    expect(said('A former Google engineer, Ana Ruiz was installed as CTO in May.')).toEqual(['holds Ana Ruiz | CTO']);
    expect(said('Sam Cole, an advisor to the CEO, has taken on the new role of chief growth officer.')).toEqual([
      'holds Sam Cole | chief growth officer',
    ]);
    expect(said('Lee Park has been named general manager of the Cloud Services Group, which builds servers.')).toEqual([
      'holds Lee Park | general manager',
    ]);
    expect(said('Lee Park has been named general manager of the Cloud Services Group at Initech.')).toEqual([]);
  });

  it('reads a title whose area ran into the name after it, a middle initial without a full stop, and founders with what they were', () => {
    expect(said("Acme's Head of Finance and Capital Markets Alex Song explains debt.")).toEqual([
      'holds Alex Song | Head of Finance and Capital Markets',
    ]);
    expect(said('Head of Sales Jane Doe said so.')).toEqual(['holds Jane Doe | Head of Sales']);
    expect(said('Kim Burns, evp, Global Coffee will report to Tia Lane, evp, global chief brand officer.')).toEqual([
      'holds Kim Burns | evp, Global Coffee',
      'holds Tia Lane | evp, global chief brand officer',
    ]);
    expect(said('"We grow," said Allen S Yang, MD, PhD, Chief Medical Officer of Acme.')).toEqual([
      'holds Allen S Yang, MD, PhD | Chief Medical Officer',
    ]);
    expect(
      said(
        'Acme, founded in 2021 by game developer, former defense official Gus Scherf, and AI researcher Nils Kohler, builds drones.',
      ),
    ).toEqual(['holds Gus Scherf | Co-founder', 'holds Nils Kohler | Co-founder']);
  });

  it('reads a founders list with longer descriptions and where one came from, and stops it at what happened after', () => {
    expect(
      said('The company, founded by University of Cambridge PhD students Alex Kendall and Amar Shah, grew.'),
    ).toEqual(['holds Alex Kendall | Co-founder', 'holds Amar Shah | Co-founder']);
    expect(
      said('Founded in 2019 by veterans Andy Lapsa, formerly of Blue Origin, and Tom Feldman, Acme grew.'),
    ).toEqual(['holds Andy Lapsa | Co-founder', 'holds Tom Feldman | Co-founder']);
    expect(
      said('Acme was founded in 2015 by Hanno Renner and Roman Schumacher, shortly before Jonas Rieke joined.'),
    ).toEqual(['holds Hanno Renner | Co-founder', 'holds Roman Schumacher | Co-founder']);
    // An award is no founder: "co-founded by a winner of the Turing Award".
    expect(
      said("Acme, a robotics firm co-founded by a winner of last year's Turing Award, raised $20 million."),
    ).toEqual([]);
  });

  it('reads who owns a title from "a True vice president", "one of the firm\'s partners" and "president, Acme,"', () => {
    const owned = (unit: string) => personStatements(unit, acme).map((s) => `${s.name} | ${s.title} | ${s.explicit}`);
    expect(owned('It is run by Shea Donna, an Acme vice president who joined early.')).toEqual([
      'Shea Donna | vice president | true',
    ]);
    expect(owned('Phil Black, one of the firm’s three founding partners, told me.')).toEqual([
      'Phil Black | founding partner | true',
    ]);
    expect(owned('Amy Montagne has been promoted to president, Acme, responsible for growth.')).toEqual([
      'Amy Montagne | president | true',
    ]);
    expect(owned('Amy Montagne, an Initech vice president, spoke.')).toEqual([]);
    // A group of the company "led by" someone: they head it; a nickname in brackets is part of the name.
    expect(
      owned('Acme is also creating a Central Robotics Group led by Rajesh (Raj) Menon, who joined in May.'),
    ).toEqual(['Rajesh (Raj) Menon | Head of Central Robotics Group | false']);
    expect(
      owned(
        'Acme’s credit strategy is now headed by both Ruth Okafor, who joined last year from Initech, and former Globex executive Tom Berg.',
      ),
    ).toEqual(['Ruth Okafor | Head of credit strategy | false', 'Tom Berg | Head of credit strategy | false']);
    // The last of what someone "is", with the company named before the title.
    expect(owned('Ruth Okafor is a chemist, Oxford lecturer and Acme chief science officer.')).toEqual([
      'Ruth Okafor | chief science officer | true',
    ]);
    expect(owned('Ruth Okafor is a chemist and Initech chief science officer.')).toEqual([]);
    // A line's "name, title" reading names no owner; the apposition's company after the title does.
    expect(owned('Ruth Okafor, Partner and Head of Investor Relations, Acme, remarked:')).toEqual([
      'Ruth Okafor | Partner and Head of Investor Relations | true',
    ]);
  });

  it('takes the initials of the company’s name for the company, and no other capitals', () => {
    const machines = { name: 'City Machine Technologies', domain: null, aliases: [], others: [] };
    const owned = (unit: string) =>
      personStatements(unit, machines).map((s) => `${s.name} | ${s.title} | ${s.explicit}`);
    expect(owned('Claudia Kovach, CMT’s vice president, said so.')).toEqual(['Claudia Kovach | vice president | true']);
    expect(owned('Claudia Kovach, CMS’s vice president, said so.')).toEqual([]);
  });

  it('reads a bare partner with the firm named, never "Partners" inside a firm\'s name, and a title without its comma when the firm follows', () => {
    expect(said('Tony Conrad is a Partner at Acme Robotics.')).toEqual(['holds Tony Conrad | Partner']);
    expect(said('John Smith, a partner at Accel, said so.')).toEqual([]);
    expect(
      personStatements('Summit Partners Holding GmBh | Summit Partners Sarl', {
        name: 'Summit Partners',
        domain: null,
        aliases: [],
        others: [],
      }),
    ).toEqual([]);
    expect(said('Nick Cole Chief Technology Officer at Acme Robotics, said the data helps.')).toEqual([
      'holds Nick Cole | Chief Technology Officer',
    ]);
    expect(said('Jane Roe Chief Executive Officer of Initech spoke.')).toEqual([]);
  });

  it('reads a table row of name, other columns and title, and no row without a title cell', () => {
    expect(
      said(
        'Prem S. Shah | Executive | EVP and Group President | None | Oversees the pharmacy business; joined in 2013.',
      ),
    ).toEqual(['holds Prem S. Shah | EVP and Group President']);
    expect(said('Jane Doe | 55 | Board member since 2019 | Audit')).toEqual([]);
  });

  it('counts only the company’s own president as the one president it has', () => {
    expect(uniqueRoles('President and Chief Executive Officer')).toEqual(['ceo', 'president']);
    expect(uniqueRoles('EVP and Group President')).toEqual([]);
    expect(uniqueRoles('President, Nike Brand')).toEqual([]);
    expect(uniqueRoles('President of Consumer, Product and Brand')).toEqual([]);
  });

  it('reads departures said with "also", "would" and "its former"', () => {
    expect(said('Chief commercial officer Kevin Cornils is also leaving.')).toEqual(['departed Kevin Cornils | ']);
    expect(said('Acme said founder George Joseph would step down as chief executive.')).toEqual([
      'departed George Joseph | chief executive',
    ]);
    expect(
      said('George Joseph is chairman of the board, the company’s founder, and its former Chief Executive Officer.'),
    ).toContainEqual('departed George Joseph | Chief Executive Officer');
    expect(said('It was then that CEO Tom Blomfield eased himself out of the CEO seat.')).toEqual([
      'departed Tom Blomfield | ',
    ]);
    expect(said('Jane Doe left Initech in May.')).toEqual([]);
    expect(said('Jane Doe left Acme in May.')).toEqual(['departed Jane Doe | ']);
    // "stepped away", and "ex" without its hyphen (but not the end of a word: "Apex CEO")
    expect(said('Ravi Patel took over after longtime leader Jane Doe stepped away in March.')).toContainEqual(
      'departed Jane Doe | ',
    );
    expect(said('Shares rose when ex CEO Jane Doe bought more of them.')).toContainEqual('departed Jane Doe | CEO');
    expect(said('Acme hired Apex CEO John Roe.')).not.toContainEqual('departed John Roe | CEO');
  });

  it('reads a departure a Title Case headline runs into the name, an "ex" title without its hyphen, and "left last year"', () => {
    expect(said('Acme Robotics CFO Dana Whitfield Steps Down After Audit')).toEqual(['departed Dana Whitfield | ']);
    expect(said('Acme CFO To Retire; Search Begins')).toEqual([]);
    expect(said("L'azienda ha confermato l'uscita dell'ex CEO Marta Ferrantelli.")).toEqual([
      'departed Marta Ferrantelli | CEO',
    ]);
    expect(said('Acme said ex CEO Tom Varga still advises it.')).toEqual(['departed Tom Varga | CEO']);
    expect(said('Acme Robotics general counsel Ivo Brandt left last year to teach.')).toEqual([
      'departed Ivo Brandt | ',
    ]);
  });

  it('reads the title a successor takes over as the only one the predecessor leaves, and an age after the name', () => {
    expect(
      said("Ng succeeds Carla Mendes, Acme's acting CEO, who returns to her post as chief operating officer."),
    ).toEqual(['departed Carla Mendes | acting CEO', 'holds Carla Mendes | chief operating officer']);
    expect(said("Ng succeeds Carla Mendes, Initech's CFO.")).toEqual([]);
    expect(said('The board elected Ruth Okonjo, 58, as Chief Financial Officer of Acme.')).toEqual([
      'holds Ruth Okonjo | Chief Financial Officer',
    ]);
  });

  it('gives a title after a list to every person only when its role is plural, not when its area ends in s', () => {
    expect(said("Jane Doerring and John Roeder, Acme's Vice President, Sales, spoke.")).toEqual([
      'holds John Roeder | Vice President, Sales',
    ]);
    expect(said("Jane Doerring and John Roeder, Acme's Chief Executive Officers, spoke.")).toEqual([
      'holds Jane Doerring | Chief Executive Officer',
      'holds John Roeder | Chief Executive Officer',
    ]);
  });

  it('reads the title a successor takes as the one the person replaced leaves, and the role that person moves to', () => {
    expect(
      said(
        'Rosa Lindqvist has been named chief executive, replacing Tomas Berger, who moves to a non-executive chairman role.',
      ),
    ).toEqual([
      'departed Tomas Berger | chief executive',
      'holds Rosa Lindqvist | chief executive',
      'holds Tomas Berger | non-executive chairman',
    ]);
  });

  it('joins the title before a name and the one set off by commas after it', () => {
    expect(said('Jane Roe has left Acme for what CEO Dana Whitfield, owner, calls personal reasons.')).toEqual([
      'departed Jane Roe | ',
      'holds Dana Whitfield | CEO and owner',
    ]);
  });

  it('takes a single word opening a sentence before a title as an organisation, unless it is a sentence word', () => {
    expect(said('Glenview CEO Larry Robbins will join the Acme board.')).toEqual([]);
    expect(said('Meanwhile CEO Jane Doe said the plan holds.')).toEqual(['holds Jane Doe | CEO']);
  });

  it('ends a name at the end of a word, so a possessive is no shorter name', () => {
    expect(said('Nick Lane is company President Bob Hickey’s son-in-law.')).not.toContainEqual(
      expect.stringContaining('Hicke |'),
    );
  });

  describe('in German, Dutch and French', () => {
    it('reads the title in English, before a name, after "ist"/"est", and in a promotion', () => {
      expect(said('Das erklärte Finanzchefin Jana Muster dem Handelsblatt in Berlin.')).toEqual([
        'holds Jana Muster | CFO',
      ]);
      expect(said('Karel Jansen, die is bevorderd van coo tot mede-ceo, schreef de brief.')).toEqual([
        'holds Karel Jansen | Co-CEO',
      ]);
      expect(
        said('Zum Treffen kam ihre Deutschlandchefin Anna Berger und nicht der Gründer und CEO Max Weber.'),
      ).toEqual(['holds Anna Berger | Deutschlandchefin', 'holds Max Weber | Founder and CEO']);
      expect(said('Jonas Keller ist Mitgründer und CTO des Software-Startups.')).toEqual([
        'holds Jonas Keller | Co-founder and CTO',
      ]);
      expect(said("Selon le directeur financier d'Acme, Paul Martin, la croissance continue.")).toEqual([
        'holds Paul Martin | CFO',
      ]);
      expect(said('Claire Dubois, la cofondatrice discrète de Acme, a parlé.')).toEqual([
        'holds Claire Dubois | Co-founder',
      ]);
    });

    it('reads founders listed after "Die Gründer von Acme:" and "mitgegründet:", each a co-founder', () => {
      expect(said('Die Gründer von Acme: Lena Vogt, Jonas Keller und Paul Brandt (von links)')).toEqual([
        'holds Lena Vogt | Co-founder',
        'holds Jonas Keller | Co-founder',
        'holds Paul Brandt | Co-founder',
      ]);
      expect(said('Haben Acme 2019 mitgegründet: Lena Vogt (l.) und Jonas Keller.')).toEqual([
        'holds Lena Vogt | Co-founder',
        'holds Jonas Keller | Co-founder',
      ]);
      expect(said('Die Gründer von Initech: Lena Vogt und Jonas Keller')).toEqual([]);
    });

    it("gives no title another organisation's: von, bei, der, de, and a compound's first word", () => {
      expect(said('Initech-Gründer Max Weber sprach zuerst.')).toEqual([]);
      expect(said('Max Weber, Vorstandschef der Deutschen Bank, sprach zuerst.')).toEqual([]);
      expect(said('Max Weber ist heute CEO bei Initech.')).toEqual([]);
      expect(said('Claire Dubois, la cofondatrice discrète de Initech, a parlé.')).toEqual([]);
      expect(said('Selon le directeur financier de Initech, Paul Martin, la croissance continue.')).toEqual([]);
    });

    it('records departures: a former title, leaving, stepping down, and founders gone to other firms', () => {
      expect(said('Der frühere Finanzvorstand Max Weber kam auch.')).toEqual(['departed Max Weber | CFO']);
      expect(said('Max Weber scheidet zum Jahresende als Finanzvorstand aus.')).toEqual(['departed Max Weber | CFO']);
      expect(said("L'ancien PDG Paul Martin était présent.")).toEqual(['departed Paul Martin | CEO']);
      expect(said('Max Weber verlässt Initech.')).toEqual([]);
      expect(said('Die Mitgründer Max Weber und Lena Vogt gingen später zu anderen Firmen.')).toEqual([
        'departed Max Weber | ',
        'departed Lena Vogt | ',
      ]);
    });
  });
});

describe("the overview's patterns that hold the target's name", () => {
  const acmeLabs = { name: 'Acme Labs', aliases: ['Acme'] };
  const groups = (match: RegExpExecArray | null) => match && { index: match.index, groups: [...match].slice(1) };

  it("reads the sentence's own text and index around the name, whichever name of the target it is", () => {
    const { appositive, placeBased, placeOwning } = namePatterns(acmeLabs);
    expect(groups(appositive.exec('Shares rose after Acme Labs, a robotics company from Ohio, said so.'))).toEqual({
      index: 18,
      groups: ['robotics', 'company'],
    });
    // The longer name is the one meant: "Acme" alone would leave "Labs" where the description should start.
    expect(groups(appositive.exec('In Acme Labs, the Acme robotics group, Acme Labs hired.'))).toEqual({
      index: 3,
      groups: ['Acme robotics', 'group'],
    });
    expect(placeBased.exec('Acme said Denver-based Acme Corp grew.')?.[1]).toBe('Denver');
    expect(placeOwning.exec("Acme Labs and Salem, Ohio's Acme Inc. merged.")?.[1]).toBe('Salem, Ohio');
  });

  it('matches the name in any case only where the pattern ignores case, and never inside a longer word', () => {
    const { isA, descriptor } = namePatterns(acmeLabs);
    expect(isA.exec('ACME LABS is a robotics company.')?.[1]).toBe('robotics');
    expect(descriptor.exec('the robotics company ACME LABS said')).toBeNull();
    expect(descriptor.exec('the robotics company Acme Labs said')?.[1]).toBe('the robotics');
    expect(descriptor.exec('the robotics company Acmeco said')).toBeNull();
    expect(descriptor.exec('the robotics company Acme Incorporated said')?.[1]).toBe('the robotics');
  });

  it('keeps a full stop or comma in a name from being crossed, as a name written into the pattern would', () => {
    const { isA } = namePatterns({ name: 'Acme, Inc.', aliases: [] });
    expect(isA.exec('Acme, Inc. is a robotics company.')?.[1]).toBe('robotics');
    // A description runs to the next full stop: the one in the name ends it too (the bare "a maker" is read, no words before it).
    expect(isA.exec('Acme, Inc. is a maker of Acme, Inc. robots and a robotics company.')?.[1]).toBeUndefined();
  });
});
