import path from 'node:path'
import { defineConfig } from 'prisma/config'

// Prisma 6.19 with the JS schema engine: no native binary has to be downloaded.
// PRISMA_SCHEMA picks the provider variant (sqlite by default, or postgresql).
// `npm run db:generate` sets DATABASE_URL per provider: the generator then needs no engine download.
const url = process.env.DATABASE_URL ?? 'file:./data/bijeen.db'
process.env.DATABASE_URL = url
const isPostgres = /^postgres(ql)?:/.test(url)
const schema = isPostgres ? 'prisma/postgresql/schema.prisma' : 'prisma/schema.prisma'

export default defineConfig({
  experimental: { adapter: true },
  schema: process.env.PRISMA_SCHEMA ?? schema,
  migrations: { path: path.join(path.dirname(process.env.PRISMA_SCHEMA ?? schema), 'migrations') },
  engine: 'js',
  async adapter() {
    if (isPostgres) {
      const { PrismaPg } = await import('@prisma/adapter-pg')
      return new PrismaPg({ connectionString: url })
    }
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3')
    return new PrismaBetterSQLite3({ url: url.replace(/^file:/, ''), timeout: 5000 })
  },
})
