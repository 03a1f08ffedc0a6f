// Started inside the app server process by browser tests (tests/mocks/preload.mjs): the third-party services it
// would call (the PDOK geocoder) answer from msw, never from the network.
import { setupServer } from 'msw/node'
import { handlers } from './handlers.ts'

export function startAppMocks() {
  const server = setupServer(...handlers)
  server.listen({ onUnhandledRequest: 'error' })
  return server
}
