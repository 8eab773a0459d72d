/**
 * The two UI languages and text written in both. Host, webview, client hints and CLI all take
 * their language from here, so a third language would be added in one place.
 */

export type UiLanguage = 'en' | 'zh';

/** A user-facing text in every UI language. */
export interface Localized {
  readonly en: string;
  readonly zh: string;
}

/** Maps a VS Code / browser locale ("zh-cn", "zh-CN", "en-us") to the UI language. */
export function uiLanguage(locale: string | undefined): UiLanguage {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The text in `lang`. */
export function pick(text: Localized, lang: UiLanguage): string {
  return text[lang];
}
