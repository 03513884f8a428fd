import { searchProvider } from './definition';

/** Tavily web search (`/search`, `/extract`); development keys allow 100 requests a minute. */
export const tavily = searchProvider({
  id: 'tavily',
  label: 'Tavily',
  role: 'Web search for company reports',
  protocol: 'tavily',
  baseUrl: 'https://api.tavily.com',
  auth: { type: 'api-key', envVariable: 'TAVILY_API_KEY' },
  rateLimit: { requestsPerMinute: 100, burst: 10 },
  // One basic search for one result: a single credit.
  healthCheck: (probe) => probe.search({ query: 'connection test', maxResults: 1, searchDepth: 'basic' }),
});
