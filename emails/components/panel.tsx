import { Column, Row } from '@react-email/components'
import { type ReactNode } from 'react'
import { styles } from './theme'

/** A tinted block with an accent bar on the left, for the facts a reader looks up again. */
export function Panel({ children }: { children: ReactNode }) {
  return (
    <Row style={{ margin: '8px 0 24px' }}>
      <Column style={styles.panel}>{children}</Column>
    </Row>
  )
}
