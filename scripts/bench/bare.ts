// Starts scripts/bench/bare.mjs with the bytes of one real answer of the app.
import { fork } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Shot } from './load.ts'

export type Captured = { status: number; headers: Record<string, string>; body: Buffer }

/** One answer of the app, as bytes. */
export function capture(url: string, shot: Shot): Promise<Captured> {
  const base = new URL(url)
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...shot.headers }
    if (shot.body !== undefined) headers['Content-Length'] = Buffer.byteLength(shot.body)
    const request = http.request(
      { host: base.hostname, port: base.port, path: shot.path, method: shot.method ?? 'GET', headers },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (c: Buffer) => chunks.push(c))
        response.on('end', () => {
          const kept: Record<string, string> = {}
          for (const [name, value] of Object.entries(response.headers)) {
            if (
              typeof value === 'string' &&
              !['content-length', 'connection', 'keep-alive', 'date', 'transfer-encoding'].includes(name)
            )
              kept[name] = value
          }
          resolve({ status: response.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) })
        })
      },
    )
    request.on('error', reject)
    request.end(shot.body)
  })
}

export async function startBare(answer: Captured) {
  const child = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'bare.mjs'))
  const port = await new Promise<number>((resolve) => {
    child.once('message', (m: { port: number }) => resolve(m.port))
    child.send({ status: answer.status, headers: answer.headers, body: answer.body.toString('base64') })
  })
  return { url: `http://127.0.0.1:${port}`, stop: () => void child.kill() }
}
