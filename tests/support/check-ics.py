#!/usr/bin/env python3
"""Independent check of .ics files with Debian's python3-icalendar.

Usage: python3 tests/support/check-ics.py FILE.ics [...]
Prints one JSON object per file, keyed by path: METHOD, the VEVENTs (UID, SEQUENCE, STATUS, DTSTART/DTEND as
UTC ISO, SUMMARY), the TZIDs used and the VTIMEZONEs present. python3-icalendar resolves Olson TZIDs with pytz,
so the UTC times here do not depend on our VTIMEZONE text: a second, independent opinion.
"""
import json
import sys
from datetime import datetime, timezone

try:
    from icalendar import Calendar
except ImportError:
    sys.stderr.write('python3-icalendar is not installed: apt-get install python3-icalendar\n')
    sys.exit(3)

TZ_PARTS = ('VTIMEZONE', 'STANDARD', 'DAYLIGHT')


def as_utc(prop):
    if prop is None:
        return None
    value = prop.dt
    if not isinstance(value, datetime):
        return 'date:' + value.isoformat()
    if value.tzinfo is None:
        # Floating time: the file failed to say which zone it meant.
        return 'floating:' + value.isoformat()
    return value.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


def count(value):
    # One property comes back as a value, several as a list.
    if value is None:
        return 0
    return len(value) if isinstance(value, list) else 1


def addresses(value):
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [str(v).lower() for v in values]


def tzids_used(component, found):
    if component.name in TZ_PARTS:
        return
    for _name, value in component.property_items(recursive=False):
        params = getattr(value, 'params', None)
        if params and 'TZID' in params:
            found.add(str(params['TZID']))
    for sub in component.subcomponents:
        tzids_used(sub, found)


def check(path):
    with open(path, 'rb') as f:
        raw = f.read()
    cal = Calendar.from_ical(raw)
    used = set()
    tzids_used(cal, used)
    vtimezones = [str(c['TZID']) for c in cal.walk('VTIMEZONE')]
    events = []
    for ev in cal.walk('VEVENT'):
        events.append({
            'uid': str(ev.get('UID')),
            'sequence': int(ev.get('SEQUENCE')) if ev.get('SEQUENCE') is not None else None,
            'status': str(ev.get('STATUS')) if ev.get('STATUS') is not None else None,
            'summary': str(ev.get('SUMMARY')),
            'dtstart': as_utc(ev.get('DTSTART')),
            'dtend': as_utc(ev.get('DTEND')),
            'attendees': count(ev.get('ATTENDEE')),
            'attendeeAddresses': addresses(ev.get('ATTENDEE')),
        })
    errors = [e for c in cal.walk() for e in getattr(c, 'errors', [])]
    return {
        'method': str(cal.get('METHOD')) if cal.get('METHOD') is not None else None,
        'vevents': len(events),
        'events': events,
        'tzids': sorted(used),
        'vtimezones': sorted(vtimezones),
        'missingVtimezones': sorted(used - set(vtimezones)),
        'errors': [str(e) for e in errors],
        'crlfOnly': b'\n' not in raw.replace(b'\r\n', b''),
    }


def main(paths):
    if not paths:
        sys.stderr.write(__doc__)
        return 2
    print(json.dumps({path: check(path) for path in paths}, indent=2, ensure_ascii=False))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
