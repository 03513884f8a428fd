import { llmProvider } from './definition';

/** OpenAI, or anything speaking its chat-completions API (Ollama, LM Studio on this machine need no key). */
export const openai = llmProvider({
  id: 'openai',
  label: 'OpenAI-compatible',
  role: 'Optional LLM (OpenAI, Ollama, LM Studio)',
  baseUrl: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini',
  auth: { type: 'api-key', envVariable: 'OPENAI_API_KEY' },
  rateLimit: { requestsPerMinute: 500, burst: 20 },
});
