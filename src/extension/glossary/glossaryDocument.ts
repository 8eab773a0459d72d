/**
 * "WeCom: What Do These Figures Mean?": the glossary as a read-only virtual document (its own
 * URI scheme, served by a TextDocumentContentProvider) shown as a rendered Markdown preview, in
 * the UI language. The chart panel links to the same command id.
 */
import * as vscode from 'vscode';
import { uiLanguage } from '../../shared/i18n';
import { glossaryMarkdown } from './glossaryMarkdown';

export const SHOW_GLOSSARY_COMMAND = 'wecomGroupStats.showGlossary';
export const GLOSSARY_SCHEME = 'wecom-group-stats-glossary';

export function glossaryUri(): vscode.Uri {
  return vscode.Uri.from({ scheme: GLOSSARY_SCHEME, path: '/glossary.md' });
}

export function registerGlossary(): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: () => glossaryMarkdown(uiLanguage(vscode.env.language)),
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(GLOSSARY_SCHEME, provider),
    vscode.commands.registerCommand(SHOW_GLOSSARY_COMMAND, () =>
      vscode.commands.executeCommand('markdown.showPreview', glossaryUri()),
    ),
  );
}
