// The LSP connection only: capabilities, documents, settings and routing. Every request is one
// line into a pure feature function; the work lives in features/ and rules/.
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { DocumentStore, type OpenDocument } from './documents';
import { normalizeSettings, cloneDefaults, type Settings } from './settings';
import { runSafe, guard, errorText } from './runSafe';
import { doHover } from './features/hover';
import { doComplete } from './features/completion';
import { doInlayHints } from './features/inlayHints';
import { doValidate } from './features/diagnostics';
import { doCodeActions, codeActionKinds } from './features/codeActions';
import { executeCommand, serverCommands } from './features/commands';
import { DocumentDiagnosticReportKind, type Diagnostic } from 'vscode-languageserver/node';
import { skipReason } from './skip';
import type { FeatureContext } from './features/context';
import { supportedLanguageIds } from './languages/registry';
import { setWorkspaceFolders } from './rules/testFiles';
import { normalizeLanguageId } from './languageIds';
import { ProjectSettings } from './projectSettings';
import { withProjectSettings } from './config/projectConfig';
import { installFaults } from './faults';
import { residentLimitFromEnv } from './residency';
import { tuneHeap } from './heapTuning';
import { clearRackVersions } from './languages/ruby/rackVersion';

// Before any document arrives: the heap's sizing decides how much of the analysis garbage stays resident.
tuneHeap();
const knownLanguages = new Set(supportedLanguageIds());
// Test hook: nothing unless HTTP_STATUS_HINTS_FAULTS is set (see faults.ts).
const faults = installFaults();

const connection: Connection = createConnection(ProposedFeatures.all);
const log = (message: string) => connection.console.log(message);

let capabilities: ClientCapabilities = {};
let hasConfiguration = false;
let markdown = true;
/** The client pulls diagnostics (LSP 3.17); otherwise the server pushes them. */
let pullDiagnostics = false;
/** Settings from initializationOptions or didChangeConfiguration, for clients without workspace/configuration. */
let globalSettings: Settings = cloneDefaults();
/** The raw settings behind globalSettings, merged with the project file per document. */
let globalRaw: unknown;
const settingsCache = new Map<string, Promise<Settings>>();
/** Bumped whenever settings may have changed: diagnostics reported before are stale then. */
let settingsGeneration = 0;
const warned = new Set<string>();
const skippedNoticeSent = new Set<string>();
/** The version of each open document whose failed extraction was logged (a freed model is made again, and fails again). */
const extractFailureLogged = new Map<string, number>();

// Trees and models are kept for the most recently used documents only (residency.ts).
const store = new DocumentStore(
  (text, uri) => skipReason(text, uri, globalSettings.maxFileSize),
  {
    // The parser gave up on a document while serving a request: same notice as a huge file.
    // Its last diagnostics no longer stand.
    skipped: (entry) => {
      reports.delete(entry.doc.uri);
      noticeSkip(entry);
    },
    // Once per document version: the document falls back to the empty model until the next edit
    // (or until its model is freed, when the next request extracts again and fails again).
    extractFailed: (entry, e) => {
      const { uri, version } = entry.doc;
      if (extractFailureLogged.get(uri) === version) return;
      extractFailureLogged.set(uri, version);
      log(`extract (${entry.doc.languageId}, ${entry.adapter?.id}) failed on ${uri} (version ${version}): ${errorText(e)}`);
    },
  },
  { resident: residentLimitFromEnv() },
);

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  connection.window.showWarningMessage(message);
  log(message);
}

function applySettings(raw: unknown): Settings {
  const { settings, warnings } = normalizeSettings(raw);
  warnings.forEach(warnOnce);
  return settings;
}

const projectSettings = new ProjectSettings(warnOnce);

/** A document's settings: the editor's (or the client's) with the project file laid over them. */
async function settingsFor(uri: string): Promise<Settings> {
  let s = settingsCache.get(uri);
  if (!s) {
    const project = projectSettings.rawFor(uri);
    const editor: Promise<unknown> = hasConfiguration
      ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'httpStatusHints' }).then(
          (raw) => raw,
          () => globalRaw,
        )
      : Promise.resolve(globalRaw);
    s = editor.then((raw) => (Object.keys(project).length ? applySettings(withProjectSettings(raw, project)) : raw === globalRaw ? globalSettings : applySettings(raw)));
    settingsCache.set(uri, s);
  }
  return s;
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  capabilities = params.capabilities;
  hasConfiguration = !!capabilities.workspace?.configuration;
  markdown = capabilities.textDocument?.hover?.contentFormat?.includes('markdown') ?? false;
  pullDiagnostics = !!capabilities.textDocument?.diagnostic;
  setWorkspaceFolders([...(params.workspaceFolders ?? []).map((f) => f.uri), ...(params.rootUri ? [params.rootUri] : [])]);
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  globalRaw = init?.settings ?? (init && typeof init === 'object' && !('settings' in init) ? init : undefined);
  globalSettings = applySettings(globalRaw);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['(', ' ', ',', '=', ':', '.', "'", '"'], resolveProvider: false },
      inlayHintProvider: true,
      codeActionProvider: { codeActionKinds: codeActionKinds },
      executeCommandProvider: { commands: serverCommands },
      diagnosticProvider: pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
    },
    serverInfo: { name: 'http-status-hints', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (hasConfiguration && capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'httpStatusHints' });
  }
  log(`HTTP Status Hints server ready (languages: ${supportedLanguageIds().join(', ')})`);
  if (faults.length) log(`Test faults injected: ${faults.map((f) => `${f.kind}:${f.name}${f.uriPart ? `@${f.uriPart}` : ''}`).join(', ')}`);
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  settingsGeneration++;
  const raw = (change.settings as { httpStatusHints?: unknown } | undefined)?.httpStatusHints;
  if (raw !== undefined) {
    globalRaw = raw;
    globalSettings = applySettings(raw);
  }
  for (const entry of store.all()) reclassify(entry);
  refreshAll();
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  if (!changes.some((c) => /(\.http-status-hints\.json|package\.json|Gemfile\.lock)$/.test(c.uri))) return;
  if (changes.some((c) => /Gemfile\.lock$/.test(c.uri))) {
    // Ruby models know the locked Rack version (which symbols are right): analyse them again.
    clearRackVersions();
    store.forgetModels((entry) => entry.doc.languageId === 'ruby');
  }
  projectSettings.clear();
  settingsCache.clear();
  settingsGeneration++;
  refreshAll();
});

/** After a settings change: ask pulling clients to pull again; push to the others. */
function refreshAll(): void {
  if (pullDiagnostics) {
    void connection.languages.diagnostics.refresh();
  } else {
    for (const entry of store.all()) schedulePush(entry.doc.uri, 0);
  }
  if (capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
}

function reclassify(entry: OpenDocument): void {
  const { doc } = entry;
  store.change(doc.uri, doc.version, []);
}

function noticeSkip(entry: OpenDocument): void {
  if (!entry.skipped || skippedNoticeSent.has(entry.doc.uri)) return;
  skippedNoticeSent.add(entry.doc.uri);
  log(`Not analysing ${entry.doc.uri}: ${entry.skipped}`);
  void connection.sendNotification('httpStatusHints/skipped', { uri: entry.doc.uri, reason: entry.skipped });
}

connection.onDidOpenTextDocument(async ({ textDocument: t }) => {
  const entry = store.open(t.uri, normalizeLanguageId(t.languageId, t.uri, (id) => knownLanguages.has(id)), t.version, t.text);
  noticeSkip(entry);
  // Only the grammar: the first request parses. With many files opened at once (a restored
  // window), parsing each on open would only make trees the next opens evict again.
  await store.ensureGrammar(entry).catch((e) => log(`grammar (${t.languageId}) failed to load: ${errorText(e)}`));
  schedulePush(t.uri, 0);
});

connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
  const entry = guard(log, 'document change', undefined, () => store.change(t.uri, t.version, contentChanges));
  if (entry) noticeSkip(entry);
  schedulePush(t.uri, PUSH_DEBOUNCE_MS);
});

connection.onDidCloseTextDocument(({ textDocument: t }) => {
  store.close(t.uri);
  settingsCache.delete(t.uri);
  skippedNoticeSent.delete(t.uri);
  extractFailureLogged.delete(t.uri);
  reports.delete(t.uri);
  const timer = pushTimers.get(t.uri);
  if (timer) clearTimeout(timer);
  pushTimers.delete(t.uri);
  // Closing a file clears its diagnostics.
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: t.uri, diagnostics: [] });
});

const PUSH_DEBOUNCE_MS = 150;
const pushTimers = new Map<string, NodeJS.Timeout>();

/**
 * Pushes diagnostics once typing pauses. Each change resets the timer, so a burst of edits ends
 * in one analysis of the last version; a result for a version that is no longer current is
 * dropped rather than published.
 */
function schedulePush(uri: string, delay: number): void {
  if (pullDiagnostics) return;
  const old = pushTimers.get(uri);
  if (old) clearTimeout(old);
  pushTimers.set(
    uri,
    setTimeout(() => {
      pushTimers.delete(uri);
      void pushDiagnostics(uri);
    }, delay),
  );
}

async function pushDiagnostics(uri: string): Promise<void> {
  const entry = store.get(uri);
  if (!entry) return;
  const version = entry.doc.version;
  const diagnostics = await diagnosticsFor(uri);
  const now = store.get(uri);
  if (!now || now.doc.version !== version || pushTimers.has(uri)) return;
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

/** The last diagnostics computed per document, with the document version and settings they are for. */
const reports = new Map<string, { resultId: string; items: Diagnostic[] }>();

/** Which opening of its URI an open document is: a file closed and opened again starts at version 1 again. */
const openings = new WeakMap<OpenDocument, number>();
let openCount = 0;

/** Identifies what a document's diagnostics depend on: which opening, its version and the settings. */
function resultIdOf(entry: OpenDocument): string {
  let opening = openings.get(entry);
  if (opening === undefined) openings.set(entry, (opening = ++openCount));
  return `${opening}:${entry.doc.version}:${settingsGeneration}`;
}

/**
 * The document's diagnostics, computed once per version and settings: a pull or a push for a
 * document that has not changed answers from the last report, without parsing it again (its
 * tree may have been evicted). A failed analysis is not kept, so the next request tries again.
 */
async function diagnosticsReport(uri: string): Promise<{ resultId?: string; items: Diagnostic[] }> {
  const entry = store.get(uri);
  if (!entry) return { items: [] };
  const resultId = resultIdOf(entry);
  const last = reports.get(uri);
  if (last?.resultId === resultId) return last;
  let failed = false;
  const items = await withContext(uri, [] as Diagnostic[], (ctx) =>
    guard(log, `diagnostics (${ctx.document.languageId})`, undefined, () => doValidate(ctx)) ?? ((failed = true), []),
  ).catch(() => ((failed = true), [] as Diagnostic[]));
  // Changed or closed while waiting: the report is for a version nobody asks about any more.
  if (failed || store.get(uri) !== entry || resultIdOf(entry) !== resultId) return { items };
  const report = { resultId, items };
  reports.set(uri, report);
  return report;
}

async function diagnosticsFor(uri: string): Promise<Diagnostic[]> {
  return (await diagnosticsReport(uri)).items;
}

/** What a feature waits for before its synchronous part: the document's settings and grammar. */
async function prepare(uri: string): Promise<{ entry: OpenDocument; settings: Settings } | undefined> {
  const entry = store.get(uri);
  if (!entry || entry.skipped || !entry.adapter) return undefined;
  const settings = await settingsFor(uri);
  if (!settings.enable) return undefined;
  await store.ensureGrammar(entry);
  // Closed, reopened or reclassified while waiting.
  if (store.get(uri) !== entry || entry.skipped || !entry.adapter) return undefined;
  return { entry, settings };
}

/**
 * Runs `fn` on the document's feature context, made and used in one synchronous step: the
 * model's facts read the document's tree, which another request may evict (residency.ts) as
 * soon as this one awaits; so a context never outlives the call. An evicted document is parsed
 * and analysed again here.
 */
async function withContext<T>(uri: string, fallback: T, fn: (ctx: FeatureContext) => T): Promise<T> {
  const ready = await prepare(uri);
  if (!ready) return fallback;
  const { entry, settings } = ready;
  const model = guard(log, `analysis (${entry.doc.languageId}, ${entry.adapter!.id})`, undefined, () => store.model(entry));
  // The parser gave up on it just now (see DocumentStore.usingRuntime).
  if (!model || entry.skipped) return fallback;
  const adapter = entry.adapter!;
  const input = () => ({ uri: entry.doc.uri, languageId: entry.doc.languageId, text: entry.doc.getText(), tree: entry.tree });
  return fn({
    document: entry.doc,
    model,
    settings,
    markdown,
    slotAt: (offset) => guard(log, `completion slot (${entry.doc.languageId})`, undefined, () => store.usingRuntime(entry, 'completion', () => adapter.slotAt?.(input(), offset))),
    importEdit: (vocabulary) => guard(log, `import edit (${entry.doc.languageId})`, undefined, () => store.usingRuntime(entry, 'import edit', () => adapter.importEdit?.(input(), vocabulary))),
  });
}

connection.onHover((params, token) =>
  runSafe(log, 'hover', null, token, () =>
    withContext(params.textDocument.uri, null, (ctx) => doHover(ctx.document, ctx.model, ctx.document.offsetAt(params.position), ctx.settings, ctx.markdown)),
  ),
);

connection.onCompletion((params, token) =>
  runSafe(log, 'completion', [], token, () => withContext(params.textDocument.uri, [], (ctx) => doComplete(ctx, ctx.document.offsetAt(params.position)))),
);

connection.languages.inlayHint.on((params, token) =>
  runSafe(log, 'inlay hints', [], token, () => withContext(params.textDocument.uri, [], (ctx) => doInlayHints(ctx, params.range))),
);

connection.languages.diagnostics.on(async (params, token) => {
  const report = await runSafe(log, 'diagnostics', { items: [] as Diagnostic[] }, token, () => diagnosticsReport(params.textDocument.uri));
  if (!report || 'code' in report) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  // VS Code pulls every open document again after each change anywhere: one that has not
  // changed is answered "unchanged" without being parsed or analysed again.
  if (report.resultId !== undefined && report.resultId === params.previousResultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.items };
});

connection.onCodeAction((params, token) =>
  runSafe(log, 'code actions', [], token, () => withContext(params.textDocument.uri, [], (ctx) => doCodeActions(ctx, params))),
);

connection.onExecuteCommand((params, token) =>
  runSafe(log, `command ${params.command}`, null, token, async () => (await executeCommand(params.command, params.arguments ?? [], { withContext })) ?? null),
);

connection.onShutdown(() => store.closeAll());
connection.listen();
