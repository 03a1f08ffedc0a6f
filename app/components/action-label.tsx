/**
 * The text of a button or link that acts on one of many things ("Wijzigen" beside each speaker, named "Wijzigen – Piet Bakker"): the visible
 * text starts the accessible name, and what it acts on follows for assistive technology only, so speech
 * input ("klik Wijzigen") finds it and a screen reader hears which one (WCAG 2.5.3, label in name).
 */
export function ActionLabel({ text, object }: { text: string; object: string }) {
  return (
    <>
      {text}
      <span className="visually-hidden"> – {object}</span>
    </>
  )
}
