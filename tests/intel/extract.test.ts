import { describe, expect, it } from 'vitest';
import { extractExecutives, functionOf, seniorityOf } from '../../src/core/intel/extract/executives';
import { extractNews } from '../../src/core/intel/extract/news';
import { extractOverview } from '../../src/core/intel/extract/overview';
import { bestSupported, specificFirst } from '../../src/core/intel/components/overview';
import { sentences } from '../../src/core/intel/read/sentences';
import type { Document } from '../../src/core/intel/component';

const target = { name: 'Lumora Analytics', domain: 'lumora.io', aliases: [], others: [] };
const page = (content: string): Document => ({
  url: 'https://www.lumora.io/team',
  title: 'Team',
  content,
  rawContent: content,
  publishedDate: null,
  score: 1,
  provider: 'tavily',
});
const people = async (content: string) => (await extractExecutives([page(content)], target)).map((f) => f.value);

describe('deterministic executive extraction', () => {
  it('accepts names the lexicon knows and unknown names alone in their sentence', async () => {
    expect(await people('Jane Okafor is the Chief Executive Officer of Lumora Analytics.')).toEqual([
      'Jane Okafor | Chief Executive Officer',
    ]);
    expect(
      await people('Priya Raman, Vice President of Engineering, leads the platform team at Lumora Analytics.'),
    ).toEqual(['Priya Raman | Vice President of Engineering']);
  });

  it('takes German names for people and German titles in English, and no founder of a company named in a compound', async () => {
    expect(
      await people(
        'Die Gründer von Lumora Analytics: Jörg Lindner, Ingo Brecht und Wiebke Hansen (von links). Das sagte Finanzvorstand Wolfram Gruber der Frankfurter Allgemeinen Zeitung in München.',
      ),
    ).toEqual([
      'Jörg Lindner | Co-founder',
      'Ingo Brecht | Co-founder',
      'Wiebke Hansen | Co-founder',
      'Wolfram Gruber | CFO',
    ]);
    expect(
      await people(
        'Momox-Gründer Christian Wegner erzählt von Krisen. Der frühere Finanzvorstand Wolfram Gruber kam auch.',
      ),
    ).toEqual([]);
  });

  it('takes a family name one letter off on another page for a typo of the same person, not a second executive', async () => {
    const pages = [
      'Gabriel Pereyra is the President of Lumora Analytics.',
      'Gabriel Pereyra, President of Lumora Analytics, spoke.',
      'Gabriel Pereira, co-founder of Lumora Analytics, said so.',
    ].map((text, i) => ({ ...page(text), url: `https://news${i}.example/lumora` }));
    expect((await extractExecutives(pages, target)).map((f) => f.value.split(' | ')[0])).toEqual([
      'Gabriel Pereyra',
      'Gabriel Pereyra',
      'Gabriel Pereyra',
    ]);
    // A name with and without its middle initial is one person, when only one person goes by it.
    const initials = [
      'Leo P. Hickey is the President of Lumora Analytics.',
      'Leo Hickey, CEO and President of Lumora Analytics, spoke.',
    ].map((text, i) => ({ ...page(text), url: `https://news${i}.example/lumora` }));
    expect(new Set((await extractExecutives(initials, target)).map((f) => f.value.split(' | ')[0]))).toHaveProperty(
      'size',
      1,
    );
    // A short form of a longer name is one person: the first half of a hyphenated given name, or a middle name
    // the person goes by; either name may come first.
    for (const [full, short] of [
      ['Pierre-Henri Lacombe', 'Pierre Lacombe'],
      ['Darius Sam Kohli', 'Sam Kohli'],
    ])
      for (const texts of [
        [`${full} is the President of Lumora Analytics.`, `${short}, CEO and President of Lumora Analytics, spoke.`],
        [`${short}, CEO and President of Lumora Analytics, spoke.`, `${full} is the President of Lumora Analytics.`],
      ]) {
        const forms = texts.map((text, i) => ({ ...page(text), url: `https://news${i}.example/lumora` }));
        const names = (await extractExecutives(forms, target)).map((f) => f.value.split(' | ')[0]);
        expect(new Set(names).size, texts.join(' / ')).toBe(1);
      }
    // One page naming both spellings tells two people apart.
    expect(
      new Set(
        (await people('Dana Meyers is the CFO of Lumora Analytics. Dana Myers is the CTO of Lumora Analytics.')).map(
          (v) => v.split(' | ')[0],
        ),
      ),
    ).toEqual(new Set(['Dana Meyers', 'Dana Myers']));
  });

  it('takes a name without one of its given names for the person the pages name in full, shown by the full name', async () => {
    const pages = [
      'Lumora Analytics named Rafael Tomas Quintero as its chief executive.',
      'Tomas Quintero, CEO of Lumora Analytics, spoke on Monday.',
      'Rafael Quintero is the CEO of Lumora Analytics.',
    ].map((text, i) => ({ ...page(text), url: `https://news${i}.example/lumora` }));
    expect(new Set((await extractExecutives(pages, target)).map((f) => f.value))).toEqual(
      new Set(['Rafael Tomas Quintero | chief executive']),
    );
  });

  it('keeps the title a person returns to when a successor takes the interim one', async () => {
    const pages = [
      { ...page('Carla Mendes is the Chief Operating Officer of Lumora Analytics.'), publishedDate: '2024-03-01' },
      {
        ...page("Ng succeeds Carla Mendes, Lumora Analytics' interim CEO, who returns to her post."),
        publishedDate: '2024-09-01',
      },
    ].map((p, i) => ({ ...p, url: `https://news${i}.example/lumora` }));
    expect((await extractExecutives(pages, target)).map((f) => f.value)).toEqual([
      'Carla Mendes | Chief Operating Officer',
    ]);
  });

  it('takes a name set off by commas whose words the lexicon does not know, beside a name it knows', async () => {
    expect(
      await people(
        'Michelle Burns, evp, will report to Oyelaran Quddus, evp, chief brand officer of Lumora Analytics.',
      ),
    ).toEqual(['Michelle Burns | evp', 'Oyelaran Quddus | evp, chief brand officer']);
  });

  it('asks the tagger when someone else is in the sentence, and drops a candidate that is not a person', async () => {
    expect(await people('Supply Chain, Chief Executive Officer Jane Okafor said on Monday.')).toEqual([
      'Jane Okafor | Chief Executive Officer',
    ]);
  });

  it('takes a bare vice president or partner when the sentence names no organisation but the company, and then only', async () => {
    expect(await people('The plant doubles in size next year, said Adam Hickey, vice president.')).toEqual([
      'Adam Hickey | vice president',
    ]);
    // Another organisation, or a name no lexicon knows as a person's, may own the title.
    expect(await people('Acme Ventures backed the round, said Adam Hickey, partner.')).toEqual([]);
    expect(await people('Ohio Republican and co-chair Troy Balderson urged attendees to act.')).toEqual([]);
    // A common word opening the sentence is no organisation, even run together with the company's name.
    expect(
      await people(
        'Part of Lumora’s story, from a talk with managing directors Greg Goldfarb and Peter Rottier, is old.',
      ),
    ).toEqual(['Greg Goldfarb | managing director', 'Peter Rottier | managing director']);
    // Another person in the sentence owns no title.
    expect(await people('Nick Peters, vice president, is the son-in-law of Bob Hickey.')).toEqual([
      'Nick Peters | vice president',
    ]);
    // "the firm" is the company only when no other organisation is named, even one opening with a title word.
    expect(await people('Adam Hickey, who founded Lumora, is a partner at the firm.')).toEqual([
      'Adam Hickey | partner',
    ]);
    expect(await people('Founders Fund backed Lumora early, and Adam Hickey is a partner at the firm.')).toEqual([]);
    // A dateline's places are where the story was filed, not organisations the title may be of.
    expect(
      await people(
        'DENVER/SAN JOSE, Calif. – Lumora mostly backs late-stage firms, said Adam Hickey, a partner at the firm.',
      ),
    ).toEqual(['Adam Hickey | partner']);
    expect(
      await people(
        'Nick Peters also holds the rank of vice president and is company President Bob Hickey’s son-in-law.',
      ),
    ).toEqual(['Nick Peters | vice president']);
  });

  it("gives a successor the title the predecessor leaves, unless the sentence states the successor's own", async () => {
    expect(
      await people(
        'Jonas Rieke, the chief legal officer of Lumora Analytics, has resigned and is being replaced by Ann Poe, Initech’s deputy counsel.',
      ),
    ).toEqual(['Ann Poe | chief legal officer']);
    expect(
      await people(
        'Lumora Analytics said Jonas Rieke is retiring as CEO and will be succeeded by Ann Poe, its president.',
      ),
    ).toEqual(['Ann Poe | president']);
  });

  it('reads "Acme\'s chief strategy officer, Jane Doe, says", but not a company only described', async () => {
    expect(await people("Lumora Analytics' chief strategy officer, Jane Okafor, says more is coming.")).toEqual([
      'Jane Okafor | chief strategy officer',
    ]);
    expect(await people("In 1997 the San Jose company's founders, Jane Okafor and her husband, wanted out.")).toEqual(
      [],
    );
  });

  it('reads founders introduced with "including" and a founding group, and a chief scientist who "previously helped" elsewhere', async () => {
    expect(
      await people(
        'Founded in 2017 by researchers from two universities including Hanno Renner, Arseniy Vershinin, and Ignaz Forstmeier, Lumora Analytics serves banks.',
      ),
    ).toEqual(['Hanno Renner | Co-founder', 'Arseniy Vershinin | Co-founder', 'Ignaz Forstmeier | Co-founder']);
    expect(
      await people('The Lumora Analytics founding management group includes Simon, Jonas Rieke and Hanno Renner.'),
    ).toEqual(['Jonas Rieke | Co-founder', 'Hanno Renner | Co-founder']);
    expect(
      await people(
        "Lumora Analytics' chief scientist Jane Okafor, who previously helped build Initech's tracker, moves to Vancouver.",
      ),
    ).toEqual(['Jane Okafor | chief scientist']);
    // Having served as one is having left it.
    expect(await people('Jane Okafor, who previously served as CFO of Lumora Analytics, spoke.')).toEqual([]);
  });

  it('reads a pair of appointments, and joining "as a partner" when only the company is named', async () => {
    expect(
      await people(
        'Papers filed for Lumora Analytics list Jane Okafor as chief executive and Jonas Rieke as chief operating officer.',
      ),
    ).toEqual(['Jonas Rieke | chief operating officer', 'Jane Okafor | chief executive']);
    expect(await people('Lumora Analytics said investor Jane Okafor is joining the firm as a partner.')).toEqual([
      'Jane Okafor | partner',
    ]);
    // A past employer is no owner of the new title; a firm the sentence names otherwise is.
    expect(
      await people(
        'At Lumora Analytics, Jane Okafor, formerly of Initech (Initech Ventures), has joined as an investment partner.',
      ),
    ).toEqual(['Jane Okafor | investment partner']);
    expect(await people('Initech backed it, and Jane Okafor is joining the firm as a partner.')).toEqual([]);
  });

  it('reads an appointment in a news headline, with the hire described by a past elsewhere', async () => {
    const news = (title: string, content: string): Document => ({
      ...page(content),
      url: 'https://news.example/lumora-ceo',
      title,
      publishedDate: '2025-10-30',
    });
    const headline = 'Lumora Analytics hires former Initech executive Jane Okafor as chief executive';
    const body = 'The analytics firm said the search had taken a year. Shares rose on the news.';
    expect((await extractExecutives([news(headline, body)], target)).map((f) => [f.value, f.evidence])).toEqual([
      ['Jane Okafor | chief executive', headline],
    ]);
    // A page that is no news (a profile) is not read by its title.
    expect(await extractExecutives([{ ...news(headline, body), publishedDate: null }], target)).toEqual([]);
  });

  it('takes no title as current from a page fifteen years old or more, unless a newer or undated one repeats it', async () => {
    const dated = (publishedDate: string, content: string): Document => ({ ...page(content), publishedDate });
    const now = Date.parse('2026-12-01');
    const old = dated('1998-03-02', 'Jane Okafor, CEO, said the rates take effect in April.');
    expect(await extractExecutives([old], target, undefined, now)).toEqual([]);
    expect((await extractExecutives([old], target, undefined, Date.parse('2005-01-01'))).map((f) => f.value)).toEqual([
      'Jane Okafor | CEO',
    ]);
    const undated = page('Jane Okafor, CEO of Lumora Analytics, spoke at the summit.');
    expect(new Set((await extractExecutives([old, undated], target, undefined, now)).map((f) => f.value))).toEqual(
      new Set(['Jane Okafor | CEO']),
    );
  });

  it('reads a byline whose author names their own title at the company in the first person', async () => {
    const post = (company: string) =>
      `Mar 3, 2025\nRuth Okafor\n\nI'm the Head of Legal at ${company}, and colleagues often ask how we use it.`;
    expect(await people(post('Lumora Analytics'))).toEqual(['Ruth Okafor | Head of Legal']);
    expect(await people(post('Initech'))).toEqual([]);
  });

  it('reads capitalised titles of several words whole, and a board chair of another company as no title here', async () => {
    expect(await people('Jane Okafor, Chief Policy Officer and General Counsel of Lumora Analytics, spoke.')).toEqual([
      'Jane Okafor | Chief Policy Officer and General Counsel',
    ]);
    expect(await people('Jonas Rieke, Managing Director of Lumora Analytics, spoke.')).toEqual([
      'Jonas Rieke | Managing Director',
    ]);
    expect(
      await people(
        'As part of the round, Ann Poe, Chairman of the Board, Initech plc, will join the Lumora Analytics board.',
      ),
    ).toEqual([]);
  });

  it('reads no common word opening a sentence as part of a name', async () => {
    expect(await people('Ask Jane Okafor, the co-founder and CEO of Lumora Analytics, and she will say so.')).toEqual([
      'Jane Okafor | co-founder and CEO',
    ]);
  });

  it("takes every person of a founders list with a known first name in it, and says a founder CEO's title once", async () => {
    expect(
      await people(
        'Lumora Analytics was founded in 2015 by Hanno Renner, Arseniy Vershinin and Ignaz Forstmeier. Jonas Rieke joined later. Hanno Renner, the co-founder and CEO of Lumora Analytics, spoke. CEO Hanno Renner said so.',
      ),
    ).toEqual([
      'Hanno Renner | co-founder and CEO',
      'Hanno Renner | co-founder and CEO',
      'Hanno Renner | co-founder and CEO',
      'Arseniy Vershinin | Co-founder',
      'Ignaz Forstmeier | Co-founder',
    ]);
  });

  it('reads "co-founder and now Executive Chairman" as both titles, so a newer chair outranks an undated one', async () => {
    const pages = [
      { text: 'Jerry Ungerman currently serves as Chairman of Lumora Analytics.', date: null },
      { text: 'Gil Shwed, co-founder and now Executive Chairman of Lumora Analytics, explains.', date: '2025-04-22' },
    ].map(({ text, date }, i) => ({ ...page(text), url: `https://news${i}.example/lumora`, publishedDate: date }));
    expect((await extractExecutives(pages, target)).map((f) => f.value)).toEqual([
      'Gil Shwed | co-founder and Executive Chairman',
    ]);
  });

  it("gives a role to its newest holder whatever form of the older holder's name the pages use", async () => {
    const pages = [
      { text: 'Leo P. Hickey is the President of Lumora Analytics.', date: '2019-03-01' },
      { text: 'Leo Hickey, CEO of Lumora Analytics, spoke.', date: '2020-05-01' },
      { text: 'Dana Meyers is the CEO of Lumora Analytics.', date: '2024-06-01' },
    ].map(({ text, date }, i) => ({ ...page(text), url: `https://news${i}.example/lumora`, publishedDate: date }));
    expect((await extractExecutives(pages, target)).map((f) => f.value)).toEqual(['Dana Meyers | CEO']);
  });

  it.each([
    ['Chief Executive Officer', 'executive', 'c_level'],
    ['President', 'executive', 'c_level'],
    ['Vice President of Engineering', 'technology', 'vp'],
    ['Senior Vice-President, Sales', 'sales', 'vp'],
    ['Executive Vice President of Marketing', 'marketing', 'vp'],
    ['Chief Financial Officer', 'finance', 'c_level'],
    ['Co-founder and CTO', 'executive', 'founder'],
    ['Head of People', 'people', 'head'],
  ])('classifies "%s" as function %s, seniority %s', (title, fn, seniority) => {
    expect(functionOf(title)).toBe(fn);
    expect(seniorityOf(title)).toBe(seniority);
  });
});

describe('deterministic news extraction', () => {
  const article = (title: string, content: string): Document => ({
    ...page(content),
    url: 'https://news.example/lumora',
    title,
    publishedDate: '2026-10-02',
  });

  it('ends a sentence at a blank line, so a headline or dateline without a full stop stays apart', () => {
    expect(
      sentences('Lumora raises $12.5 million\n\nPublished 2026-10-02\n\nLumora Analytics raised money. It will hire.'),
    ).toEqual([
      'Lumora raises $12.5 million',
      'Published 2026-10-02',
      'Lumora Analytics raised money.',
      'It will hire.',
    ]);
  });

  it('summarises with the first sentence naming the company, never the headline repeated', () => {
    const title = 'Lumora Analytics raises $12.5 million Series A';
    const [finding] = extractNews(
      [
        article(
          title,
          `${title}\n\nPublished 2026-10-02\n\nLumora Analytics, the Austin data company, raised $12.5 million led by Northstar Ventures.`,
        ),
      ],
      target,
      Date.parse('2026-11-01'),
    );
    expect(finding!.event).toMatchObject({
      title,
      trigger: 'funding',
      date: '2026-10-02',
      summary: 'Lumora Analytics, the Austin data company, raised $12.5 million led by Northstar Ventures.',
    });
  });

  it('makes news of a report, not of an analysis, a company post, a digest or an aggregator page about the same event', () => {
    const event = 'Lumora Analytics raised $40 million at a $3 billion valuation, the company said on Monday.';
    const pages = [
      article('Lumora Analytics raises $40 million at a $3 billion valuation', event),
      article('Lumora @ $3B - is it worth it?', `What happened? ${event}`),
      article('Our Series C Is Closed', `${event} We are proud of the team.`),
      article('Data startup briefs, week of Oct. 2, 2026', `${event} Northwind opened an office in Leeds.`),
      article('Lumora Analytics raises $40 million – NewsBreak', `NewsBreak | Business | Local ${event}`),
    ];
    expect(extractNews(pages, target, Date.parse('2026-11-01')).map((f) => f.event.title)).toEqual([
      'Lumora Analytics raises $40 million at a $3 billion valuation',
    ]);
  });

  it('keeps a wire release a release whatever its headline asks', () => {
    const [finding] = extractNews(
      [
        article(
          'Is your data ready? Lumora Analytics launches Audit',
          'AUSTIN, Texas, Oct. 2, 2026 /PRNewswire/ -- Lumora Analytics today launched Audit, a data readiness check.',
        ),
      ],
      target,
      Date.parse('2026-11-01'),
    );
    expect(finding!.event).toMatchObject({ trigger: 'launch', date: '2026-10-02' });
  });
});

describe('deterministic overview extraction', () => {
  const fields = (content: string) => extractOverview([page(content)], target).map((f) => `${f.field}: ${f.value}`);

  it('reads where the company is from a filing’s cover, a release’s letterhead and "Salem, Ohio’s Lumora Analytics"', () => {
    expect(
      fields(
        'LUMORA ANALYTICS INC.\n2200 Mission College Boulevard, Santa Clara, California 95054-1549\n(Address of principal executive offices) (Zip Code)',
      ),
    ).toContain('headquarters: Santa Clara, California');
    expect(fields('Lumora Analytics\n12 Main Street\nAustin, TX 78701\nNews Release')).toContain(
      'headquarters: Austin, TX',
    );
    expect(fields('Machines whir at Salem, Ohio’s Lumora Analytics every day.')).toContain('headquarters: Salem, Ohio');
    // "Eldridge Industries, a Miami-based company": another organisation's place.
    expect(
      fields(
        'Lumora Analytics said the money came from Eldridge Industries, a Miami-based company that invests in sports.',
      ),
    ).not.toContain('headquarters: Miami');
    // "an Acxiom company" says who owns it, not what it does.
    expect(
      fields('Lumora Analytics, an Acxiom company, provides connectivity services.').filter((f) =>
        f.startsWith('industry'),
      ),
    ).toEqual([]);
    // A postal line with no caption or letterhead is a customer's or an event's address.
    expect(
      fields(
        'Our workshop takes place at the venue.\nThe hall is busy all year.\nThe doors open at nine.\nPark Street 5, Boston, MA 02110',
      ),
    ).not.toContain('headquarters: Boston, MA');
  });

  it('reads the kind of company from "Name, a … company" as well as "Name is a … company"', () => {
    expect(fields('Lumora Analytics is a data analytics software company headquartered in Austin, Texas.')).toEqual([
      'description: Lumora Analytics is a data analytics software company headquartered in Austin, Texas',
      'industry: data analytics software',
      'headquarters: Austin, Texas',
    ]);
    expect(fields('Lumora Analytics, a retail forecasting company based in Austin, raised $12 million.')).toEqual([
      'industry: retail forecasting',
      'headquarters: Austin',
    ]);
  });

  it('reads the industry from the words before the kind, without rank, place or praise, and a kind that is one', () => {
    const industry = (content: string) => fields(content).filter((f) => f.startsWith('industry'));
    expect(industry('Israeli cybersecurity giant Lumora Analytics reported results.')).toEqual([
      'industry: cybersecurity',
    ]);
    expect(industry("Lumora Analytics, one of the world's largest payments companies, opened an office.")).toEqual([
      'industry: payments',
    ]);
    expect(industry('Lumora Analytics, the third-largest home insurer in Ohio, filed rates.')).toEqual([
      'industry: home insurance',
    ]);
    expect(
      industry('Regulators opened an investigation into whether fintech company Lumora Analytics broke rules.'),
    ).toEqual(['industry: fintech']);
    expect(industry('Lumora Analytics, one of the biggest of the 39 Delta companies, grew.')).toEqual([]);
    expect(industry('Sportswear giant Lumora Analytics named a chief.')).toEqual(['industry: sportswear']);
    expect(
      industry('Lumora Analytics® (NYSE: LUMA), the leading data collaboration platform, reported results.'),
    ).toEqual(['industry: data collaboration']);
    expect(
      industry('Lumora Analytics (also styled LA) is an American aerospace, defense and manufacturing company.'),
    ).toEqual(['industry: aerospace, defense and manufacturing']);
    expect(industry('It praised a Google company, Lumora Analytics.')).toEqual([]);
    expect(industry('In six years software firm Lumora Analytics has grown.')).toEqual(['industry: software']);
    // "launch" names an industry unless it is what someone helped do; age and stage are no industry.
    expect(industry('French launch services provider Lumora Analytics signed a contract.')).toEqual([
      'industry: launch services',
    ]);
    expect(industry('The fund that helped launch robotics startup Lumora Analytics closed.')).toEqual([
      'industry: robotics',
    ]);
    expect(industry('Lumora Analytics, a young firm with a new way to measure rain, moved.')).toEqual([]);
    expect(industry('Denver-based Lumora Analytics, the four-year-old early-stage firm, grew.')).toEqual([]);
  });

  it('reads where the company is now from a move, a bracketed place after its name, "the company based in" and a filing\'s "The Company\'s headquarters"', () => {
    const headquarters = (content: string) => fields(content).filter((f) => f.startsWith('headquarters'));
    expect(
      headquarters(
        'In May 2024, the company moved its corporate headquarters from Cambridge, Massachusetts to Miami, Florida.',
      ),
    ).toEqual(['headquarters: Miami, Florida']);
    expect(
      headquarters('AM Best affirmed the ratings of Lumora Analytics (LA) (San Francisco, CA) and its affiliates.'),
    ).toEqual(['headquarters: San Francisco, CA']);
    expect(headquarters('In February, the company based in Beaverton, Oregon, said it was cutting jobs.')).toEqual([
      'headquarters: Beaverton, Oregon',
    ]);
    expect(headquarters('Based in Boulder, Colorado, Lumora Analytics builds forecasting tools.')).toEqual([
      'headquarters: Boulder, Colorado',
    ]);
    expect(headquarters("The Company's international headquarters are in Tel Aviv, Israel.")).toEqual([
      'headquarters: Tel Aviv, Israel',
    ]);
    expect(headquarters('His Los Angeles-based company spent millions.')).toEqual(['headquarters: Los Angeles']);
    expect(headquarters('Investors based in Dublin backed the round.')).toEqual([]);
    // A country alone is where a company is from; a kind word naming another company is that company's place.
    expect(headquarters('UK-based Lumora Analytics raised more.')).toEqual([]);
    expect(headquarters('Lumora Analytics is headquartered in the United States.')).toEqual([]);
    expect(
      headquarters('A founder of San Francisco-based startup Marble Wallet wrote about Lumora Analytics.'),
    ).toEqual([]);
    expect(headquarters('Munich-based startup Lumora Analytics raised more.')).toEqual(['headquarters: Munich']);
    // A regional headquarters or a team is an office.
    expect(
      headquarters('Lumora Analytics will expand, with its European headquarters and a team based in Dublin.'),
    ).toEqual([]);
  });

  it('reads the founding year from "its 2005 founding", "its founding in 2015" and "set up in 2000", not from a job started', () => {
    const founded = (content: string) => fields(content).filter((f) => f.startsWith('founded'));
    expect(founded('Ever since its 2005 founding, Lumora Analytics has backed startups.')).toEqual(['founded: 2005']);
    expect(founded('Seven years after its founding in 2015, Lumora Analytics is a bank.')).toEqual(['founded: 2015']);
    expect(founded('Lumora Analytics was set up in 2000 as a successor.')).toEqual(['founded: 2000']);
    // A person starting a job is no founding.
    expect(founded('When he started as CEO in late 2009, Lumora Analytics was reeling.')).toEqual([]);
    expect(founded('Lumora Analytics started in 2012 in a garage.')).toEqual(['founded: 2012']);
    expect(founded('Kessler started his career at Lumora Analytics in 1979.')).toEqual([]);
  });

  it('reads the founding year from "the founding of", a directory field and German, French and Portuguese pages', () => {
    const founded = (content: string) => fields(content).filter((f) => f.startsWith('founded'));
    expect(founded('Its roots go back to the founding of Lumora pharmacy in Lowell, in 1963.')).toEqual([
      'founded: 1963',
    ]);
    expect(founded('"founded_year": 2015,')).toEqual(['founded: 2015']);
    expect(founded('Mit dem Kapital will das 2018 gegründete Unternehmen wachsen.')).toEqual(['founded: 2018']);
    expect(founded('Seit der Gründung 2018 flossen 305 Millionen Euro.')).toEqual(['founded: 2018']);
    expect(founded('A Lumora Analytics é uma empresa americana fundada em 1923 por Royal Little.')).toEqual([
      'founded: 1923',
    ]);
    expect(founded('Its roots go back to the founding of Initech in Ohio in 1950.')).toEqual([]);
  });

  it('reads no founding year of another organisation, a fund or an office the sentence names', () => {
    const founded = (content: string) => fields(content).filter((f) => f.startsWith('founded'));
    expect(founded('Before Lumora Analytics he co-founded Brightwave (sold to Orbis in 2008).')).toEqual([]);
    expect(founded('Our history (with Pellor Works, which was founded in 1949) is just the start.')).toEqual([]);
    expect(founded('Its $150 million regional fund was set up in 2017.')).toEqual([]);
    expect(founded('We co-founded Lumora Analytics in 2013.')).toEqual(['founded: 2013']);
    // The subject of "was set up" is what was founded: a subsidiary's year is not the company's.
    expect(founded('Lumora Space was set up in 2021 and builds satellites for Lumora Analytics.')).toEqual([]);
    expect(founded('Lumora Analytics was set up in 2012.')).toEqual(['founded: 2012']);
    expect(founded('Founded on July 18, 1968, by two engineers, Lumora Analytics grew.')).toEqual(['founded: 1968']);
  });

  it('reads "since it began in", "Since 1955, Name has" only without a stated founding, and "founded last year"', () => {
    const founded = (content: string, publishedDate: string | null = null) =>
      extractOverview([{ ...page(content), publishedDate }], target)
        .filter((f) => f.field === 'founded')
        .map((f) => f.value);
    expect(founded('Two funds have invested in Lumora Analytics since it began in 2016.')).toEqual(['2016']);
    expect(founded('Since 1987, Lumora Analytics has served clinics across Ohio.')).toEqual(['1987']);
    // A year the company has done something since is no founding when a page states the founding itself.
    expect(founded('Since 2019, Lumora Analytics has sold in Canada. Lumora Analytics was founded in 2004.')).toEqual([
      '2004',
    ]);
    expect(founded('Since 2019, Initech has supplied Lumora Analytics.')).toEqual([]);
    expect(founded('Lumora Analytics was founded by three engineers last year.', '2023-05-02')).toEqual(['2022']);
    expect(founded('Lumora Analytics was founded by three engineers last year.')).toEqual([]);
  });

  it('reads what a maker makes as its industry, and a neighbourhood as no headquarters', () => {
    const of = (field: string, content: string) =>
      fields(content)
        .filter((f) => f.startsWith(field))
        .map((f) => f.slice(field.length + 2));
    expect(of('industry', 'Meet Lumora Analytics, the biggest maker of solar panels in Chile.')).toEqual([
      'solar panels',
    ]);
    expect(of('industry', 'Lumora Analytics is a top provider of payroll software for schools.')).toEqual([
      'payroll software',
    ]);
    expect(of('headquarters', 'Financial District-based Lumora Analytics hired 40 people.')).toEqual([]);
  });

  it('reads the town of a release’s dateline whose story opens with the company, only when no page says where it is', () => {
    const headquarters = (content: string) => fields(content).filter((f) => f.startsWith('headquarters'));
    expect(
      headquarters('Lumora names a CFO\nBOULDER CITY, Nevada - March 3, 2021 - Lumora Analytics, Inc. named a CFO.'),
    ).toEqual(['headquarters: Boulder City, Nevada']);
    expect(
      headquarters('Results\nOslo, Norway; 4 June 2022, 08:00 CET; inside information – Lumora Analytics ASA reports.'),
    ).toEqual(['headquarters: Oslo, Norway']);
    // An agency's dateline is where its reporter was; a stated headquarters outranks a dateline.
    expect(headquarters('Deal\nLONDON, March 3, 2021 (Reuters) - Lumora Analytics named a CFO.')).toEqual([]);
    expect(
      headquarters(
        'At CES\nLAS VEGAS, Nevada, Jan. 5, 2024 - Lumora Analytics showed a scale.\nLumora Analytics is based in Denver.',
      ),
    ).toEqual(['headquarters: Denver']);
  });

  it('reads "On Monday, the Denver-based startup" as the company’s place: the opening words are no organisation', () => {
    const headquarters = (content: string) => fields(content).filter((f) => f.startsWith('headquarters'));
    expect(headquarters('On Monday, the Denver-based startup said it had hired a CFO.')).toEqual([
      'headquarters: Denver',
    ]);
    expect(headquarters('It sold shares to Pellor Works, the Denver-based startup.')).toEqual([]);
  });

  it('reads a sector noun standing before the name as its industry: "Danish fintech Lumora Analytics"', () => {
    const industry = (content: string) => fields(content).filter((f) => f.startsWith('industry'));
    expect(industry('Danish fintech Lumora Analytics has cut 50 jobs.')).toEqual(['industry: fintech']);
    expect(industry('Shares of medtech Lumora Analytics rose.')).toEqual(['industry: medtech']);
  });

  it('reads "The firm" as the company only on a page that is not about another company', () => {
    const employees = (title: string) =>
      extractOverview([{ ...page('The firm employs 35 people, all in Denver.'), title }], target)
        .filter((f) => f.field === 'employees')
        .map((f) => f.value);
    expect(employees('Team')).toEqual(['35']);
    expect(employees('Initech Capital has $840 million more to invest')).toEqual([]);
  });

  it('reads a filing’s own headquarters address, not an address of someone else', () => {
    const place = (content: string) => fields(content).filter((f) => f.startsWith('headquarters'));
    expect(
      place('The meeting will take place at the Company’s headquarters at 12 Lake Road, Boulder, Colorado 80301.'),
    ).toEqual(['headquarters: Boulder, Colorado']);
    expect(place('The meeting will take place at the Hilton at 12 Lake Road, Boulder, Colorado 80301.')).toEqual([]);
  });

  it('takes nothing from a page whose headline is another company’s news, even where it names the company', () => {
    const text =
      'Initech Capital, the venture firm that helped launch data analytics startup Lumora Analytics, has raised $800 million. The Denver-based firm will back growth-stage startups.';
    const facts = (title: string) =>
      extractOverview([{ ...page(text), title }], target).map((f) => `${f.field}: ${f.value}`);
    expect(facts('Initech Capital raises $800 million for its third fund')).toEqual([]);
    // Elsewhere what another organisation did to the company ends the industry's words.
    expect(facts('Funds').filter((f) => f.startsWith('industry'))).toEqual(['industry: data analytics']);
  });

  it('reads the headquarters a company chose, a registration cover abroad, a letterhead over its own site and "Name in Town has"', () => {
    const headquarters = (content: string, of = target) =>
      extractOverview([page(content)], of)
        .filter((f) => f.field === 'headquarters')
        .map((f) => f.value);
    expect(headquarters('Lumora Analytics has picked Denver for its corporate headquarters.')).toEqual(['Denver']);
    expect(headquarters('The mayor was pleased that Lumora Analytics selected Tulsa as its new headquarters.')).toEqual(
      ['Tulsa'],
    );
    // A registration statement's cover: the address line, the telephone, then the caption.
    expect(
      headquarters(
        'Rua Augusta, 120\nCuritiba — PR, 80010-000, Brazil\n+55 (41) 3333-1000\n(Address, Including Zip Code, and Telephone Number, Including Area Code, of Registrant’s Principal Executive Offices)',
      ),
    ).toEqual(['Curitiba, Brazil']);
    // An address above the company's own site is its letterhead, wherever it stands on the page.
    expect(
      headquarters(
        'Annual meeting notice\nTuesday, May 3\nJoin us online\nThe agenda follows\n40 Pine Street, 8th Floor\nBoulder, CO 80302\nwww.Lumora.io',
      ),
    ).toEqual(['Boulder, CO']);
    expect(headquarters('Lumora Analytics in Costa Mesa has closed a new funding round.')).toEqual(['Costa Mesa']);
    // "Industries" is a corporate word a page may add to the name, as "Technologies" is.
    expect(headquarters('Pellor Industries in Reno has closed a round.', { ...target, name: 'Pellor' })).toEqual([
      'Reno',
    ]);
    // "Name in Europe", "Name in the US": a region or a country is where it sells, not where it is.
    expect(headquarters('Lumora Analytics in Europe has hired 40 people.')).toEqual([]);
    expect(headquarters('Lumora Analytics in Germany is growing.')).toEqual([]);
    expect(headquarters('Investors in Denver have backed Lumora Analytics.')).toEqual([]);
  });

  it('keeps, of headquarters two pages state once each, the newest dated page’s; an undated page settles nothing', () => {
    const finding = (value: string, url: string, field = 'headquarters') => ({
      field,
      value,
      evidence: value,
      document: { ...page(value), url },
    });
    const dates: Record<string, string | null> = {
      'https://a.example/old': '2019-05-01',
      'https://b.example/new': '2023-02-01',
    };
    const kept = (findings: ReturnType<typeof finding>[]) =>
      bestSupported(findings, (d) => dates[d.url] ?? null).map((f) => `${f.field}: ${f.value}`);
    expect(
      kept([finding('Denver', 'https://a.example/old'), finding('Tulsa, Oklahoma', 'https://b.example/new')]),
    ).toEqual(['headquarters: Tulsa, Oklahoma']);
    expect(kept([finding('Denver', 'https://a.example/old'), finding('Tulsa', 'https://c.example/undated')])).toEqual([
      'headquarters: Denver',
    ]);
    expect(kept([finding('Denver', 'https://d.example/x'), finding('Tulsa', 'https://c.example/undated')])).toEqual([
      'headquarters: Denver',
      'headquarters: Tulsa',
    ]);
    // A place more pages state wins whatever their dates; founding years stay side by side.
    expect(
      kept([
        finding('Denver', 'https://d.example/x'),
        finding('Denver', 'https://e.example/y'),
        finding('Tulsa', 'https://b.example/new'),
        finding('2013', 'https://a.example/old', 'founded'),
        finding('2014', 'https://b.example/new', 'founded'),
      ]),
    ).toEqual(['headquarters: Denver', 'headquarters: Denver', 'founded: 2013', 'founded: 2014']);
  });

  it('puts a specific industry before "technology", however many pages say that', () => {
    const value = (text: string, sources: number) => ({
      value: text,
      sources: Array(sources).fill('https://x.example'),
    });
    expect(
      specificFirst([
        value('technology', 3),
        value('information technology', 2),
        value('software', 1),
        value('cloud', 1),
      ]).map((v) => v.value),
    ).toEqual(['software', 'cloud', 'technology', 'information technology']);
  });

  it('reads no rank as an industry: "the number one maker", "the top maker"', () => {
    const industry = (content: string) => fields(content).filter((f) => f.startsWith('industry'));
    // The rank goes; what the maker makes is the industry.
    expect(industry('Enter Lumora Analytics, the number one maker of rain gauges in Ohio.')).toEqual([
      'industry: rain gauges',
    ]);
    expect(industry('Lumora Analytics, the top drone maker in Ohio, grew.')).toEqual(['industry: drone']);
  });

  it('takes nothing from an appositive where a place runs into the kind of company', () => {
    expect(
      fields('Lumora Analytics, the Austin, Texas data analytics software company, raised $12.5 million.'),
    ).toEqual([]);
  });
});
