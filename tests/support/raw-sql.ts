// Checks the hand-written SQL in app/ against prisma/schema.prisma (tests/unit/raw-sql-columns.test.ts): every
// quoted identifier in a statement must be a table, or a column of a table that statement (or, for a fragment
// without a table, its file) names; every ColumnSpec given to insertRows/insertIgnoringDuplicates must list
// columns of its table with the kind its schema type needs. Read with the TypeScript parser, so that a column
// renamed in the schema fails the test before any statement meets a database.
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

export type Column = { type: string; kind: 'scalar' | 'enum' }
export type Tables = Map<string, Map<string, Column>>

/** Tables and their columns (scalar and enum fields; no @map is used, so a field's name is its column's). */
export function parseSchema(schema: string): { tables: Tables; enums: Set<string> } {
  const blocks = [...schema.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)]
  const models = new Set(blocks.filter((b) => b[1] === 'model').map((b) => b[2]!))
  const enums = new Set(blocks.filter((b) => b[1] === 'enum').map((b) => b[2]!))
  const tables: Tables = new Map()
  for (const [, what, name, body] of blocks) {
    if (what !== 'model') continue
    const columns = new Map<string, Column>()
    for (const line of body!.split('\n')) {
      const field = /^\s*(\w+)\s+(\w+)(\[\])?\??/.exec(line)
      if (!field || line.trim().startsWith('//')) continue
      const [, column, type, list] = field
      if (models.has(type!) || list) continue // a relation, not a column
      columns.set(column!, { type: type!, kind: enums.has(type!) ? 'enum' : 'scalar' })
    }
    tables.set(name!, columns)
  }
  return { tables, enums }
}

type ColumnKind = string | { enum: string }
const KIND_OF_TYPE: Record<string, string> = {
  String: 'text',
  Int: 'int',
  Float: 'float',
  Boolean: 'bool',
  DateTime: 'time',
  Json: 'json',
}

const SQL =
  /\b(SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|WHERE|FROM|JOIN|ORDER\s+BY|GROUP\s+BY|RETURNING|ON\s+CONFLICT|SET)\b/i
const IDENTIFIER = /(\bAS\s+)?"([A-Za-z_][A-Za-z0-9_]*)"/gi

export type RawSqlUse = { file: string; line: number; text: string }

/** The SQL-looking string and template literals of a file (a template's `${…}` parts become a space). */
function literals(file: string, text: string): RawSqlUse[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: RawSqlUse[] = []
  const add = (node: ts.Node, value: string) => {
    if (SQL.test(value) && /"\w+"/.test(value)) {
      found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: value })
    }
  }
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text)
    else if (ts.isTemplateExpression(node)) {
      add(node, [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' '))
      // Templates inside the spans are statements or fragments of their own.
      for (const span of node.templateSpans) visit(span.expression)
      return
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

type SpecUse = { file: string; line: number; table: string; conflict: string; columns: Record<string, ColumnKind> }

/** ColumnSpec objects (`const x: ColumnSpec = {…}`) and the tables insertRows/insertIgnoringDuplicates use them for. */
function columnSpecs(file: string, text: string): { specs: SpecUse[]; unresolved: string[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const declared = new Map<string, Record<string, ColumnKind>>()
  const calls: Array<{ line: number; table: string; spec: string; conflict: string }> = []
  const unresolved: string[] = []
  const valueOf = (node: ts.Expression): ColumnKind | undefined => {
    if (ts.isStringLiteral(node)) return node.text
    if (ts.isObjectLiteralExpression(node)) {
      const property = node.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'enum')
      if (property && ts.isPropertyAssignment(property) && ts.isStringLiteral(property.initializer)) {
        return { enum: property.initializer.text }
      }
    }
    return undefined
  }
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      node.type &&
      ts.isTypeReferenceNode(node.type) &&
      node.type.typeName.getText(source) === 'ColumnSpec' &&
      node.initializer &&
      ts.isObjectLiteralExpression(node.initializer) &&
      ts.isIdentifier(node.name)
    ) {
      const columns: Record<string, ColumnKind> = {}
      for (const p of node.initializer.properties) {
        if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
          const kind = valueOf(p.initializer)
          if (kind) columns[p.name.text] = kind
          else unresolved.push(`${file}: ${node.name.text}.${p.name.text}`)
        } else unresolved.push(`${file}: ${node.name.text} has a member that is not a plain column`)
      }
      declared.set(node.name.text, columns)
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const fn = node.expression.text
      const at = fn === 'insertRows' ? 0 : fn === 'insertIgnoringDuplicates' ? 1 : -1
      if (at >= 0) {
        const [table, spec, , conflict] = node.arguments.slice(at)
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1
        if (
          table &&
          spec &&
          conflict &&
          ts.isStringLiteral(table) &&
          ts.isIdentifier(spec) &&
          ts.isStringLiteral(conflict)
        ) {
          calls.push({ line, table: table.text, spec: spec.text, conflict: conflict.text })
        } else
          unresolved.push(`${file}:${line}: ${fn} without a literal table, ColumnSpec variable and conflict column`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  const specs = calls.flatMap((call) => {
    const columns = declared.get(call.spec)
    if (!columns) {
      unresolved.push(`${file}:${call.line}: ColumnSpec ${call.spec} is not declared in this file`)
      return []
    }
    return [{ file, line: call.line, table: call.table, conflict: call.conflict, columns }]
  })
  return { specs, unresolved }
}

export type RawSql = { files: number; uses: Map<string, RawSqlUse[]>; specs: SpecUse[]; unresolved: string[] }

/** The SQL literals and ColumnSpecs of `files` (repository-relative), read once. */
export function readRawSql(root: string, files: string[]): RawSql {
  const uses = new Map<string, RawSqlUse[]>()
  const specs: SpecUse[] = []
  const unresolved: string[] = []
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8')
    if (!text.includes('"')) continue
    const found = literals(file, text)
    if (found.length) uses.set(file, found)
    const spec = columnSpecs(file, text)
    specs.push(...spec.specs)
    unresolved.push(...spec.unresolved)
  }
  return { files: files.length, uses, specs, unresolved }
}

/**
 * What in `raw` the schema does not have. A quoted identifier must be a table, an enum, an output name
 * (`AS "x"`), or a column of a table the same literal names; a fragment (a subquery, a FROM clause built
 * apart) may also use a column of a table named elsewhere in its file, and one that names no table at all
 * (a statement for a table given at run time) a column of any table.
 */
export function checkRawSql(schema: string, raw: RawSql): string[] {
  const { tables, enums } = parseSchema(schema)
  const problems = [...raw.unresolved]
  const named = (sql: string) =>
    [...sql.matchAll(IDENTIFIER)].map((m) => m[2]!).filter((identifier) => tables.has(identifier))
  const hasColumn = (scope: string[], column: string) => scope.some((table) => tables.get(table)?.has(column))
  for (const [file, uses] of raw.uses) {
    const tablesOfFile = [...new Set(uses.flatMap((use) => named(use.text)))]
    for (const use of uses) {
      const own = named(use.text)
      for (const [, alias, identifier] of use.text.matchAll(IDENTIFIER)) {
        if (alias || tables.has(identifier!) || enums.has(identifier!)) continue
        const known = own.length
          ? hasColumn(own, identifier!) || hasColumn(tablesOfFile, identifier!)
          : hasColumn(tablesOfFile.length ? tablesOfFile : [...tables.keys()], identifier!)
        if (!known) {
          const scope = own.length ? own : tablesOfFile
          problems.push(`${file}:${use.line}: "${identifier}" is not a column of ${scope.join(', ') || 'any table'}`)
        }
      }
    }
  }
  for (const spec of raw.specs) {
    const columns = tables.get(spec.table)
    if (!columns) {
      problems.push(`${spec.file}:${spec.line}: no table ${spec.table}`)
      continue
    }
    if (!columns.has(spec.conflict))
      problems.push(`${spec.file}:${spec.line}: ${spec.table} has no column ${spec.conflict}`)
    for (const [name, kind] of Object.entries(spec.columns)) {
      const column = columns.get(name)
      const expected = column?.kind === 'enum' ? { enum: column.type } : KIND_OF_TYPE[column?.type ?? '']
      if (!column) problems.push(`${spec.file}:${spec.line}: ${spec.table} has no column ${name}`)
      else if (JSON.stringify(kind) !== JSON.stringify(expected)) {
        problems.push(
          `${spec.file}:${spec.line}: ${spec.table}.${name} is ${column.type}, written as ${JSON.stringify(kind)}`,
        )
      }
    }
  }
  return problems
}
