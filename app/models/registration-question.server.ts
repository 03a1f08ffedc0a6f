// The event's own registration questions, as the secretariat edits them. Changing or deleting a question
// keeps the answers already given (they live in Registration.answers, keyed by the question's id).
import { reordered } from '~/domain/ordering'
import type { QuestionValues } from '~/domain/registration-form'
import { db } from '~/utils/db.server'
import { audit } from './audit.server'
import { eventQuestions } from './registration-form.server'

/** How many registrations answered each question (counted here: JSON keys are not portable SQL). */
async function answerCounts(eventId: string) {
  const rows = await db.registration.findMany({ where: { eventId }, select: { answers: true } })
  const counts: Record<string, number> = {}
  for (const { answers } of rows) {
    if (!answers || typeof answers !== 'object' || Array.isArray(answers)) continue
    for (const key of Object.keys(answers)) counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

export async function questionsEditor(eventId: string) {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, title: true } })
  if (!event) return null
  const [questions, counts] = await Promise.all([eventQuestions(eventId), answerCounts(eventId)])
  return { event, questions: questions.map((q) => ({ ...q, answered: counts[q.id] ?? 0 })) }
}

/** Adds a question at the end, or changes one of this event's questions; null when either is not found. */
export async function saveQuestion(
  eventId: string,
  questionId: string | null,
  values: QuestionValues,
  actorUserId: string,
): Promise<string | null> {
  const data = {
    label: values.label,
    labelEn: values.labelEn,
    type: values.type,
    // Other types keep no options (an empty list rather than a database NULL: one value on both databases).
    options: values.type === 'choice' ? values.options : [],
    required: values.required,
  }
  if (questionId) {
    const changed = await db.registrationQuestion.updateMany({ where: { id: questionId, eventId }, data })
    if (!changed.count) return null
    await audit({
      actorUserId,
      action: 'question.updated',
      entity: 'RegistrationQuestion',
      entityId: questionId,
      details: { eventId },
    })
    return questionId
  }
  if (!(await db.event.findUnique({ where: { id: eventId }, select: { id: true } }))) return null
  const last = await db.registrationQuestion.findFirst({ where: { eventId }, orderBy: { order: 'desc' } })
  const created = await db.registrationQuestion.create({ data: { ...data, eventId, order: (last?.order ?? -1) + 1 } })
  await audit({
    actorUserId,
    action: 'question.created',
    entity: 'RegistrationQuestion',
    entityId: created.id,
    details: { eventId },
  })
  return created.id
}

export async function moveQuestion(eventId: string, questionId: string, direction: 'up' | 'down', actorUserId: string) {
  const questions = await eventQuestions(eventId)
  const ids = reordered(
    questions.map((q) => q.id),
    questionId,
    direction,
  )
  if (!ids) return false
  await db.$transaction([
    ...ids.map((id, order) => db.registrationQuestion.update({ where: { id }, data: { order } })),
    audit({
      actorUserId,
      action: 'question.moved',
      entity: 'RegistrationQuestion',
      entityId: questionId,
      details: { eventId },
    }),
  ])
  return true
}

export async function deleteQuestion(eventId: string, questionId: string, actorUserId: string) {
  const result = await db.registrationQuestion.deleteMany({ where: { id: questionId, eventId } })
  if (!result.count) return false
  await audit({
    actorUserId,
    action: 'question.deleted',
    entity: 'RegistrationQuestion',
    entityId: questionId,
    details: { eventId },
  })
  return true
}
