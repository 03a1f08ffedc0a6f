// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (the source of truth).
// The two may differ only in the provider and the generated client's output folder.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export function toPostgresSchema(sqliteSchema: string) {
  const out = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../app/generated/prisma"', 'output       = "../../app/generated/prisma-pg"')
  if (out === sqliteSchema) throw new Error('prisma/schema.prisma: provider or output line not found')
  return '// GENERATED from prisma/schema.prisma by `npm run db:schema`. Do not edit by hand.\n' + out
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const source = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8')
  const target = path.join(root, 'prisma/postgresql/schema.prisma')
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.writeFileSync(target, toPostgresSchema(source))
  console.log('wrote prisma/postgresql/schema.prisma')
}
