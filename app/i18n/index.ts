import { useRouteLoaderData } from '@remix-run/react'
import { en } from './en'
import { nl, type Dictionary } from './nl'

export type Lang = 'nl' | 'en'
export const dictionaries: Record<Lang, Dictionary> = { nl, en }

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en'
}

export function dictionary(lang: Lang): Dictionary {
  return dictionaries[lang]
}

/** The dictionary of the page's language, as chosen in the root loader. */
export function useT(): Dictionary {
  return dictionaries[useLang()]
}

export function useLang(): Lang {
  const data = useRouteLoaderData('root') as { lang?: Lang } | undefined
  return data?.lang ?? 'nl'
}

/**
 * A page title for a route's `meta`, in the language the root loader chose (so it works on the server, without
 * JavaScript and after a language switch). `title` picks the text from the dictionary.
 */
export function metaTitle(
  matches: ReadonlyArray<{ id: string; data?: unknown }>,
  title: (t: Dictionary) => string,
): Array<{ title: string }> {
  const lang = (matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined)?.lang
  return [{ title: `${title(dictionaries[isLang(lang) ? lang : 'nl'])} · bijeen` }]
}

/** The name of a mail kind in the page's language (the kind itself when unknown). */
export function kindLabel(t: Dictionary, kind: string): string {
  return Object.hasOwn(t.mailKinds, kind) ? t.mailKinds[kind as keyof Dictionary['mailKinds']] : kind
}
