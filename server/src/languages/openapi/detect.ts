// Which YAML / JSON documents are OpenAPI or Swagger specs. This runs on every change of every
// YAML and JSON file, so it looks at a bounded head with a regex and, past it, only does
// indexOf for the top-level key (key-sorted dumps put `openapi` after a long `components`).
// The full read then confirms the key is at the top level with a 3.x / 2.x version.

const HEAD = 4096;
const YAML_KEY = /^["']?(?:openapi|swagger)["']?[ \t]*:[ \t]*["']?[23]\./m;
const JSON_KEY = /"(?:openapi|swagger)"\s*:\s*"[23]\./;
const YAML_NEEDLES = ['\nopenapi:', '\nswagger:', '\n"openapi":', "\n'openapi':"];
const JSON_NEEDLES = ['"openapi"', '"swagger"'];

export function looksLikeSpec(text: string): boolean {
  const head = (text.length > HEAD ? text.slice(0, HEAD) : text).replace(/^\uFEFF/, '');
  if (YAML_KEY.test(head) || JSON_KEY.test(head)) return true;
  if (text.length <= HEAD) return false;
  const json = /^\s*[{/]/.test(head);
  for (const needle of json ? JSON_NEEDLES : YAML_NEEDLES) {
    for (let i = text.indexOf(needle, HEAD - needle.length); i >= 0; i = text.indexOf(needle, i + 1)) {
      const at = needle.startsWith('\n') ? i + 1 : i;
      const window = text.slice(at, at + 40);
      if (needle.startsWith('\n') ? YAML_KEY.test(window) : JSON_KEY.test(window)) return true;
    }
  }
  return false;
}
