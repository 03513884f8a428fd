import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/intel/component';
import { extractFunding, mergeFunding } from '../../src/core/intel/extract/funding';
import { inEnglishFundingWords } from '../../src/core/intel/read/rounds-other-languages';

const TARGET = (name: string) => ({ name, domain: null, aliases: [], others: [] });

function page(text: string, date: string | null = '2024-05-10'): Document {
  return {
    url: 'https://news.example.com/story',
    title: text.split('\n')[0]!,
    content: text,
    rawContent: text,
    publishedDate: date,
    score: 1,
    provider: 'test',
  } as Document;
}

/** The rounds a one-page document states about the company, as the report gives them. */
function rounds(text: string, company: string) {
  return mergeFunding(extractFunding([page(text)], TARGET(company))).map(
    ({ round, amount, currency, date, leadInvestors, investors }) => ({
      round,
      amount,
      currency,
      date,
      leadInvestors,
      investors,
    }),
  );
}

describe('round statements in Spanish, Portuguese, French and Italian', () => {
  it('reads a Spanish round: the sum in "US$ ... millones", the "Serie" name, the leads and a list after "También participaron"', () => {
    const found = rounds(
      'La firma de pagos Lumora obtuvo US$ 45 millones en su ronda Serie B, liderada por la gestora estadounidense Orbit Ventures. También participaron Northwind Capital, el fondo de cobertura Kestrel y Bluebay Partners.',
      'Lumora',
    );
    expect(found).toEqual([
      {
        round: 'Series B',
        amount: 45_000_000,
        currency: 'USD',
        date: '2024-05-10',
        leadInvestors: ['Orbit Ventures'],
        investors: ['Orbit Ventures', 'Northwind Capital', 'Kestrel', 'Bluebay Partners'],
      },
    ]);
  });

  it('reads Portuguese sums in reais with a decimal comma, and leads named before "co-lideraram"', () => {
    const found = rounds(
      'A Lumora captou R$ 1,2 bilhão em uma rodada de investimento concluída em março. Orbit Ventures e Northwind Capital co-lideraram o aporte.',
      'Lumora',
    );
    expect(found).toEqual([
      expect.objectContaining({
        amount: 1_200_000_000,
        currency: 'BRL',
        leadInvestors: ['Orbit Ventures', 'Northwind Capital'],
      }),
    ]);
  });

  it('reads a French "levée de fonds menée par" with "avec la participation de", the sum in "millions d\'euros"', () => {
    const found = rounds(
      "La start-up Lumora lève 12 millions d'euros lors d'une levée de fonds menée par Orbit Ventures, avec la participation de Bpifrance et de Kestrel Partners.",
      'Lumora',
    );
    expect(found).toEqual([
      expect.objectContaining({
        amount: 12_000_000,
        currency: 'EUR',
        leadInvestors: ['Orbit Ventures'],
        investors: ['Orbit Ventures', 'Bpifrance', 'Kestrel Partners'],
      }),
    ]);
  });

  it('reads an Italian "round da ... milioni di euro" and its "lead investor è" in the next sentence', () => {
    const found = rounds(
      "Lumora ha chiuso un round da 3,5 milioni di euro. Lead investor dell'operazione è Orbit Ventures, che ha affiancato altri 20 investitori.",
      'Lumora',
    );
    expect(found).toEqual([
      expect.objectContaining({ amount: 3_500_000, currency: 'EUR', leadInvestors: ['Orbit Ventures'] }),
    ]);
  });

  it('takes "8,700 millones" as thousands and "1,15" as a decimal', () => {
    expect(inEnglishFundingWords('Lumora levantó 8,700 millones de dólares.')).toContain('$8700 million');
    expect(inEnglishFundingWords('A Lumora captou US$ 1,15 bilhão.')).toContain('$1.15 billion');
  });

  it('reads no round in a rumour, a valuation or a fund an investment firm raises for itself', () => {
    expect(
      rounds(
        'A Lumora levantou pelo menos US$ 300 milhões em rodada liderada por Orbit Ventures, disseram pessoas familiarizadas com o assunto.',
        'Lumora',
      ),
    ).toEqual([]);
    expect(rounds('De US$ 4 bi para US$ 1,5 bi: Lumora tem valuation reduzido em nova rodada.', 'Lumora')).toEqual([]);
    expect(
      rounds(
        'Orbit Ventures, il fondo di venture capital di Milano, ha raccolto 400 milioni di euro.',
        'Orbit Ventures',
      ),
    ).toEqual([]);
  });

  it('keeps an investor\'s name as written where it holds a word the reader translates ("Valor Capital")', () => {
    const found = rounds('Lumora obtuvo 10 millones de dólares en una ronda liderada por Valor Capital.', 'Lumora');
    expect(found[0]?.leadInvestors).toEqual(['Valor Capital']);
  });

  it("gives the page's own sentence as evidence, not its English words", () => {
    const text = 'Lumora obtuvo US$ 45 millones en su ronda Serie B.';
    const [finding] = extractFunding([page(text, null)], TARGET('Lumora'));
    expect(finding?.evidence).toBe(text);
  });
});

describe('a round named after its valuation in these languages', () => {
  it('gives the sum written after "Serie E de" to the round, and the valuation before it to no round', () => {
    const found = rounds(
      'A finales de 2021 Lumora alcanzó una valoración de 5,000 millones de dólares en una ronda Serie E de 400 millones de dólares.',
      'Lumora',
    );
    expect(found).toEqual([
      expect.objectContaining({ round: 'Series E', amount: 400_000_000, currency: 'USD', date: '2021' }),
    ]);
  });
});

describe('who reports a round in these languages', () => {
  it('names no investor after "segundo a" (the news agency that reported the round)', () => {
    const found = rounds(
      'A Lumora anuncia uma ronda de financiamento de 15 milhões de dólares liderada pela Orbit Ventures, segundo a Reuters.',
      'Lumora',
    );
    expect(found).toEqual([expect.objectContaining({ amount: 15_000_000, leadInvestors: ['Orbit Ventures'] })]);
  });
});

describe('sentences that go on about a round in these languages', () => {
  it('reads "Colideran A y B" after the round as its leads', () => {
    const found = rounds(
      'El software de logística Lumora reúne €8M. Colideran Orbit Ventures y el fondo español Kestrel',
      'Lumora',
    );
    expect(found).toEqual([
      expect.objectContaining({ amount: 8_000_000, currency: 'EUR', leadInvestors: ['Orbit Ventures', 'Kestrel'] }),
    ]);
  });

  it('names the round after "En esta última ronda de la Serie A" and reads the list past "además de"', () => {
    const found = rounds(
      'Lumora obtuvo 20 millones de dólares en una ronda liderada por Orbit Ventures. En esta última ronda de la Serie A también participaron Northwind Capital, dijo Lumora, además de los nuevos inversores Kestrel Partners y Bluebay.',
      'Lumora',
    );
    expect(found).toEqual([
      expect.objectContaining({
        round: 'Series A',
        amount: 20_000_000,
        leadInvestors: ['Orbit Ventures'],
        investors: ['Orbit Ventures', 'Northwind Capital', 'Kestrel Partners', 'Bluebay'],
      }),
    ]);
  });
});
