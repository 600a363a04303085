// A GitHub-like code host: repositories, their pull requests (with review state, so "which pull
// requests wait for review?" has an answer) and issues. Field names follow GitHub's REST API.
import { ascendingIds } from './ascending-ids.ts';
import { hoursAfter, type Random } from '../random.ts';
import { people } from './names.ts';
import { nextNumber, nonEmpty, type Collections, type Item, type ServiceDef } from './types.ts';

export const REPO_SUFFIXES = [
  'web',
  'api',
  'mobile',
  'infra',
  'billing',
  'data-pipeline',
  'design-system',
  'auth-service',
  'search',
  'docs',
  'cli',
  'analytics',
] as const;
export const LANGUAGES = ['TypeScript', 'Go', 'Python', 'Kotlin', 'Rust', 'Java', 'HCL'] as const;
export const CHANGE_TITLES = [
  'Add retry with backoff to the payment client',
  'Fix flaky login test',
  'Bump undici to 7.x',
  'Refactor invoice PDF rendering',
  'Add dark mode toggle',
  'Cache feature flags in memory',
  'Migrate CI to ARM runners',
  'Improve search ranking for exact matches',
  'Handle null addresses in checkout',
  'Add OpenTelemetry tracing',
  'Paginate the audit log API',
  'Remove deprecated v1 endpoints',
  'Fix timezone bug in monthly reports',
  'Add rate limiting to the public API',
  'Upgrade to Node 22',
  'Document the release process',
  'Split the monolith build into workspaces',
  'Encrypt backups at rest',
  'Speed up the test suite with sharding',
  'Add SSO via SAML',
] as const;
export const ISSUE_TITLES = [
  'Login page slow on mobile',
  'CSV export drops unicode characters',
  'Crash when uploading files over 2 GB',
  'Dashboard shows wrong totals for EUR',
  'Flaky test: OrderServiceTest',
  'Support SSO with Okta',
  'Dependabot alert: prototype pollution in lodash',
  'Error 500 on empty search query',
  'Improve onboarding docs',
  'Dark mode colors unreadable in tables',
  'Webhook retries never stop',
  'Memory leak in the worker process',
  'Password reset mail lands in spam',
  'Pagination skips the last page',
] as const;
const LABELS = [
  'bug',
  'enhancement',
  'documentation',
  'security',
  'performance',
  'good first issue',
  'tech-debt',
] as const;

export function logins(random: Random, count: number): string[] {
  return people(random, count).map((p) => `${p.first}${p.last}`.toLowerCase());
}

const dateAfter = (random: Random, iso: string, maxHours: number) => hoursAfter(iso, random.int(1, maxHours));

function seed(company: string, random: Random): Collections {
  const team = logins(random, 8);
  const nextId = ascendingIds(700_000_000 + random.int(0, 9_999_999));
  const repos: Item[] = random.sample(REPO_SUFFIXES, random.int(8, 10)).map((suffix) => ({
    id: nextId(random.int(1000, 900_000)),
    name: `${company}-${suffix}`,
    full_name: `${company}/${company}-${suffix}`,
    description: `${company[0]!.toUpperCase()}${company.slice(1)} ${suffix.replace('-', ' ')}`,
    language: random.pick(LANGUAGES),
    private: random.chance(0.8),
    default_branch: 'main',
    stargazers_count: random.int(0, 240),
    html_url: `https://github.example/${company}/${company}-${suffix}`,
    pushed_at: random.timestamp(-20, 0),
  }));
  const pulls: Item[] = [];
  const issues: Item[] = [];
  for (const repo of repos) {
    let number = random.int(10, 400);
    const pullCount = random.int(1, 4);
    for (let i = 0; i < pullCount; i++) {
      const open = i === 0 || random.chance(0.5);
      const merged = !open && random.chance(0.8);
      const created_at = random.timestamp(-30, -1);
      const author = random.pick(team);
      const reviewers = open
        ? random.sample(
            team.filter((login) => login !== author),
            random.int(0, 2),
          )
        : [];
      const draft = open && random.chance(0.15);
      const closed_at = open ? null : dateAfter(random, created_at, 96);
      pulls.push({
        id: nextId(random.int(10, 9000)),
        number: ++number,
        repo: repo.name,
        title: random.pick(CHANGE_TITLES),
        state: open ? 'open' : 'closed',
        draft,
        merged,
        user: author,
        requested_reviewers: reviewers,
        review_decision: open
          ? draft
            ? null
            : reviewers.length > 0
              ? 'REVIEW_REQUIRED'
              : random.pick(['APPROVED', 'CHANGES_REQUESTED'] as const)
          : merged
            ? 'APPROVED'
            : null,
        labels: random.sample(LABELS, random.int(0, 2)),
        head: `${author}/${random.pick(['fix', 'feat', 'chore'] as const)}-${number}`,
        base: 'main',
        additions: random.int(2, 900),
        deletions: random.int(0, 400),
        comments: random.int(0, 14),
        created_at,
        updated_at: open ? random.timestamp(-1, 0) : closed_at,
        closed_at,
        merged_at: merged ? closed_at : null,
        html_url: `${repo.html_url as string}/pull/${number}`,
      });
    }
    const issueCount = random.int(1, 3);
    for (let i = 0; i < issueCount; i++) {
      const open = i === 0 || random.chance(0.6);
      const created_at = random.timestamp(-90, -1);
      issues.push({
        id: nextId(random.int(10, 9000)),
        number: ++number,
        repo: repo.name,
        title: random.pick(ISSUE_TITLES),
        body: 'Steps to reproduce and expected behaviour are in the first comment.',
        state: open ? 'open' : 'closed',
        labels: random.sample(LABELS, random.int(0, 2)),
        user: random.pick(team),
        assignee: random.chance(0.6) ? random.pick(team) : null,
        comments: random.int(0, 20),
        created_at,
        closed_at: open ? null : dateAfter(random, created_at, 400),
        html_url: `${repo.html_url as string}/issues/${number}`,
      });
    }
  }
  const newestFirst = (a: Item, b: Item) => String(b.created_at).localeCompare(String(a.created_at));
  return { repos, pulls: pulls.sort(newestFirst), issues: issues.sort(newestFirst) };
}

const byState = { state: { field: 'state', default: 'open', all: 'all' } };

export const github: ServiceDef = {
  name: 'github',
  seed,
  resources: [
    { name: 'repos', keys: ['name', 'full_name'] },
    { name: 'pulls', parent: { resource: 'repos', field: 'repo', via: 'name' }, keys: ['number'], filters: byState },
    {
      name: 'issues',
      parent: { resource: 'repos', field: 'repo', via: 'name' },
      keys: ['number'],
      filters: byState,
      create(input, { collections, parent, now }) {
        const repo = parent!;
        const siblings = [...collections.pulls!, ...collections.issues!].filter((item) => item.repo === repo.name);
        const number = nextNumber(siblings, 'number', 1);
        return {
          id: nextNumber([...collections.pulls!, ...collections.issues!], 'id', 1),
          number,
          repo: repo.name,
          title: nonEmpty('title', input.title, 256),
          body: typeof input.body === 'string' ? input.body : null,
          state: 'open',
          labels: [],
          user: 'tessera-bot',
          assignee: null,
          comments: 0,
          created_at: now,
          closed_at: null,
          html_url: `${repo.html_url as string}/issues/${number}`,
        };
      },
    },
  ],
};
