// Invitations end to end with a real SMTP server in process (test/smtp-receiver.ts): an
// administrator invites, the link is read from the mail that arrived, and the person accepts,
// declines or finds it no longer works, all over GraphQL against a real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../../test/gql/gql.ts';
import { errorCode, onlyError, startTestServer, type TestServer } from '../../../test/harness.ts';
import { PERSONAS } from '../../../test/personas.ts';
import { linkIn, startSmtpReceiver, tokenOf, type SmtpReceiver } from '../../../test/smtp-receiver.ts';
import { worldIds, type WorldIds } from '../../../test/world.ts';
import {
  acceptInvitationForUser,
  INVALID_INVITATION,
  InvalidInvitationError,
  pendingInvitationFor,
} from './invitation.accept.ts';

const PUBLIC_URL = 'https://tessera.example.test';

const INVITE = graphql(`mutation Invite($input: InviteInput!) {
  inviteToCompany(input: $input) { emailed acceptUrl invitation { id email status roles { key } expiresAt sentAt } }
}`);
const RESEND = graphql(
  `mutation ResendInvitation($id: ID!) { resendInvitation(id: $id) { emailed acceptUrl invitation { id status } } }`,
);
const REVOKE = graphql(`mutation RevokeInvitation($id: ID!) { revokeInvitation(id: $id) { id status } }`);
const LIST = graphql(`query Invitations($c: ID!) { invitations(companyId: $c) { id email status roles { key } } }`);
const LOOKUP = graphql(
  `query LookUpInvitation($t: String!) { invitation(token: $t) { companyName roles email status } }`,
);
const ACCEPT = graphql(`mutation AcceptInvitation($t: String!, $n: String, $p: String) {
  acceptInvitation(token: $t, name: $n, password: $p) { token user { email name memberships { company { slug } role { key } } } }
}`);
const DECLINE = graphql(`mutation DeclineInvitation($t: String!) { declineInvitation(token: $t) }`);
const ME = graphql(`query Invitee { me { email memberships { company { slug } role { key } } } }`);

let server: TestServer;
let smtp: SmtpReceiver;
let world: WorldIds;
const tokens: Record<string, string> = {};
const as = (persona: keyof typeof PERSONAS) => tokens[persona]!;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  server = await startTestServer({ SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'Tessera <invites@example.test>' });
  world = await worldIds(server.db);
  for (const persona of ['admin', 'companyAdmin', 'ceo', 'cfo', 'dev'] as const)
    tokens[persona] = await server.login(PERSONAS[persona]);
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

/** Invites and returns the link read from the mail that arrived. */
async function invite(persona: keyof typeof PERSONAS, email: string, company: string, roles: string[]) {
  const res = await server.gql(
    INVITE,
    { input: { companyId: world.company[company]!, email, roleIds: roles.map((r) => world.role[r]!) } },
    as(persona),
  );
  expect(res.errors).toBeUndefined();
  const mail = await smtp.next();
  expect(mail.to).toEqual([email.toLowerCase()]);
  return { id: res.data!.inviteToCompany.invitation.id, link: linkIn(mail), mail, res };
}

const auditOf = (targetId: string) =>
  server.db.auditLog.findMany({
    where: { targetId },
    orderBy: { id: 'asc' },
    select: { action: true, actorEmail: true, companyId: true },
  });

describe('inviting a new person', () => {
  it('mails a link to the public URL; the invitation grants nothing until it is accepted, then the account holds its roles', async () => {
    const { id, link, mail, res } = await invite('companyAdmin', 'New.Person@Example.test', 'globex', [
      'developer',
      'cfo',
    ]);
    expect(res.data!.inviteToCompany).toMatchObject({
      emailed: true,
      acceptUrl: null,
      invitation: { email: 'new.person@example.test', status: 'PENDING' },
    });
    const sent = res.data!.inviteToCompany.invitation;
    expect(Date.parse(sent.expiresAt) - Date.parse(sent.sentAt)).toBe(7 * 24 * 3600 * 1000);
    expect(mail.from).toBe('invites@example.test');
    expect(mail.subject).toContain('Globex');
    expect(link.startsWith(`${PUBLIC_URL}/invite/tsr_inv_`)).toBe(true);
    // Only the token's hash is stored.
    const stored = await server.db.invitation.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(stored)).not.toContain(tokenOf(link));

    const listed = await server.gql(LIST, { c: world.company.globex! }, as('companyAdmin'));
    expect(listed.data!.invitations).toContainEqual({
      id,
      email: 'new.person@example.test',
      status: 'PENDING',
      roles: expect.arrayContaining([{ key: 'developer' }, { key: 'cfo' }]),
    });
    // Pending: no account, no role, no sign-in.
    expect(await server.db.user.count({ where: { email: 'new.person@example.test' } })).toBe(0);

    const preview = await server.gql(LOOKUP, { t: tokenOf(link) });
    expect(preview.data).toEqual({
      invitation: {
        companyName: 'Globex',
        roles: ['CFO', 'Developer'],
        email: 'new.person@example.test',
        status: 'PENDING',
      },
    });

    const accepted = await server.gql(ACCEPT, {
      t: tokenOf(link),
      n: 'New Person',
      p: 'a-long-enough-password',
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation.user).toEqual({
      email: 'new.person@example.test',
      name: 'New Person',
      memberships: expect.arrayContaining([
        { company: { slug: 'globex' }, role: { key: 'developer' } },
        { company: { slug: 'globex' }, role: { key: 'cfo' } },
      ]),
    });
    // The session returned works, and so does the password.
    const me = await server.gql(ME, {}, accepted.data!.acceptInvitation.token);
    expect(me.data!.me.email).toBe('new.person@example.test');
    await server.login('new.person@example.test', 'a-long-enough-password');

    expect((await auditOf(id)).map((r) => r.action)).toEqual(['invitation.create', 'invitation.accept']);
    expect(
      await server.db.auditLog.count({
        where: { action: 'user.create', details: { path: ['invitationId'], equals: id } },
      }),
    ).toBe(1);
    // Used once: the link no longer works, and the invitation left the open list.
    const again = await server.gql(ACCEPT, { t: tokenOf(link), n: 'Someone', p: 'another-long-password' });
    expect(onlyError(again)).toMatchObject({ message: INVALID_INVITATION, extensions: { code: 'NOT_FOUND' } });
    const after = await server.gql(LIST, { c: world.company.globex! }, as('companyAdmin'));
    expect(after.data!.invitations.map((i) => i.id)).not.toContain(id);
  });

  it('resend mails a new link and the old one stops working', async () => {
    const first = await invite('companyAdmin', 'resent@example.test', 'globex', ['developer']);
    const res = await server.gql(RESEND, { id: first.id }, as('companyAdmin'));
    expect(res.data!.resendInvitation).toMatchObject({
      emailed: true,
      acceptUrl: null,
      invitation: { status: 'PENDING' },
    });
    const second = linkIn(await smtp.next());
    expect(second).not.toBe(first.link);
    expect(onlyError(await server.gql(LOOKUP, { t: tokenOf(first.link) })).message).toBe(INVALID_INVITATION);
    expect((await server.gql(LOOKUP, { t: tokenOf(second) })).data!.invitation.email).toBe('resent@example.test');
    expect((await auditOf(first.id)).map((r) => r.action)).toEqual(['invitation.create', 'invitation.resend']);
  });

  it('declining closes it and grants nothing', async () => {
    const { id, link } = await invite('companyAdmin', 'declines@example.test', 'globex', ['developer']);
    const res = await server.gql(DECLINE, { t: tokenOf(link) });
    expect(res.data).toEqual({ declineInvitation: true });
    expect(await server.db.user.count({ where: { email: 'declines@example.test' } })).toBe(0);
    expect((await auditOf(id)).map((r) => r.action)).toEqual(['invitation.create', 'invitation.decline']);
    expect(onlyError(await server.gql(ACCEPT, { t: tokenOf(link), n: 'X', p: 'a-long-enough-password' })).message).toBe(
      INVALID_INVITATION,
    );
  });
});

describe('a link that cannot be used', () => {
  it('answers the same for an unknown, used, declined, revoked and expired link, to every operation', async () => {
    const revoked = await invite('companyAdmin', 'revoked@example.test', 'globex', ['developer']);
    const revoke = await server.gql(REVOKE, { id: revoked.id }, as('companyAdmin'));
    expect(revoke.data).toEqual({ revokeInvitation: { id: revoked.id, status: 'REVOKED' } });
    expect((await auditOf(revoked.id)).map((r) => r.action)).toEqual(['invitation.create', 'invitation.revoke']);

    const expired = await invite('companyAdmin', 'expired@example.test', 'globex', ['developer']);
    await server.db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const listed = await server.gql(LIST, { c: world.company.globex! }, as('companyAdmin'));
    expect(listed.data!.invitations.find((i) => i.id === expired.id)?.status).toBe('EXPIRED');

    const declined = await invite('companyAdmin', 'declined@example.test', 'globex', ['developer']);
    await server.gql(DECLINE, { t: tokenOf(declined.link) });
    const used = await invite('companyAdmin', 'used@example.test', 'globex', ['developer']);
    await server.gql(ACCEPT, { t: tokenOf(used.link), n: 'Used', p: 'a-long-enough-password' });

    const links = {
      unknown: `tsr_inv_${'A'.repeat(43)}`,
      malformed: 'not-a-token',
      revoked: tokenOf(revoked.link),
      expired: tokenOf(expired.link),
      declined: tokenOf(declined.link),
      used: tokenOf(used.link),
    };
    for (const [kind, t] of Object.entries(links)) {
      for (const operation of [
        () => server.gql(LOOKUP, { t }),
        () => server.gql(ACCEPT, { t, n: 'Someone', p: 'a-long-enough-password' }),
        () => server.gql(DECLINE, { t }),
      ]) {
        const error = onlyError(await operation());
        expect({ kind, message: error.message, code: error.extensions?.code }).toEqual({
          kind,
          message: INVALID_INVITATION,
          code: 'NOT_FOUND',
        });
      }
    }
    // Nothing was created for any of them.
    expect(
      await server.db.user.count({ where: { email: { in: ['revoked@example.test', 'expired@example.test'] } } }),
    ).toBe(0);
  });

  it('resending an expired invitation makes it work again for 7 more days', async () => {
    const expired = await invite('companyAdmin', 'late@example.test', 'globex', ['developer']);
    await server.db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await server.gql(RESEND, { id: expired.id }, as('companyAdmin'));
    expect(res.data!.resendInvitation.invitation.status).toBe('PENDING');
    const link = linkIn(await smtp.next());
    expect((await server.gql(LOOKUP, { t: tokenOf(link) })).data!.invitation.status).toBe('PENDING');
  });
});

describe('an address that already has an account', () => {
  it('is accepted only signed in as that account, which just gets the roles', async () => {
    const { id, link } = await invite('companyAdmin', PERSONAS.cfo, 'globex', ['cfo']);
    const t = tokenOf(link);
    const anonymous = await server.gql(ACCEPT, { t });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expect(onlyError(anonymous).message).toContain('sign in');
    expect(errorCode(await server.gql(ACCEPT, { t }, as('dev')))).toBe('FORBIDDEN');
    // Still open after both refusals; no role given.
    expect(
      await server.db.userCompanyAccess.count({ where: { userId: world.user.cfo, companyId: world.company.globex } }),
    ).toBe(0);

    const res = await server.gql(ACCEPT, { t }, as('cfo'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.acceptInvitation.token).toBeNull();
    expect(res.data!.acceptInvitation.user.memberships).toEqual(
      expect.arrayContaining([
        { company: { slug: 'acme' }, role: { key: 'cfo' } },
        { company: { slug: 'globex' }, role: { key: 'cfo' } },
      ]),
    );
    const rows = await auditOf(id);
    expect(rows.at(-1)).toEqual({
      action: 'invitation.accept',
      actorEmail: PERSONAS.cfo,
      companyId: world.company.globex,
    });
  });
});

describe('who may invite', () => {
  it('a member without admin rights is FORBIDDEN; another company is NOT_FOUND; a platform admin may invite anywhere', async () => {
    const input = (company: string) => ({
      input: { companyId: world.company[company]!, email: 'someone@example.test', roleIds: [world.role.developer!] },
    });
    expect(errorCode(await server.gql(INVITE, input('globex'), as('ceo')))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(INVITE, input('acme'), as('companyAdmin')))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(LIST, { c: world.company.acme! }, as('companyAdmin')))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(INVITE, input('globex')))).toBe('UNAUTHENTICATED');

    const acme = await invite('admin', 'acme-hire@example.test', 'acme', ['developer']);
    // Acme's invitation does not exist for Globex's administrator.
    expect(errorCode(await server.gql(RESEND, { id: acme.id }, as('companyAdmin')))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(REVOKE, { id: acme.id }, as('companyAdmin')))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(REVOKE, { id: acme.id }, as('cfo')))).toBe('FORBIDDEN');
    expect((await server.db.invitation.findUniqueOrThrow({ where: { id: acme.id } })).status).toBe('pending');
    expect(smtp.received.filter((m) => m.to.includes('someone@example.test'))).toEqual([]);
  });
});

describe('bad input', () => {
  it('names what is wrong and stores nothing', async () => {
    const globex = world.company.globex!;
    const attempt = (email: string, roleIds: string[]) =>
      server.gql(INVITE, { input: { companyId: globex, email, roleIds } }, as('companyAdmin'));
    const before = await server.db.invitation.count();
    const noRoles = onlyError(await attempt('x@example.test', []));
    expect(noRoles.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roleIds' });
    expect(onlyError(await attempt('not an email', [world.role.developer!])).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
    });
    expect(errorCode(await attempt('x@example.test', ['00000000-0000-4000-8000-000000000000']))).toBe('NOT_FOUND');
    expect(await server.db.invitation.count()).toBe(before);

    const first = await invite('companyAdmin', 'twice@example.test', 'globex', ['developer']);
    const twice = onlyError(await attempt('TWICE@example.test', [world.role.developer!]));
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });

    const short = onlyError(await server.gql(ACCEPT, { t: tokenOf(first.link), n: 'Twice', p: 'short' }));
    expect(short.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    const noName = onlyError(await server.gql(ACCEPT, { t: tokenOf(first.link), p: 'a-long-enough-password' }));
    expect(noName.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect((await server.gql(LOOKUP, { t: tokenOf(first.link) })).data!.invitation.status).toBe('PENDING');
  });
});

describe('when the mail server refuses', () => {
  it('the invitation is saved, the admin is told, and resend works once the server takes mail again', async () => {
    smtp.refuse = true;
    const res = await server.gql(
      INVITE,
      { input: { companyId: world.company.globex!, email: 'bounce@example.test', roleIds: [world.role.developer!] } },
      as('companyAdmin'),
    );
    smtp.refuse = false;
    const error = onlyError(res);
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', reason: 'mail_not_sent' });
    expect(error.message).toContain('Resend');
    expect(JSON.stringify(error)).not.toContain('smtp-test-password');
    const listed = await server.gql(LIST, { c: world.company.globex! }, as('companyAdmin'));
    const saved = listed.data!.invitations.find((i) => i.email === 'bounce@example.test')!;
    const resent = await server.gql(RESEND, { id: saved.id }, as('companyAdmin'));
    expect(resent.data!.resendInvitation.emailed).toBe(true);
    expect((await smtp.next()).to).toEqual(['bounce@example.test']);
  });
});

describe('for other ways of signing in (single sign-on)', () => {
  it('finds the open invitation of an address and accepts it once for an account, in the row scope it sets itself', async () => {
    const { id } = await invite('companyAdmin', 'sso-person@example.test', 'globex', ['developer']);
    // The application's client, bound by row security: the functions set their company's scope.
    const app = server.tessera.appDb;
    expect(
      await pendingInvitationFor(app, { companyId: world.company.acme!, email: 'sso-person@example.test' }),
    ).toBeNull();
    const open = await pendingInvitationFor(app, {
      companyId: world.company.globex!,
      email: ' SSO-Person@example.test ',
    });
    expect(open).toMatchObject({ id, companyName: 'Globex', email: 'sso-person@example.test' });
    expect(open!.roles.map((r) => r.key)).toEqual(['developer']);

    const actor = { userId: world.user.dev!, email: PERSONAS.dev, requestId: 'sso-test' };
    await acceptInvitationForUser(app, actor, { invitation: open!, userId: world.user.dev! });
    await expect(
      acceptInvitationForUser(app, actor, { invitation: open!, userId: world.user.dev! }),
    ).rejects.toBeInstanceOf(InvalidInvitationError);
    expect(
      await pendingInvitationFor(app, { companyId: world.company.globex!, email: 'sso-person@example.test' }),
    ).toBeNull();
    expect((await auditOf(id)).map((r) => r.action)).toEqual(['invitation.create', 'invitation.accept']);
  });
});
