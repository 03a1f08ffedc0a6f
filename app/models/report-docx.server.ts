// A published report version as a Word document (.docx): headings as headings, quotes in Word's own Quote
// style, the attendance tables as tables. Written from the same outline as the Markdown and text exports.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  ExternalHyperlink,
  WidthType,
} from 'docx'
import { reportTexts } from '~/components/report-document'
import type { ReportSnapshot } from '~/domain/report'
import { reportOutline, type OutlineNode } from '~/domain/report-text'
import { getEnv } from '~/utils/env.server'

type Lang = 'nl' | 'en'

function docxNode(node: OutlineNode): Array<Paragraph | Table> {
  const runs = (lines: string[], options: { italics?: boolean } = {}) =>
    lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...options }))
  switch (node.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: node.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: runs([node.text]),
        }),
      ]
    case 'paragraph':
      return [new Paragraph({ children: runs(node.lines) })]
    case 'quote':
      return [
        new Paragraph({ children: [new TextRun({ text: `${node.attribution}:`, bold: true })], keepNext: true }),
        ...node.paragraphs.map((lines, i) => {
          const marked = [...lines]
          if (i === 0) marked[0] = `„${marked[0]}`
          if (i === node.paragraphs.length - 1) marked[marked.length - 1] = `${marked[marked.length - 1]}”`
          return new Paragraph({ style: 'Quote', children: runs(marked) })
        }),
      ]
    case 'list':
      return node.items.map(
        (item) =>
          new Paragraph({
            bullet: { level: 0 },
            children: item.url
              ? [
                  new ExternalHyperlink({
                    link: item.url,
                    children: [new TextRun({ text: item.text, style: 'Hyperlink' })],
                  }),
                ]
              : [new TextRun(item.text)],
          }),
      )
    case 'table':
      return [
        new Paragraph({ children: [new TextRun({ text: node.caption, bold: true })], keepNext: true }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: node.header.map(
                (h, i) =>
                  new TableCell({
                    children: [
                      new Paragraph({
                        alignment: i ? AlignmentType.RIGHT : AlignmentType.LEFT,
                        children: [new TextRun({ text: h, bold: true })],
                      }),
                    ],
                  }),
              ),
            }),
            ...node.rows.map(
              (r) =>
                new TableRow({
                  children: r.map(
                    (c, i) =>
                      new TableCell({
                        children: [new Paragraph({ alignment: i ? AlignmentType.RIGHT : AlignmentType.LEFT, text: c })],
                      }),
                  ),
                }),
            ),
          ],
        }),
      ]
  }
}

/** Word: headings as headings, quotes in Word's own Quote style, the attendance tables as tables. */
export async function reportDocx(snapshot: ReportSnapshot, lang: Lang, base = getEnv().APP_URL) {
  const texts = reportTexts(snapshot, lang)
  const doc = new Document({
    title: texts.title,
    creator: 'bijeen',
    styles: {
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: 567 }, spacing: { after: 120 } },
        },
      ],
    },
    sections: [{ children: reportOutline(snapshot, lang, base).flatMap(docxNode) }],
  })
  return Packer.toBuffer(doc)
}
