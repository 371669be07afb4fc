/**
 * searchset Bundles (R4 §3.1.1.4): entries with their full URL, the total, and self / next /
 * previous links carrying the same parameters.
 */
import type { SearchResult } from './fhir.service.js';
import type { Bundle } from './fhir-types.js';

function pageUrl(typeUrl: string, params: Map<string, string[]>, count: number, offset: number): string {
  const query = new URLSearchParams();
  for (const [name, values] of params) {
    for (const value of values) {
      query.append(name, value);
    }
  }
  query.set('_count', String(count));
  if (offset > 0) {
    query.set('_offset', String(offset));
  }
  return `${typeUrl}?${query.toString()}`;
}

export function searchsetBundle(baseUrl: string, type: string, result: SearchResult): Bundle {
  const typeUrl = `${baseUrl}/${type}`;
  const { count, offset, total, params } = result;
  const link: Bundle['link'] = [{ relation: 'self', url: pageUrl(typeUrl, params, count, offset) }];
  if (count > 0 && offset + count < total) {
    link.push({ relation: 'next', url: pageUrl(typeUrl, params, count, offset + count) });
  }
  if (offset > 0) {
    link.push({ relation: 'previous', url: pageUrl(typeUrl, params, count, Math.max(0, offset - count)) });
  }
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link,
    entry: result.resources.map((resource) => ({
      fullUrl: `${typeUrl}/${resource.id ?? ''}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}
