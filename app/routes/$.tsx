// Any URL that no route claims: a friendly 404 inside the site's layout.
export async function loader() {
  throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
  return null
}
