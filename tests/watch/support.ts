import { loadTavilyFixtures, type TavilyFixture } from '../support/providers/fake-tavily';
import type { SeedLead } from '../fixtures/outreach/seed';

/** Lumora as it was a while ago: in Denver, 180 people, a COO since gone, no funding page, no CRO news. */
export function lumoraBefore(): TavilyFixture[] {
  const text = (s: string) =>
    s.replace(/Austin, Texas/g, 'Denver, Colorado').replace('about 240 people', 'about 180 people');
  return loadTavilyFixtures('lumora').map((f) => ({
    ...f,
    results: f.results
      .filter((r) => !r.url.includes('lumora-cro') && !r.url.includes('lumora-series-b'))
      .map((r) => ({
        ...r,
        content:
          text(r.content) +
          (r.url.endsWith('/team') ? ' Daniel Ortiz serves as Chief Operating Officer of Lumora Analytics.' : ''),
        raw_content: r.raw_content ? text(r.raw_content) : r.raw_content,
      })),
  }));
}

/** Cache lifetimes of zero: every refresh reads the pages again, so a page changed between refreshes is seen. */
export const NO_CACHE = { identity: 0, overview: 0, executives: 0, funding: 0, news: 0, custom: 0 };

/** The lead the watch and plan tests draft for: Jane Doe at Lumora Analytics, linked to its stored company. */
export function janeAtLumora(companyId: number): SeedLead {
  return {
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'jane@lumora.example',
    title: 'VP of Sales',
    company: 'Lumora Analytics',
    companyId,
  };
}
