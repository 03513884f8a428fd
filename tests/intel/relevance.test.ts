import { describe, expect, it } from 'vitest';
import { isAboutTarget, otherName, searchName, titleNamesAnother } from '../../src/core/intel/relevance';
import { executiveQueries } from '../../src/core/intel/components/executives';
import { resolveIdentity } from '../../src/core/intel/components/identity';
import { readPage } from '../../src/core/intel/read/page';
import { extractFunding } from '../../src/core/intel/extract/funding';
import type { Document } from '../../src/core/intel/component';

const page = (url: string, title: string, text: string): Document => ({
  provider: 'tavily',
  url,
  title,
  content: text,
  rawContent: text,
  score: 1,
  publishedDate: null,
});

describe('which organisation a page is about', () => {
  const apolloIo = { name: 'Apollo', domain: 'apollo.io', aliases: [], others: ['Apollo Global'], picked: true };

  it('drops a page that says only a bare name a namesake shares, once the analyst picked one with a known site', () => {
    const privateEquity = page(
      'https://news.example/rowan',
      'Apollo CEO Marc Rowan wants a new image',
      'Apollo CEO Marc Rowan spoke. Apollo manages credit funds.',
    );
    const ownPage = page(
      'https://news.example/zheng',
      'Apollo raises $100M',
      'Apollo, the sales platform at apollo.io, raised money. Apollo CEO Tim Zheng said so.',
    );
    expect(isAboutTarget(privateEquity, apolloIo)).toBe(false);
    expect(isAboutTarget(ownPage, apolloIo)).toBe(true);
    // Without a known site there is no mark to ask for: the bare name is read as before.
    expect(isAboutTarget(privateEquity, { ...apolloIo, domain: null })).toBe(true);
  });

  it('tells a page whose title names, instead of the company, a longer name on its first word that the text names as often', () => {
    const target = { name: 'Talon Ridge Systems', domain: null, aliases: [], others: [] };
    const sibling = page(
      'https://news.example/talon-orbital',
      'Leadership changes in aerospace: the story of Talon Orbital',
      'Ana Ruiz is leaving as CEO of Talon Orbital, a unit of Talon Ridge Systems (TRS). Talon Orbital was set up in 2021. ' +
        'The naming of chairman Omar Bey as interim CEO raises questions, and Talon Orbital must now pick a direction.',
    );
    expect(titleNamesAnother(sibling, target)).toBe(true);
    // Its own page, naming the unit in its title too, is the company's.
    const own = page(
      'https://news.example/talon-ridge',
      'Talon Ridge Systems spins out Talon Orbital',
      'Talon Ridge Systems said Talon Orbital will be a unit of its own. Talon Ridge Systems keeps a majority.',
    );
    expect(titleNamesAnother(own, target)).toBe(false);
  });

  it('reads a name with inner capitals written with its first capital only ("Lumapay" for LumaPay) as the company', () => {
    const lumaPay = { name: 'LumaPay', domain: null, aliases: [], others: [] };
    const filing = page(
      'https://filings.example/f-1',
      'Lumapay Holdings B.V. - Form F-1',
      'Lumapay Holdings B.V. (Exact Name of Registrant). Lumapay offers payments.',
    );
    expect(isAboutTarget(filing, lumaPay)).toBe(true);
    // A word the name holds in lower case is no mention: "ramp up" is not Ramp.
    const ramp = { name: 'Ramp', domain: null, aliases: [], others: [] };
    expect(isAboutTarget(page('https://x.example/a', 'Factories', 'Plants ramp up. They ramp up again.'), ramp)).toBe(
      false,
    );
  });

  it('counts a short form as the company only on a page that names the company in full at its start', () => {
    const stoke = { name: 'Stoke Space', domain: null, aliases: ['Stoke'], others: [], shortName: 'Stoke' };
    const own = page(
      'https://news.example/stoke',
      'Stoke Space raises $260M',
      'Stoke said the round closes. Stoke builds rockets.',
    );
    const opening = 'Nova Labs raised $5 million for its robots. '.repeat(10);
    const investorMention = page(
      'https://news.example/other',
      'Nova Labs raises $5M',
      `${opening}Its backers include Stoke Space founders. Stoke said little. Stoke also builds rockets.`,
    );
    expect(isAboutTarget(own, stoke)).toBe(true);
    expect(isAboutTarget(investorMention, stoke)).toBe(false);
  });

  it('counts the initials as the company on a page that names it in full once', () => {
    const lumora = { name: 'Lumora Machine Works', domain: null, aliases: [], others: [] };
    const profile = (text: string) => page('https://news.example/profile', 'Forty years on the shop floor', text);
    const text = 'Ann Kovach runs Lumora Machine Works in Dayton. LMW started in 1985. LMW now employs 60.';
    expect(isAboutTarget(profile(text), lumora)).toBe(true);
    // Initials alone, with the company never named, are anyone's.
    expect(isAboutTarget(profile(text.replace('Lumora Machine Works', 'the shop')), lumora)).toBe(false);
  });

  it('counts a short form as the company on a page about what the rest of its name says, unless that rest is generic', () => {
    const varda = { name: 'Varda Space Industries', domain: null, aliases: ['Varda'], others: [], shortName: 'Varda' };
    const spacePage = page(
      'https://blog.example/varda',
      'Varda lands $90M',
      'Varda flew its capsule. Varda builds factories for the space industry.',
    );
    expect(isAboutTarget(spacePage, varda)).toBe(true);
    // Its extractors read the bare short form as the company there too.
    expect(readPage(spacePage, varda).target.shortName).toBeUndefined();
    expect(
      extractFunding(
        [
          {
            ...spacePage,
            content: 'Varda Lands $90M In Series B Funding. Varda builds factories for the space industry.',
            rawContent: null,
          },
        ],
        varda,
      ).map((f) => [f.event.round, f.event.amount]),
    ).toEqual([['Series B', 90_000_000]]);
    expect(
      isAboutTarget(
        page('https://blog.example/varda-wine', 'Varda opens', 'Varda opened a wine bar. Varda serves food.'),
        varda,
      ),
    ).toBe(false);
    // "Industries" says no more of what a firm does than "Partners": a page about orbit and re-entry need not say it.
    const orbitPage = page(
      'https://blog.example/reentry',
      "A drug maker's pipeline rides on Varda's orbital platform",
      "Varda's sixth capsule re-entered from space. Lee Park, Varda's vice president of testing, said so. Varda flies again soon.",
    );
    expect(isAboutTarget(orbitPage, varda)).toBe(true);
    const summit = { name: 'Summit Partners', domain: null, aliases: ['Summit'], others: [], shortName: 'Summit' };
    expect(
      isAboutTarget(
        page('https://blog.example/summit', 'Summit raises', 'Summit partners with hospitals. Summit raised money.'),
        summit,
      ),
    ).toBe(false);
  });

  it('takes the first word of a longer name as its short form when two results use it alone, unless a namesake starts with it', async () => {
    const results = [
      page('https://a.example/1', 'Stoke Space raises money', 'Stoke Space raised money. Stoke said so.'),
      page('https://b.example/2', 'Stoke Space tests', 'Stoke Space fired an engine. Stoke plans more.'),
    ];
    expect((await resolveIdentity('Stoke Space', async () => results)).target).toMatchObject({
      aliases: ['Stoke'],
      shortName: 'Stoke',
    });
    expect((await resolveIdentity('Stoke Space', async () => results.slice(0, 1))).target.shortName).toBeUndefined();
  });

  it('treats a name styled in capitals on a page as the name the analyst typed', async () => {
    const documents = [
      page(
        'https://about.nike.com/en/company',
        'NIKE, Inc.',
        'NIKE, Inc. designs footwear. NIKE is based in Beaverton.',
      ),
      page('https://news.example/nike', 'Nike names a president', 'Nike named a president. Nike sells shoes.'),
    ];
    const identity = await resolveIdentity('Nike', async () => documents);
    expect(identity.target).toMatchObject({ name: 'Nike', domain: 'about.nike.com', picked: false });
    expect(identity.candidates).toEqual([]);
  });

  it('does not make a headline’s next word a second company, nor a news site the company’s domain', async () => {
    const documents = [
      page('https://www.thenewsdaily.com/', 'Markets today', 'Boeing Removing the cap on output was discussed.'),
      page('https://news.example/boeing', 'Boeing deliveries', 'Boeing delivered jets. Boeing said demand holds.'),
    ];
    const identity = await resolveIdentity('Boeing', async () => documents);
    expect(identity.candidates).toEqual([]);
    expect(identity.target).toMatchObject({ name: 'Boeing', domain: null, others: [] });
  });

  it('takes a longer name whose pages call the company their parent for a part of it, not a namesake to pick from', async () => {
    const parent = [1, 2].map((i) =>
      page(`https://news${i}.example/textron`, 'Textron results', 'Textron delivered jets. Textron said demand holds.'),
    );
    const unit = (text: string) =>
      page('https://defense.example/unit', 'Textron Systems names a CEO', `Textron Systems named a CEO. ${text}`);
    const part = await resolveIdentity('Textron', async () => [
      ...parent,
      unit('Textron Systems builds drones for parent company Textron Inc.'),
    ]);
    expect(part.candidates).toEqual([]);
    expect(part.target).toMatchObject({ name: 'Textron', others: [] });
    // A namesake's page that never calls the company its parent stays a candidate.
    const namesake = await resolveIdentity('Textron', async () => [
      ...parent,
      unit('Textron Systems builds drones in Texas.'),
    ]);
    expect(namesake.candidates.map((c) => c.name)).toEqual(['Textron', 'Textron Systems']);
  });

  it('gives a page that names one namesake in full at its opening to that one, when the bare name means several', async () => {
    const documents = [
      page(
        'https://biotechwire.example/orion-fund',
        'First call for founders: Orion Partners sizes its ninth fund',
        'Life-science investor Orion Partners, whose portfolio spans twenty biotechs, is raising again. Orion said the fund will back ten companies. Orion has offices in Boston.',
      ),
      page(
        'https://motors.example/orion-buys',
        'Orion buys a cart maker',
        'Snowmobile maker Orion Industries, based in Minnesota, bought a cart builder. Orion said sales rose. Orion expects more.',
      ),
      page(
        'https://autos.example/orion-ceo',
        'Orion Renews Its Leadership',
        'Orion Renews Its Leadership\nOrion named a new chief executive. Orion said the board agreed.',
      ),
      page(
        'https://trucks.example/orion-driver',
        'Self-driving trucks',
        'The trucks run on a system called the Orion Driver, built by Orion. Orion plans more routes.',
      ),
      page(
        'https://funds.example/orion-venture',
        'Orion Venture closes a fund',
        'Orion Venture Partners closed its third fund. Orion Venture Partners backs software.',
      ),
    ];
    const identity = await resolveIdentity('Orion', async () => documents);
    const described = (name: string) => identity.candidates.find((c) => c.name === name)?.description ?? '';
    expect(identity.candidates.map((c) => c.name).sort()).toEqual([
      'Orion',
      'Orion Industries',
      'Orion Partners',
      'Orion Venture',
    ]);
    // The bare name's candidate keeps the pages that never say which Orion they mean, and no other's description.
    expect(described('Orion')).not.toMatch(/investor|Snowmobile/);
    expect(described('Orion Partners')).toMatch(/Life-science investor/);
  });

  it('takes a site for a one-word name only when its label adds nothing but a generic word', async () => {
    const text = 'Cohere builds language models. Cohere raised money.';
    const site = async (url: string) =>
      (
        await resolveIdentity('Cohere', async () => [
          page(url, 'Cohere', text),
          page('https://n.example/c', 'Cohere', text),
        ])
      ).target.domain;
    expect(await site('https://coherehealth.com/news/1')).toBeNull();
    expect(await site('https://cohere.com/about')).toBe('cohere.com');
    expect(await site('https://www.cohereai.com/about')).toBe('cohereai.com');
  });

  it('searches by the form pages use, with the generic rest of the name to rank by, but never by a bare first word', () => {
    expect(searchName({ name: 'Harvey AI', domain: null, aliases: ['Harvey'], others: [] })).toBe('"Harvey" AI');
    expect(searchName({ name: 'Check Point Software', domain: null, aliases: ['Check Point'], others: [] })).toBe(
      '"Check Point" Software',
    );
    expect(
      searchName({ name: 'Summit Partners', domain: null, aliases: ['Summit'], others: [], shortName: 'Summit' }),
    ).toBe('"Summit Partners"');
    expect(searchName({ name: 'Monzo', domain: null, aliases: [], others: [] })).toBe('"Monzo"');
  });

  it('drops a page about a longer namesake the identity search never met, but not one calling the company by its legal name', () => {
    const peloton = { name: 'Peloton', domain: null, aliases: [], others: [] };
    const legalName = page(
      'https://biz.example/peloton',
      'Peloton Interactive - profile',
      'Peloton Interactive was founded in 2012. Peloton Interactive sells bikes. Peloton raised $400,000.',
    );
    const namesake = page(
      'https://biz.example/peloton-bio',
      'Peloton Therapeutics - profile',
      'Peloton Therapeutics develops drugs. Peloton Therapeutics was acquired. Peloton said so.',
    );
    expect(isAboutTarget(legalName, peloton)).toBe(true);
    expect(isAboutTarget(namesake, peloton)).toBe(false);
    // "Industries" ends a legal name as "Interactive" does: the article is about the company the analyst meant.
    const anduril = { name: 'Anduril', domain: null, aliases: [], others: [] };
    const filing = page(
      'https://news.example/defense-startup',
      'New defense start-up run by former engineers',
      'Filings show Anduril Industries has two officers. Anduril Industries lists an office in Irvine. Anduril declined to comment.',
    );
    expect(isAboutTarget(filing, anduril)).toBe(true);
  });

  it('takes a legal name the company’s own site gives it for the company, not a namesake to pick from', async () => {
    const results = (siteText: string) => [
      page(
        'https://news.example/a',
        'Jupiter Insurance chief speaks',
        'Jupiter Insurance CEO Ann Roe spoke. Jupiter Insurance grew.',
      ),
      page('https://www.jupiterinsurance.com/about', 'About Jupiter Insurance', siteText),
      page(
        'https://filings.example/jg',
        'Jupiter General 10-K',
        'Jupiter General reported results. Jupiter General named a CFO.',
      ),
      page('https://n.example/js', 'Jupiter Systems wins a deal', 'Jupiter Systems won a deal. Jupiter Systems hired.'),
    ];
    const legal = await resolveIdentity('Jupiter', async () =>
      results('Sam Poe started Jupiter General Corp. in 1970. Jupiter General Corp. sells car cover.'),
    );
    const insurer = legal.candidates.find((c) => c.name === 'Jupiter Insurance')!;
    expect(insurer).toMatchObject({ domain: 'jupiterinsurance.com' });
    expect(insurer.sources).toContain('https://filings.example/jg');
    expect(legal.candidates.map((c) => c.name)).not.toContain('Jupiter General');
    const picked = await resolveIdentity(
      'Jupiter',
      async () => results('Sam Poe started Jupiter General Corp. in 1970.'),
      insurer.index,
    );
    expect(picked.target).toMatchObject({ aliases: ['Jupiter General'], others: ['Jupiter Systems'] });
    // A site that names the other company without a corporate suffix gives it no legal name: it stays a candidate.
    const passing = await resolveIdentity('Jupiter', async () =>
      results('Unlike Jupiter General, we answer the phone. Jupiter General is slower.'),
    );
    expect(passing.candidates.map((c) => c.name)).toContain('Jupiter General');
  });

  it('reads a bare shared word as the company on a page that opens with its name, unless the word mostly starts other names', () => {
    const insurer = {
      name: 'Jupiter Insurance',
      domain: null,
      aliases: ['Jupiter General'],
      others: ['Jupiter', 'Jupiter Systems'],
      picked: true,
    };
    const article = page(
      'https://news.example/storm',
      'Insurer stays in Florida after storms',
      'Jupiter General chief executive Ann Roe said the insurer will stay. Jupiter will raise rates. Jupiter said claims rose. Jupiter expects growth.',
    );
    expect(isAboutTarget(article, insurer)).toBe(true);
    // The same bare words on a page that never names the insurer up front stay the namesake's.
    const bank = page(
      'https://news.example/bank',
      'Jupiter raises rates',
      `Jupiter will raise rates. Jupiter said deposits rose. Jupiter expects growth. ${'Rates moved. '.repeat(40)}Jupiter General was mentioned.`,
    );
    expect(isAboutTarget(bank, insurer)).toBe(false);
    // Where the bare words begin other names ("Jupiter of Texas", "Jupiter Mutual"), they are not the insurer's.
    const federation = page(
      'https://news.example/federation',
      'Jupiter Insurance joins a federation',
      'Jupiter Insurance joined Jupiter of Texas and Jupiter Mutual. Jupiter of Texas said so. Jupiter Mutual agreed. Jupiter grew.',
    );
    expect(isAboutTarget(federation, insurer)).toBe(false);
  });

  it('asks for the other name a company’s site gives it in one search of each kind', () => {
    const insurer = { name: 'Jupiter Insurance', domain: null, aliases: ['Jupiter General'], others: ['Jupiter'] };
    expect(otherName(insurer)).toBe('Jupiter General');
    expect(executiveQueries(insurer).at(-1)).toMatch(/^"Jupiter General" chief/);
    // A short form or the typed longer form is no other name.
    expect(otherName({ name: 'Harvey AI', domain: null, aliases: ['Harvey'], others: [] })).toBeNull();
    expect(
      otherName({ name: 'Sierra Nevada', domain: null, aliases: ['Sierra Nevada Corporation'], others: [] }),
    ).toBeNull();
  });

  it('reads the initials of a longer alias as the company on a page that names it in full once', () => {
    // Found as "Sierra Nevada" ("SN" is too short to be initials), typed as "Sierra Nevada Corporation" ("SNC").
    const snc = { name: 'Sierra Nevada', domain: null, aliases: ['Sierra Nevada Corporation'], others: [] };
    const hangar = page(
      'https://local.example/hangar',
      'Aircraft maker opens a hangar',
      "Sierra Nevada's new hangar opened in Ohio. SNC will hire 140 mechanics, said Jo Vale, SNC's vice president of operations.",
    );
    expect(isAboutTarget(hangar, snc)).toBe(true);
    expect(readPage(hangar, snc).target.aliases).toContain('SNC');
    // Initials alone, on a page that never names the company, are no one's.
    const initialsOnly = page('https://local.example/snc', 'SNC results', 'SNC grew. SNC hired.');
    expect(readPage(initialsOnly, snc).target.aliases).not.toContain('SNC');
  });
});
