// The demo world of docs/architecture.md, which the embedded default seeds and the tests rely on.
import { API_TEMPLATES, type ApiTemplate } from './apis.ts';

export const DEMO_PASSWORD = 'tessera-demo';

interface EndpointSeed {
  slug: string;
  name: string;
  template: ApiTemplate;
}

export interface CompanySeed {
  slug: string;
  name: string;
  endpoints: EndpointSeed[];
}

export const DEMO_COMPANIES: CompanySeed[] = [
  {
    slug: 'acme',
    name: 'Acme Corp',
    endpoints: [
      { slug: 'sales-api', name: 'Sales API', template: API_TEMPLATES.salesforceCrm },
      { slug: 'finance-api', name: 'Finance API', template: API_TEMPLATES.finance },
      { slug: 'hr-api', name: 'HR API', template: API_TEMPLATES.hr },
      { slug: 'github-api', name: 'GitHub API', template: API_TEMPLATES.github },
    ],
  },
  {
    slug: 'globex',
    name: 'Globex',
    endpoints: [
      { slug: 'sales-api', name: 'Sales API', template: API_TEMPLATES.hubspotCrm },
      { slug: 'hr-api', name: 'HR API', template: API_TEMPLATES.hr },
      { slug: 'operations-api', name: 'Operations API', template: API_TEMPLATES.operations },
      { slug: 'gitlab-api', name: 'GitLab API', template: API_TEMPLATES.gitlab },
      { slug: 'finance-api', name: 'Finance API', template: API_TEMPLATES.finance },
    ],
  },
];

type DemoCredentialKind = 'API_KEY' | 'BEARER' | 'BASIC' | 'OAUTH2_CLIENT_CREDENTIALS' | 'OAUTH2_REFRESH_TOKEN';

export interface GrantSeed {
  company: string;
  role: string;
  endpoint: string;
  access: 'READ' | 'WRITE';
  /** The kind of the credential seeded for this grant: every kind appears once at least. */
  credential: DemoCredentialKind;
}

/** The multi-company example the product was specified with. */
export const DEMO_GRANTS: GrantSeed[] = [
  { company: 'acme', role: 'ceo', endpoint: 'sales-api', access: 'WRITE', credential: 'OAUTH2_REFRESH_TOKEN' },
  { company: 'acme', role: 'ceo', endpoint: 'finance-api', access: 'READ', credential: 'API_KEY' },
  { company: 'globex', role: 'ceo', endpoint: 'hr-api', access: 'READ', credential: 'BEARER' },
  { company: 'globex', role: 'ceo', endpoint: 'operations-api', access: 'READ', credential: 'BASIC' },
  {
    company: 'acme',
    role: 'developer',
    endpoint: 'github-api',
    access: 'READ',
    credential: 'OAUTH2_CLIENT_CREDENTIALS',
  },
  { company: 'globex', role: 'developer', endpoint: 'gitlab-api', access: 'READ', credential: 'API_KEY' },
];

export interface FieldRuleSeed {
  company: string;
  endpoint: string;
  operation: string;
  role: string;
  mode: 'ALLOW' | 'REMOVE';
  paths: string[];
}

/**
 * Response field rules (gateway/field-filter.ts). Acme's developers never see which bank holds
 * the cash nor the account numbers, while the CEO does. The developer has no Finance API grant
 * in the demo: the rule shows on the access page, and takes effect as soon as an administrator
 * grants them READ there (the journey does), with the CEO's answer unchanged.
 */
export const DEMO_FIELD_RULES: FieldRuleSeed[] = [
  {
    company: 'acme',
    endpoint: 'finance-api',
    operation: 'getCashBalance',
    role: 'developer',
    mode: 'REMOVE',
    paths: ['accounts[].accountNumber', 'accounts[].bank'],
  },
];

export interface UserSeed {
  email: string;
  name: string;
  isPlatformAdmin?: boolean;
  memberships: { company: string; role: string }[];
  /** Shown on the start banner and the sign-in page. */
  note: string;
}

export const DEMO_USERS: UserSeed[] = [
  {
    email: 'admin@demo.test',
    name: 'Dana Admin',
    isPlatformAdmin: true,
    memberships: [],
    note: 'platform admin (Data Admin)',
  },
  {
    email: 'ceo@demo.test',
    name: 'Casey CEO',
    memberships: [
      { company: 'acme', role: 'ceo' },
      { company: 'globex', role: 'ceo' },
    ],
    note: 'CEO at Acme and at Globex',
  },
  {
    email: 'dev@demo.test',
    name: 'Devon Developer',
    memberships: [
      { company: 'acme', role: 'developer' },
      { company: 'globex', role: 'developer' },
    ],
    note: 'Developer at Acme and at Globex',
  },
  {
    email: 'cfo@demo.test',
    name: 'Frankie CFO',
    memberships: [{ company: 'acme', role: 'cfo' }],
    note: 'CFO at Acme, no grants yet',
  },
  {
    email: 'companyadmin@demo.test',
    name: 'Morgan Company-Admin',
    memberships: [{ company: 'globex', role: 'company_admin' }],
    note: 'Company Admin at Globex',
  },
];

/** Where a demo endpoint's sandbox API answers. */
export function sandboxBaseUrl(sandboxPort: number, company: string, service: string): string {
  return `http://127.0.0.1:${sandboxPort}/${company}/${service}`;
}
