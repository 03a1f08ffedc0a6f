import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { isLang } from '~/i18n'
import { langCookie } from '~/i18n/lang.server'
import { safeRedirect } from '~/utils/safe-redirect'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const lang = form.get('lang')
  // A resource route: no error page renders here, so the answer says it itself, Dutch first.
  if (!isLang(lang)) {
    throw new Response('Deze taal kennen we niet: kies nl of en. / Unknown language: choose nl or en.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  // Drop a ?lang= from the return address, or it would override the choice just made.
  const target = new URL(safeRedirect(form.get('redirectTo'), '/'), 'http://x')
  target.searchParams.delete('lang')
  return redirect(target.pathname + target.search, { headers: { 'Set-Cookie': await langCookie.serialize(lang) } })
}
