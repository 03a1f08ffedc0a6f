import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { log } from './utils/log.server'
import { NonceProvider } from './utils/nonce'
import { describeError, redactPath } from './utils/redact'

export const streamTimeout = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Bots and no-JS clients get the whole document at once; browsers get it streamed. A page rendered for the
  // public page cache (app/server/public-cache.ts) is stored whole.
  const whole = loadContext.wholeDocument === true || isbot(request.headers.get('user-agent') ?? '')
  const readyEvent = whole ? 'onAllReady' : 'onShellReady'
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : undefined
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce ?? ''}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors during streaming after the shell are logged; before it, the ErrorBoundary shows them.
          if (shellRendered) log().error({ err: describeError(error) }, 'render failed')
        },
      },
    )
    setTimeout(abort, streamTimeout + 1000)
  })
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests are not errors worth a log line.
  if (request.signal.aborted) return
  // Log the path only: query strings and personal-link tokens stay out of the logs.
  const path = redactPath(new URL(request.url).pathname)
  // The error's kind and frames; for a database error not its message, which repeats the query's values.
  log().error({ method: request.method, path, err: describeError(error) }, `[bijeen] ${request.method} ${path} failed`)
}
