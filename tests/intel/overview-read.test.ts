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
