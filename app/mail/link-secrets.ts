// Personal-link tokens never stay in a stored mail (ADR 004). When a mail is queued, every token in a link
// (a 256-bit base64url token as the last path segment of a URL) is replaced by a placeholder, and the tokens
// go to the row's `linkSecrets`. The worker fills them in as it sends and clears `linkSecrets` once the mail
// is sent, so a sent mail keeps its text but not its keys. Pure: no IO.

/** A URL whose last path segment is a token as randomToken() makes it (43 base64url characters). */
const LINK = /(https?:\/\/[^\s"'<>/]+(?:\/[^\s"'<>/?#]+)*\/)([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g
const PLACEHOLDER = /XBIJEENLINK(\d+)X/g
const placeholder = (index: number) => `XBIJEENLINK${index}X`

export type Sealer = {
  /** The text with each token replaced by its placeholder. */
  seal(text: string): string
  seal(text: string | null): string | null
  /** The tokens in placeholder order; empty when the mail holds no personal link. */
  secrets: string[]
}

/** One sealer per mail: a token that occurs in the HTML, the text and a merge value gets one placeholder. */
export function linkSealer(): Sealer {
  const secrets: string[] = []
  const seal = ((text: string | null) =>
    text === null
      ? null
      : text.replace(LINK, (_, prefix: string, token: string) => {
          let index = secrets.indexOf(token)
          if (index < 0) index = secrets.push(token) - 1
          return prefix + placeholder(index)
        })) as Sealer['seal']
  return { seal, secrets }
}

/** The text as it is sent: placeholders replaced by the tokens. Without secrets (a sent mail) it stays. */
export function unsealLinks(text: string, secrets: unknown): string
export function unsealLinks(text: string | undefined, secrets: unknown): string | undefined
export function unsealLinks(text: string | undefined, secrets: unknown) {
  if (text === undefined || !Array.isArray(secrets) || !secrets.length) return text
  return text.replace(PLACEHOLDER, (match, index: string) => {
    const token: unknown = secrets[Number(index)]
    return typeof token === 'string' ? token : match
  })
}
