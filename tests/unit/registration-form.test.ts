import { parseWithZod } from '@conform-to/zod'
import { describe, expect, test } from 'vitest'
import { optionsOf, questionSchema, registrationSchema, type RegistrationQuestionDef } from '~/domain/registration-form'
import { en } from '~/i18n/en'
import { nl } from '~/i18n/nl'

const questions: RegistrationQuestionDef[] = [
  { id: 'qtext', label: 'Waarom komt u?', labelEn: 'Why are you coming?', type: 'text', options: [], required: true },
  {
    id: 'qchoice',
    label: 'Welke workshop?',
    labelEn: null,
    type: 'choice',
    options: ['Preventie', 'Opsporing'],
    required: false,
  },
  { id: 'qyes', label: 'Blijft u lunchen?', labelEn: null, type: 'yes_no', options: [], required: true },
]

function submit(fields: Record<string, string>, lang: 'nl' | 'en' = 'nl', qs = questions) {
  const form = new FormData()
  const all = {
    name: 'Eva Smit',
    email: 'eva@example.org',
    'answers.qtext': 'Voor het netwerk',
    'answers.qyes': 'yes',
    ...fields,
  }
  for (const [k, v] of Object.entries(all)) form.append(k, v)
  const t = lang === 'nl' ? nl : en
  return parseWithZod(form, { schema: registrationSchema(t.registration.errors, qs, lang) })
}

const errorsOf = (fields: Record<string, string>, lang: 'nl' | 'en' = 'nl') => {
  const result = submit(fields, lang)
  return result.status === 'success' ? undefined : result.error
}

describe('registration form', () => {
  test('a complete form gives trimmed values and the answers keyed by question id', () => {
    const result = submit({
      name: '  Eva Smit ',
      email: ' eva@example.org ',
      organisationName: 'Gemeente Utrecht',
      function: 'Beleidsadviseur',
      language: 'en',
      dietary: 'Vegetarisch',
      accessibility: 'Rolstoelplek\nen een tolk NGT',
      photoConsent: 'on',
      'answers.qchoice': 'Opsporing',
      'answers.qyes': 'no',
    })
    expect(result.status).toBe('success')
    if (result.status !== 'success') return
    expect(result.value).toEqual({
      name: 'Eva Smit',
      email: 'eva@example.org',
      organisationName: 'Gemeente Utrecht',
      function: 'Beleidsadviseur',
      language: 'en',
      dietary: 'Vegetarisch',
      accessibility: 'Rolstoelplek\nen een tolk NGT',
      photoConsent: true,
      answers: { qtext: 'Voor het netwerk', qchoice: 'Opsporing', qyes: false },
    })
  })

  test('optional fields left empty: defaults, and unanswered questions have no key', () => {
    const result = submit({})
    expect(result.status).toBe('success')
    if (result.status !== 'success') return
    expect(result.value.photoConsent).toBe(false)
    expect(result.value.language).toBe('nl')
    expect(result.value.dietary).toBe('')
    expect(result.value.answers).toEqual({ qtext: 'Voor het netwerk', qyes: true })
    expect('qchoice' in result.value.answers).toBe(false)
  })

  test('name is required, also when only spaces', () => {
    expect(errorsOf({ name: '' })).toEqual({ name: [nl.registration.errors.nameRequired] })
    expect(errorsOf({ name: '    ' })).toEqual({ name: [nl.registration.errors.nameRequired] })
  })

  test('a 1 MB name is "te lang", not cut off', () => {
    const errors = errorsOf({ name: 'a'.repeat(1024 * 1024) })
    expect(errors?.name).toEqual(['Dit is te lang. Gebruik maximaal 200 tekens.'])
    expect(errorsOf({ name: 'a'.repeat(200) })).toBeUndefined()
    expect(errorsOf({ name: 'a'.repeat(201) })?.name).toBeDefined()
  })

  test('CR, LF and other control characters in the name are refused with a message', () => {
    for (const name of ['Eva\r\nBcc: x@example.org', 'Eva\nSmit', 'Eva\u0000', 'Eva\u0085Smit', 'Eva\tSmit']) {
      expect(errorsOf({ name })).toEqual({ name: [nl.registration.errors.controlCharacters] })
    }
    expect(errorsOf({ organisationName: 'A\nB' })?.organisationName).toEqual([nl.registration.errors.controlCharacters])
    expect(errorsOf({ function: 'A\rB' })?.function).toEqual([nl.registration.errors.controlCharacters])
  })

  test('e-mail must be valid and at most 254 characters', () => {
    expect(errorsOf({ email: '' })?.email).toEqual([nl.registration.errors.emailRequired])
    expect(errorsOf({ email: 'geen-adres' })?.email).toEqual([nl.registration.errors.emailInvalid])
    expect(errorsOf({ email: `${'a'.repeat(64)}@${'b'.repeat(187)}.nl` })?.email).toEqual([
      nl.registration.errors.emailInvalid,
    ])
  })

  test('organisation, function ≤ 200; dietary and accessibility ≤ 1000 with line breaks allowed', () => {
    expect(errorsOf({ organisationName: 'o'.repeat(201) })?.organisationName).toBeDefined()
    expect(errorsOf({ function: 'f'.repeat(201) })?.function).toBeDefined()
    expect(errorsOf({ dietary: 'd'.repeat(1000) })).toBeUndefined()
    expect(errorsOf({ dietary: 'd'.repeat(1001) })?.dietary).toEqual(['Dit is te lang. Gebruik maximaal 1000 tekens.'])
    expect(errorsOf({ accessibility: 'x'.repeat(1001) })?.accessibility).toBeDefined()
    expect(errorsOf({ accessibility: 'a\u0007b' })?.accessibility).toEqual([nl.registration.errors.controlCharacters])
  })

  test('language is nl or en', () => {
    expect(errorsOf({ language: 'de' })?.language).toEqual([nl.registration.errors.language])
  })

  test('custom answers: a choice that is not an option, and "misschien" for yes/no, are field errors', () => {
    expect(errorsOf({ 'answers.qchoice': 'Iets anders' })).toEqual({
      'answers.qchoice': ['Kies bij “Welke workshop?” een van de antwoorden uit de lijst.'],
    })
    expect(errorsOf({ 'answers.qyes': 'misschien' })).toEqual({
      'answers.qyes': ['Kies bij “Blijft u lunchen?” ja of nee.'],
    })
  })

  test('custom answers: required questions must be answered; text ≤ 2000', () => {
    expect(errorsOf({ 'answers.qtext': '' })).toEqual({ 'answers.qtext': ['Beantwoord de vraag “Waarom komt u?”.'] })
    expect(errorsOf({ 'answers.qtext': '   ' })?.['answers.qtext']).toBeDefined()
    expect(errorsOf({ 'answers.qyes': '' })?.['answers.qyes']).toBeDefined()
    expect(errorsOf({ 'answers.qtext': 't'.repeat(2001) })?.['answers.qtext']).toEqual([
      'Dit is te lang. Gebruik maximaal 2000 tekens.',
    ])
  })

  test('answers to unknown questions are dropped', () => {
    const result = submit({ 'answers.unknown': 'x' })
    expect(result.status).toBe('success')
    if (result.status === 'success') expect(Object.keys(result.value.answers).sort()).toEqual(['qtext', 'qyes'])
  })

  test('messages in English, with the English label of the question', () => {
    expect(errorsOf({ name: '', 'answers.qtext': '' }, 'en')).toEqual({
      name: ['Enter your name.'],
      'answers.qtext': ['Answer the question “Why are you coming?”.'],
    })
  })

  test('an event without questions', () => {
    const result = submit({ 'answers.qtext': '', 'answers.qyes': '' }, 'nl', [])
    expect(result.status).toBe('success')
    if (result.status === 'success') expect(result.value.answers).toEqual({})
  })
})

describe('question editor', () => {
  const schema = questionSchema(nl.registration.questionsAdmin.errors)
  const parse = (fields: Record<string, string>) => {
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) form.append(k, v)
    return parseWithZod(form, { schema })
  }
  const errorOf = (fields: Record<string, string>) => {
    const result = parse(fields)
    return result.status === 'success' ? undefined : result.error
  }

  test('a choice question with one option per line', () => {
    const result = parse({ label: 'Welke workshop?', type: 'choice', options: ' A \r\n\r\nB\n', required: 'on' })
    expect(result.status).toBe('success')
    if (result.status === 'success')
      expect(result.value).toEqual({
        label: 'Welke workshop?',
        labelEn: null,
        type: 'choice',
        options: ['A', 'B'],
        required: true,
      })
  })

  test('a choice needs two different options; other types keep none', () => {
    expect(errorOf({ label: 'X', type: 'choice', options: 'A' })).toEqual({
      options: [nl.registration.questionsAdmin.errors.optionsTooFew],
    })
    expect(errorOf({ label: 'X', type: 'choice', options: 'A\nA' })).toEqual({
      options: [nl.registration.questionsAdmin.errors.optionsDuplicate],
    })
    const yesNo = parse({ label: 'X', type: 'yes_no', options: 'A\nB' })
    expect(yesNo.status === 'success' && yesNo.value.options).toEqual([])
  })

  test('label required, type must be known', () => {
    expect(errorOf({ label: '', type: 'text' })).toEqual({
      label: [nl.registration.questionsAdmin.errors.labelRequired],
    })
    expect(errorOf({ label: 'X', type: 'datum' })).toEqual({ type: [nl.registration.questionsAdmin.errors.type] })
  })

  test('stored options are read safely', () => {
    expect(optionsOf(['a', 1, 'b'])).toEqual(['a', 'b'])
    expect(optionsOf(null)).toEqual([])
    expect(optionsOf('a')).toEqual([])
  })
})
