import { z } from 'zod'
import type { Dictionary } from '~/i18n/nl'

export function programmeSchema(e: Dictionary['programmesAdmin']['errors']) {
  const text = (max: number) => z.string().trim().max(max, e.tooLong(max)).optional().default('')
  return z.object({
    name: z.string({ required_error: e.nameRequired }).trim().min(1, e.nameRequired).max(200, e.tooLong(200)),
    nameEn: text(200),
    description: text(10_000),
    descriptionEn: text(10_000),
  })
}

export function actionLineSchema(e: Dictionary['programmesAdmin']['errors']) {
  return z.object({
    lineId: z.string().max(64).optional(),
    code: z.string({ required_error: e.codeRequired }).trim().min(1, e.codeRequired).max(10, e.tooLong(10)),
    title: z.string({ required_error: e.titleRequired }).trim().min(1, e.titleRequired).max(200, e.tooLong(200)),
    titleEn: z.string().trim().max(200, e.tooLong(200)).optional().default(''),
  })
}
