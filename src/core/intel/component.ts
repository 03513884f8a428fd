import type { CompanyReport, Fact, FactSection } from './domain';
import type { SearchHit, SearchRequest } from '../providers/types';
import type { StructuredExtractor } from '../providers/llm';
import type { PageReader } from './read/page';

/** A search hit with the provider that found it: the unit every component reads. */
export interface Document extends SearchHit {
  provider: string;
}

/** The company the components research, and the other companies with the same name whose facts must stay out. */
export interface CompanyTarget {
  name: string;
  domain: string | null;
  aliases: string[];
  others: string[];
  /** The name meant several companies and the analyst picked this one: a page must show it is about this one. */
  picked?: boolean;
  /**
   * The first word its pages call it by ("Stoke" for Stoke Space), also among `aliases`; a page counts it as
   * the company only after naming the company in full at its start, as a reader resolves the short form.
   */
  shortName?: string;
}

export interface ComponentContext {
  query: string;
  target: CompanyTarget;
  /** Searches every configured search provider; throws `StepFailure` when all of them fail. */
  search(request: SearchRequest): Promise<Document[]>;
  /**
   * Full page text by URL (Tavily `/extract`, through the same cache, limits and retries as searches); pages
   * that could not be read are absent, and the map is empty when no web provider is configured.
   */
  readPages(urls: string[]): Promise<Map<string, string>>;
  /** Reads a search result's page (cleaned, split, dated) once per lookup, however many searches return it. */
  read: PageReader;
  /** Present only when an LLM is configured and enabled for extraction; its calls are cached and rate limited. */
  llm: StructuredExtractor | null;
  maxExecutives: number;
  /** The lookup's time (ms since the epoch): how old a dated page is, and how recent its news. */
  now: number;
  signal: AbortSignal;
}

export interface ComponentOutput {
  facts: Fact[];
  /** Fields searched for without evidence, as `section.field`. */
  notFound: string[];
  /** Writes this component's section into a report (replacing what a previous run of it wrote). */
  apply(report: CompanyReport): void;
}

export interface Component {
  name: string;
  section: FactSection;
  /** Its output depends on when it runs (news is scored by its age), not only on the answers it reads. */
  readsTheClock?: boolean;
  run(context: ComponentContext): Promise<ComponentOutput>;
}

export function makeFact(fields: {
  section: FactSection;
  component?: string;
  kind: string;
  value: unknown;
  text: string;
  document: Document;
  evidence: string;
  confidence: number;
}): Fact {
  return {
    id: 0,
    section: fields.section,
    component: fields.component ?? fields.section,
    kind: fields.kind,
    value: fields.value,
    text: fields.text,
    source: { url: fields.document.url, title: fields.document.title, publishedDate: fields.document.publishedDate },
    evidence: fields.evidence,
    confidence: fields.confidence,
  };
}
