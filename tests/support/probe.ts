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
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      // A kept-alive connection: the answer is complete when its Content-Length has arrived.
      const all = Buffer.concat(chunks)
      const end = all.indexOf('\r\n\r\n')
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(all.subarray(0, end).toString())?.[1]
      if (end >= 0 && length !== undefined && all.byteLength - end - 4 >= Number(length)) socket.destroy()
    })
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
    // The body goes in pieces and stops once the server has answered (an early 413), as a careful client does:
    // writing on into a socket the server is closing makes its kernel reset the connection, losing the answer.
    socket.write(head)
    let offset = 0
    const writeMore = () => {
      if (chunks.length > 0 || offset >= body.byteLength || socket.destroyed) return
      const piece = body.subarray(offset, offset + 256 * 1024)
      offset += piece.byteLength
      if (socket.write(piece)) setImmediate(writeMore)
      else socket.once('drain', writeMore)
    }
    writeMore()
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
        // `verslag_`: the trailing underscore only leaves the parent layout out of the URL's nesting.
        .replace(/^([^$].*)_$/, '$1')
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
