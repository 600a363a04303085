// Without SMTP_URL the inviting administrator gets the link to pass on (and only then), on the
// server's own URL when PUBLIC_URL is unset; and invitation links are rate-limited like sign-in
// (here 5 failures per address, so the last test can reach the limit).
import { describe, expect } from 'vitest';
import { serverTest } from '../../../test/fixture.ts';
import { graphql } from '../../../test/gql/gql.ts';
import { errorCode, onlyError } from '../../../test/harness.ts';
import { TOO_MANY_INVITATION_TRIES } from './invitation.accept.ts';

const it = serverTest.override('serverEnv', { LOGIN_MAX_FAILURES_PER_ADDRESS: '5' });

const INVITE = graphql(
  `mutation InviteForLink($input: InviteInput!) { inviteToCompany(input: $input) { emailed acceptUrl invitation { id } } }`,
);
const RESEND = graphql(`mutation ResendForLink($id: ID!) { resendInvitation(id: $id) { emailed acceptUrl } }`);
const LOOKUP = graphql(`query LookUpLink($t: String!) { invitation(token: $t) { email } }`);
const DECLINE = graphql(`mutation DeclineLink($t: String!) { declineInvitation(token: $t) }`);

describe('without a mail server', () => {
  it('returns the link on the server URL to the inviting admin; resend returns a new one', async ({
    server,
    world,
    as,
  }) => {
    const admin = await as('companyAdmin');
    const res = await admin.gql(INVITE, {
      input: { companyId: world.company.globex!, email: 'pass-on@example.test', roleIds: [world.role.developer!] },
    });
    const sent = res.data!.inviteToCompany;
    expect(sent.emailed).toBe(false);
    expect(sent.acceptUrl).toMatch(new RegExp(`^${server.url}/invite/tsr_inv_[A-Za-z0-9_-]{43}$`));
    const token = sent.acceptUrl!.split('/').at(-1)!;
    expect((await server.gql(LOOKUP, { t: token })).data).toEqual({ invitation: { email: 'pass-on@example.test' } });

    const again = await admin.gql(RESEND, { id: sent.invitation.id });
    expect(again.data!.resendInvitation.acceptUrl).not.toBe(sent.acceptUrl);
    expect(errorCode(await server.gql(LOOKUP, { t: token }))).toBe('NOT_FOUND');
  });
});

describe('guessing links', () => {
  it('is rate-limited per address like sign-in: past the limit even a good link is refused', async ({
    server,
    world,
    as,
  }) => {
    const admin = await as('companyAdmin');
    const res = await admin.gql(INVITE, {
      input: { companyId: world.company.globex!, email: 'guessed@example.test', roleIds: [world.role.developer!] },
    });
    const good = res.data!.inviteToCompany.acceptUrl!.split('/').at(-1)!;
    // A good link gives its attempt back: looking it up often costs nothing.
    for (let i = 0; i < 6; i += 1) expect((await server.gql(LOOKUP, { t: good })).errors).toBeUndefined();
    // Wrong links until the limit (5; fewer when another test already spent some) answers.
    const answers: (string | undefined)[] = [];
    for (let i = 0; i < 6 && answers.at(-1) !== 'RATE_LIMITED'; i += 1)
      answers.push(errorCode(await server.gql(LOOKUP, { t: `tsr_inv_${String(i).repeat(43)}` })));
    expect(answers.at(-1)).toBe('RATE_LIMITED');
    expect(new Set(answers.slice(0, -1))).toEqual(new Set(['NOT_FOUND']));
    const limited = onlyError(await server.gql(LOOKUP, { t: good }));
    expect(limited).toMatchObject({ message: TOO_MANY_INVITATION_TRIES, extensions: { code: 'RATE_LIMITED' } });
    expect(limited.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    const decline = onlyError(await server.gql(DECLINE, { t: good }));
    expect(decline.extensions!.code).toBe('RATE_LIMITED');
    expect((await server.db.invitation.findFirstOrThrow({ where: { email: 'guessed@example.test' } })).status).toBe(
      'pending',
    );
  });
});
