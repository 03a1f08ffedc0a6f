// Colours, fonts and inline styles shared by every mail. Inline styles only: many mail clients (Outlook above
// all) drop <style> blocks. Spacing goes on table cells, which Outlook respects, not on tables.
import { type CSSProperties } from 'react'

export const colors = {
  text: '#1a1a1a',
  muted: '#454545',
  accent: '#1d3f72',
  border: '#cfd5de',
  panel: '#f2f4f7',
  page: '#eceef1',
  white: '#ffffff',
}

// Outlook on Windows takes the first font it knows and otherwise falls back to Times: Segoe UI comes first.
export const fontFamily = "'Segoe UI', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', Arial, sans-serif"

export const styles = {
  body: { backgroundColor: colors.page, color: colors.text, fontFamily, margin: 0, padding: '24px 8px' },
  container: {
    backgroundColor: colors.white,
    border: `1px solid ${colors.border}`,
    borderTop: `6px solid ${colors.accent}`,
    maxWidth: '600px',
    margin: '0 auto',
  },
  header: { padding: '20px 32px 0' },
  programme: { color: colors.accent, fontSize: '16px', fontWeight: 700, lineHeight: '24px', margin: 0 },
  content: { padding: '0 32px 8px' },
  footer: { padding: '0 32px 24px' },
  h1: { color: colors.text, fontSize: '26px', fontWeight: 700, lineHeight: '34px', margin: '20px 0 20px' },
  h2: { color: colors.text, fontSize: '19px', fontWeight: 700, lineHeight: '26px', margin: '32px 0 8px' },
  text: { color: colors.text, fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' },
  small: { color: colors.muted, fontSize: '14px', lineHeight: '21px', margin: '0 0 12px' },
  link: { color: colors.accent, textDecoration: 'underline', wordBreak: 'break-all' },
  button: {
    backgroundColor: colors.accent,
    borderRadius: '4px',
    color: colors.white,
    display: 'inline-block',
    fontSize: '16px',
    fontWeight: 700,
    lineHeight: '24px',
    padding: '12px 24px',
    textDecoration: 'none',
  },
  panel: {
    backgroundColor: colors.panel,
    borderLeft: `4px solid ${colors.accent}`,
    padding: '16px 20px 4px',
  },
  hr: { borderTop: `1px solid ${colors.border}`, margin: '8px 0 20px' },
} satisfies Record<string, CSSProperties>
