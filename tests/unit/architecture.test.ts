// The arrows point down: routes -> models -> mail/components -> domain -> utils/i18n. This walks the imports of
// every file under app/ (static `import … from`, `export … from`, `import(…)` and `import('…')` types) with the
// TypeScript parser, and fails with the offenders listed when a rule is broken.
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const appDir = path.join(root, 'app')

type SourceInfo = {
  /** Repository-relative path, e.g. `app/models/event.server.ts`. */
  file: string
  /** Every module specifier as written, e.g. `@remix-run/node`, `~/utils/db.server`, `./audit.server`. */
  specifiers: string[]
  /** Where the file builds an HTTP response itself: `new Response(…)`, `Response.json(…)`, `Response.redirect(…)`. */
  responses: string[]
  /** Where the file names the `Request` type (a parameter that takes the request, say). */
  requests: string[]
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full)
    return /\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) ? [full] : []
  })
}

function read(fullPath: string): SourceInfo {
  const text = fs.readFileSync(fullPath, 'utf8')
  const source = ts.createSourceFile(fullPath, text, ts.ScriptTarget.Latest, true)
  const file = path.relative(root, fullPath).split(path.sep).join('/')
  const specifiers: string[] = []
  const responses: string[] = []
  const requests: string[] = []
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text)
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text)
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      specifiers.push(node.argument.literal.text)
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Response') {
      responses.push(`${where(node)} new Response`)
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'Response'
    ) {
      responses.push(`${where(node)} Response.${node.expression.name.text}()`)
    } else if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === 'Request') {
      requests.push(`${where(node)} Request`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { file, specifiers, responses, requests }
}

const sources = sourceFiles(appDir).map(read)

/** The repository-relative module a specifier points at inside app/ (without extension), or null for a package. */
function target(from: SourceInfo, specifier: string): string | null {
  if (specifier.startsWith('~/')) return `app/${specifier.slice(2)}`
  if (specifier.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(from.file), specifier))
  return null
}

const under = (dir: string) => (s: SourceInfo) => s.file.startsWith(`${dir}/`)

/** One line per offending import: `app/x.ts imports <specifier>`. */
function offendingImports(files: SourceInfo[], forbidden: (specifier: string, resolved: string | null) => boolean) {
  return files.flatMap((s) =>
    s.specifiers.filter((spec) => forbidden(spec, target(s, spec))).map((spec) => `${s.file} imports ${spec}`),
  )
}

describe('the import walker', () => {
  // Without these, a walker that finds nothing would pass every rule below.
  test('sees static imports, re-exports and responses where they are', () => {
    const route = sources.find((s) => s.file === 'app/routes/beheer.bijeenkomsten.$id.programma.$itemId.tsx')!
    expect(route.specifiers).toContain('@remix-run/node')
    expect(route.specifiers).toContain('~/models/agenda.server')
    expect(route.responses.some((r) => r.endsWith('new Response'))).toBe(true)
    const support = sources.find((s) => s.file === 'app/routes-support/invitation-response.server.ts')!
    expect(support.requests.length).toBeGreaterThan(0)
    expect(support.specifiers).toContain('./registration-form.server')
    expect(sources.length).toBeGreaterThan(100)
  })

  test('sees dynamic imports and import() types', () => {
    const withDynamic = sources.filter(
      (s) => s.specifiers.length && fs.readFileSync(path.join(root, s.file), 'utf8').includes('await import('),
    )
    expect(withDynamic.length).toBeGreaterThan(0)
    for (const s of withDynamic) {
      const text = fs.readFileSync(path.join(root, s.file), 'utf8')
      for (const [, spec] of text.matchAll(/await import\(\s*'([^']+)'\s*\)/g)) expect(s.specifiers).toContain(spec)
    }
  })
})

describe('models do not speak HTTP', () => {
  const models = sources.filter(under('app/models'))

  test('no file in app/models imports @remix-run/*', () => {
    const offenders = offendingImports(models, (spec) => spec === '@remix-run' || spec.startsWith('@remix-run/'))
    expect(
      offenders,
      `Models take parsed input and return an outcome; reading the request and answering it belongs beside the route (app/routes-support/):\n${offenders.join('\n')}`,
    ).toEqual([])
  })

  test('no file in app/models builds a Response', () => {
    const offenders = models.flatMap((s) => s.responses)
    expect(
      offenders,
      `Return an outcome union and let the route choose the status and body:\n${offenders.join('\n')}`,
    ).toEqual([])
  })

  test('no file in app/models takes the Request or imports what answers one', () => {
    // These utils read the request or build a response; a model gets their result from the route instead.
    const http = /^app\/utils\/(request|session|permissions|link-session|spreadsheet-response)\.server$/
    const offenders = [
      ...models.flatMap((s) => s.requests),
      ...offendingImports(models, (_spec, resolved) => resolved !== null && http.test(resolved)),
    ]
    expect(
      offenders,
      `Parse the request beside the route and pass the model plain values:\n${offenders.join('\n')}`,
    ).toEqual([])
  })

  test('no file in app/models imports a route or its helpers', () => {
    const offenders = offendingImports(
      models,
      (_spec, resolved) => resolved !== null && /^app\/(routes|routes-support)\//.test(resolved),
    )
    expect(offenders, `The arrow runs up from a model to the routes:\n${offenders.join('\n')}`).toEqual([])
  })
})

// routes -> models -> mail/emails/components -> domain -> utils/i18n, by the first folder under app/ (the route
// helpers in app/routes-support/ sit with the routes). app/server, app/generated and the entries sit outside.
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['routes', 'routes-support'],
  ['models'],
  ['mail', 'components'],
  ['domain'],
  ['utils', 'i18n'],
]
function rankOf(module: string | null): number {
  const folder = /^app\/([^/]+)\//.exec(module ?? '')?.[1]
  return LAYERS.findIndex((layer) => folder !== undefined && layer.includes(folder))
}

describe('arrows point down', () => {
  test('no file in app/mail or app/domain imports app/models or app/routes', () => {
    const offenders = offendingImports(
      sources.filter((s) => under('app/mail')(s) || under('app/domain')(s)),
      (_spec, resolved) => resolved !== null && /^app\/(models|routes|routes-support)\//.test(resolved),
    )
    expect(offenders, `Mail and pure logic sit below the models:\n${offenders.join('\n')}`).toEqual([])
  })

  test('every import between layers points down the order routes, models, mail/components, domain, utils/i18n', () => {
    const offenders = sources.flatMap((s) => {
      const from = rankOf(s.file)
      if (from < 0) return []
      return s.specifiers
        .filter((spec) => {
          const to = rankOf(target(s, spec))
          return to >= 0 && to < from
        })
        .map((spec) => `${s.file} imports ${spec}`)
    })
    expect(offenders, `An arrow runs up:\n${offenders.join('\n')}`).toEqual([])
  })

  test('the layers are read from where a specifier points', () => {
    // The mail worker's own parts and the database client: relative and `~/` specifiers resolved alike.
    const worker = sources.find((s) => s.file === 'app/mail/worker.server.ts')!
    expect(worker.specifiers.map((spec) => target(worker, spec))).toEqual(
      expect.arrayContaining(['app/mail/parts.server', 'app/utils/db.server']),
    )
    expect(rankOf('app/mail/parts.server')).toBeGreaterThan(rankOf('app/models/registration.server'))
    expect(rankOf('app/routes-support/exports.server')).toBe(rankOf('app/routes/beheer.tsx'))
    expect(rankOf('app/domain/calendar')).toBeLessThan(rankOf('app/utils/env.server'))
    expect(rankOf('app/server/http.ts')).toBe(-1)
  })
})
