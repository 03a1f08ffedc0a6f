// The link session of the speaker's portal (/spreker/...). As every personal link (link-session.server.ts),
// plus one thing: when the mail's token is traded for the cookie, the portal opens in the speaker's own
// language. The language switch in the header still works afterwards, since it only sets the same cookie.
import { langCookie } from '~/i18n/lang.server'
import { db } from './db.server'
import { looksLikeToken, requireLinkSession, resolvePersonalLink, type LinkSession } from './link-session.server'

export async function requireSpeakerSession(request: Request, param: string): Promise<LinkSession> {
  if (!looksLikeToken(param) || request.method !== 'GET') return requireLinkSession(request, 'speaker', param)
  const link = await resolvePersonalLink('speaker', param)
  const speaker = link.ok
    ? await db.speaker.findUnique({ where: { id: link.subjectId }, select: { language: true } })
    : null
  try {
    return await requireLinkSession(request, 'speaker', param)
  } catch (thrown) {
    // The 303 that carries the link cookie: it also carries the speaker's language.
    if (speaker && thrown instanceof Response && thrown.status === 303) {
      thrown.headers.append('Set-Cookie', await langCookie.serialize(speaker.language))
    }
    throw thrown
  }
}
