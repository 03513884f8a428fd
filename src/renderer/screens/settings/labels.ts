import type { IntelSection } from '../../../core/settings/schema';

export const SECTION_LABELS: Record<IntelSection, string> = {
  identity: 'Identity',
  overview: 'Overview',
  executives: 'Decision makers',
  funding: 'Funding and investments',
  news: 'News',
  custom: 'Custom components',
};
