// Calls Remix loaders and actions with real Request objects and gives back what a browser would get.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { describeOrigin, withRequestContext } from '~/utils/request-context.server'

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown

export type RouteResult = { status: number; headers: Headers; data: unknown; location: string | null }

function isDataWithInit(
  value: unknown,
): value is { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'DataWithResponseInit'
}

async function fromResponse(response: Response): Promise<RouteResult> {
  const text = await response.text()
  let data: unknown = text
  try {
    data = JSON.parse(text)
  } catch {
    // plain text body
  }
  return { status: response.status, headers: response.headers, data, location: response.headers.get('location') }
}

export async function callRoute(
  handler: Handler,
  request: Request,
  params: Record<string, string> = {},
): Promise<RouteResult> {
  try {
    // As the HTTP server does (app/server/http.ts): the audit entries know where the request came from.
    const origin = describeOrigin(
      request.headers.get('x-bijeen-client-ip') ?? '127.0.0.1',
      request.headers.get('user-agent') ?? '',
    )
    const value = await withRequestContext({ origin }, () => handler({ request, params, context: {} }))
    if (value instanceof Response) return fromResponse(value)
    if (isDataWithInit(value)) {
      return {
        status: value.init?.status ?? 200,
        headers: new Headers(value.init?.headers),
        data: value.data,
        location: null,
      }
    }
    return { status: 200, headers: new Headers(), data: value, location: null }
  } catch (thrown) {
    if (thrown instanceof Response) return fromResponse(thrown)
    throw thrown
  }
}

export const BASE = 'http://localhost:3000'

export function formRequest(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(BASE + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  })
}

export function getRequest(path: string, headers: Record<string, string> = {}) {
  return new Request(BASE + path, { headers })
}

/** The cookie pair ("name=value") from a Set-Cookie header, to send back like a browser. */
export function cookieFrom(result: RouteResult): string {
  const header = result.headers.get('set-cookie')
  if (!header) throw new Error('no Set-Cookie header')
  return header.split(';')[0]!
}

/**
 * The counts a page shows after a bulk step or a review (a 'done' notice, kept in the secretariat's session rather
 * than the address): the page's loader is called as the browser would after the redirect; null when it has none.
 */
export async function doneNotice(
  loader: Parameters<typeof callRoute>[0],
  path: string,
  cookie: string,
  params: Record<string, string> = {},
) {
  const page = await callRoute(loader, getRequest(path, { cookie }), params)
  const notice = (page.data as { notice?: { name: string; value: string | null } | null }).notice
  return notice?.name === 'done' ? Object.fromEntries(new URLSearchParams(notice.value ?? '')) : null
}
