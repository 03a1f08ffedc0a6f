import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { PortalHeader } from '~/components/speaker-portal-nav'
import { NewStatement, StatementCard, type StatementFormErrors } from '~/components/speaker-statements'
import { authoriseSchema, submitStatementSchema, withdrawSchema } from '~/domain/speaker-portal'
import { dictionary, metaTitle, useT } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import {
  authoriseStatement,
  getPortal,
  submitStatement,
  withdrawStatement,
  type StatementRefusal,
} from '~/models/speaker-portal.server'
import { requireSpeakerActor } from '~/routes-support/speaker-portal.server'
import portalStyles from '~/styles/speaker-portal.css?url'
import { linkPageHeaders, linkProblemResponse, PRIVATE_HEADERS } from '~/utils/link-session.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export const meta: MetaFunction = ({ matches }) => [
  ...metaTitle(matches, (t) => t.speakerPortal.statements.heading),
  { name: 'robots', content: 'noindex' },
]

export const headers = linkPageHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, actor } = await requireSpeakerActor(request, params.token ?? '')
  const portal = await getPortal(actor)
  if (!portal) throw linkProblemResponse('unknown')
  const query = new URL(request.url).searchParams
  return data(
    {
      statements: portal.statements,
      items: portal.statementItems,
      mayAdd: portal.mayAddStatement,
      delegate: portal.actor.delegate,
      speakerName: portal.speaker.name,
      timeZone: portal.events[0]?.timeZone ?? 'Europe/Amsterdam',
      base: session.path,
      notice: query.get('klaar'),
      confirmWithdraw: query.get('intrekken'),
    },
    { headers: session.headers },
  )
}

type ActionData = { kind: 'invalid'; form: string; errors: StatementFormErrors } | { kind: 'refused'; message: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, actor } = await requireSpeakerActor(request, params.token ?? '')
  const e = dictionary(await getLang(request)).speakerPortal.errors
  const formData = await request.formData()
  const intent = formData.get('intent')
  const refused = (message: string, status: number) =>
    data<ActionData>({ kind: 'refused', message }, { status, headers: PRIVATE_HEADERS })
  const refusal = (kind: StatementRefusal) =>
    ({
      'not-found': () => refused(e.notFound, 404),
      'wrong-state': () => refused(e.wrongState, 409),
      'wrong-actor': () => refused(e.wrongActor, 403),
      published: () => refused(e.published, 409),
      stale: () => refused(e.stale, 409),
    })[kind]()
  const done = (notice: string, statementId: string) =>
    redirect(`${session.path}/citaten?klaar=${notice}#citaat-${statementId}`, 303)

  if (intent === 'submit') {
    const submission = parseWithZod(formData, { schema: submitStatementSchema(e) })
    if (submission.status !== 'success') {
      const form = String(formData.get('statementId') || 'new').slice(0, 64)
      return data<ActionData>(
        {
          kind: 'invalid',
          form,
          errors: { fields: submission.reply().error ?? {}, text: String(formData.get('text') ?? '') },
        },
        { status: 400, headers: PRIVATE_HEADERS },
      )
    }
    const outcome = await submitStatement(actor, submission.value)
    return outcome.kind === 'submitted' ? done('submitted', outcome.statementId) : refusal(outcome.kind)
  }
  if (intent === 'authorise') {
    const submission = parseWithZod(formData, { schema: authoriseSchema() })
    if (submission.status !== 'success') return refused(e.invalid, 400)
    const outcome = await authoriseStatement(actor, submission.value)
    return outcome.kind === 'authorised' ? done('authorised', outcome.statementId) : refusal(outcome.kind)
  }
  if (intent === 'withdraw') {
    const submission = parseWithZod(formData, { schema: withdrawSchema() })
    if (submission.status !== 'success') return refused(e.invalid, 400)
    const outcome = await withdrawStatement(actor, submission.value)
    if (outcome.kind === 'withdrawn' || outcome.kind === 'withdrawal-requested') {
      return done(outcome.kind === 'withdrawn' ? 'withdrawn' : 'withdrawalRequested', outcome.statementId)
    }
    return refusal(outcome.kind)
  }
  return refused(e.unknownAction, 400)
}

const NOTICES = ['submitted', 'authorised', 'withdrawn', 'withdrawalRequested'] as const

export default function SpeakerStatements() {
  const p = useT().speakerPortal
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const notice = NOTICES.find((n) => n === loaded.notice)
  const errorsFor = (form: string) =>
    actionData?.kind === 'invalid' && actionData.form === form ? actionData.errors : null
  return (
    <div className="narrow portal">
      <h1>{p.statements.heading}</h1>
      <PortalHeader
        base={loaded.base}
        onBehalfOf={loaded.delegate ? loaded.speakerName : null}
        notice={notice ? p.notices[notice] : null}
        refusal={actionData?.kind === 'refused' ? actionData.message : null}
      />
      <p>{p.statements.intro}</p>
      {loaded.statements.length === 0 ? <p>{p.statements.none}</p> : null}
      {loaded.statements.map((statement, i) => (
        <StatementCard
          key={statement.id}
          number={i + 1}
          statement={statement}
          timeZone={loaded.timeZone}
          confirmWithdraw={loaded.confirmWithdraw === statement.id}
          errors={errorsFor(statement.id)}
        />
      ))}
      {loaded.mayAdd ? <NewStatement items={loaded.items} errors={errorsFor('new')} /> : null}
    </div>
  )
}
