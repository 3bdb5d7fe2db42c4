// Helpers for the end-to-end suites, which run inside a real VS Code extension host.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Prints a line into the test report (what the runners show), not only the workbench log. */
export function report(...args: unknown[]): void {
  // Routed through mocha's printer, which suite/index.ts marks for the code-server runner.
  (Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void }).consoleLog(...args);
}

/** The id (`publisher.name`) of the extension under test, from the root package.json. */
export const EXTENSION_ID = 'http-status-hints.http-status-hints';

/**
 * The folder the runner opened (test/e2e/workspace). Both runners open exactly one folder.
 */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e runner must open test/e2e/workspace as the workspace folder');
  return folder.uri;
}

/** Opens `name` (relative to the workspace folder) in an editor and returns its document. */
export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...name.split('/'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/**
 * Polls `fn` until it returns a truthy value (which is returned) or the deadline passes; the
 * last value or error goes into the failure message. Never a fixed sleep: the extension host,
 * the language server and the grammars all start at their own pace.
 */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  deadlineMs = 20_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const end = Date.now() + deadlineMs;
  let last: unknown;
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${deadlineMs} ms waiting for ${what} (last: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** The plain text of one hover content item, whatever shape the provider returned. */
function contentText(c: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof c === 'string') return c;
  return c.value;
}

/** All hover texts every provider returns at `position`, joined by blank lines ('' if none). */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    position,
  );
  return (hovers ?? []).flatMap((h) => h.contents.map(contentText)).join('\n\n');
}

/**
 * Polls the hover at `position` until its text contains `needle`; returns that text. On
 * timeout the error shows the last hover seen, which tells "no hover" from "wrong hover".
 */
export async function waitForHover(
  uri: vscode.Uri,
  position: vscode.Position,
  needle: string,
  deadlineMs = 45_000,
): Promise<string> {
  let last = '';
  try {
    return await waitFor(async () => {
      last = await hoverText(uri, position);
      return last.includes(needle) ? last : undefined;
    }, deadlineMs, `a hover containing ${JSON.stringify(needle)} at ${path.basename(uri.path)}:${position.line + 1}:${position.character + 1}`);
  } catch (err) {
    throw new Error(`${(err as Error).message.replace(/ \(last: .*\)$/s, '')}; last hover text: ${JSON.stringify(last)}`);
  }
}

/**
 * The position of the `occurrence`-th (0-based) match of `needle` in `doc`, moved `offset`
 * characters into it (default: its middle character, so word-based providers see the token).
 */
export function positionOf(
  doc: vscode.TextDocument,
  needle: string,
  occurrence = 0,
  offset = Math.floor(needle.length / 2),
): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs fewer than ${occurrence + 1} times in ${path.basename(doc.fileName)}`);
  }
  return doc.positionAt(at + offset);
}

/** The position of `inner` inside the first occurrence of `outer`, e.g. ('409', 'status(409)'). */
export function positionIn(doc: vscode.TextDocument, outer: string, inner: string, occurrence = 0): vscode.Position {
  const start = positionOf(doc, outer, occurrence, 0);
  const within = outer.indexOf(inner);
  assert.ok(within >= 0, `"${inner}" is not inside "${outer}"`);
  return doc.positionAt(doc.offsetAt(start) + within + Math.floor(inner.length / 2));
}

/**
 * The extension under test, active. When the runner tested an installed .vsix it says where
 * the extension must come from (E2E_EXPECT_EXTENSION_DIR), so a stray dev copy cannot pass.
 */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = await waitFor(() => vscode.extensions.getExtension(EXTENSION_ID), 20_000, `extension ${EXTENSION_ID}`);
  const expected = process.env.E2E_EXPECT_EXTENSION_DIR;
  if (expected) {
    const actual = path.resolve(ext.extensionPath);
    assert.ok(
      actual === path.resolve(expected) || actual.startsWith(path.resolve(expected) + path.sep),
      `extension ${EXTENSION_ID} was loaded from ${actual}, expected under ${expected}`,
    );
  }
  await waitFor(() => ext.isActive, 30_000, `activation of ${EXTENSION_ID}`);
  return ext;
}
