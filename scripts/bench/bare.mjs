// The limit beside each throughput: a bare node:http server in its own process that answers every request with
import { Buffer } from 'node:buffer'
import process from 'node:process'
// the bytes the app answered (status, headers, body), given by the parent. Nothing but the HTTP work is left.
import http from 'node:http'

process.once('message', ({ status, headers, body }) => {
  const bytes = Buffer.from(body, 'base64')
  const server = http.createServer((req, res) => {
    // Read the request body (a form POST) before answering, as the app does.
    req.resume()
    req.on('end', () => {
      res.writeHead(status, { ...headers, 'Content-Length': bytes.length })
      res.end(bytes)
    })
  })
  server.keepAliveTimeout = 60_000
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }))
})
