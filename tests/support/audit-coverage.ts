// A call graph of app/ read with the TypeScript parser, for the audit coverage test: which exported model
// functions change the database (directly or through what they call) and which of them reach `audit(…)`.
// Calls are resolved by name: a function of the same file, or one imported from another file of app/.
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const root = path.resolve(import.meta.dirname, '../..')
const appDir = path.join(root, 'app')

type Fn = {
  /** `app/models/partners.server.ts#saveContact` */
  id: string
  exported: boolean
  /** Prisma writes in its own body: `tx.contact.update`, `db.$executeRaw`. */
  writes: string[]
  audits: boolean
  /** Ids of the functions it calls. */
  calls: string[]
}

const WRITE = /^(create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)$/
// SQL written by hand (the registration core, the outbox) goes through these, or is a string that changes rows.
const SQL_WRITERS = new Set([
  'app/utils/sql-driver.server.ts#execute',
  'app/utils/sql.server.ts#insertRows',
  'app/utils/sql.server.ts#insertIgnoringDuplicates',
])
const WRITING_SQL = /\b(INSERT\s+INTO|UPDATE\s+"|DELETE\s+FROM)/i

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : files(full)
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\./.test(entry.name) ? [full] : []
  })
}

function resolveModule(from: string, specifier: string): string | null {
  let base: string
  if (specifier.startsWith('~/')) base = path.join(appDir, specifier.slice(2))
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier)
  else return null
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate
  }
  return null
}

const rel = (full: string) => path.relative(root, full).split(path.sep).join('/')

export function callGraph(): Map<string, Fn> {
  const graph = new Map<string, Fn>()
  for (const full of files(appDir)) {
    const source = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true)
    const file = rel(full)
    // Imported name -> "file#exportedName".
    const imported = new Map<string, string>()
    const locals = new Set<string>()
    const bodies: Array<{ name: string; exported: boolean; node: ts.Node }> = []
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const target = resolveModule(full, statement.moduleSpecifier.text)
        const bindings = statement.importClause?.namedBindings
        if (target && bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) {
            imported.set(element.name.text, `${rel(target)}#${(element.propertyName ?? element.name).text}`)
          }
        }
      }
      const exported = Boolean(
        ts.canHaveModifiers(statement) &&
        ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword),
      )
      if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
        locals.add(statement.name.text)
        bodies.push({ name: statement.name.text, exported, node: statement.body })
      }
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name) && declaration.initializer) {
            locals.add(declaration.name.text)
            bodies.push({ name: declaration.name.text, exported, node: declaration.initializer })
          }
        }
      }
    }
    for (const { name, exported, node } of bodies) {
      const fn: Fn = { id: `${file}#${name}`, exported, writes: [], audits: false, calls: [] }
      const visit = (n: ts.Node) => {
        if (ts.isCallExpression(n)) {
          const callee = n.expression
          if (ts.isIdentifier(callee)) {
            if (callee.text === 'audit') fn.audits = true
            const target = imported.get(callee.text) ?? (locals.has(callee.text) ? `${file}#${callee.text}` : null)
            if (target) fn.calls.push(target)
            if (target && SQL_WRITERS.has(target)) fn.writes.push(callee.text)
          } else if (ts.isPropertyAccessExpression(callee)) {
            const method = callee.name.text
            if (WRITE.test(method) && ts.isPropertyAccessExpression(callee.expression)) {
              fn.writes.push(`${callee.expression.getText(source)}.${method}`)
            }
            if (/^\$executeRaw(Unsafe)?$/.test(method)) fn.writes.push(`${callee.expression.getText(source)}.${method}`)
          }
        }
        // A function passed by name (`items.map(saveRow)`, `retry(run)`) is a call too.
        if (ts.isIdentifier(n) && n.parent && ts.isCallExpression(n.parent) && n.parent.arguments.includes(n)) {
          const target = imported.get(n.text) ?? (locals.has(n.text) ? `${file}#${n.text}` : null)
          if (target) fn.calls.push(target)
        }
        if (
          (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n)) &&
          WRITING_SQL.test(n.text)
        ) {
          fn.writes.push(`SQL ${n.text.trim().split(/\s+/).slice(0, 3).join(' ')}`)
        }
        // A tagged template `db.$executeRaw\`…\``.
        if (ts.isTaggedTemplateExpression(n) && /\$executeRaw/.test(n.tag.getText(source))) {
          fn.writes.push(n.tag.getText(source))
        }
        ts.forEachChild(n, visit)
      }
      visit(node)
      graph.set(fn.id, fn)
    }
  }
  return graph
}

/** Whether `id` or anything it calls satisfies `own`. */
export function reaches(
  graph: Map<string, Fn>,
  id: string,
  own: (fn: Fn) => boolean,
  seen = new Set<string>(),
): boolean {
  if (seen.has(id)) return false
  seen.add(id)
  const fn = graph.get(id)
  if (!fn) return false
  return own(fn) || fn.calls.some((c) => reaches(graph, c, own, seen))
}

/** The writes `id` makes itself or through its callees, as "table.method". */
export function writesOf(graph: Map<string, Fn>, id: string, seen = new Set<string>()): string[] {
  if (seen.has(id)) return []
  seen.add(id)
  const fn = graph.get(id)
  if (!fn) return []
  return [...fn.writes, ...fn.calls.flatMap((c) => writesOf(graph, c, seen))]
}

/** The model functions that routes, their support modules and the server call: where a change starts. */
export function entryPoints(graph: Map<string, Fn>): string[] {
  const callers = [...graph.values()].filter((fn) => /^app\/(routes|routes-support|server)\//.test(fn.id))
  const called = new Set(callers.flatMap((fn) => fn.calls))
  // Route modules export loader/action consts and functions; their imports are recorded per function. Imports
  // used only at module level (rare) are missed, so also count every named import of a route file.
  for (const full of files(path.join(appDir, 'routes')).concat(
    files(path.join(appDir, 'routes-support')),
    files(path.join(appDir, 'server')),
  )) {
    const text = fs.readFileSync(full, 'utf8')
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
      const target = resolveModule(full, m[2]!)
      if (!target) continue
      for (const name of m[1]!
        .split(',')
        .map(
          (s) =>
            s
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0]!,
        )
        .filter(Boolean)) {
        called.add(`${rel(target)}#${name}`)
      }
    }
  }
  return [...called].filter((id) => id.startsWith('app/models/') && graph.has(id)).sort()
}
