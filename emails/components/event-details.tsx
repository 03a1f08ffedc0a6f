// What, when and where, in the event's time zone. The online link only goes to people who are registered:
// others read that online attendance is possible.
import { Link, Text } from '@react-email/components'
import { Panel } from './panel'
import { common, eventPeriod, type EventSummary, type Lang } from './shared'
import { styles } from './theme'

type Props = {
  lang: Lang
  event: EventSummary
  /** 'link': show the online link; 'mention': say that online attendance is possible; 'none': say nothing. */
  online?: 'link' | 'mention' | 'none'
}

export function EventDetails({ lang, event, online = 'mention' }: Props) {
  const t = common[lang].event
  return (
    <Panel>
      <Text style={{ ...styles.text, fontSize: '18px', fontWeight: 700, lineHeight: '26px' }}>{event.title}</Text>
      <Text style={styles.text}>
        <strong>{t.when}</strong>
        <br />
        {eventPeriod(event, lang)}
      </Text>
      <Text style={styles.text}>
        <strong>{t.where}</strong>
        <br />
        {event.venueName}
        <br />
        {event.venueAddress}
        <br />
        {event.venuePostcode} {event.venueCity}
      </Text>
      {event.onlineUrl && online === 'link' ? (
        <Text style={styles.text}>
          <strong>{t.online}</strong>
          <br />
          <Link href={event.onlineUrl} style={styles.link}>
            {event.onlineUrl}
          </Link>
        </Text>
      ) : null}
      {event.onlineUrl && online === 'mention' ? <Text style={styles.text}>{t.onlineLater}</Text> : null}
      <Text style={styles.text}>
        <strong>{t.more}</strong>
        <br />
        <Link href={event.url} style={styles.link}>
          {event.url}
        </Link>
      </Text>
    </Panel>
  )
}
