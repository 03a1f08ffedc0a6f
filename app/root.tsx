import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { dictionary, useT, type Lang } from '~/i18n'
import { getLang } from '~/i18n/lang.server'
import { getShellProgramme } from '~/models/programme.server'
import { useNonce } from '~/utils/nonce'
import { getSessionUser } from '~/utils/session.server'
import styles from './styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = dictionary(data?.lang ?? 'nl')
  return [{ title: data?.programme?.name ?? t.meta.appName }, { name: 'description', content: t.meta.appDescription }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const [lang, user, programme] = await Promise.all([getLang(request), getSessionUser(request), getShellProgramme()])
  return {
    lang,
    user: user ? { name: user.name, role: user.role } : null,
    programme: programme
      ? { name: lang === 'en' && programme.nameEn ? programme.nameEn : programme.name, slug: programme.slug }
      : null,
  }
}

type RootData = Awaited<ReturnType<typeof loader>>

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>('root')
  const lang: Lang = data?.lang ?? 'nl'
  const nonce = useNonce()
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function LanguageSwitch() {
  const t = useT()
  const location = useLocation()
  const data = useRouteLoaderData<RootData>('root')
  const other: Lang = data?.lang === 'en' ? 'nl' : 'en'
  return (
    <Form method="post" action="/taal" className="language-switch">
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {/* The visible name first (WCAG 2.5.3); what it does after it, for screen readers. */}
      <button type="submit" lang={other}>
        {t.shell.switchLanguage}
        <span className="visually-hidden"> ({t.shell.switchLanguageLabel})</span>
      </button>
    </Form>
  )
}

function Shell({ children }: { children: ReactNode }) {
  const t = useT()
  const data = useRouteLoaderData<RootData>('root')
  return (
    <>
      <a className="skip-link" href="#inhoud">
        {t.shell.skipLink}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to="/" className="site-title">
            <span className="site-title__name">{data?.programme?.name ?? t.meta.appName}</span>
            <span className="site-title__subtitle">{t.shell.siteSubtitle}</span>
          </Link>
          <nav aria-label={t.shell.mainNav} className="site-nav">
            <ul>
              <li>
                <Link to="/">{t.shell.home}</Link>
              </li>
              <li>
                <Link to="/beheer">{t.shell.secretariat}</Link>
              </li>
              {data?.user ? (
                <li>
                  <Form method="post" action="/uitloggen">
                    <button type="submit" className="link-button">
                      {t.shell.signOut}
                    </button>
                  </Form>
                </li>
              ) : null}
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="inhoud" tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t.shell.footer}</p>
          <p>
            {t.shell.privacy} <Link to="/privacy">{t.privacy.footerLink}</Link>
          </p>
        </div>
      </footer>
    </>
  )
}

export default function App() {
  useLoaderData<typeof loader>()
  return (
    <Shell>
      <Outlet />
    </Shell>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRouteLoaderData<RootData>('root')
  const t = dictionary(data?.lang ?? 'nl')
  let title = t.errors.genericTitle
  let text = t.errors.genericText
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) [title, text] = [t.errors.notFoundTitle, t.errors.notFoundText]
    else if (error.status === 403) [title, text] = [t.errors.forbiddenTitle, t.errors.forbiddenText]
    else if (error.status === 429) [title, text] = [t.errors.tooManyTitle, t.errors.tooManyText]
    else if (error.status === 410) [title, text] = [t.errors.linkGoneTitle, t.errors.linkGoneText]
    else if (error.status === 401 && error.statusText === 'Link session')
      [title, text] = [t.errors.linkSessionTitle, t.errors.linkSessionText]
    else if (error.status >= 400 && error.status < 500)
      [title, text] = [t.errors.badRequestTitle, t.errors.badRequestText]
  }
  const body = (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/">{t.errors.backHome}</a>
      </p>
    </section>
  )
  // Without root data (the root loader itself failed) there is no shell to render into.
  return data ? (
    <Shell>{body}</Shell>
  ) : (
    <main id="inhoud" className="container">
      {body}
    </main>
  )
}
