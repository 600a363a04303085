// The frame of every page: a skip link, the header (brand, navigation, company switcher, the
// person, sign-out and sign-out-everywhere), and the page itself. Admin links show only to administrators.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useCompany, useMe } from '../company/company-context.tsx';
import { isPlatformAdministrator } from '../company/policy.ts';
import { SignOutButtons } from '../session/SignOutButtons.tsx';
import type { Page } from './routes.tsx';

export function Layout({ pages }: { pages: readonly Page[] }) {
  const me = useMe();
  const { companies, company, choose, isAdministrator } = useCompany();
  const switcherId = useId();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();

  // After navigating, keyboard and screen-reader users start at the new page, not the old link.
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation; pathname is the trigger, not an input.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  const visible = pages.filter((p) => !p.adminOnly || isAdministrator);
  const member = visible.filter((p) => !p.adminOnly);
  const admin = visible.filter((p) => p.adminOnly);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Tessera
        </Link>
        <nav aria-label="Main" className="nav">
          <ul>
            {member.map((p) => (
              <li key={p.path}>
                <NavLink to={p.path} end>
                  {p.label}
                </NavLink>
              </li>
            ))}
          </ul>
          {admin.length > 0 && (
            <ul aria-label="Administration" className="nav-admin">
              {admin.map((p) => (
                <li key={p.path}>
                  <NavLink to={p.path}>{p.label}</NavLink>
                </li>
              ))}
              <li>
                <a href="/graphiql">GraphiQL</a>
              </li>
            </ul>
          )}
        </nav>
        {company && (
          <div className="switcher">
            <label htmlFor={switcherId}>Company</label>
            <select
              id={switcherId}
              value={company.id}
              onChange={(e) => choose(e.target.value)}
              disabled={companies.length < 2}
            >
              {companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="who">
          <span className="name">{me.name}</span>
          <span className="muted small">
            {company && company.roles.length > 0
              ? company.roles.map((r) => r.name).join(', ')
              : isPlatformAdministrator(me)
                ? 'Platform admin'
                : me.email}
          </span>
        </div>
        <SignOutButtons />
      </header>
      <main className="page" id="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/** Admin pages: a person without an admin role is told so instead of seeing a broken page. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { isAdministrator } = useCompany();
  if (isAdministrator) return <>{children}</>;
  return (
    <section className="empty" aria-labelledby="admin-only-title">
      <h1 id="admin-only-title">Administrators only</h1>
      <p>This page is for Data Admins and company admins. Ask one of them if you need a change to your access.</p>
      <p>
        <Link to="/">Back to your dashboard</Link>
      </p>
    </section>
  );
}

export function NotFound() {
  return (
    <section className="empty" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        There is no page at this address. <Link to="/">Go to your dashboard</Link>.
      </p>
    </section>
  );
}
