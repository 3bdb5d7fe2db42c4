import type { DocumentModel, StatusSite } from '../model';

/** The status site under an offset (binary search: sites are sorted and do not overlap). */
export function siteAt(model: DocumentModel, offset: number): StatusSite | undefined {
  const sites = model.sites;
  let lo = 0;
  let hi = sites.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sites[mid];
    if (offset < s.span.start) hi = mid - 1;
    else if (offset >= s.span.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
