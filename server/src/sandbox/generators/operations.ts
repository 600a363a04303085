// Operations: customer orders, the shipments that carry them and operational incidents.
import { hoursAfter, isoDay, type Random } from '../random.ts';
import { CITIES, companyNames, people } from './names.ts';
import { nextNumber, nonEmpty, oneOf, type Collections, type Item, type ServiceDef } from './types.ts';

const SEVERITIES = ['low', 'medium', 'high'] as const;
const WAREHOUSES = ['Reno DC', 'Memphis DC', 'Rotterdam Hub', 'Singapore Hub', 'Toronto DC'] as const;
const INCIDENTS = [
  ['Conveyor belt stoppage in packing line 2', 'Warehouse'],
  ['Carrier API timeouts delaying label printing', 'Shipping'],
  ['Inventory count mismatch for SKU family', 'Inventory'],
  ['Cold-chain sensor offline in truck fleet', 'Fleet'],
  ['Order import job failed overnight', 'Order management'],
  ['Forklift collision, no injuries', 'Warehouse'],
  ['Customs hold on inbound container', 'Shipping'],
  ['Payment capture backlog', 'Order management'],
  ['Damaged pallets from supplier', 'Receiving'],
  ['Scanner firmware crash at dock doors', 'Warehouse'],
  ['Late pickups by regional carrier', 'Shipping'],
  ['Power outage at distribution center', 'Facilities'],
  ['Mislabelled hazardous goods detected', 'Compliance'],
  ['Returns portal returning errors', 'Returns'],
] as const;

function seed(_company: string, random: Random): Collections {
  const customers = companyNames(random, random.int(8, 12));
  const staff = people(random, 6).map((p) => p.full);
  let number = 10_000 + random.int(0, 5000);
  const orders: Item[] = [];
  const shipments: Item[] = [];
  const count = random.int(20, 38);
  for (let i = 0; i < count; i++) {
    const status = random.weighted([
      ['pending', 3],
      ['shipped', 4],
      ['delivered', 5],
    ] as const);
    const createdAt =
      status === 'pending'
        ? random.timestamp(-6, 0)
        : status === 'shipped'
          ? random.timestamp(-14, -2)
          : random.timestamp(-60, -8);
    const id = `SO-${++number}`;
    const order: Item = {
      id,
      customer: random.pick(customers),
      items: random.int(1, 40),
      total: random.amount(300, 85_000, 5),
      currency: 'USD',
      status,
      warehouse: random.pick(WAREHOUSES),
      createdAt,
      shippedAt: null,
      deliveredAt: null,
    };
    if (status !== 'pending') {
      const shippedAt = hoursAfter(createdAt, random.int(4, 72));
      order.shippedAt = shippedAt;
      const [city, country] = random.pick(CITIES);
      const delivered = status === 'delivered';
      const deliveredAt = delivered ? hoursAfter(shippedAt, random.int(20, 140)) : null;
      order.deliveredAt = deliveredAt;
      const carrier = random.pick(['UPS', 'FedEx', 'DHL', 'Maersk'] as const);
      shipments.push({
        id: `SH-${random.chars(6, '0123456789')}`,
        orderId: id,
        carrier,
        trackingNumber:
          carrier === 'UPS'
            ? `1Z${random.chars(16, '0123456789ABCDEFGHJKLMNPRSTUVWXYZ')}`
            : random.chars(12, '0123456789'),
        status: delivered
          ? 'delivered'
          : random.weighted([
              ['in_transit', 5],
              ['delayed', 1],
            ] as const),
        origin: order.warehouse,
        destination: `${city}, ${country}`,
        shippedAt,
        eta: delivered ? null : isoDay(shippedAt, random.int(3, 9)),
        deliveredAt,
      });
    }
    orders.push(order);
  }
  orders.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  shipments.sort((a, b) => String(b.shippedAt).localeCompare(String(a.shippedAt)));
  let incidentNumber = 300 + random.int(0, 200);
  const incidents: Item[] = random.sample(INCIDENTS, random.int(8, 13)).map(([title, system]) => {
    const status = random.weighted([
      ['open', 2],
      ['investigating', 2],
      ['resolved', 5],
    ] as const);
    const reportedAt = random.timestamp(-45, 0);
    return {
      id: `INC-${++incidentNumber}`,
      title,
      system,
      severity: random.weighted([
        ['low', 4],
        ['medium', 4],
        ['high', 2],
      ] as const),
      status,
      reportedBy: random.pick(staff),
      owner: random.pick(staff),
      reportedAt,
      resolvedAt: status === 'resolved' ? hoursAfter(reportedAt, random.int(1, 48)) : null,
    };
  });
  incidents.sort((a, b) => String(b.reportedAt).localeCompare(String(a.reportedAt)));
  return { orders, shipments, incidents };
}

export const operations: ServiceDef = {
  name: 'operations',
  seed,
  resources: [
    { name: 'orders' },
    { name: 'shipments', keys: ['trackingNumber'] },
    {
      name: 'incidents',
      create(input, { collections, now }) {
        const incidents = collections.incidents!;
        const numbers = incidents.map((i) => ({ id: i.id, n: Number(String(i.id).slice(4)) }));
        return {
          id: `INC-${nextNumber(numbers, 'n', 1)}`,
          title: nonEmpty('title', input.title),
          system: 'Unspecified',
          severity: oneOf('severity', input.severity, SEVERITIES),
          status: 'open',
          reportedBy: 'API',
          owner: null,
          reportedAt: now,
          resolvedAt: null,
        };
      },
    },
  ],
};
