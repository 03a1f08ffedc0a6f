import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ActionLabel } from '~/components/action-label'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { invitationViewStatuses } from '~/domain/invitations'
import { SECTORS } from '~/domain/sectors'
import { formatDateTime } from '~/domain/format'
import { dictionary, metaTitle, useLang, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { filterFromUrl, listInvitations } from '~/models/invitation-list.server'
import { reinvite, remindInvitations, sendInvitations } from '~/models/invitation-send.server'
import { redirectWithNotice, takeNotice } from '~/utils/flash.server'
import { noticeCounts } from '~/utils/notice'
import { can, requirePermission } from '~/utils/permissions.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  metaTitle(matches, (t) => (data ? t.invitations.titleFor(data.event.title) : t.invitations.title))

const ROW_LIMIT = 500

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read')
  const list = await listInvitations(params.id ?? '', filterFromUrl(new URL(request.url)))
  if (!list) throw new Response('Not found', { status: 404 })
  const { event, rows, total, counts, organisations } = list
  return {
    event: { id: event.id, title: event.title, status: event.status, timeZone: event.timeZone },
    rows: rows.slice(0, ROW_LIMIT),
    shown: rows.length,
    total,
    counts,
    organisations,
    canEdit: can(user, 'edit'),
    notice: await takeNotice(user, request),
  }
}

const ids = z.array(z.string().min(1).max(100)).max(10_000)
const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('send'), invitationId: ids }),
  z.object({ intent: z.literal('send-selected'), invitationId: ids }),
  z.object({ intent: z.literal('remind'), invitationId: ids }),
  z.object({ intent: z.literal('remind-selected'), invitationId: ids }),
  z.object({ intent: z.literal('reinvite'), reinvite: z.string().min(1).max(100) }),
])

// What each bulk button does: send or remind, to all who are due or only to the chosen rows.
const bulk = {
  send: { reminding: false, selected: false },
  'send-selected': { reminding: false, selected: true },
  remind: { reminding: true, selected: false },
  'remind-selected': { reminding: true, selected: true },
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'edit')
  const t = dictionary(await getLang(request)).invitations
  const eventId = params.id ?? ''
  const form = await request.formData()
  const reinviteId = form.get('reinvite')
  // The reopen button names its row in `reinvite`; the bulk buttons send `intent`.
  const parsed = actionSchema.safeParse(
    reinviteId
      ? { intent: 'reinvite', reinvite: reinviteId }
      : { intent: form.get('intent'), invitationId: form.getAll('invitationId') },
  )
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  const list = `/beheer/bijeenkomsten/${eventId}/uitnodigingen`

  if (parsed.data.intent === 'reinvite') {
    const result = await reinvite(eventId, parsed.data.reinvite, user.id)
    if (result.kind === 'not-found') throw new Response('Not found', { status: 404 })
    return redirectWithNotice(user, list, 'done', { heropend: 1 })
  }

  const { reminding, selected } = bulk[parsed.data.intent]
  const chosen = parsed.data.invitationId
  if (selected && !chosen.length) return data({ error: t.errors.chooseSomeone }, { status: 400 })
  const result = reminding
    ? await remindInvitations(eventId, selected ? chosen : undefined, user.id)
    : await sendInvitations(eventId, selected ? chosen : undefined, user.id)
  switch (result.kind) {
    case 'not-found':
      throw new Response('Not found', { status: 404 })
    case 'not-published':
      return data({ error: t.errors.notPublished }, { status: 409 })
    case 'nothing':
      return data({ error: reminding ? t.errors.nothingToRemind : t.errors.nothingToSend }, { status: 409 })
    case 'conflict':
      return data({ error: t.errors.conflict }, { status: 409 })
    case 'sent':
      return redirectWithNotice(user, list, 'done', {
        [reminding ? 'herinnerd' : 'verstuurd']: result.count,
        overgeslagen: result.skipped,
        verzending: result.batchId,
      })
  }
}

export default function Invitations() {
  const t = useT()
  const lang = useLang()
  const i = t.invitations
  const { event, rows, shown, total, counts, organisations, canEdit, notice: taken } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const when = (value: string | Date | null) => (value ? formatDateTime(new Date(value), event.timeZone, lang) : '—')
  const done = noticeCounts(taken)
  const notice = (() => {
    const n = (key: string) => Number(done.get(key)) || 0
    if (done.get('nieuw') !== null) return i.notices.created(n('nieuw'), n('bestaand'), n('heropend'))
    if (done.get('verstuurd') !== null) return i.notices.sent(n('verstuurd'))
    if (done.get('herinnerd') !== null) return i.notices.reminded(n('herinnerd'))
    if (done.get('ingetrokken') !== null) return i.notices.revoked
    if (done.get('heropend') !== null) return i.notices.reopened
    return null
  })()
  const skipped = Number(done.get('overgeslagen')) || 0
  const batchId = done.get('verzending')
  const filtered = ['status', 'organisatie', 'sector', 'zoek'].some((k) => params.get(k))
  const exportQuery = new URLSearchParams(
    [...params.entries()].filter(([k]) => ['status', 'organisatie', 'sector', 'zoek'].includes(k)),
  )

  return (
    <>
      <p>
        <Link to={`/beheer/bijeenkomsten/${event.id}`}>{i.backToEvent}</Link>
      </p>
      {notice ? (
        <div role="status" className="notice">
          <p>
            {notice}
            {skipped ? ` ${i.notices.skipped(skipped)}` : ''}
          </p>
          {batchId ? (
            <p>
              <Link to={`/beheer/verzendingen/${batchId}`}>{i.notices.progress}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {actionData && 'error' in actionData ? (
        <p role="alert" className="notice notice--error">
          {actionData.error}
        </p>
      ) : null}
      <h1>{i.titleFor(event.title)}</h1>
      <p>{i.intro}</p>
      {event.status === 'draft' ? <p className="notice notice--warning">{i.draftWarning}</p> : null}
      {canEdit ? (
        <p>
          <Link className="button" to="nieuw">
            {i.invite}
          </Link>
        </p>
      ) : null}

      <h2>{i.countsHeading}</h2>
      <p>{i.total(total)}</p>
      <ul className="counts">
        {invitationViewStatuses.map((s) => (
          <li key={s}>
            <Link to={`?status=${s}`}>
              {i.status[s]}: <strong>{counts[s]}</strong>
            </Link>
          </li>
        ))}
      </ul>

      <h2>{i.filter.heading}</h2>
      <Form method="get" className="inline-form">
        <div className="form-row">
          <div className="field">
            <label htmlFor="filter-status">{i.filter.status}</label>
            <select id="filter-status" name="status" defaultValue={params.get('status') ?? ''}>
              <option value="">{i.filter.all}</option>
              {invitationViewStatuses.map((s) => (
                <option key={s} value={s}>
                  {i.status[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-organisation">{i.filter.organisation}</label>
            <select id="filter-organisation" name="organisatie" defaultValue={params.get('organisatie') ?? ''}>
              <option value="">{i.filter.all}</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-sector">{i.filter.sector}</label>
            <select id="filter-sector" name="sector" defaultValue={params.get('sector') ?? ''}>
              <option value="">{i.filter.all}</option>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {t.sectors[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-search">{i.filter.search}</label>
            <p id="filter-search-hint" className="field-hint">
              {i.filter.searchHint}
            </p>
            <input
              id="filter-search"
              name="zoek"
              type="search"
              maxLength={200}
              defaultValue={params.get('zoek') ?? ''}
              aria-describedby="filter-search-hint"
            />
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {i.filter.apply}
          </button>
          {filtered ? <Link to=".">{i.filter.reset}</Link> : null}
        </div>
      </Form>

      {total === 0 ? (
        <p>{i.empty}</p>
      ) : (
        <Form method="post">
          <p aria-live="polite">
            {i.filter.shown(shown, total)}
            {shown > rows.length ? ` ${i.filter.capped(rows.length)}` : ''}
          </p>
          {rows.length ? (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{i.title}</caption>
                <thead>
                  <tr>
                    {canEdit ? (
                      <th scope="col">
                        <span className="visually-hidden">{i.columns.select}</span>
                      </th>
                    ) : null}
                    <th scope="col">{i.columns.name}</th>
                    <th scope="col">{i.columns.organisation}</th>
                    <th scope="col">{i.columns.sector}</th>
                    <th scope="col">{i.columns.status}</th>
                    <th scope="col">{i.columns.sentAt}</th>
                    <th scope="col">{i.columns.remindedAt}</th>
                    <th scope="col">{i.columns.respondedAt}</th>
                    {canEdit ? <th scope="col">{i.columns.actions}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      {canEdit ? (
                        <td>
                          {row.status === 'revoked' ? null : (
                            <input
                              type="checkbox"
                              name="invitationId"
                              value={row.id}
                              id={`select-${row.id}`}
                              aria-label={i.selectOne(row.name || t.privacy.anonymised)}
                            />
                          )}
                        </td>
                      ) : null}
                      <th scope="row">
                        {row.name || t.privacy.anonymised}
                        <br />
                        <span className="muted">{row.email}</span>
                      </th>
                      <td>{row.organisation}</td>
                      <td>{t.sectors[row.sector]}</td>
                      <td>
                        <span className={`status status--invitation-${row.status}`}>{i.status[row.status]}</span>
                      </td>
                      <td>{when(row.sentAt)}</td>
                      <td>{when(row.remindedAt)}</td>
                      <td>{when(row.respondedAt)}</td>
                      {canEdit ? (
                        <td>
                          {row.status === 'revoked' ? (
                            <button type="submit" name="reinvite" value={row.id} className="link-button">
                              <ActionLabel text={i.reinvite} object={row.name || t.privacy.anonymised} />
                            </button>
                          ) : (
                            <Link to={`${row.id}/intrekken`}>
                              <ActionLabel text={i.revoke} object={row.name || t.privacy.anonymised} />
                            </Link>
                          )}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{i.noMatch}</p>
          )}
          {canEdit ? (
            <section aria-labelledby="send-heading">
              <h2 id="send-heading">{i.send.heading}</h2>
              <p>{i.send.hint}</p>
              <ul className="actions plain-list">
                <li>
                  <button type="submit" name="intent" value="send" className="button">
                    {i.send.all(counts.pending)}
                  </button>
                </li>
                <li>
                  <button type="submit" name="intent" value="send-selected" className="button button--secondary">
                    {i.send.selected}
                  </button>
                </li>
                <li>
                  <button type="submit" name="intent" value="remind" className="button">
                    {i.send.remindAll(counts.sent + counts.failed)}
                  </button>
                </li>
                <li>
                  <button type="submit" name="intent" value="remind-selected" className="button button--secondary">
                    {i.send.remindSelected}
                  </button>
                </li>
              </ul>
            </section>
          ) : null}
        </Form>
      )}

      {total > 0 ? (
        <section aria-labelledby="export-heading">
          <h2 id="export-heading">{i.export.heading}</h2>
          <ul className="subnav">
            <li>
              <a
                href={`/beheer/bijeenkomsten/${event.id}/uitnodigingen/exporteren?${new URLSearchParams([...exportQuery, ['formaat', 'csv']])}`}
                download
              >
                {i.export.csv}
              </a>
            </li>
            <li>
              <a
                href={`/beheer/bijeenkomsten/${event.id}/uitnodigingen/exporteren?${new URLSearchParams([...exportQuery, ['formaat', 'xlsx']])}`}
                download
              >
                {i.export.xlsx}
              </a>
            </li>
          </ul>
        </section>
      ) : null}
    </>
  )
}
