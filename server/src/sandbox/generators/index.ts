// Every sandbox service by the name in its base URL (/<company>/<service>).
import { finance } from './finance.ts';
import { github } from './github.ts';
import { gitlab } from './gitlab.ts';
import { hr } from './hr.ts';
import { hubspot } from './hubspot.ts';
import { operations } from './operations.ts';
import { salesforce } from './salesforce.ts';
import type { ServiceDef } from './types.ts';

export const SERVICES: Record<string, ServiceDef> = Object.fromEntries(
  [salesforce, hubspot, finance, hr, operations, github, gitlab].map((service) => [service.name, service]),
);
