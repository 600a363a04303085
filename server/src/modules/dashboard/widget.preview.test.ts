// previewDashboardWidget: the editor's live result. The answer is fetched as the chosen role
// (field rules apply, audited like previewReadOperation) and the draft expression runs in the same
// bounded evaluator as the dashboard's cards.
import { describe, expect } from 'vitest';
import { serverTest as it } from '../../../test/fixture.ts';
import { errorCode, onlyError } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';

const PREVIEW = `query ($input: WidgetPreviewInput!) {
  previewDashboardWidget(input: $input) { answer result error position } }`;

interface Preview {
  previewDashboardWidget: {
    answer: { accounts?: Record<string, unknown>[] } | null;
    result: { value: number | null; series: { label: string; value: number }[] } | null;
    error: string | null;
    position: number | null;
  };
}

const input = (world: WorldIds, expression: string, role = 'ceo', company: 'acme' | 'globex' = 'acme') => ({
  input: {
    companyId: world.company[company],
    roleId: world.role[role],
    endpointId: world.endpoint[`${company}/finance-api`],
    operationKey: 'getCashBalance',
    expression,
  },
});

describe('previewDashboardWidget', () => {
  it('evaluates the expression on the answer as the role gets it, audited', async ({ server, world, as }) => {
    const admin = await as('admin');
    const before = await server.db.auditLog.count({ where: { action: 'preview.read' } });
    const res = await admin.gql<Preview>(PREVIEW, input(world, '$count(accounts)'));
    expect(res.errors).toBeUndefined();
    const preview = res.data!.previewDashboardWidget;
    const accounts = preview.answer!.accounts!;
    expect(accounts.length).toBeGreaterThan(0);
    expect(preview).toMatchObject({ result: { value: accounts.length }, error: null, position: null });
    expect(await server.db.auditLog.count({ where: { action: 'preview.read' } })).toBe(before + 1);
  });

  it('an empty expression returns only the answer', async ({ world, as }) => {
    const res = await (await as('admin')).gql<Preview>(PREVIEW, input(world, '  '));
    expect(res.data!.previewDashboardWidget).toMatchObject({ result: null, error: null });
    expect(res.data!.previewDashboardWidget.answer).not.toBeNull();
  });

  it('a bad expression gives its position', async ({ world, as }) => {
    const res = await (await as('admin')).gql<Preview>(PREVIEW, input(world, '$count(accounts'));
    expect(res.errors).toBeUndefined();
    const preview = res.data!.previewDashboardWidget;
    expect(preview.result).toBeNull();
    expect(preview.error).toMatch(/character/);
    expect(preview.position).toBeGreaterThan(0);
  });

  it('an expression longer than any widget may have is refused before the API is called', async ({
    server,
    world,
    as,
  }) => {
    const before = await server.db.auditLog.count({ where: { action: 'preview.read' } });
    const res = await (await as('admin')).gql<Preview>(PREVIEW, input(world, `1${' + 1'.repeat(1_000)}`));
    expect(onlyError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expression' });
    expect(await server.db.auditLog.count({ where: { action: 'preview.read' } })).toBe(before);
  });

  it('a runaway expression is stopped and reported', async ({ world, as }) => {
    const started = Date.now();
    const res = await (await as('admin')).gql<Preview>(PREVIEW, input(world, '$count([1..10000000])'));
    expect(res.data!.previewDashboardWidget).toMatchObject({ result: null, error: expect.stringMatching(/stopped/) });
    const recursion = await (await as('admin')).gql<Preview>(
      PREVIEW,
      input(world, '($f := function($n) { $f($n + 1) + 1 }; $f(0))'),
    );
    expect(recursion.data!.previewDashboardWidget.error).toMatch(/stopped/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("is for the company's administrators only", async ({ world, as }) => {
    expect(errorCode(await (await as('ceo')).gql(PREVIEW, input(world, '1')))).toBe('FORBIDDEN');
    // Globex's administrator: Acme's endpoint is not theirs to see.
    expect(errorCode(await (await as('companyAdmin')).gql(PREVIEW, input(world, '1')))).toBe('NOT_FOUND');
  });

  it("another company's endpoint is NOT_FOUND, with nothing audited", async ({ server, world, as }) => {
    const before = await server.db.auditLog.count({ where: { action: 'preview.read' } });
    const mixed = input(world, '1');
    mixed.input.endpointId = world.endpoint['globex/finance-api']!;
    expect(errorCode(await (await as('admin')).gql(PREVIEW, mixed))).toBe('NOT_FOUND');
    expect(await server.db.auditLog.count({ where: { action: 'preview.read' } })).toBe(before);
  });
});
