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
import { skipReason } from './skip';
import type { FeatureContext } from './features/context';
import { supportedLanguageIds } from './languages/registry';

const connection: Connection = createConnection(ProposedFeatures.all);
const log = (message: string) => connection.console.log(message);

let capabilities: ClientCapabilities = {};
let hasConfiguration = false;
let markdown = true;
/** Settings from initializationOptions or didChangeConfiguration, for clients without workspace/configuration. */
let globalSettings: Settings = cloneDefaults();
const settingsCache = new Map<string, Promise<Settings>>();
const warned = new Set<string>();
const skippedNoticeSent = new Set<string>();

const store = new DocumentStore((text, uri) => skipReason(text, uri, globalSettings.maxFileSize));

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

async function settingsFor(uri: string): Promise<Settings> {
  if (!hasConfiguration) return globalSettings;
  let s = settingsCache.get(uri);
  if (!s) {
    s = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'httpStatusHints' })
      .then(applySettings, () => globalSettings);
    settingsCache.set(uri, s);
  }
  return s;
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  capabilities = params.capabilities;
  hasConfiguration = !!capabilities.workspace?.configuration;
  markdown = capabilities.textDocument?.hover?.contentFormat?.includes('markdown') ?? false;
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  globalSettings = applySettings(init?.settings ?? (init && typeof init === 'object' && !('settings' in init) ? init : undefined));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
    },
    serverInfo: { name: 'http-status-hints', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (hasConfiguration && capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'httpStatusHints' });
  }
  log(`HTTP Status Hints server ready (languages: ${supportedLanguageIds().join(', ')})`);
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  const raw = (change.settings as { httpStatusHints?: unknown } | undefined)?.httpStatusHints;
  if (raw !== undefined) globalSettings = applySettings(raw);
  for (const entry of store.all()) reclassify(entry);
});

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
  const entry = store.open(t.uri, t.languageId, t.version, t.text);
  noticeSkip(entry);
  await store.ensureParsed(entry).catch((e) => log(`parse (${t.languageId}) failed: ${errorText(e)}`));
});

connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
  const entry = guard(log, 'document change', undefined, () => store.change(t.uri, t.version, contentChanges));
  if (entry) noticeSkip(entry);
});

connection.onDidCloseTextDocument(({ textDocument: t }) => {
  store.close(t.uri);
  settingsCache.delete(t.uri);
  skippedNoticeSent.delete(t.uri);
});

/** The feature context of a document, parsing it first if its grammar is still loading. */
async function contextFor(uri: string): Promise<FeatureContext | undefined> {
  const entry = store.get(uri);
  if (!entry || entry.skipped || !entry.adapter) return undefined;
  const settings = await settingsFor(uri);
  if (!settings.enable) return undefined;
  if (entry.grammar && !entry.tree) await store.ensureParsed(entry);
  const model = guard(log, `analysis (${entry.doc.languageId}, ${entry.adapter.id})`, undefined, () => store.model(entry));
  if (!model) return undefined;
  return { document: entry.doc, model, settings, markdown };
}

connection.onHover((params, token) =>
  runSafe(log, 'hover', null, token, async () => {
    const ctx = await contextFor(params.textDocument.uri);
    return ctx ? doHover(ctx.document, ctx.model, ctx.document.offsetAt(params.position), ctx.settings, ctx.markdown) : null;
  }),
);

connection.onShutdown(() => store.closeAll());
connection.listen();
