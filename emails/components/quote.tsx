// A quote, character for character: paragraphs at blank lines, line breaks kept, nothing added inside the
// text (no quotation marks), so that what the speaker authorises is exactly what they read.
import { Column, Row, Text } from '@react-email/components'
import { Fragment } from 'react'
import { paragraphs } from './shared'
import { colors, styles } from './theme'

export function Quote({ text, attribution }: { text: string; attribution?: string }) {
  return (
    <Row style={{ margin: '8px 0 24px' }}>
      <Column style={{ borderLeft: `4px solid ${colors.accent}`, padding: '4px 0 4px 20px' }}>
        {paragraphs(text).map((paragraph, i) => (
          <Text key={i} style={{ ...styles.text, fontSize: '18px', lineHeight: '28px' }}>
            {paragraph.split('\n').map((line, j) => (
              <Fragment key={j}>
                {j > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </Text>
        ))}
        {attribution ? <Text style={{ ...styles.small, margin: 0 }}>— {attribution}</Text> : null}
      </Column>
    </Row>
  )
}

/** Plain text from the secretariat (a summary, a message) as paragraphs. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {paragraphs(text).map((paragraph, i) => (
        <Text key={i} style={styles.text}>
          {paragraph}
        </Text>
      ))}
    </>
  )
}
