import { llmProvider } from './definition';

/** Anthropic's Messages API. */
export const anthropic = llmProvider({
  id: 'anthropic',
  label: 'Anthropic',
  role: 'Optional LLM',
  baseUrl: 'https://api.anthropic.com',
  model: 'claude-sonnet-4-5',
  auth: { type: 'api-key', envVariable: 'ANTHROPIC_API_KEY' },
  rateLimit: { requestsPerMinute: 50, burst: 5 },
});
