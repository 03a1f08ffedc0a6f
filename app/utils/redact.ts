// Personal-link tokens must never reach a log line. Every logged path goes through this.
const tokenRoutes = /^\/(uitnodiging|aanmelding|spreker)\/[^/?#]+/

export function redactPath(path: string) {
  return path.replace(tokenRoutes, '/$1/[token]').replace(/\?.*$/, '')
}
