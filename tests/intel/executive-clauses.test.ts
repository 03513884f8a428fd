import { describe, expect, it } from 'vitest';
import { extractExecutives } from '../../src/core/intel/extract/executives';
import type { Document } from '../../src/core/intel/component';

const target = { name: 'Lumora Analytics', domain: 'lumora.io', aliases: [], others: [] };
const page = (content: string, extra: Partial<Document> = {}): Document => ({
  url: 'https://news.example/lumora',
  title: 'Lumora Analytics news',
  content,
  rawContent: content,
  publishedDate: null,
  score: 1,
  provider: 'tavily',
  ...extra,
});
const people = async (content: string, extra: Partial<Document> = {}) =>
  (await extractExecutives([page(content, extra)], target)).map((f) => f.value);

describe('executives read from the structure of a clause', () => {
  it('gives a joiner the title of the organisation joined, after a date or "came aboard"', async () => {
    expect(
      await people(
        'Lumora Analytics said Mara Quill will join the company on March 3rd as its new Chief Financial Officer, weeks after Teo Vance came aboard as its Chief Operating Officer.',
      ),
    ).toEqual(['Mara Quill | Chief Financial Officer', 'Teo Vance | Chief Operating Officer']);
    expect(await people('Before Lumora Analytics, Teo Vance joined Brightwell as CFO in 2019.')).toEqual([]);
  });

  it('reads "has taken over as"', async () => {
    expect(await people('Ines Morrow has taken over as chief technology officer at Lumora Analytics.')).toEqual([
      'Ines Morrow | chief technology officer',
    ]);
  });

  it('gives the successor of a title set before the name the title the sentence gives them, and drops the retiree', async () => {
    expect(
      await people(
        'Lumora Analytics said Chief Executive Officer Rhea Lind is retiring and will be succeeded by Omar Haddad, the analytics firm’s chief operating officer.',
      ),
    ).toEqual(['Omar Haddad | chief operating officer']);
  });

  it('gives an appointment to the organisation that makes it', async () => {
    expect(await people('On a busy week, security vendor Norvale named Kira Osei as its new CTO on May 2.')).toEqual(
      [],
    );
    expect(await people('Lumora Analytics NV has appointed Kira Osei as Chief Financial Officer.')).toEqual([
      'Kira Osei | Chief Financial Officer',
    ]);
  });

  it('reads a hire described by a title held elsewhere before', async () => {
    expect(
      await people(
        'Lumora Analytics is betting on AI. The company hired former Initech VP of platform Nadia Brandt as corporate VP and deputy CTO.',
      ),
    ).toEqual(['Nadia Brandt | corporate VP and deputy CTO']);
  });

  it('reads a departure after a long relative clause, and a title in apposition "who stepped down"', async () => {
    expect(
      await people(
        'Lumora Analytics said CEO Victor Hale, who has faced criticism from several activist shareholders over weak quarterly results, is stepping down immediately.',
      ),
    ).toEqual([]);
    expect(
      await people(
        'Marcus Webb, Lumora Analytics’ CEO who stepped down in March after a data breach, was replaced by Paulo de Souza Lima Jr., who apologised at once.',
      ),
    ).toEqual(['Paulo de Souza Lima Jr. | CEO']);
  });

  it('takes a successor named with particles and a suffix beside a known first name', async () => {
    expect(
      await people(
        'Richard Hale, Lumora Analytics’ CEO who resigned in May, was replaced by Anselmo do Rego Farias Jr., who met staff at once.',
      ),
    ).toEqual(['Anselmo do Rego Farias Jr. | CEO']);
  });

  it('reads a headline name run into "Out" as the name, whom the story says is leaving', async () => {
    const news = { title: 'Lumora Analytics CEO Gareth Pike Out', publishedDate: '2025-02-03' };
    expect(await people('Lumora Analytics said today that CEO Gareth Pike will step down.', news)).toEqual([]);
  });

  it('takes "company secretary" as part of a title line', async () => {
    expect(await people('Hana Ivers\nChief legal officer and company secretary\n\nShe joined in 2009.')).toEqual([
      'Hana Ivers | Chief legal officer and company secretary',
    ]);
  });
});

describe('who holds a one-holder title when pages disagree', () => {
  const now = Date.parse('2025-06-01');
  const undated = page('Rafe Lindqvist is the CEO of Lumora Analytics.', { url: 'https://b.example/about' });
  const dated = (publishedDate: string) =>
    page('Under chief executive Ola Brandt, Lumora Analytics raised $50m from backers.', {
      url: 'https://a.example/news',
      publishedDate,
    });
  const names = async (docs: Document[]) =>
    (await extractExecutives(docs, target, undefined, now)).map((f) => f.value.split(' | ')[0]);

  it('gives it to an undated page over a claim dated years before, and to a recent dated claim over an undated page', async () => {
    expect(await names([dated('2019-02-10'), undated])).toEqual(['Rafe Lindqvist']);
    expect(await names([dated('2025-03-01'), undated])).toEqual(['Ola Brandt']);
  });
});

describe('Portuguese people sentences', () => {
  it('reads "N, o CEO da empresa", "N, um dos fundadores do X", a plural title before its list, and "deixa a empresa"', async () => {
    expect(
      await people(
        '"Vamos crescer", diz ao InfoRede Joaquim Pedro Moura, o CEO da empresa, em entrevista. A área de dados é liderada por Tiago Vasconcelos, um dos fundadores da Lumora Analytics.',
      ),
    ).toEqual(['Joaquim Pedro Moura | CEO', 'Tiago Vasconcelos | Founder']);
    expect(
      await people(
        'Um dos fundadores, Rui Falcão, vende suas ações e deixa a empresa. Os outros dois fundadores, Tiago Vasconcelos e Bruno Seixas, seguem na Lumora Analytics.',
      ),
    ).toEqual(['Tiago Vasconcelos | Co-founder', 'Bruno Seixas | Co-founder']);
  });
});

describe('a pronoun opening a sentence', () => {
  it('stands for the one person the sentence before names, when the title is tied to the company', async () => {
    expect(
      await people(
        'Wen Albrecht now runs research. She is also the chief scientific officer of Lumora Analytics. Jonas Pike spoke. He is chief operating officer.',
      ),
    ).toEqual(['Wen Albrecht | chief scientific officer']);
    expect(
      await people('Pia Karst leitet die Forschung. Sie übernimmt zudem die Rolle des CTO bei Lumora Analytics.'),
    ).toEqual(['Pia Karst | CTO']);
  });
});

describe("a page whose headline is another organisation's news", () => {
  it('gives only titles tied to the company by name; a headline in the company’s own voice is its own', async () => {
    const other = {
      title: 'Brightwell Robotics raises $40 million Series B',
      publishedDate: '2025-02-03',
    };
    expect(
      await people(
        'The round was led by Lumora Analytics. Tomas Greer, the chief executive, said the money will fund hiring. Ada Lunn, CFO of Lumora Analytics, joins the board.',
        other,
      ),
    ).toEqual(['Ada Lunn | CFO']);
    const own = { title: 'Our Privacy Focused Search Engine is now certified', publishedDate: '2025-02-03' };
    expect(await people('November 21, 2024\nNadia Rowe - Chief Product Officer\n\nWe are proud of it.', own)).toEqual([
      'Nadia Rowe | Chief Product Officer',
    ]);
  });
});

describe('the name a report shows', () => {
  it('leaves out credentials after the name', async () => {
    expect(
      await people('Key people\n  • Hana Ivers, M.D., PhD, president and CEO\nLumora Analytics is based in Boston.'),
    ).toEqual(['Hana Ivers | president and CEO']);
  });

  it('abstains from a bare co-founder beside another organisation on one site, and keeps one two sites state', async () => {
    const angels = 'Seed backers of the round include Dana Whitlock (co-founder, Brightwell) and Sam Ortiz.';
    expect(await people(angels)).toEqual([]);
    expect(
      await people(
        'A ronda de capital semente atraiu nomes como Dana Whitlock (cofundador da Brightwell) e Sam Ortiz.',
      ),
    ).toEqual([]);
    const twoSites = await extractExecutives(
      [page(angels), page(angels, { url: 'https://wire.example/seed' })],
      target,
    );
    expect([...new Set(twoSites.map((f) => f.value))]).toEqual(['Dana Whitlock | co-founder']);
    expect(await people('Co-founder Dana Whitlock said the Lumora Analytics dashboard would ship next year.')).toEqual([
      'Dana Whitlock | Co-founder',
    ]);
  });
});
