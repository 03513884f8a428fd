import { llmProvider } from './definition';

/** Groq's OpenAI-compatible API. */
export const groq = llmProvider({
  id: 'groq',
  label: 'Groq',
  role: 'Optional LLM',
  baseUrl: 'https://api.groq.com/openai/v1',
  model: 'llama-3.3-70b-versatile',
  auth: { type: 'api-key', envVariable: 'GROQ_API_KEY' },
  rateLimit: { requestsPerMinute: 30, burst: 5 },
});
