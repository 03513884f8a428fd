import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/intel/component';
import { extractOverview } from '../../src/core/intel/extract/overview';

const target = { name: 'Orvane Robotics', domain: null, aliases: ['Orvane'], others: [] };
const page = (content: string, publishedDate: string | null = null): Document => ({
  url: 'https://www.example-directory.com/orvane',
  title: 'Orvane Robotics profile',
  content,
  rawContent: content,
  publishedDate,
  score: 1,
  provider: 'tavily',
});
/** The overview fields a passage gives, as "field: value". */
const fields = (content: string, publishedDate: string | null = null) =>
  extractOverview([page(content, publishedDate)], target)
    .filter((f) => f.field !== 'description')
    .map((f) => `${f.field}: ${f.value}`);

describe('overview rows as profiles lay them out', () => {
  it('reads a label alone on its line with its value on the next', () => {
    expect(
      fields('YEAR FOUNDED\n1957\nHEAD OFFICE\nGdansk, Poland\nSTAFF\n4,100\nIndustry\nIndustrial automation'),
    ).toEqual(['founded: 1957', 'headquarters: Gdansk, Poland', 'industry: Industrial automation']);
    // A founding date written out, and an "Address:" label above a street and a postal line.
    expect(fields('Founded\nMarch 3, 1999\nAddress:\n12 Harbour Road\nPortland, Maine 04101')).toEqual([
      'founded: 1999',
      'headquarters: Portland, Maine',
    ]);
  });

  it('takes no value that is not of the label’s kind', () => {
    expect(fields('Headquarters\nSee our offices worldwide\nFounded\nby two engineers')).toEqual([]);
  });

  it('reads an industry row with a table’s closing bar and an infobox row run together', () => {
    expect(fields('Industry | Marine engineering |')).toEqual(['industry: Marine engineering']);
    expect(fields('Industry Marine engineering')).toEqual(['industry: Marine engineering']);
    expect(fields('Industry leaders met in Oslo.')).toEqual([]);
  });
});

describe('overview descriptions read by the clause that states them', () => {
  const industry = (content: string) => fields(content).filter((f) => f.startsWith('industry'));

  it('reads a defunct company’s "was", asides after the name, an opening place and a bare provider', () => {
    expect(industry('Orvane Robotics, Inc., later Dunmore, Inc., was a British warehouse robotics company.')).toEqual([
      'industry: warehouse robotics',
    ]);
    expect(industry('Leeds-based Orvane Robotics is a provider of pallet-handling robots.')).toEqual([
      'industry: pallet-handling robots',
    ]);
    expect(industry('Today Orvane is the second largest warehouse robotics company in Europe.')).toEqual([
      'industry: warehouse robotics',
    ]);
  });

  it('reads an appositive after the company’s age and town, and a town with an abbreviation’s full stop', () => {
    expect(
      industry('Orvane Robotics, a 12-year-old, Leeds, UK-based warehouse robotics firm, has raised $40 million.'),
    ).toEqual(['industry: warehouse robotics']);
    expect(
      industry('Orvane Robotics, a Tacoma, Wash.-based warehouse robotics company, has raised $40 million.'),
    ).toEqual(['industry: warehouse robotics']);
    // The town and state inside the words still give nothing.
    expect(industry('Orvane Robotics, the Austin, Texas robotics company, has raised $40 million.')).toEqual([]);
  });

  it('reads a VC as venture capital, drops a bracketed abbreviation, and reads what a kind does when its words say nothing', () => {
    expect(industry('Orvane is a leading European early-stage venture capital ("VC") investor.')).toEqual([
      'industry: venture capital',
    ]);
    // A people's adjective says where it is from: "Nordic", "Belgian".
    expect(industry('Orvane is a leading Nordic early-stage venture capital investor.')).toEqual([
      'industry: venture capital',
    ]);
    expect(industry('Orvane, a Leeds-based early-stage VC, backs logistics founders.')).toEqual([
      'industry: venture capital',
    ]);
    expect(industry('Orvane, a Scottish company building autonomous forklift trucks, has raised $40 million.')).toEqual(
      ['industry: autonomous forklift trucks'],
    );
  });
});
