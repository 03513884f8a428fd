import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/intel/component';
import { extractOverview } from '../../src/core/intel/extract/overview';
import { notNewsKind } from '../../src/core/intel/read/page-kind';

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
    // "family" says who owns it, not what it does.
    expect(industry('Orvane Robotics is a 70-year-old family company.')).toEqual([]);
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
    // What the pattern skips must be an age or a town: here it is a clause, and the firms are another's.
    expect(
      industry('Before Orvane, the two had worked at Brill Partners, one of the few other firms that lease robots.'),
    ).toEqual([]);
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

describe('overview founding year read within its clause', () => {
  const founded = (content: string) => fields(content).filter((f) => f.startsWith('founded'));

  it('reads the year after founders with initials and a former name with "Co."', () => {
    expect(founded('Orvane was started by R. Dale Minton Jr. in April 1987 with two lathes.')).toEqual([
      'founded: 1987',
    ]);
    expect(founded('Founded by three engineers as the Leeds Pallet Co. in 1931, Orvane now builds robots.')).toEqual([
      'founded: 1931',
    ]);
  });

  it('takes no year from a later clause', () => {
    expect(founded('Orvane was founded by Ada Brill, who sold her stake in 2015.')).toEqual([]);
    // The sentence's own verb after the founders: "Orvane, founded by A and B, began trading in 2016".
    expect(founded('Orvane, founded by Ada Brill and Tom Keyes, began trading in 2016.')).toEqual([]);
  });

  it('reads a creating verb only when the company is what was created', () => {
    expect(founded('Ada Brill created Orvane Robotics in May 2004 in her garage.')).toEqual(['founded: 2004']);
    expect(founded('Orvane has sold robots to grocers since it was created in 2004.')).toEqual(['founded: 2004']);
    expect(founded('Ada Brill created the Pallet Mover in 2004.')).toEqual([]);
  });

  it('reads a Dutch page’s founding of the company', () => {
    expect(founded('Hij was betrokken bij de oprichting van Orvane in 1996.')).toEqual(['founded: 1996']);
  });
});

describe('overview headquarters now, not before', () => {
  const headquarters = (content: string) => fields(content).filter((f) => f.startsWith('headquarters'));

  it('reads a move of the "HQ" to where it went', () => {
    expect(headquarters('Why Orvane moved its HQ from Leeds to Sheffield')).toEqual(['headquarters: Sheffield']);
  });

  it('takes no headquarters the company had until a date, nor those of the parties of a merger', () => {
    expect(headquarters('Until 2019 Orvane was headquartered in Leeds.')).toEqual([]);
    expect(
      headquarters(
        'Orvane came out of a 2011 merger between the first Orvane Robotics, based in Leeds, and Brill Ltd.',
      ),
    ).toEqual([]);
  });

  it('reads a cover’s town abroad with its postcode after the town', () => {
    expect(
      headquarters(
        'Orvane Robotics Ltd.\n14 Hamelacha Street\nRosh HaAyin 4809120, Israel\n+972 (3) 555-0100\n(Address, including zip code, and telephone number, including area code, of Registrant’s principal executive offices)',
      ),
    ).toEqual(['headquarters: Rosh HaAyin, Israel']);
  });
});

describe('a page in its writer’s own voice', () => {
  it('files a headline with "our" anywhere outside a quotation as the organisation’s own post', () => {
    expect(
      notNewsKind('Five lessons from backing our newest portfolio company', 'https://vc.example/posts/5', ''),
    ).toBe('company post');
    expect(
      notNewsKind('Orvane chief: "Our robots will not replace people"', 'https://news.example/story', ''),
    ).toBeNull();
  });
});

describe('overview headquarters before the kind of company the target is', () => {
  it('reads "a Leeds-based ... organization" and "... provider" as the target’s place', () => {
    const headquarters = (content: string) => fields(content).filter((f) => f.startsWith('headquarters'));
    expect(headquarters('Orvane Robotics is a Leeds-based British robotics research organization.')).toEqual([
      'headquarters: Leeds',
    ]);
    expect(headquarters('Orvane Robotics is a Leeds-based provider of warehouse robots.')).toEqual([
      'headquarters: Leeds',
    ]);
  });
});
