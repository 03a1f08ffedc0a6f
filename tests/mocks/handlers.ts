import type { RequestHandler } from 'msw'

// Default handlers for third-party services (PDOK Locatieserver joins here with the Events issue).
export const handlers: RequestHandler[] = []
