// The Go adapter's model: which numbers are statuses and in what role, handler methods from
// route registrations, the facts rules read off each response, edits that leave valid Go, the
// completion slot while a call is half typed, and the net/http import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { goAdapter } from '../../server/src/languages/go/adapter';
import { initRuntime, loadLanguage, parserFor } from '../../server/src/parsing/treeSitter';
import type { AdapterInput } from '../../server/src/languages/adapter';
import type { DocumentModel, OffsetEdit, ResponseFacts } from '../../server/src/model';
import { applyEdits, responseAround as responseAt } from '../helpers/modelEdits';

async function input(text: string, uri = 'file:///t/main.go'): Promise<AdapterInput> {
  await initRuntime();
  const tree = parserFor('go', await loadLanguage('go')).parse(text)!;
  return { uri, languageId: 'go', text, tree };
}

/** Applies edits (non-overlapping) and checks the result still parses as Go. */
async function apply(text: string, edits: OffsetEdit[] | undefined): Promise<string> {
  const out = applyEdits(text, edits);
  const tree = (await input(out)).tree!;
  assert.equal(tree.rootNode.hasError, false, `the edited code parses:\n${out}`);
  return out;
}

const gin = `package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func Register(r *gin.Engine) {
	r.POST("/books", create)
	r.GET("/books", list)
	r.DELETE("/books/:id", func(c *gin.Context) {
		c.Status(http.StatusOK)
	})
}

func create(c *gin.Context) {
	var in Book
	if err := c.ShouldBindJSON(&in); err != nil {
		c.JSON(500, gin.H{"error": err.Error()})
		return
	}
	book, err := store.Insert(in)
	if err != nil {
		c.JSON(http.StatusOK, gin.H{"error": err.Error(), "request_id": rid(c)})
		return
	}
	c.JSON(http.StatusCreated, book)
}

func list(c *gin.Context) {
	c.JSON(200, store.All())
}
`;

test('Gin: sites, handler methods and routes', async () => {
  const { model } = await analyze(gin, 'go', 'file:///t/gin.go');
  assert.deepEqual(model.sites.map((s) => [s.code, s.kind, s.role, s.form]), [
    [200, 'constant', 'response', 'c.Status()'],
    [500, 'number', 'response', 'c.JSON()'],
    [200, 'constant', 'response', 'c.JSON()'],
    [201, 'constant', 'response', 'c.JSON()'],
    [200, 'number', 'response', 'c.JSON()'],
  ]);
  assert.deepEqual(model.sites.filter((s) => s.kind === 'constant').map((s) => [s.vocabulary, s.name]), [['go-http', 'StatusOK'], ['go-http', 'StatusOK'], ['go-http', 'StatusCreated']]);
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route, h.routeMethods?.sort()]), [
    ['DELETE', '/books/:id', ['DELETE']],
    ['POST', '/books', ['GET', 'POST']],
    ['GET', '/books', ['GET', 'POST']],
  ]);
  assert.ok(model.handlers[1].calls.includes('Insert'));
  assert.deepEqual(model.vocabularies, [{ vocabulary: 'go-http', form: 'http.NAME', imported: true }]);
  assert.deepEqual(model.frameworks, ['net/http', 'gin']);
});

test('Gin: branches, bodies and headers of each response', async () => {
  const { model } = await analyze(gin, 'go', 'file:///t/gin.go');
  const bind = responseAt(model, gin, 'c.JSON(500');
  assert.equal(bind.branch?.kind, 'validation-error');
  assert.equal(bind.branch?.errorName, 'err');
  assert.ok(bind.body?.rawErrorMessage, 'err.Error() is a raw message');
  const ok = responseAt(model, gin, 'c.JSON(http.StatusOK');
  assert.equal(ok.branch?.kind, 'catch');
  assert.equal(ok.body?.errorShape?.reason, 'an "error" key');
  const created = responseAt(model, gin, 'c.JSON(http.StatusCreated');
  assert.equal(created.branch, undefined);
  assert.deepEqual(created.headers, []);
  assert.equal(created.handler, 1);
  const del = responseAt(model, gin, 'c.Status(http.StatusOK)');
  assert.equal(del.noBody, true);
});

test('Gin: edits in the framework\'s own way', async () => {
  const { model } = await analyze(gin, 'go', 'file:///t/gin.go');
  const created = responseAt(model, gin, 'c.JSON(http.StatusCreated');
  const withLocation = await apply(gin, created.edits.addHeader?.('Location', '/books/1'));
  assert.match(withLocation, /\n\tc\.Header\("Location", "\/books\/1"\)\n\tc\.JSON\(http\.StatusCreated, book\)/);
  const ok = responseAt(model, gin, 'c.JSON(http.StatusOK');
  assert.match(await apply(gin, ok.edits.setStatus?.(500)), /c\.JSON\(http\.StatusInternalServerError, gin\.H/);
  const redacted = await apply(gin, ok.edits.redactBody?.('Internal Server Error'));
  assert.match(redacted, /\t\tlog\.Printf\("request failed: %v", err\)\n\t\tc\.JSON\(http\.StatusOK, gin\.H\{"error": "Internal Server Error", "request_id": rid\(c\)\}\)/);
  assert.match(redacted, /import \(\n\t"log"\n\t"net\/http"\n/);
  const list = responseAt(model, gin, 'c.JSON(200');
  assert.match(await apply(gin, list.edits.dropBody?.()), /\tc\.Status\(200\)\n/);
});

const nethttp = `package main

import (
	"encoding/json"
	"net/http"
)

func create(w http.ResponseWriter, r *http.Request) {
	var in Item
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	item, err := save(in)
	if err != nil {
		w.WriteHeader(http.StatusConflict)
		json.NewEncoder(w).Encode(map[string]string{"error": "exists"})
		return
	}
	w.Header().Set("Location", "/items/1")
	w.WriteHeader(201)
	json.NewEncoder(w).Encode(item)
}

func remove(w http.ResponseWriter, r *http.Request) {
	setCORS(w)
	w.WriteHeader(http.StatusOK)
}

func status(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]any{"error": "maintenance"})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /items", create)
	mux.HandleFunc("DELETE /items/{id}", remove)
	mux.HandleFunc("/status", status)
	http.ListenAndServe(":8080", mux)
}
`;

test('net/http: Go 1.22 patterns, bodies written after WriteHeader, headers set before it', async () => {
  const { model } = await analyze(nethttp, 'go', 'file:///t/nethttp.go');
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route]), [['POST', '/items'], ['DELETE', '/items/{id}'], [undefined, '/status']]);
  const decode = responseAt(model, nethttp, 'http.Error(w, err.Error(), 500)');
  assert.equal(decode.branch?.kind, 'input-check');
  assert.ok(decode.body?.rawErrorMessage);
  const conflict = responseAt(model, nethttp, 'w.WriteHeader(http.StatusConflict)');
  assert.equal(conflict.branch?.kind, 'catch');
  assert.equal(conflict.body?.errorShape?.reason, 'an "error" key');
  const created = responseAt(model, nethttp, 'w.WriteHeader(201)');
  assert.deepEqual(created.headers.map((h) => h.name), ['location']);
  assert.equal(created.headersUnknown, undefined);
  const removed = responseAt(model, nethttp, 'w.WriteHeader(http.StatusOK)');
  assert.equal(removed.noBody, true);
  assert.equal(removed.headersUnknown, true, 'setCORS(w) may set headers');
  // No WriteHeader before the Encode: net/http answers 200 with this error body.
  const implicit = responseAt(model, nethttp, 'json.NewEncoder(w).Encode(map[string]any');
  assert.equal(implicit.implicitStatus, 200);
  assert.equal(implicit.body?.errorShape?.reason, 'an "error" key');
  assert.match(await apply(nethttp, implicit.edits.setStatus?.(503)), /\tw\.WriteHeader\(http\.StatusServiceUnavailable\)\n\tjson\.NewEncoder\(w\)\.Encode\(map\[string\]any/);
});

test('net/http: header, drop-body and redact edits', async () => {
  const { model } = await analyze(nethttp, 'go', 'file:///t/nethttp.go');
  const conflict = responseAt(model, nethttp, 'w.WriteHeader(http.StatusConflict)');
  assert.match(await apply(nethttp, conflict.edits.addHeader?.('Retry-After', '30')), /\t\tw\.Header\(\)\.Set\("Retry-After", "30"\)\n\t\tw\.WriteHeader\(http\.StatusConflict\)/);
  const dropped = await apply(nethttp, conflict.edits.dropBody?.());
  assert.match(dropped, /w\.WriteHeader\(http\.StatusConflict\)\n\t\treturn/);
  const decode = responseAt(model, nethttp, 'http.Error(w, err.Error(), 500)');
  const redacted = await apply(nethttp, decode.edits.redactBody?.('Bad Request'));
  assert.match(redacted, /\t\tlog\.Printf\("request failed: %v", err\)\n\t\thttp\.Error\(w, "Bad Request", 500\)/);
  assert.match(redacted, /"encoding\/json"\n\t"log"\n\t"net\/http"/);
  assert.match(await apply(nethttp, decode.edits.dropBody?.()), /\t\tw\.WriteHeader\(500\)\n/);
});

test('Echo and Fiber: errors, chains, implicit 200s and their edits', async () => {
  const src = `package main

import (
	"github.com/gofiber/fiber/v2"
)

func get(c *fiber.Ctx) error {
	o, ok := orders[c.Params("id")]
	if !ok {
		return c.JSON(fiber.Map{"error": "no such order"})
	}
	if o.Locked {
		return fiber.NewError(fiber.StatusLocked, "order is locked")
	}
	return c.Status(201).JSON(o)
}

func main() {
	app := fiber.New()
	app.Get("/orders/:id", get)
}
`;
  const { model } = await analyze(src, 'go', 'file:///t/fiber.go');
  assert.deepEqual(model.vocabularies, [{ vocabulary: 'go-http', form: 'fiber.NAME', imported: true }]);
  const implicit = responseAt(model, src, 'c.JSON(fiber.Map');
  assert.equal(implicit.implicitStatus, 200);
  assert.equal(implicit.branch?.kind, 'not-found');
  assert.match(await apply(src, implicit.edits.setStatus?.(404)), /return c\.Status\(fiber\.StatusNotFound\)\.JSON\(fiber\.Map/);
  const locked = responseAt(model, src, 'fiber.NewError');
  assert.equal(locked.body?.errorShape?.reason, 'an HTTP error');
  assert.match(await apply(src, locked.edits.addHeader?.('Retry-After', '5')), /\t\tc\.Set\("Retry-After", "5"\)\n\t\treturn fiber\.NewError/);
  const created = responseAt(model, src, 'c.Status(201)');
  assert.equal(created.span.end, src.indexOf('JSON(o)') + 'JSON(o)'.length);
  assert.match(await apply(src, created.edits.dropBody?.()), /return c\.SendStatus\(201\)\n/);

  const echo = `package main

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func create(c echo.Context) error {
	return c.JSON(http.StatusCreated, u)
}
`;
  const e = await analyze(echo, 'go', 'file:///t/echo.go');
  const r = responseAt(e.model, echo, 'c.JSON');
  assert.match(await apply(echo, r.edits.addHeader?.('Location', '/users/1')), /\tc\.Response\(\)\.Header\(\)\.Set\("Location", "\/users\/1"\)\n\treturn c\.JSON/);
  assert.match(await apply(echo, r.edits.dropBody?.()), /return c\.NoContent\(http\.StatusCreated\)/);
});

test('tests: recorders, testify and comparisons are assertions, not responses', async () => {
  const src = `package api

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestX(t *testing.T) {
	rec := httptest.NewRecorder()
	router.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, 2, len(items))
	if rec.Code != 201 {
		t.Fatal(rec.Code)
	}
	if err.Code == 1062 {
		t.Skip()
	}
}
`;
  const { model } = await analyze(src, 'go', 'file:///t/x_test.go');
  assert.deepEqual(model.sites.map((s) => [s.code, s.role]), [[200, 'assertion'], [201, 'comparison']]);
  assert.deepEqual(model.responses, []);
});

test('broken code never throws and still yields what parses', async () => {
  const broken = 'package main\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(404\n\tif err != nil {\n';
  const { model } = await analyze(broken, 'go', 'file:///t/broken.go');
  assert.ok(Array.isArray(model.sites));
  assert.deepEqual(goAdapter.extract({ uri: 'file:///t/none.go', languageId: 'go', text: broken }).sites, []);
});

test('slotAt: half-typed calls, comparisons and assertions', async () => {
  const cases: [string, Partial<{ role: string; form: string; method: string; branch: string; partial: string }> | undefined][] = [
    ['package main\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(|\n}', { role: 'response', form: 'w.WriteHeader()', partial: '' }],
    ['package main\nfunc h(w http.ResponseWriter, r *http.Request) {\n\thttp.Error(w, err.Error(), http.StatusI|\n}', { role: 'response', form: 'http.Error()', partial: 'http.StatusI' }],
    ['package main\nfunc main() {\n\tr.POST("/x", func(c *gin.Context) {\n\t\tif err := c.ShouldBindJSON(&in); err != nil {\n\t\t\tc.JSON(4|\n\t\t}\n\t})\n}', { role: 'response', form: 'c.JSON()', method: 'POST', branch: 'validation-error', partial: '4' }],
    ['package main\nfunc (a *API) del(c echo.Context) error {\n\treturn c.NoContent(|\n}\nfunc main() { e.DELETE("/x/:id", a.del) }', { role: 'response', form: 'c.NoContent()', method: 'DELETE' }],
    ['package main\nfunc t() {\n\tif rr.Code != |\n}', { role: 'comparison', form: 'rr.Code !=' }],
    ['package main\nfunc t() {\n\trequire.Equal(t, |, w.Code)\n}', { role: 'assertion', form: 'require.Equal()' }],
    ['package main\nfunc t() {\n\ttime.Sleep(|\n}', undefined],
    ['package main\nfunc t() {\n\tbuf := make([]byte, |\n}', undefined],
    ['package main\nfunc t() {\n\tlog.Print("w.WriteHeader(|\n}', undefined],
    ['package main\nfunc t() {\n\t// w.WriteHeader(|\n}', undefined],
  ];
  for (const [src, expected] of cases) {
    const at = src.indexOf('|');
    const text = src.slice(0, at) + src.slice(at + 1);
    const inp = await input(text);
    goAdapter.extract(inp);
    const slot = goAdapter.slotAt!(inp, at);
    if (!expected) {
      assert.equal(slot, undefined, `no slot in ${JSON.stringify(src)}`);
      continue;
    }
    assert.ok(slot, `a slot in ${JSON.stringify(src)}`);
    const { partial, ...rest } = expected;
    for (const [k, v] of Object.entries(rest)) assert.equal((slot as unknown as Record<string, unknown>)[k], v, `${k} in ${JSON.stringify(src)}`);
    if (partial !== undefined) assert.equal(text.slice(slot.span.start, slot.span.end), partial);
    assert.equal(slot.span.end, at);
  }
});

test('importEdit: net/http goes into the standard-library group, sorted', async () => {
  const grouped = 'package main\n\nimport (\n\t"encoding/json"\n\t"strings"\n\n\t"github.com/gin-gonic/gin"\n)\n';
  assert.equal(await apply(grouped, [goAdapter.importEdit!(await input(grouped), 'go-http')!]), 'package main\n\nimport (\n\t"encoding/json"\n\t"net/http"\n\t"strings"\n\n\t"github.com/gin-gonic/gin"\n)\n');
  const single = 'package main\n\nimport "fmt"\n\nfunc main() {}\n';
  assert.equal(await apply(single, [goAdapter.importEdit!(await input(single), 'go-http')!]), 'package main\n\nimport "fmt"\nimport "net/http"\n\nfunc main() {}\n');
  const none = 'package main\n\nfunc main() {}\n';
  assert.equal(await apply(none, [goAdapter.importEdit!(await input(none), 'go-http')!]), 'package main\n\nimport "net/http"\n\nfunc main() {}\n');
  const thirdParty = 'package main\n\nimport (\n\t"github.com/labstack/echo/v4"\n)\n';
  assert.equal(await apply(thirdParty, [goAdapter.importEdit!(await input(thirdParty), 'go-http')!]), 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/labstack/echo/v4"\n)\n');
  assert.equal(goAdapter.importEdit!(await input(grouped.replace('"strings"', '"net/http"')), 'go-http'), undefined);
  assert.equal(goAdapter.importEdit!(await input('package main\n\nimport "github.com/gofiber/fiber/v2"\n'), 'go-http'), undefined, 'fiber.StatusX already works');
  assert.equal(goAdapter.importEdit!(await input(none), 'rust-http'), undefined);
});

test('frameworks imported under other paths (gopkg.in) are still recognised', async () => {
  const src = 'package users\n\nimport (\n\t"net/http"\n\n\t"gopkg.in/gin-gonic/gin.v1"\n)\n\nfunc Register(router *gin.RouterGroup) {\n\trouter.GET("/", retrieve)\n}\n\nfunc retrieve(c *gin.Context) {\n\tc.JSON(http.StatusCreated, gin.H{"user": u})\n}\n';
  const { model } = await analyze(src, 'go', 'file:///t/users.go');
  assert.deepEqual(model.frameworks, ['net/http', 'gin']);
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route]), [['GET', '/']]);
  const r = responseAt(model, src, 'c.JSON');
  assert.equal(r.handler, 0);
  assert.match(await apply(src, r.edits.addHeader?.('Location', '/users/1')), /\tc\.Header\("Location", "\/users\/1"\)\n\tc\.JSON/);
});

test('branch kinds: nil checks, sentinel errors, lookups, and errors that do not come from a call', async () => {
  const src = `package main

import (
	"database/sql"
	"errors"
	"net/http"
)

func get(w http.ResponseWriter, r *http.Request) {
	user, err := repo.Find(r.PathValue("id"))
	if errors.Is(err, sql.ErrNoRows) {
		w.WriteHeader(404)
		return
	}
	if user == nil {
		w.WriteHeader(410)
		return
	}
	if r.Header.Get("Authorization") == "" {
		w.WriteHeader(401)
		return
	}
	if _, ok := profiles[user.ID]; !ok {
		w.WriteHeader(404)
		return
	}
	w.WriteHeader(200)
}

func fail(w http.ResponseWriter, err error) {
	if err != nil {
		w.WriteHeader(500)
	}
}
`;
  const { model } = await analyze(src, 'go', 'file:///t/branches.go');
  const kinds = model.responses.map((r) => [model.sites[r.site!].code, r.branch?.kind, r.branch?.errorName]);
  assert.deepEqual(kinds, [
    [404, 'not-found', undefined],
    [410, 'not-found', undefined],
    [401, 'auth-check', undefined],
    [404, 'not-found', undefined],
    [200, undefined, undefined],
    [500, 'other', undefined],
  ]);
});

test('an empty-value check is an input check only when the value came from the request', async () => {
  const src = `package main

import (
	"encoding/json"
	"net/http"
	"os"
)

func hook(w http.ResponseWriter, r *http.Request) {
	secret := os.Getenv("HOOK_SECRET")
	if secret == "" {
		w.WriteHeader(500)
		return
	}
	var in struct{ Name string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		w.WriteHeader(400)
		return
	}
	if in.Name == "" {
		w.WriteHeader(422)
		return
	}
	if q := r.URL.Query().Get("q"); q == "" {
		w.WriteHeader(400)
		return
	}
	rows := load(in.Name)
	if len(rows) == 0 {
		w.WriteHeader(204)
		return
	}
}
`;
  const { model } = await analyze(src, 'go', 'file:///t/inputs.go');
  const kinds = model.responses.map((r) => [model.sites[r.site!].code, r.branch?.kind]);
  assert.deepEqual(kinds, [[500, 'other'], [400, 'input-check'], [422, 'input-check'], [400, 'input-check'], [204, 'other']]);
});
