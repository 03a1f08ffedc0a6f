// What a confirmed participant needs: the QR code for check-in, the calendar attachment, their accessibility
// needs as we understood them, and the personal link to change or cancel. Shared by "confirmed" and "promoted".
import { Column, Img, Row } from '@react-email/components'
import { Action } from './action'
import { H2, P } from './layout'
import { Quote } from './quote'
import { common, type Lang } from './shared'

export type RegistrationDetailsProps = {
  lang: Lang
  recipientName: string
  eventTitle: string
  /** The <img src> of the check-in QR code: `cid:qr@bijeen` in real mail, a data: URL in previews. */
  qrCodeSrc: string
  manageUrl: string
  accessibility?: string
}

const nl = {
  qrHeading: 'Uw toegangsbewijs',
  qrAlt: (name: string, title: string) => `QR-code om ${name} bij de ingang van ${title} in te checken`,
  qrText:
    'Laat deze QR-code zien bij de ingang. Dat kan op uw telefoon of op papier. Hebt u de code niet bij de hand? Noem dan uw naam.',
  accessibilityHeading: 'Toegankelijkheid',
  accessibilityIntro: 'U hebt ons laten weten wat u nodig hebt om goed mee te kunnen doen:',
  accessibilityOutro: 'Het secretariaat houdt daar rekening mee. Hebben wij vragen? Dan nemen wij contact met u op.',
  manageHeading: 'Gegevens wijzigen of afmelden',
  manageText:
    'Wilt u uw gegevens wijzigen? Of kunt u toch niet komen? Dat regelt u via uw persoonlijke link. Kunt u niet komen? Meld u dan zo snel mogelijk af. Dan kan iemand anders uw plaats krijgen.',
  manageButton: 'Aanmelding wijzigen of annuleren',
}

const en: typeof nl = {
  qrHeading: 'Your admission code',
  qrAlt: (name, title) => `QR code to check in ${name} at the entrance of ${title}`,
  qrText:
    'Show this QR code at the entrance, on your phone or on paper. If you do not have the code with you, just give your name.',
  accessibilityHeading: 'Accessibility',
  accessibilityIntro: 'You told us what you need to take part fully:',
  accessibilityOutro: 'The secretariat will take this into account. If we have any questions, we will contact you.',
  manageHeading: 'Change your details or cancel',
  manageText:
    'Would you like to change your details, or can you no longer attend? You can do this with your personal link. If you cannot attend, please cancel as soon as possible, so that someone else can have your place.',
  manageButton: 'Change or cancel your registration',
}

const copy = { nl, en }

export function RegistrationDetails(props: RegistrationDetailsProps) {
  const { lang } = props
  const t = copy[lang]
  return (
    <>
      <H2>{t.qrHeading}</H2>
      <Row style={{ margin: '8px 0 16px' }}>
        <Column>
          <Img src={props.qrCodeSrc} alt={t.qrAlt(props.recipientName, props.eventTitle)} width="180" height="180" />
        </Column>
      </Row>
      <P>{t.qrText}</P>
      <P>{common[lang].calendarAttached}</P>
      {props.accessibility ? (
        <>
          <H2>{t.accessibilityHeading}</H2>
          <P>{t.accessibilityIntro}</P>
          <Quote text={props.accessibility} />
          <P>{t.accessibilityOutro}</P>
        </>
      ) : null}
      <H2>{t.manageHeading}</H2>
      <P>{t.manageText}</P>
      <Action href={props.manageUrl} label={t.manageButton} linkIntro={common[lang].manageLinkIntro} />
      <P>{common[lang].personalLink}</P>
    </>
  )
}
