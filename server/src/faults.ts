// A test hook, and nothing else: failures injected on purpose so that the LSP tests can prove a
// failing adapter or rule is caught, logged with the document's language and the rule or
// feature, and contained. It reads HTTP_STATUS_HINTS_FAULTS once, when the server starts; with
// the variable unset (every real run) installFaults() returns at once and changes nothing.
//
//   HTTP_STATUS_HINTS_FAULTS=rule:nonstandard-code@faulty,adapter:python@faulty,slot:javascript
//
// Each entry is kind:name[@uriPart]. `rule:<rule id>` makes that rule's check throw;
// `adapter:<adapter id>` the adapter's extract, `slot:<adapter id>` its slotAt, `import:<adapter
// id>` its importEdit. `@uriPart` limits the fault to documents whose URI contains uriPart.
import type { LanguageAdapter } from './languages/adapter';
import { csharpAdapter } from './languages/csharp/adapter';
import { goAdapter } from './languages/go/adapter';
import { httpAdapter } from './languages/http/adapter';
import { javaAdapter } from './languages/java/adapter';
import { javascriptAdapter } from './languages/javascript/adapter';
import { openapiAdapter } from './languages/openapi/adapter';
import { phpAdapter } from './languages/php/adapter';
import { pythonAdapter } from './languages/python/adapter';
import { rubyAdapter } from './languages/ruby/adapter';
import { rustAdapter } from './languages/rust/adapter';
import { rules } from './rules/index';

export const FAULTS_VARIABLE = 'HTTP_STATUS_HINTS_FAULTS';

const ADAPTERS: LanguageAdapter[] = [javascriptAdapter, pythonAdapter, goAdapter, javaAdapter, csharpAdapter, rubyAdapter, phpAdapter, rustAdapter, openapiAdapter, httpAdapter];

export interface Fault {
  kind: 'rule' | 'adapter' | 'slot' | 'import';
  name: string;
  /** Only documents whose URI contains this; every document when undefined. */
  uriPart?: string;
}

/** The faults a value of HTTP_STATUS_HINTS_FAULTS asks for; entries it cannot read are ignored. */
export function parseFaults(value: string | undefined): Fault[] {
  const out: Fault[] = [];
  for (const entry of (value ?? '').split(',')) {
    const m = /^\s*(rule|adapter|slot|import):([\w-]+)(?:@(\S+))?\s*$/.exec(entry);
    if (m) out.push({ kind: m[1] as Fault['kind'], name: m[2], uriPart: m[3] });
  }
  return out;
}

/** The error an injected fault throws; its message says it was injected, so no one hunts a real bug. */
export class InjectedFault extends Error {
  constructor(fault: Fault, uri: string) {
    super(`injected fault ${fault.kind}:${fault.name} (${FAULTS_VARIABLE}) on ${uri}`);
    this.name = 'InjectedFault';
  }
}

function hits(fault: Fault, uri: string): boolean {
  return fault.uriPart === undefined || uri.includes(fault.uriPart);
}

/**
 * Wraps the named rules' and adapters' entry points so they throw for matching documents. Called
 * once by the server at start; returns the faults installed (none unless the variable is set).
 */
export function installFaults(value: string | undefined = process.env[FAULTS_VARIABLE]): Fault[] {
  const faults = parseFaults(value);
  for (const fault of faults) {
    if (fault.kind === 'rule') {
      for (const rule of rules.filter((r) => r.id === fault.name)) {
        const check = rule.check.bind(rule);
        rule.check = (model, ctx) => {
          if (hits(fault, ctx.uri)) throw new InjectedFault(fault, ctx.uri);
          return check(model, ctx);
        };
      }
      continue;
    }
    for (const adapter of ADAPTERS.filter((a) => a.id === fault.name)) {
      if (fault.kind === 'adapter') {
        const extract = adapter.extract.bind(adapter);
        adapter.extract = (input) => {
          if (hits(fault, input.uri)) throw new InjectedFault(fault, input.uri);
          return extract(input);
        };
      } else if (fault.kind === 'slot' && adapter.slotAt) {
        const slotAt = adapter.slotAt.bind(adapter);
        adapter.slotAt = (input, offset) => {
          if (hits(fault, input.uri)) throw new InjectedFault(fault, input.uri);
          return slotAt(input, offset);
        };
      } else if (fault.kind === 'import' && adapter.importEdit) {
        const importEdit = adapter.importEdit.bind(adapter);
        adapter.importEdit = (input, vocabulary) => {
          if (hits(fault, input.uri)) throw new InjectedFault(fault, input.uri);
          return importEdit(input, vocabulary);
        };
      }
    }
  }
  return faults;
}
