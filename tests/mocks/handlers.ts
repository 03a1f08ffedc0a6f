import type { RequestHandler } from 'msw'
import { pdokSuccess } from './pdok.ts'

// Default handlers for third-party services. Tests override them per case with server.use(...).
export const handlers: RequestHandler[] = [pdokSuccess]
