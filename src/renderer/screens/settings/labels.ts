import type { ProviderId, IntelSection } from '../../../core/settings/schema';

export const PROVIDER_LABELS: Record<ProviderId, { name: string; role: string }> = {
  tavily: { name: 'Tavily', role: 'Web search for company reports' },
  openai: { name: 'OpenAI-compatible', role: 'Optional LLM (OpenAI, Ollama, LM Studio)' },
  anthropic: { name: 'Anthropic', role: 'Optional LLM' },
  groq: { name: 'Groq', role: 'Optional LLM' },
};

export const SECTION_LABELS: Record<IntelSection, string> = {
  identity: 'Identity',
  overview: 'Overview',
  executives: 'Decision makers',
  funding: 'Funding and investments',
  news: 'News',
  custom: 'Custom components',
};
