// The frame of every mail: programme name, heading, body, sign-off and a footer that says why the recipient
// gets the mail and who sends it. Tables (Row/Column) carry the spacing so that Outlook keeps it.
import { Body, Column, Container, Head, Heading, Hr, Html, Link, Preview, Row, Text } from '@react-email/components'
import { type ReactNode } from 'react'
import { common, type BaseProps, type Lang } from './shared'
import { styles } from './theme'

/** A template passes its own props whole (`<Layout {...props} …>`): the frame reads only the base props. */
export type LayoutProps = BaseProps & {
  /** The short line that mail clients show next to the subject. */
  preview: string
  heading: string
  /** Why the recipient gets this mail: a whole sentence. */
  reason: string
  children: ReactNode
}

export function Layout({ lang, programmeName, secretariatEmail, preview, heading, reason, children }: LayoutProps) {
  const t = common[lang]
  return (
    <Html lang={lang}>
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{heading}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Row>
            <Column style={styles.header}>
              <Text style={styles.programme}>{programmeName}</Text>
            </Column>
          </Row>
          <Row>
            <Column style={styles.content}>
              <Heading as="h1" style={styles.h1}>
                {heading}
              </Heading>
              {children}
              <Text style={{ ...styles.text, margin: '24px 0 24px' }}>
                {t.signOff}
                <br />
                {t.signature(programmeName)}
              </Text>
            </Column>
          </Row>
          <Row>
            <Column style={styles.footer}>
              <Hr style={styles.hr} />
              <Text style={styles.small}>{reason}</Text>
              <Text style={styles.small}>
                {t.sentBy(programmeName)}
                {secretariatEmail ? (
                  <>
                    {' '}
                    {t.questions}{' '}
                    <Link href={`mailto:${secretariatEmail}`} style={styles.link}>
                      {secretariatEmail}
                    </Link>
                    .
                  </>
                ) : null}
              </Text>
            </Column>
          </Row>
        </Container>
      </Body>
    </Html>
  )
}

/** A paragraph of body text. */
export function P({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>
}

/** A subheading inside the body. */
export function H2({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={styles.h2}>
      {children}
    </Heading>
  )
}

/** The salutation: "Beste Fatima El Amrani," or, for speakers, "Geachte staatssecretaris Harbers,". */
export function Greeting({ lang, name, formal = false }: { lang: Lang; name: string; formal?: boolean }) {
  const t = common[lang]
  return <P>{formal ? t.formalGreeting(name) : t.greeting(name)}</P>
}
