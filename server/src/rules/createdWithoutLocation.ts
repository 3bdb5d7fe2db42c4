// created-without-location: 201 without Location. RFC 9110 (section 15.3.2): without it the new
// resource is taken to be the request's own URI, which is right for PUT but not for a POST to
// a collection. Framework helpers that take the URI (Spring's created(uri)...) set it themselves.
import { checkMissingHeader } from './missingHeader';
import type { Rule } from './types';

export const createdWithoutLocation: Rule = {
  id: 'created-without-location',
  defaultLevel: 'info',
  description: '201 Created without a Location header pointing at the new resource.',
  appliesToTests: false,
  check: (model) =>
    checkMissingHeader(model, {
      header: 'Location',
      // PUT creates the resource at the request's own URI, which is what a missing Location means;
      // a 201 from a GET or with an error body is another rule's finding.
      applies: (r) => r.code === 201 && !['PUT', 'GET', 'HEAD'].includes(r.handler?.method ?? '') && !r.response.body?.errorShape,
      helpers: ['created', 'redirect'],
      value: (r) => ({ value: `${(r.handler?.route ?? '').replace(/\/+$/, '')}/{id}`, known: false }),
      message: () => '201 Created without a Location header: the client cannot tell where the new resource lives.',
    }),
};
