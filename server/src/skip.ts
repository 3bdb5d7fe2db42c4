// Which documents are not analysed at all: too large, binary, or minified. The check looks at
// the text's length and a bounded sample, so it stays cheap on the change path.

/** A reason to skip the document, or undefined to analyse it. */
export function skipReason(text: string, uri: string, maxBytes: number): string | undefined {
  // UTF-16 length is a lower bound on UTF-8 bytes; only count bytes when it matters.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes)) {
    return `the file is larger than ${formatBytes(maxBytes)} (httpStatusHints.maxFileSize)`;
  }
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  if (sample.includes('\u0000')) return 'the file looks binary';
  if (/\.min\.(js|mjs|cjs|css)$/.test(uri)) return 'the file is minified';
  if (text.length > 20_000 && /\.(js|mjs|cjs|ts|jsx|tsx)$/.test(uri)) {
    const lines = countLines(text);
    if (text.length / lines > 500) return 'the file looks minified';
  }
  return undefined;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.round(n / 1024)} KB`;
}
