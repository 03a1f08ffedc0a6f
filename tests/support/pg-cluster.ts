// A throwaway PostgreSQL cluster for tests and scripts: initdb in a temp folder, start on a free port,
// stop and delete on close. PostgreSQL refuses to run as root, so as root it runs as the postgres user.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export type PgCluster = { url: (database?: string) => string; port: number; dir: string; stop: () => void }

function pgBin(name: string) {
  const fromEnv = process.env.PG_BIN
  const candidates = [fromEnv, '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin']
  for (const dir of candidates) if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name)
  throw new Error(`PostgreSQL binary ${name} not found; install postgresql or set PG_BIN`)
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export async function startPgCluster(): Promise<PgCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bijeen-pg-'))
  const asRoot = process.getuid?.() === 0
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]
    const result = spawnSync(file, argv, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`)
  }
  if (asRoot) execFileSync('chown', ['postgres', dir])
  const data = path.join(dir, 'data')
  run(pgBin('initdb'), ['-D', data, '-U', 'app', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const port = await freePort()
  run(pgBin('pg_ctl'), [
    '-D',
    data,
    '-w',
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
    'start',
  ])
  let stopped = false
  return {
    port,
    dir,
    url: (database = 'postgres') => `postgresql://app@127.0.0.1:${port}/${database}`,
    stop() {
      if (stopped) return
      stopped = true
      try {
        run(pgBin('pg_ctl'), ['-D', data, '-w', '-m', 'immediate', 'stop'])
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

export async function createDatabase(adminUrl: string, name: string) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`)
  } finally {
    await client.end()
  }
}
