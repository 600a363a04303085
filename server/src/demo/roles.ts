// The role catalogue seeded in every installation's demo world (and a sensible default set).
import { MANAGE_COMPANY } from '../policy/policy.ts';

export interface RoleSeed {
  key: string;
  name: string;
  description: string;
  capabilities?: string[];
}

export const DEMO_ROLES: RoleSeed[] = [
  {
    key: 'data_admin',
    name: 'Data Admin',
    description: 'Decides which role may use which API in a company.',
    capabilities: [MANAGE_COMPANY],
  },
  {
    key: 'company_admin',
    name: 'Company Admin',
    description: "Administers one company's people, APIs and credentials.",
    capabilities: [MANAGE_COMPANY],
  },
  { key: 'ceo', name: 'CEO', description: 'Chief executive: pipeline, cash and the big picture.' },
  { key: 'cfo', name: 'CFO', description: 'Chief financial officer.' },
  { key: 'cto', name: 'CTO', description: 'Chief technology officer.' },
  { key: 'coo', name: 'COO', description: 'Chief operating officer.' },
  { key: 'cmo', name: 'CMO', description: 'Chief marketing officer.' },
  { key: 'developer', name: 'Developer', description: 'Builds and ships the software.' },
  { key: 'devops_engineer', name: 'DevOps Engineer', description: 'Runs pipelines and infrastructure.' },
  { key: 'product_manager', name: 'Product Manager', description: 'Owns what gets built and why.' },
  { key: 'sales_manager', name: 'Sales Manager', description: 'Runs the sales team and its pipeline.' },
  { key: 'sales_rep', name: 'Sales Representative', description: 'Works deals and accounts.' },
  { key: 'customer_success_manager', name: 'Customer Success Manager', description: 'Keeps customers successful.' },
  { key: 'support_agent', name: 'Support Agent', description: 'Answers customer tickets.' },
  { key: 'support_lead', name: 'Support Lead', description: 'Leads the support team.' },
  { key: 'hr_manager', name: 'HR Manager', description: 'People, headcount and hiring.' },
  { key: 'recruiter', name: 'Recruiter', description: 'Fills open positions.' },
  { key: 'finance_analyst', name: 'Finance Analyst', description: 'Reports and forecasts.' },
  { key: 'accountant', name: 'Accountant', description: 'Invoices, payments and the books.' },
  { key: 'operations_manager', name: 'Operations Manager', description: 'Orders, shipments and incidents.' },
  { key: 'marketing_manager', name: 'Marketing Manager', description: 'Campaigns and demand.' },
  { key: 'legal_counsel', name: 'Legal Counsel', description: 'Contracts and compliance.' },
  { key: 'it_admin', name: 'IT Admin', description: 'Accounts, devices and internal tools.' },
  { key: 'data_analyst', name: 'Data Analyst', description: 'Answers questions with data.' },
];
