// Finance: invoices (open, paid, overdue), the payments that settled them, and bank accounts whose
// balances /cash-balance sums up.
import { DATA_AS_OF, isoDay, type Random } from '../random.ts';
import { companyNames } from './names.ts';
import { nonEmpty, ValidationError, type Collections, type Item, type ServiceDef } from './types.ts';

const SERVICES = [
  'Consulting retainer',
  'Software license',
  'Annual support',
  'Hardware delivery',
  'Implementation milestone',
  'Training workshop',
  'Cloud usage',
] as const;
const BANKS = [
  'First National Bank',
  'Silicon Valley Trust',
  'Harbor Commercial Bank',
  'Deutsche Handelsbank',
  'Northern Savings',
] as const;

function seed(_company: string, random: Random): Collections {
  const customers = companyNames(random, random.int(8, 12));
  const year = DATA_AS_OF.getUTCFullYear();
  let number = random.int(100, 400);
  const invoices: Item[] = [];
  const payments: Item[] = [];
  const count = random.int(18, 36);
  for (let i = 0; i < count; i++) {
    const issueDate = isoDay(random.timestamp(-150, -2));
    const dueDate = isoDay(`${issueDate}T00:00:00Z`, random.pick([15, 30, 30, 45, 60]));
    const overdue = dueDate < isoDay(DATA_AS_OF);
    const status = overdue
      ? random.weighted([
          ['paid', 6],
          ['overdue', 3],
        ] as const)
      : random.weighted([
          ['paid', 2],
          ['open', 5],
        ] as const);
    const id = `INV-${year}-${String(++number).padStart(4, '0')}`;
    const invoice: Item = {
      id,
      customer: random.pick(customers),
      description: random.pick(SERVICES),
      amount: random.amount(1_200, 180_000, 50),
      currency: 'USD',
      status,
      issueDate,
      dueDate,
      paidAt: null,
    };
    if (status === 'paid') {
      const paidAt = random.timestamp(
        Math.max(-149, (Date.parse(issueDate) - DATA_AS_OF.getTime()) / 86_400_000 + 1),
        -1,
      );
      invoice.paidAt = paidAt;
      payments.push({
        id: `PAY-${random.chars(8, '0123456789ABCDEF')}`,
        invoiceId: id,
        customer: invoice.customer,
        amount: invoice.amount,
        currency: 'USD',
        method: random.pick(['ACH', 'wire', 'card', 'check'] as const),
        receivedAt: paidAt,
      });
    }
    invoices.push(invoice);
  }
  invoices.sort((a, b) => String(b.issueDate).localeCompare(String(a.issueDate)));
  payments.sort((a, b) => String(b.receivedAt).localeCompare(String(a.receivedAt)));
  const bankAccounts: Item[] = [
    { id: 'operating', name: 'Operating account', currency: 'USD', balance: random.amount(400_000, 4_000_000, 1) },
    { id: 'payroll', name: 'Payroll account', currency: 'USD', balance: random.amount(150_000, 900_000, 1) },
    { id: 'reserve', name: 'Reserve (money market)', currency: 'USD', balance: random.amount(1_000_000, 8_000_000, 1) },
  ].map((account) => ({ ...account, bank: random.pick(BANKS), accountNumber: `****${random.int(1000, 9999)}` }));
  return { invoices, payments, bankAccounts };
}

function cashBalance(collections: Collections) {
  const accounts = collections.bankAccounts!;
  const receivables = collections.invoices!.filter((i) => i.status !== 'paid');
  return {
    asOf: DATA_AS_OF.toISOString(),
    currency: 'USD',
    total: accounts.reduce((sum, a) => sum + (a.balance as number), 0),
    accounts,
    openReceivables: receivables.reduce((sum, i) => sum + (i.amount as number), 0),
    overdueReceivables: receivables
      .filter((i) => i.status === 'overdue')
      .reduce((sum, i) => sum + (i.amount as number), 0),
  };
}

export const finance: ServiceDef = {
  name: 'finance',
  seed,
  views: { 'cash-balance': cashBalance },
  resources: [
    {
      name: 'invoices',
      create(input, { collections, now }) {
        const amount = input.amount;
        if (typeof amount !== 'number' || !(amount > 0))
          throw new ValidationError([{ field: 'amount', message: 'must be a number > 0' }]);
        const dueDate = input.dueDate === undefined ? isoDay(now, 30) : input.dueDate;
        if (typeof dueDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || Number.isNaN(Date.parse(dueDate))) {
          throw new ValidationError([{ field: 'dueDate', message: 'must be a date, YYYY-MM-DD' }]);
        }
        const year = now.slice(0, 4);
        const numbers = collections.invoices!.map((i) => Number(String(i.id).split('-')[2]) || 0);
        return {
          id: `INV-${year}-${String(Math.max(0, ...numbers) + 1).padStart(4, '0')}`,
          customer: nonEmpty('customer', input.customer),
          description: 'Invoice issued via API',
          amount,
          currency: 'USD',
          status: 'open',
          issueDate: now.slice(0, 10),
          dueDate,
          paidAt: null,
        };
      },
    },
    { name: 'payments' },
  ],
};
