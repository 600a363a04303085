// The demo companies' APIs, as templates of operations. Each company instantiates the
// templates it uses; the sandbox (server/src/sandbox) serves the same paths.

export interface OperationSeed {
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  description: string;
  paramsSchema: Record<string, unknown>;
}

export interface ApiTemplate {
  /** The sandbox service that serves it, part of its base URL. */
  service: string;
  description: string;
  cacheTtlSeconds: number;
  operations: OperationSeed[];
}

const str = (description: string) => ({ type: 'string', description });
const int = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'integer', description, ...extra });
const num = (description: string) => ({ type: 'number', description });
/** A string of a few known values: the console offers them as a choice, the gateway refuses others. */
const oneOf = (description: string, values: string[]) => ({ type: 'string', description, enum: values });
const params = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const paging = { limit: int('Maximum number of items to return.', { minimum: 1, maximum: 100 }) };
const byId = (what: string) => params({ id: str(`The ${what} id.`) }, ['id']);

const capitalize = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** listThings and getThing for a collection resource, e.g. ('opportunities', 'opportunity'). */
function crud(resource: string, noun: string, list: Record<string, unknown>): OperationSeed[] {
  return [
    {
      key: `list${capitalize(resource)}`,
      method: 'GET',
      path: `/${resource}`,
      description: `List ${resource}.`,
      paramsSchema: params({ ...list, ...paging }),
    },
    {
      key: `get${capitalize(noun)}`,
      method: 'GET',
      path: `/${resource}/{id}`,
      description: `Get one ${noun} by id.`,
      paramsSchema: byId(noun),
    },
  ];
}

export const API_TEMPLATES = {
  salesforceCrm: {
    service: 'salesforce',
    description: 'Salesforce-like CRM: accounts and opportunities.',
    cacheTtlSeconds: 30,
    operations: [
      ...crud('accounts', 'account', { industry: str('Filter by industry.') }),
      ...crud('opportunities', 'opportunity', {
        stage: str('Filter by stage, e.g. "Prospecting", "Negotiation", "Closed Won".'),
      }),
      {
        key: 'createOpportunity',
        method: 'POST',
        path: '/opportunities',
        description: 'Create an opportunity.',
        paramsSchema: params(
          {
            name: str('Opportunity name.'),
            accountId: str('Account id.'),
            amount: num('Amount in USD.'),
            stage: str('Stage.'),
          },
          ['name', 'accountId', 'amount'],
        ),
      },
      {
        key: 'updateOpportunity',
        method: 'PATCH',
        path: '/opportunities/{id}',
        description: "Update an opportunity's stage or amount.",
        paramsSchema: params(
          { id: str('Opportunity id.'), stage: str('New stage.'), amount: num('New amount in USD.') },
          ['id'],
        ),
      },
    ],
  },
  hubspotCrm: {
    service: 'hubspot',
    description: 'HubSpot-like CRM: deals and contacts.',
    cacheTtlSeconds: 30,
    operations: [
      ...crud('deals', 'deal', {
        pipelineStage: str('Filter by deal stage, e.g. "appointmentscheduled", "closedwon".'),
      }),
      ...crud('contacts', 'contact', { company: str('Filter by company name.') }),
      {
        key: 'createDeal',
        method: 'POST',
        path: '/deals',
        description: 'Create a deal.',
        paramsSchema: params(
          { dealname: str('Deal name.'), amount: num('Amount in USD.'), dealstage: str('Deal stage.') },
          ['dealname', 'amount'],
        ),
      },
      {
        key: 'updateDeal',
        method: 'PATCH',
        path: '/deals/{id}',
        description: "Update a deal's stage or amount.",
        paramsSchema: params({ id: str('Deal id.'), dealstage: str('New stage.'), amount: num('New amount.') }, ['id']),
      },
    ],
  },
  finance: {
    service: 'finance',
    description: 'Finance: invoices, payments and cash balance.',
    cacheTtlSeconds: 60,
    operations: [
      ...crud('invoices', 'invoice', { status: oneOf('Filter by status.', ['open', 'paid', 'overdue']) }),
      {
        key: 'listPayments',
        method: 'GET',
        path: '/payments',
        description: 'List received payments.',
        paramsSchema: params({ ...paging }),
      },
      {
        key: 'getCashBalance',
        method: 'GET',
        path: '/cash-balance',
        description: 'Current cash balance per account and in total.',
        paramsSchema: params({}),
      },
      {
        key: 'createInvoice',
        method: 'POST',
        path: '/invoices',
        description: 'Issue an invoice to a customer.',
        paramsSchema: params(
          { customer: str('Customer name.'), amount: num('Amount in USD.'), dueDate: str('Due date, YYYY-MM-DD.') },
          ['customer', 'amount'],
        ),
      },
    ],
  },
  hr: {
    service: 'hr',
    description: 'HR: employees, headcount and open positions.',
    cacheTtlSeconds: 300,
    operations: [
      ...crud('employees', 'employee', { department: str('Filter by department.') }),
      {
        key: 'getHeadcount',
        method: 'GET',
        path: '/headcount',
        description: 'Headcount per department and in total.',
        paramsSchema: params({}),
      },
      {
        key: 'listOpenPositions',
        method: 'GET',
        path: '/positions',
        description: 'List open positions.',
        paramsSchema: params({ department: str('Filter by department.'), ...paging }),
      },
      {
        key: 'createPosition',
        method: 'POST',
        path: '/positions',
        description: 'Open a new position.',
        paramsSchema: params({ title: str('Job title.'), department: str('Department.') }, ['title', 'department']),
      },
    ],
  },
  operations: {
    service: 'operations',
    description: 'Operations: orders, shipments and incidents.',
    cacheTtlSeconds: 30,
    operations: [
      ...crud('orders', 'order', { status: oneOf('Filter by status.', ['pending', 'shipped', 'delivered']) }),
      {
        key: 'listShipments',
        method: 'GET',
        path: '/shipments',
        description: 'List shipments.',
        paramsSchema: params({ ...paging }),
      },
      {
        key: 'listIncidents',
        method: 'GET',
        path: '/incidents',
        description: 'List operational incidents.',
        paramsSchema: params({ severity: str('Filter by severity.'), ...paging }),
      },
      {
        key: 'createIncident',
        method: 'POST',
        path: '/incidents',
        description: 'Report an incident.',
        paramsSchema: params(
          { title: str('What happened.'), severity: oneOf('How bad it is.', ['low', 'medium', 'high']) },
          ['title', 'severity'],
        ),
      },
    ],
  },
  github: {
    service: 'github',
    description: 'GitHub-like code hosting: repositories, pull requests, issues.',
    cacheTtlSeconds: 30,
    operations: [
      {
        key: 'listRepositories',
        method: 'GET',
        path: '/repos',
        description: 'List repositories.',
        paramsSchema: params({ ...paging }),
      },
      {
        key: 'listPullRequests',
        method: 'GET',
        path: '/repos/{repo}/pulls',
        description: 'List pull requests of a repository.',
        paramsSchema: params(
          { repo: str('Repository name.'), state: oneOf('Which state to list.', ['open', 'closed', 'all']), ...paging },
          ['repo'],
        ),
      },
      {
        key: 'listIssues',
        method: 'GET',
        path: '/repos/{repo}/issues',
        description: 'List issues of a repository.',
        paramsSchema: params(
          { repo: str('Repository name.'), state: oneOf('Which state to list.', ['open', 'closed', 'all']), ...paging },
          ['repo'],
        ),
      },
      {
        key: 'createIssue',
        method: 'POST',
        path: '/repos/{repo}/issues',
        description: 'Open an issue in a repository.',
        paramsSchema: params({ repo: str('Repository name.'), title: str('Issue title.'), body: str('Issue text.') }, [
          'repo',
          'title',
        ]),
      },
    ],
  },
  gitlab: {
    service: 'gitlab',
    description: 'GitLab-like code hosting: projects, merge requests, pipelines.',
    cacheTtlSeconds: 30,
    operations: [
      {
        key: 'listProjects',
        method: 'GET',
        path: '/projects',
        description: 'List projects.',
        paramsSchema: params({ ...paging }),
      },
      {
        key: 'listMergeRequests',
        method: 'GET',
        path: '/projects/{projectId}/merge_requests',
        description: 'List merge requests of a project.',
        paramsSchema: params(
          {
            projectId: str('Project id.'),
            state: oneOf('Which state to list.', ['opened', 'merged', 'closed', 'all']),
            ...paging,
          },
          ['projectId'],
        ),
      },
      {
        key: 'listPipelines',
        method: 'GET',
        path: '/projects/{projectId}/pipelines',
        description: 'List CI pipelines of a project.',
        paramsSchema: params(
          {
            projectId: str('Project id.'),
            status: oneOf('Which status to list.', ['running', 'success', 'failed']),
            ...paging,
          },
          ['projectId'],
        ),
      },
      {
        key: 'createIssue',
        method: 'POST',
        path: '/projects/{projectId}/issues',
        description: 'Open an issue in a project.',
        paramsSchema: params(
          { projectId: str('Project id.'), title: str('Issue title.'), description: str('Issue text.') },
          ['projectId', 'title'],
        ),
      },
    ],
  },
} satisfies Record<string, ApiTemplate>;
