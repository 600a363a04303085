// The sandbox's data: one set of collections per company+service, seeded on first use from a PRNG
// seeded with the company and service names, changed by writes until reset().
import { SERVICES } from './generators/index.ts';
import type { Collections } from './generators/types.ts';
import { createRandom } from './random.ts';

export class Store {
  private readonly data = new Map<string, Collections>();

  collections(company: string, service: string): Collections {
    const key = `${company}/${service}`;
    let collections = this.data.get(key);
    if (!collections) {
      const def = SERVICES[service];
      if (!def) throw new Error(`unknown sandbox service ${service}`);
      collections = def.seed(company, createRandom(key));
      this.data.set(key, collections);
    }
    return collections;
  }

  reset(): void {
    this.data.clear();
  }
}
