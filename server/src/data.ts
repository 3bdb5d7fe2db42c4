// Typed access to data/status-codes.json, the single source of truth. esbuild inlines the
// JSON into each bundle, so nothing is read from disk at run time.
import raw from '../../data/status-codes.json';

export type CodeStatus = 'standard' | 'unofficial' | 'unused' | 'deprecated' | 'obsoleted';

export interface HeaderInfo {
  name: string;
  requirement: 'must' | 'should' | 'may';
  note: string;
}

export interface StatusCodeInfo {
  code: number;
  name: string;
  oldNames: string[];
  class: string;
  status: CodeStatus;
  unofficialUsers?: string;
  spec?: { ref: string; url: string };
  mdn?: string;
  summary: string;
  useWhen: string;
  avoidWhen: string;
  confusedWith: { code: number; how: string }[];
  headers: HeaderInfo[];
  bodyAllowed: boolean;
  forApplications: boolean;
  constants: Record<string, string[]>;
  deprecatedConstants?: Record<string, string[]>;
}

export interface VocabularyInfo {
  label: string;
  languages: string[];
  form: string;
}

interface DataFile {
  vocabularies: Record<string, VocabularyInfo>;
  codes: StatusCodeInfo[];
}

const data = raw as unknown as DataFile;

const byCode = new Map<number, StatusCodeInfo>();
for (const c of data.codes) byCode.set(c.code, c);

/** vocabulary -> constant name -> { code, deprecated } */
const byConstant = new Map<string, Map<string, { code: number; deprecated: boolean }>>();
for (const c of data.codes) {
  for (const [vocab, names] of Object.entries(c.constants ?? {})) {
    const m = byConstant.get(vocab) ?? new Map();
    byConstant.set(vocab, m);
    for (const n of names) m.set(n, { code: c.code, deprecated: false });
  }
  for (const [vocab, names] of Object.entries(c.deprecatedConstants ?? {})) {
    const m = byConstant.get(vocab) ?? new Map();
    byConstant.set(vocab, m);
    for (const n of names) if (!m.has(n)) m.set(n, { code: c.code, deprecated: true });
  }
}

export function allCodes(): readonly StatusCodeInfo[] {
  return data.codes;
}

export function codeInfo(code: number): StatusCodeInfo | undefined {
  return byCode.get(code);
}

export function vocabularies(): Readonly<Record<string, VocabularyInfo>> {
  return data.vocabularies;
}

/** The code a vocabulary's constant stands for, or undefined when the vocabulary lacks it. */
export function lookupConstant(vocabulary: string, name: string): { code: number; deprecated: boolean } | undefined {
  return byConstant.get(vocabulary)?.get(name);
}

/** The current name of a code in a vocabulary, if the vocabulary has one. */
export function constantFor(vocabulary: string, code: number): string | undefined {
  return byCode.get(code)?.constants?.[vocabulary]?.[0];
}

/** True for codes in an IANA-assigned or known unofficial entry. */
export function isKnownCode(code: number): boolean {
  return byCode.has(code);
}
