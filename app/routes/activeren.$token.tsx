import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { accountLinkOwner } from '~/models/account.server'
import { ACTIVATION_PATH, activationCookieHeader } from '~/routes-support/account-link.server'
import { linkPageHeaders, linkProblemResponse, PRIVATE_HEADERS } from '~/utils/link-session.server'

export const headers = linkPageHeaders

// The link from the invitation mail: checked, then traded for a short cookie (the token leaves the address).
export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  if (!(await accountLinkOwner(token))) throw linkProblemResponse('expired')
  return redirect(ACTIVATION_PATH, {
    status: 303,
    headers: { ...PRIVATE_HEADERS, 'Set-Cookie': await activationCookieHeader(token) },
  })
}
