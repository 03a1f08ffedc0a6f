import { randomBytes } from 'node:crypto'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorList, ErrorSummary } from '~/components/forms'
import { LayoutEditor, ReportMailForm, ReportVersions, warningText } from '~/components/report-editor'
import { ReportDocument } from '~/components/report-document'
import { applyLayoutIntent, parseReportForm, REPORT_LIMITS } from '~/domain/report-form'
import { dictionary, metaTitle, useLang, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { mailableOrganisations, mailReport } from '~/models/report-mail.server'
import { publishReport, reportEditor, saveReportDraft } from '~/models/report.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { noticeCounts } from '~/utils/notice'
import { can, requirePermission } from '~/utils/permissions.server'
import styles from '~/styles/report.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => t.report.title(data?.event.title ?? ''))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const editor = await reportEditor(params.id ?? '')
  if (!editor) throw new Response('Not found', { status: 404 })
  const canEdit = can(user, 'edit')
  return {
    ...editor,
    canEdit,
    organisations: canEdit ? await mailableOrganisations(editor.event.id) : [],
    notice: await takeNotice(user, request),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const eventId = params.id ?? ''
  const t = dictionary(await getLang(request))
  const form = await request.formData()
  if (form.get('intent') === 'mail') {
    const audience = mailAudience.safeParse({
      kind: form.get('audience'),
      organisationIds: form.getAll('organisationId'),
    })
    if (!audience.success) throw new Response('Bad request', { status: 400 })
    const mailed = await mailReport(eventId, audience.data, user.id)
    return mailed.kind === 'queued' && mailed.total > 0
      ? redirect(`/beheer/verzendingen/${mailed.batchId}`)
      : redirectWithNotice(user, `/beheer/bijeenkomsten/${eventId}/verslag#versturen`, 'done', {
          verzonden: mailed.kind === 'queued' ? 'nobody' : mailed.kind,
        })
  }
  const parsed = parseReportForm(form, t.report.errors)
  if (!parsed) throw new Response('Bad request', { status: 400 })
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, layout: parsed.layout }, { status: 400 })
  const layout = applyLayoutIntent(parsed.layout, parsed.intent, () => `p${randomBytes(6).toString('hex')}`)
  // Every button saves what is on the page first, so nothing typed is lost.
  const saved = await saveReportDraft(eventId, { ...parsed.text, layout }, user.id)
  if (!saved) throw new Response('Not found', { status: 404 })
  const base = `/beheer/bijeenkomsten/${eventId}/verslag`
  if (parsed.intent.kind === 'publish') {
    const published = await publishReport(eventId, user.id)
    if (!published) throw new Response('Not found', { status: 404 })
    return redirectWithNotice(user, base, 'done', { gepubliceerd: published.version })
  }
  if (parsed.intent.kind === 'save') return redirectWithNotice(user, base, 'saved')
  const intent = parsed.intent
  const focus = intent.kind === 'add' ? layout[layout.findIndex((e) => e.id === intent.after) + 1]?.id : null
  return redirect(`${base}#${focus ? `text-${focus}` : 'onderdelen'}`)
}

const mailAudience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attendees') }),
  z.object({ kind: z.literal('invited') }),
  z.object({ kind: z.literal('organisations'), organisationIds: z.array(z.string().max(64)).min(1).max(1000) }),
])

export default function ReportEditor() {
  const t = useT()
  const lang = useLang()
  const r = t.report
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { event, draft, blocks, preview, warnings, versions, canEdit, slug, organisations } = loaded
  const done = noticeCounts(loaded.notice)
  const mailed = done.get('verzonden') as keyof typeof r.mail.results | null
  const errors: Record<string, string[]> = actionData?.fieldErrors ?? {}
  const hasEnglish = !!(draft.titleEn && draft.leadEn)
  const layout = actionData?.layout ?? loaded.layout
  const published = Number(done.get('gepubliceerd')) || 0
  const notice = published ? r.published(published) : loaded.notice?.name === 'saved' ? r.saved : null
  const fieldProps = (name: 'title' | 'titleEn' | 'lead' | 'leadEn' | 'photoCredits') => ({
    id: `report-${name}`,
    name,
    'aria-invalid': errors[name]?.length ? true : undefined,
    'aria-describedby': errors[name]?.length ? `report-${name}-error` : undefined,
    disabled: !canEdit,
  })
  const label = (name: 'title' | 'titleEn' | 'lead' | 'leadEn' | 'photoCredits', text: string) => (
    <>
      <label htmlFor={`report-${name}`}>{text}</label>
      <ErrorList id={errors[name]?.length ? `report-${name}-error` : undefined} errors={errors[name]} />
    </>
  )
  return (
    <>
      <p>
        <Link to={`/beheer/bijeenkomsten/${event.id}`}>{r.back}</Link>
      </p>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      <h1>{r.title(event.title)}</h1>
      <p>{r.intro}</p>
      {canEdit ? null : <p className="notice">{r.viewOnly}</p>}
      {loaded.saved ? null : <p className="muted">{r.notSaved}</p>}
      <ErrorSummary
        title={r.errors.summary}
        fields={Object.entries(errors).map(([name, list]) => ({
          id: name.includes(':') ? name.replace(':', '-') : `report-${name}`,
          errors: list,
        }))}
      />
      <Form method="post" className="report-editor">
        <section aria-labelledby="tekst">
          <h2 id="tekst">{r.text.heading}</h2>
          <div className="field">
            {label('title', r.text.title)}
            <input
              type="text"
              defaultValue={draft.title}
              maxLength={REPORT_LIMITS.title}
              required
              {...fieldProps('title')}
            />
          </div>
          <div className="field">
            {label('lead', r.text.lead)}
            <p className="field-hint">{r.text.leadHint}</p>
            <textarea rows={4} defaultValue={draft.lead} required {...fieldProps('lead')} />
          </div>
          <fieldset className="fieldset">
            <legend>{r.text.english}</legend>
            <p className="field-hint">{r.text.englishHint}</p>
            <div className="field">
              {label('titleEn', r.text.titleEn)}
              <input
                type="text"
                lang="en"
                defaultValue={draft.titleEn}
                maxLength={REPORT_LIMITS.title}
                {...fieldProps('titleEn')}
              />
            </div>
            <div className="field">
              {label('leadEn', r.text.leadEn)}
              <textarea rows={3} lang="en" defaultValue={draft.leadEn} {...fieldProps('leadEn')} />
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>{r.text.visibility}</legend>
            {(['public', 'partners'] as const).map((v) => (
              <div className="checkbox" key={v}>
                <input
                  type="radio"
                  id={`visibility-${v}`}
                  name="visibility"
                  value={v}
                  defaultChecked={draft.visibility === v}
                  disabled={!canEdit}
                />
                <label htmlFor={`visibility-${v}`}>{r.text.visibilityOptions[v]}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            {label('photoCredits', r.text.photoCredits)}
            <p className="field-hint">{r.text.photoCreditsHint}</p>
            <textarea rows={2} defaultValue={draft.photoCredits} {...fieldProps('photoCredits')} />
          </div>
        </section>
        <section aria-labelledby="onderdelen">
          <h2 id="onderdelen" tabIndex={-1}>
            {r.layout.heading}
          </h2>
          <p>{r.layout.hint}</p>
          <LayoutEditor layout={layout} blocks={blocks} t={t} disabled={!canEdit} errors={errors} />
        </section>
        <section aria-labelledby="waarschuwingen">
          <h2 id="waarschuwingen">{r.warnings.heading}</h2>
          {warnings.length ? (
            <ul className="report-warnings">
              {warnings.map((w, i) => (
                <li key={i}>{warningText(w, t, lang)}</li>
              ))}
            </ul>
          ) : (
            <p>{r.warnings.none}</p>
          )}
        </section>
        {canEdit ? (
          <div className="actions">
            <button type="submit" name="intent" value="save" className="button button--secondary">
              {r.save}
            </button>
            <button type="submit" name="intent" value="publish" className="button">
              {r.publish}
            </button>
          </div>
        ) : null}
        {canEdit ? <p className="field-hint">{r.publishHint}</p> : null}
      </Form>
      <ReportVersions versions={versions} slug={slug} eventId={event.id} hasEnglish={hasEnglish} t={t} lang={lang} />
      {versions[0] && canEdit ? (
        <section aria-labelledby="versturen">
          <h2 id="versturen">{r.mail.heading}</h2>
          {mailed && Object.hasOwn(r.mail.results, mailed) ? (
            <p role="status" className="notice notice--warning">
              {r.mail.results[mailed]}
            </p>
          ) : null}
          <p>{r.mail.intro}</p>
          <ReportMailForm t={t} organisations={organisations} />
        </section>
      ) : null}
      <section aria-labelledby="voorbeeld" className="report-preview">
        <h2 id="voorbeeld">{r.preview}</h2>
        <ReportDocument snapshot={preview} lang="nl" headingLevel={2} />
      </section>
    </>
  )
}
