// Raw HTTP for hostile-request tests: any method, any header (a lying Content-Length too), any bytes. fetch
// cannot send TRACE, a Host of its own choosing or a body shorter than announced.
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type RawResponse = { status: number; headers: Record<string, string>; body: string }

export function rawRequest(
  baseUrl: string,
  input: { method: string; path: string; headers?: Record<string, string | number>; body?: Buffer | string },
): Promise<RawResponse> {
  const url = new URL(baseUrl)
  const body = input.body === undefined ? Buffer.alloc(0) : Buffer.from(input.body)
  const headers: Record<string, string | number> = { Host: url.host, Connection: 'close', ...input.headers }
  if (body.byteLength > 0 && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
    headers['Content-Length'] = body.byteLength
  }
  const head =
    `${input.method} ${input.path} HTTP/1.1\r\n` +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    '\r\n'
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname)
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    // The server may close while a large body is still being written: what it answered is what counts.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [headText = '', ...rest] = text.split('\r\n\r\n')
      const [statusLine = '', ...headerLines] = headText.split('\r\n')
      const status = Number(statusLine.split(' ')[1])
      if (!status) return reject(new Error(`no HTTP answer to ${input.method} ${input.path}: ${text.slice(0, 200)}`))
      const parsed: Record<string, string> = {}
      for (const line of headerLines) {
        const at = line.indexOf(':')
        parsed[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim()
      }
      resolve({ status, headers: parsed, body: rest.join('\r\n\r\n') })
    })
    // No half-close: the server closes the connection after its answer (Connection: close).
    socket.write(head)
    if (body.byteLength > 0) socket.write(body)
  })
}

const routesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../app/routes')

/** Every route file, with whether it has an action: the list the route tests are generated from. */
export function routeFiles(): Array<{ file: string; hasAction: boolean; pattern: string }> {
  return fs
    .readdirSync(routesDir)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => {
      const source = fs.readFileSync(path.join(routesDir, file), 'utf8')
      return {
        file,
        hasAction: /export (async )?function action\b|export const action\b/.test(source),
        pattern: routePattern(file),
      }
    })
}

/** Remix flat-route file name to URL pattern: `beheer.contacten.$id.tsx` → `/beheer/contacten/:id`. */
export function routePattern(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, '')
    .replaceAll('[.]', '\u0001')
    .split('.')
    .filter((s) => s !== '_index' && !s.startsWith('_'))
    .map((s) =>
      s
        .replaceAll('\u0001', '.')
        .replace(/^\$(.+)$/, ':$1')
        .replace(/^\$$/, '*'),
    )
  return '/' + segments.join('/')
}

/** Fills a pattern's parameters; an unknown parameter fails loudly, so a new route gets an entry. */
export function fillPattern(pattern: string, values: (name: string, pattern: string) => string | undefined) {
  return pattern.replace(/:([A-Za-z]+)|\*/g, (match, name: string | undefined) => {
    const value = values(name ?? '*', pattern)
    if (value === undefined) throw new Error(`no value for ${match} in ${pattern}`)
    return encodeURIComponent(value)
  })
}
