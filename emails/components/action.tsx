// A button with the same link written out beneath it, for clients that block or mangle buttons. The plain
// text version skips the button and keeps the written-out link.
import { Button, Column, Link, Row, Text } from '@react-email/components'
import { P } from './layout'
import { common, type Lang } from './shared'
import { styles } from './theme'

type Props = {
  href: string
  /** The button text: a verb ("Aanmelden"). */
  label: string
  /** Introduces the written-out link ("Uw persoonlijke link"). */
  linkIntro: string
}

export function Action({ href, label, linkIntro }: Props) {
  return (
    <>
      <Row style={{ margin: '8px 0 12px' }}>
        <Column>
          <Button href={href} style={styles.button} data-skip-in-text="true">
            {label}
          </Button>
        </Column>
      </Row>
      <Text style={styles.small}>
        {linkIntro}:
        <br />
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </>
  )
}

/** A personal link: the action, and the line that says the link is for the recipient only. */
export function PersonalAction({
  lang,
  href,
  label,
  linkIntro,
}: Omit<Props, 'linkIntro'> & { lang: Lang; linkIntro?: string }) {
  return (
    <>
      <Action href={href} label={label} linkIntro={linkIntro ?? common[lang].manageLinkIntro} />
      <P>{common[lang].personalLink}</P>
    </>
  )
}
