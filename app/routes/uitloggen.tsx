import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { logout } from '~/utils/session.server'

// Signing out is a POST: a GET must never change anything (a prefetch could sign people out).
export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  return logout(request, '/inloggen?uitgelogd=1')
}
