// Go service code in the net/http style: handlers with decoding, http.Error, WriteHeader with
// numbers and http.Status constants, plus helpers, types, comments and one route table.
import { SLOT, type GenContext } from './generate';
import { NOUNS, nonstandardCode, pick } from './gen-words';

export function goHeader(_ctx: GenContext): string {
  return `// Package api serves the service endpoints. Generated for the benchmark.
package api

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"
)

type server struct{ store Store }
`;
}

export function goFooter(ctx: GenContext): string {
  const lines = ['', '// routes registers every handler of this file.', 'func (s *server) routes(mux *http.ServeMux) {'];
  for (const r of ctx.routes) lines.push(`\tmux.HandleFunc(${r})`);
  lines.push('}', '');
  return lines.join('\n');
}

export function goBlock(ctx: GenContext): string {
  const r = ctx.rnd.next();
  if (r < 0.45) return handler(ctx);
  if (r < 0.65) return helper(ctx);
  if (r < 0.77) return types(ctx);
  if (r < 0.88) return comment(ctx);
  return settings(ctx);
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

function handler(ctx: GenContext): string {
  const { rnd, n } = ctx;
  const noun = pick(rnd, NOUNS);
  const method = rnd.pick(METHODS);
  const name = `handle${noun[0].toUpperCase()}${noun.slice(1)}${n}`;
  ctx.routes.push(`"${method} /${noun}s/{id}", s.${name}`);
  const missing = rnd.chance(0.5) ? 'http.StatusNotFound' : '404';
  const lines = [
    '',
    `// ${name} serves ${method} /${noun}s/{id}; ${rnd.pick(['404 when it is missing', '400 on bad input', '409 on a conflict'])}.`,
    `func (s *server) ${name}(w http.ResponseWriter, r *http.Request) {`,
    `\tid, err := strconv.Atoi(r.PathValue("id"))`,
    `\tif err != nil || id <= 0 {`,
    `\t\thttp.Error(w, "id must be a positive integer", http.StatusBadRequest)`,
    `\t\treturn`,
    `\t}`,
    `\titem, err := s.store.Find(r.Context(), "${noun}s", id)`,
    `\tif errors.Is(err, ErrNotFound) {`,
    `\t\tw.WriteHeader(${SLOT}${missing})`,
    `\t\treturn`,
    `\t}`,
    `\tif err != nil {`,
    `\t\tlog.Printf("find ${noun} %d: %v", id, err)`,
    `\t\tw.WriteHeader(${SLOT}${rnd.chance(0.03) ? nonstandardCode(rnd) : '500'})`,
    `\t\treturn`,
    `\t}`,
  ];
  if (method === 'POST') {
    lines.push(
      `\tvar in ${noun}Input`,
      `\tif err := json.NewDecoder(r.Body).Decode(&in); err != nil {`,
      `\t\thttp.Error(w, "malformed JSON", 400)`,
      `\t\treturn`,
      `\t}`,
      `\tsaved, err := s.store.Insert(r.Context(), "${noun}s", item.ID, in)`,
      `\tif err != nil {`,
      `\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)`,
      `\t\treturn`,
      `\t}`,
      ...(rnd.chance(0.85) ? [`\tw.Header().Set("Location", "/${noun}s/"+strconv.Itoa(saved.ID))`] : []),
      `\tw.WriteHeader(${SLOT}http.StatusCreated)`,
      `\tjson.NewEncoder(w).Encode(saved)`,
    );
  } else if (method === 'DELETE') {
    lines.push(`\t_ = s.store.Delete(r.Context(), "${noun}s", item.ID)`, `\tw.WriteHeader(${SLOT}204)`);
  } else {
    lines.push(
      `\tw.Header().Set("Content-Type", "application/json")`,
      `\tw.WriteHeader(${SLOT}http.StatusOK)`,
      `\tjson.NewEncoder(w).Encode(item)`,
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}

function helper(ctx: GenContext): string {
  const { rnd, n } = ctx;
  const noun = pick(rnd, NOUNS);
  return `
// normalize${n} keeps at most ${rnd.pick([10, 25, 100])} tags of a ${noun} and trims long ones.
func normalize${n}(tags string) []string {
	out := make([]string, 0, ${rnd.pick([8, 16, 64])})
	for i, t := range strings.Split(tags, ",") {
		if i >= ${rnd.pick([10, 25, 100])} {
			break
		}
		t = strings.TrimSpace(t)
		if len(t) > ${rnd.pick([32, 64, 128])} {
			t = t[:${rnd.pick([32, 64, 128])}]
		}
		out = append(out, t)
	}
	return out
}
`;
}

function types(ctx: GenContext): string {
  const { rnd, n } = ctx;
  const noun = pick(rnd, NOUNS);
  return `
type ${noun}Input${n} struct {
	Name    string   \`json:"name"\`
	Tags    []string \`json:"tags"\`
	Version int      \`json:"version"\`
}

func (in ${noun}Input${n}) valid() bool {
	return in.Name != "" && len(in.Tags) <= ${rnd.pick([10, 25, 100])}
}
`;
}

function comment(ctx: GenContext): string {
  const { rnd } = ctx;
  return `
// ${rnd.pick(['Retries', 'Backs off', 'Gives up'])} after ${rnd.pick([3, 5, 10])} attempts: the upstream answers 503 or 429 when busy,
// and 404 for ids it has never seen. Waits ${rnd.pick([200, 500, 1500])} ms between attempts.
`;
}

function settings(ctx: GenContext): string {
  const { rnd, n } = ctx;
  return `
var settings${n} = struct {
	Port    int
	Timeout time.Duration
	Retries int
}{Port: ${rnd.pick([3000, 8080, 443])}, Timeout: ${rnd.pick([500, 2000, 30000])} * time.Millisecond, Retries: ${rnd.int(1, 5)}}
`;
}
