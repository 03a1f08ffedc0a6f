// The report editor's one form: title, lead, English version, visibility, photographers, and per entry of the
// arrangement (a generated block or an own paragraph) whether it is included and its text. The buttons say
// what to do with it: save, publish, move an entry, add a paragraph below one, remove a paragraph. All of it
// travels in one POST, so moving a block never loses a paragraph being typed, with or without JavaScript.
import { z } from 'zod'
import { hasControlCharacters, hasControlCharactersExceptBreaks } from './person-fields'
import { moveEntry, type LayoutEntry } from './report'

export const REPORT_LIMITS = { title: 200, lead: 2000, paragraph: 5000, photoCredits: 2000, entries: 300 } as const

type Errors = {
  title: string
  lead: string
  tooLong: (max: number) => string
  controlCharacters: string
  enBoth: string
}

export type ReportIntent =
  | { kind: 'save' }
  | { kind: 'publish' }
  | { kind: 'move'; id: string; direction: 'up' | 'down' }
  | { kind: 'add'; after: string }
  | { kind: 'remove'; id: string }

const idShape = /^(?:quote:)?[A-Za-z0-9_-]{1,64}$/

function intentOf(value: unknown): ReportIntent | null {
  if (value === 'save' || value === 'publish') return { kind: value }
  if (typeof value !== 'string') return null
  const [verb, ...rest] = value.split(':')
  const id = rest.join(':')
  if (!idShape.test(id)) return null
  if (verb === 'up' || verb === 'down') return { kind: 'move', id, direction: verb }
  if (verb === 'add') return { kind: 'add', after: id }
  if (verb === 'remove') return { kind: 'remove', id }
  return null
}

function textSchema(max: number, errors: Errors, multiline: boolean) {
  return z
    .string()
    .max(max, errors.tooLong(max))
    .refine(
      (v) => !(multiline ? hasControlCharactersExceptBreaks(v) : hasControlCharacters(v)),
      errors.controlCharacters,
    )
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
}

export function reportTextSchema(errors: Errors) {
  return z
    .object({
      title: textSchema(REPORT_LIMITS.title, errors, false).refine((v) => v.length > 0, errors.title),
      lead: textSchema(REPORT_LIMITS.lead, errors, true).refine((v) => v.length > 0, errors.lead),
      titleEn: textSchema(REPORT_LIMITS.title, errors, false),
      leadEn: textSchema(REPORT_LIMITS.lead, errors, true),
      visibility: z.enum(['public', 'partners']),
      photoCredits: textSchema(REPORT_LIMITS.photoCredits, errors, true),
    })
    .superRefine((v, ctx) => {
      if (!v.titleEn !== !v.leadEn) {
        ctx.addIssue({ code: 'custom', path: [v.titleEn ? 'leadEn' : 'titleEn'], message: errors.enBoth })
      }
    })
}

export type ReportFormResult =
  | { ok: true; intent: ReportIntent; text: z.output<ReturnType<typeof reportTextSchema>>; layout: LayoutEntry[] }
  | { ok: false; status: 400; fieldErrors: Record<string, string[]>; layout: LayoutEntry[] | null }

const field = (form: FormData, name: string) => {
  const v = form.get(name)
  return typeof v === 'string' ? v : ''
}

/** The arrangement as posted, or null when its shape is broken (not something a person could send). */
function layoutOf(form: FormData, errors: Errors): { layout: LayoutEntry[]; errors: Record<string, string[]> } | null {
  const entries = form.getAll('entry')
  if (entries.length > REPORT_LIMITS.entries) return null
  const included = new Set(form.getAll('include').filter((v): v is string => typeof v === 'string'))
  const layout: LayoutEntry[] = []
  const fieldErrors: Record<string, string[]> = {}
  const seen = new Set<string>()
  const paragraph = textSchema(REPORT_LIMITS.paragraph, errors, true)
  for (const entry of entries) {
    if (typeof entry !== 'string') return null
    const [type, ...rest] = entry.split(':')
    const id = rest.join(':')
    if (!idShape.test(id) || seen.has(id)) return null
    seen.add(id)
    if (type === 'b') {
      layout.push({ type: 'block', id, included: included.has(id) })
    } else if (type === 'p') {
      const text = paragraph.safeParse(field(form, `text:${id}`))
      const textEn = paragraph.safeParse(field(form, `textEn:${id}`))
      if (!text.success) fieldErrors[`text:${id}`] = text.error.issues.map((i) => i.message)
      if (!textEn.success) fieldErrors[`textEn:${id}`] = textEn.error.issues.map((i) => i.message)
      layout.push({
        type: 'paragraph',
        id,
        text: text.success ? text.data : field(form, `text:${id}`),
        textEn: textEn.success ? textEn.data : field(form, `textEn:${id}`),
      })
    } else {
      return null
    }
  }
  return { layout, errors: fieldErrors }
}

/** Reads the editor's POST. A broken shape (no intent, unknown entry kinds) is null: answer 400. */
export function parseReportForm(form: FormData, errors: Errors): ReportFormResult | null {
  const intent = intentOf(form.get('intent'))
  const posted = layoutOf(form, errors)
  if (!intent || !posted) return null
  const text = reportTextSchema(errors).safeParse({
    title: field(form, 'title'),
    lead: field(form, 'lead'),
    titleEn: field(form, 'titleEn'),
    leadEn: field(form, 'leadEn'),
    visibility: field(form, 'visibility') || 'public',
    photoCredits: field(form, 'photoCredits'),
  })
  const fieldErrors: Record<string, string[]> = { ...posted.errors }
  if (!text.success) {
    for (const issue of text.error.issues) {
      const key = String(issue.path[0] ?? 'form')
      ;(fieldErrors[key] ??= []).push(issue.message)
    }
  }
  if (!text.success || Object.keys(fieldErrors).length) {
    return { ok: false, status: 400, fieldErrors, layout: posted.layout }
  }
  return { ok: true, intent, text: text.data, layout: posted.layout }
}

/** The arrangement after a move, an added paragraph (with the id given) or a removed paragraph. */
export function applyLayoutIntent(layout: LayoutEntry[], intent: ReportIntent, newId: () => string): LayoutEntry[] {
  switch (intent.kind) {
    case 'move':
      return moveEntry(layout, intent.id, intent.direction)
    case 'add': {
      const at = layout.findIndex((e) => e.id === intent.after)
      if (at < 0) return layout
      const next = [...layout]
      next.splice(at + 1, 0, { type: 'paragraph', id: newId(), text: '', textEn: '' })
      return next
    }
    case 'remove':
      return layout.filter((e) => !(e.type === 'paragraph' && e.id === intent.id))
    default:
      return layout
  }
}
