import { createHash } from 'node:crypto';

/** Parameters as a canonical string: keys sorted, query text lower-cased with whitespace collapsed, arrays sorted. */
export function normaliseParams(params: unknown): string {
  const canonical = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key === 'query' ? value.toLowerCase().replace(/\s+/g, ' ').trim() : value;
    if (Array.isArray(value))
      return value.map((v) => canonical(v)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, canonical(v, k)]),
      );
    }
    return value;
  };
  return JSON.stringify(canonical(params));
}

export function cacheKey(provider: string, endpoint: string, params: unknown): string {
  return createHash('sha256')
    .update(`${provider}\n${endpoint}\n${normaliseParams(params)}`)
    .digest('hex');
}
