// A GitLab-like code host: projects, merge requests (with approvals), CI pipelines and issues.
// Field names follow GitLab's REST API; per-project numbers are `iid`.
import { ascendingIds } from './ascending-ids.ts';
import { hoursAfter, type Random } from '../random.ts';
import { CHANGE_TITLES, ISSUE_TITLES, LANGUAGES, logins, REPO_SUFFIXES } from './github.ts';
import { nextNumber, nonEmpty, type Collections, type Item, type ServiceDef } from './types.ts';

function seed(company: string, random: Random): Collections {
  const team = logins(random, 8);
  const nextProjectId = ascendingIds(4000 + random.int(0, 3000));
  const nextId = ascendingIds(90_000 + random.int(0, 50_000));
  const projects: Item[] = random.sample(REPO_SUFFIXES, random.int(8, 10)).map((suffix) => ({
    id: nextProjectId(random.int(1, 90)),
    name: suffix,
    path: suffix,
    path_with_namespace: `${company}/${suffix}`,
    description: `${company[0]!.toUpperCase()}${company.slice(1)} ${suffix.replace('-', ' ')}`,
    language: random.pick(LANGUAGES),
    visibility: random.pick(['private', 'internal'] as const),
    default_branch: 'main',
    star_count: random.int(0, 80),
    web_url: `https://gitlab.example/${company}/${suffix}`,
    last_activity_at: random.timestamp(-20, 0),
  }));
  const mergeRequests: Item[] = [];
  const pipelines: Item[] = [];
  const issues: Item[] = [];
  for (const project of projects) {
    const mrCount = random.int(1, 4);
    for (let iid = 1; iid <= mrCount; iid++) {
      const state =
        iid === 1
          ? 'opened'
          : random.weighted([
              ['opened', 3],
              ['merged', 4],
              ['closed', 1],
            ] as const);
      const created_at = random.timestamp(-30, -1);
      const author = random.pick(team);
      const approvalsRequired = random.int(1, 2);
      const approvalsGiven =
        state === 'merged' ? approvalsRequired : state === 'opened' ? random.int(0, approvalsRequired) : 0;
      const draft = state === 'opened' && random.chance(0.15);
      const done = state === 'opened' ? null : hoursAfter(created_at, random.int(2, 120));
      mergeRequests.push({
        id: nextId(random.int(1, 400)),
        iid,
        project_id: project.id,
        title: `${draft ? 'Draft: ' : ''}${random.pick(CHANGE_TITLES)}`,
        state,
        draft,
        author,
        reviewers:
          state === 'opened'
            ? random.sample(
                team.filter((l) => l !== author),
                random.int(1, 2),
              )
            : [],
        approvals_required: approvalsRequired,
        approvals_given: approvalsGiven,
        detailed_merge_status:
          state !== 'opened'
            ? state
            : draft
              ? 'draft_status'
              : approvalsGiven < approvalsRequired
                ? 'not_approved'
                : 'mergeable',
        source_branch: `${author}/mr-${iid}`,
        target_branch: 'main',
        user_notes_count: random.int(0, 12),
        created_at,
        updated_at: done ?? random.timestamp(-1, 0),
        merged_at: state === 'merged' ? done : null,
        closed_at: state === 'closed' ? done : null,
        web_url: `${project.web_url as string}/-/merge_requests/${iid}`,
      });
    }
    const pipelineCount = random.int(1, 3);
    let pipelineIid = random.int(100, 2000);
    for (let i = 0; i < pipelineCount; i++) {
      const status = random.weighted([
        ['success', 5],
        ['failed', 2],
        ['running', 2],
      ] as const);
      const created_at = random.timestamp(-10, 0);
      const id = nextId(random.int(1, 400));
      pipelines.push({
        id,
        iid: ++pipelineIid,
        project_id: project.id,
        status,
        ref: random.chance(0.6) ? 'main' : `${random.pick(team)}/mr-${random.int(1, 4)}`,
        sha: random.chars(40, '0123456789abcdef'),
        source: random.pick(['push', 'merge_request_event', 'schedule'] as const),
        user: random.pick(team),
        created_at,
        duration: status === 'running' ? null : random.int(90, 1800),
        web_url: `${project.web_url as string}/-/pipelines/${id}`,
      });
    }
    const issueCount = random.int(1, 3);
    for (let iid = 1; iid <= issueCount; iid++) {
      const opened = iid === 1 || random.chance(0.6);
      const created_at = random.timestamp(-90, -1);
      issues.push({
        id: nextId(random.int(1, 400)),
        iid,
        project_id: project.id,
        title: random.pick(ISSUE_TITLES),
        description: 'See the linked log excerpt.',
        state: opened ? 'opened' : 'closed',
        labels: [],
        author: random.pick(team),
        assignee: random.chance(0.5) ? random.pick(team) : null,
        created_at,
        closed_at: opened ? null : hoursAfter(created_at, random.int(2, 400)),
        web_url: `${project.web_url as string}/-/issues/${iid}`,
      });
    }
  }
  const newestFirst = (a: Item, b: Item) => String(b.created_at).localeCompare(String(a.created_at));
  return {
    projects,
    merge_requests: mergeRequests.sort(newestFirst),
    pipelines: pipelines.sort(newestFirst),
    issues: issues.sort(newestFirst),
  };
}

const parent = { resource: 'projects', field: 'project_id' };

export const gitlab: ServiceDef = {
  name: 'gitlab',
  seed,
  resources: [
    { name: 'projects', keys: ['path', 'path_with_namespace'] },
    { name: 'merge_requests', parent, keys: ['iid'], filters: { state: { field: 'state', all: 'all' } } },
    { name: 'pipelines', parent, filters: { status: { field: 'status', all: 'all' } } },
    {
      name: 'issues',
      parent,
      keys: ['iid'],
      filters: { state: { field: 'state', all: 'all' } },
      create(input, { collections, parent: project, now }) {
        const iid = nextNumber(
          collections.issues!.filter((i) => i.project_id === project!.id),
          'iid',
          1,
        );
        return {
          id: nextNumber(collections.issues!, 'id', 1),
          iid,
          project_id: project!.id,
          title: nonEmpty('title', input.title, 255),
          description: typeof input.description === 'string' ? input.description : null,
          state: 'opened',
          labels: [],
          author: 'tessera-bot',
          assignee: null,
          created_at: now,
          closed_at: null,
          web_url: `${project!.web_url as string}/-/issues/${iid}`,
        };
      },
    },
  ],
};
