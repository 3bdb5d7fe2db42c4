// The language-neutral facts every adapter reports. Nothing past this file knows which
// language or framework a fact came from: rules and features read only these shapes.
// Offsets are UTF-16 code-unit offsets into the document text (what LSP positions and
// web-tree-sitter indexes both count in).

export interface Span {
  start: number;
  end: number;
}

/** A text edit in offsets; converted to LSP ranges at the edge. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * What a status site does: sets a response, checks one in a test (`assertion`), compares a
 * received status (`comparison`), documents one (`declaration`, e.g. OpenAPI), or only names a
 * constant outside any known context (`reference`).
 */
export type SiteRole = 'response' | 'assertion' | 'comparison' | 'declaration' | 'reference';

export interface StatusSite {
  /** The status code the site stands for (may be outside any registry). */
  code: number;
  /** The literal, the constant expression, the symbol or the key in the source. */
  span: Span;
  /** How the code is written. `implicit`: no token, a helper implies it (span = the helper call). */
  kind: 'number' | 'constant' | 'string' | 'symbol' | 'key' | 'implicit';
  /** For constants and symbols: which vocabulary and the name as written. */
  vocabulary?: string;
  name?: string;
  role: SiteRole;
  /** A short, human name of the call form, e.g. `res.status()`; used in messages. */
  form: string;
  /** Index into DocumentModel.responses when the site sets a response's status. */
  response?: number;
  /**
   * What the place of the site accepts, when it is narrower than a number or a constant:
   * `number` for an int parameter (a constant of an enum type would not compile there),
   * `constant` for an enum-typed parameter. Fixes that rewrite the site respect it.
   */
  accepts?: 'number' | 'constant';
}

export interface BodyFacts {
  span: Span;
  /**
   * Why the body looks like an error report (e.g. `an "error" key`), and the error status it
   * names itself when it does (`{ status: 401, ... }`).
   */
  errorShape?: { span: Span; reason: string; code?: number };
  /**
   * A stack trace or raw exception sent to the client. `serialized` says what the framework's
   * encoder makes of a raw exception object put in a JSON body, where the adapter knows it:
   * `fails` when the encoder raises on it (the request ends in the framework's own 500 and this
   * body never goes out), `fields` when it sends the object's attributes instead of its message.
   */
  leak?: { span: Span; what: string; serialized?: 'fails' | 'fields' };
  /** The raw message of a caught error. */
  rawErrorMessage?: Span;
}

export interface HeaderFact {
  /** Lower-case header name. */
  name: string;
  span: Span;
}

/** The condition a response sits under, as far as the adapter can tell. */
export interface BranchFact {
  kind: 'catch' | 'not-found' | 'input-check' | 'validation-error' | 'auth-check' | 'other';
  span: Span;
  /** For catch: the caught variable name, if any. */
  errorName?: string;
}

/** Edits an adapter can make to a response in the framework's own way. Rules call them. */
export interface ResponseEdits {
  setStatus?(code: number): OffsetEdit[] | undefined;
  addHeader?(name: string, value: string): OffsetEdit[] | undefined;
  dropBody?(): OffsetEdit[] | undefined;
  replaceBody?(text: string): OffsetEdit[] | undefined;
  /**
   * Replaces what the body leaks (a stack, a raw exception or its message) with `message` in the
   * framework's usual error shape, keeping a request id the body carries, and logs the detail
   * on the server instead.
   */
  redactBody?(message: string): OffsetEdit[] | undefined;
}

export interface ResponseFacts {
  span: Span;
  /** Index into DocumentModel.sites of the site that sets the status, if written. */
  site?: number;
  /** The status when no site writes it (e.g. `res.json(x)` answers 200). */
  implicitStatus?: number;
  body?: BodyFacts;
  /** Headers this response sets, including ones set earlier on the same response object. */
  headers: HeaderFact[];
  /**
   * The response may also carry headers the adapter cannot name (set from a variable, a spread,
   * a helper the response object is passed to, or a library that calls this code back with a
   * prepared response). Rules about a missing header stay quiet then.
   */
  headersUnknown?: boolean;
  /** The adapter saw the response end without a body (`res.end()`, `new Response(null)`...). */
  noBody?: boolean;
  /** A framework helper that takes care of headers (e.g. `redirect`, `created`). */
  helper?: string;
  handler?: number;
  branch?: BranchFact;
  edits: ResponseEdits;
}

export interface HandlerFacts {
  span: Span;
  /** Upper-case HTTP method when a route registration or decorator says so. */
  method?: string;
  route?: string;
  /** Names of functions the handler calls (for create/insert/save detection). */
  calls: string[];
  /** Methods registered for the same route in this file (for Allow). */
  routeMethods?: string[];
  /**
   * API descriptions (OpenAPI): every key of the operation's responses map as written, codes,
   * ranges, `default` and mistakes alike.
   */
  responseKeys?: { key: string; span: Span }[];
  /**
   * API descriptions (OpenAPI): whether a security requirement applies to the operation (its
   * own, or the document's); undefined when the adapter cannot tell.
   */
  security?: boolean;
}

/** A vocabulary the file already uses or imports, so completions and fixes write its way. */
export interface VocabularyUse {
  vocabulary: string;
  /** How a constant is written in this file, with NAME as the placeholder (e.g. `StatusCodes.NAME`). */
  form: string;
  imported: boolean;
  /**
   * Names this file's version of the vocabulary gives some codes where they differ from the
   * data's current ones (Rack before 3.1 writes 422 as unprocessable_entity).
   */
  names?: Readonly<Record<number, string>>;
  /**
   * The project locks a version of the library that lacks the current names (Gemfile.lock:
   * rack below 3.1), so the old names are the right ones here, not a rename to suggest.
   */
  lockedOldNames?: boolean;
}

export interface CommentFact {
  span: Span;
  text: string;
}

export interface DocumentModel {
  languageId: string;
  /** Sorted by span.start, without overlaps. */
  sites: StatusSite[];
  responses: ResponseFacts[];
  handlers: HandlerFacts[];
  vocabularies: VocabularyUse[];
  comments: CommentFact[];
  /** Frameworks the file visibly uses, lower-case (e.g. `laravel`, `express`), when the adapter can tell. */
  frameworks?: string[];
}

export function emptyModel(languageId: string): DocumentModel {
  return { languageId, sites: [], responses: [], handlers: [], vocabularies: [], comments: [] };
}

/** A place where a status is being typed: what completion offers there. */
export interface StatusSlot {
  /** The text a completion replaces: the partial number or constant typed so far (may be empty). */
  span: Span;
  /**
   * What the slot takes: a number or a constant (`any`), only a number (an int parameter such
   * as `setStatus(int)`), only a constant (a parameter typed as the vocabulary's enum, such as
   * Spring's `@ResponseStatus(`), a symbol (Ruby), or a string (OpenAPI keys, `responseCode = "409"`).
   */
  accepts: 'any' | 'number' | 'constant' | 'symbol' | 'string';
  /** The vocabulary the place is typed with, when only one fits (Spring's HttpStatus for `@ResponseStatus(`). */
  vocabulary?: string;
  role: SiteRole;
  /** A short, human name of the call form, e.g. `res.status()`. */
  form: string;
  /** The HTTP method of the enclosing handler, when known (ranks 201 for POST...). */
  method?: string;
  /** The kind of branch the cursor sits in (catch, not-found check...), when known. */
  branch?: BranchFact['kind'];
}
