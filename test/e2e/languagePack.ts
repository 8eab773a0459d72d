/**
 * A tiny test-only language pack, so an offline code-server shows the workbench in another
 * display language. How VS Code 1.100's server picks the display language (server-main.js,
 * remoteLanguagePacks + languagePacks/node/languagePacks):
 *
 *   1. locale = `--locale` || `locale` in <user-data>/User/argv.json || the `vscode.nls.locale`
 *      cookie || Accept-Language || 'en';
 *   2. a non-English locale is kept only if <user-data>/languagepacks.json has an entry for it
 *      (or a prefix of it) whose `translations.vscode` file exists; otherwise the language
 *      falls back to 'en', and so do `vscode.env.language` and the extensions' nls/l10n files;
 *   3. with an entry, the server writes clp/<hash>.<locale>/…/nls.messages.js (core strings from
 *      the pack, English where the pack has none) and the workbench runs in that language.
 *
 * VS Code writes languagepacks.json itself only when a language pack is installed through a
 * running instance (a post-install hook); `--install-extension` from the command line does not.
 * So the pack is installed like any extension and then registered in languagepacks.json the way
 * that hook would, and argv.json gets the locale the way "Configure Display Language" sets it.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export type TestLocale = 'zh-cn';

const PUBLISHER = 'wecom-e2e';
const VERSION = '0.0.1';

/** Language names, as a real pack declares them in `contributes.localizations`. */
const LANGUAGES: Record<TestLocale, { languageName: string; localizedLanguageName: string }> = {
  'zh-cn': { languageName: 'Chinese Simplified', localizedLanguageName: '中文(简体)' },
};

/**
 * Writes the pack's source into `workDir` and packages it (vsce, offline, about a second).
 * Core translations are empty: VS Code's own strings stay English, only the language switches.
 * @returns the .vsix path and the extension id
 */
export function buildLanguagePackVsix(
  repoRoot: string,
  workDir: string,
  locale: TestLocale,
): { vsix: string; id: string } {
  const name = `test-language-pack-${locale}`;
  const source = path.join(workDir, name);
  fs.mkdirSync(path.join(source, 'translations'), { recursive: true });
  const manifest = {
    name,
    displayName: `Test language pack (${locale})`,
    publisher: PUBLISHER,
    version: VERSION,
    license: 'MIT',
    engines: { vscode: '^1.90.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId: locale,
          ...LANGUAGES[locale],
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
  fs.writeFileSync(path.join(source, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(
    path.join(source, 'translations', 'main.i18n.json'),
    JSON.stringify({ version: '1.0.0', contents: {} }),
  );
  fs.writeFileSync(path.join(source, 'README.md'), `# Test language pack ${locale}\n`);
  const vsix = path.join(workDir, `${name}.vsix`);
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(
    vsce,
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: source, encoding: 'utf8' },
  );
  if (result.status !== 0 || !fs.existsSync(vsix)) {
    throw new Error(`packaging the ${locale} language pack failed:\n${result.stdout}\n${result.stderr}`);
  }
  return { vsix, id: `${PUBLISHER}.${name}` };
}

/**
 * Registers the installed pack in languagepacks.json (the format and hash of VS Code's
 * LanguagePacksCache) and selects `locale` in argv.json. Call before code-server starts.
 * @param userDataDir the instance's --user-data-dir
 * @param extensionsDir the instance's --extensions-dir, where the pack is installed
 */
export function activateLanguagePack(
  userDataDir: string,
  extensionsDir: string,
  id: string,
  locale: TestLocale,
): void {
  const installed = path.join(extensionsDir, `${id}-${VERSION}`);
  const translations = path.join(installed, 'translations', 'main.i18n.json');
  if (!fs.existsSync(translations)) {
    throw new Error(`the ${locale} language pack is not installed at ${installed}`);
  }
  const languagePacks = {
    [locale]: {
      hash: createHash('md5').update(id).update(VERSION).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: VERSION }],
      translations: { vscode: translations },
      label: LANGUAGES[locale].localizedLanguageName,
    },
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(languagePacks));
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'argv.json'), JSON.stringify({ locale }, null, 2));
}
