// msw for third-party HTTP services we do not run. Every request that no handler matches is an error,
// so a test can never reach the network by accident. Handlers per service live beside this file.
import { setupServer } from 'msw/node'
import { handlers } from './handlers.ts'

export const server = setupServer(...handlers)
