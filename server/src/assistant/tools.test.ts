// Tool naming and the switch to search + invoke past 40 permitted operations.
import { describe, expect, it } from 'vitest';
import { toolName, type PermittedOperation } from '../policy/policy.operations.ts';
import { buildToolbox, INVOKE_TOOL, MAX_DIRECT_TOOLS, SEARCH_TOOL } from './tools.ts';

function operation(i: number, method = 'GET'): PermittedOperation {
  const key = `listThings${i}`;
  return {
    tool: toolName('things-api', key),
    endpoint: { id: 'e', slug: 'things-api', name: 'Things API', companyId: 'c', baseUrl: 'https://x.test' },
    operation: {
      id: `o${i}`,
      key,
      method,
      path: `/things/${i}`,
      description: `List things of kind ${i}`,
      paramsSchema: { type: 'object', properties: {} },
    },
    access: 'READ',
  };
}

describe('toolName', () => {
  it('joins slug and key, and stays within 64 allowed characters', () => {
    expect(toolName('sales-api', 'listOpportunities')).toBe('sales-api__listOpportunities');
    const long = toolName('a'.repeat(60), 'b'.repeat(64));
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(toolName('a'.repeat(60), 'c'.repeat(64))).not.toBe(long);
  });
});

describe('buildToolbox', () => {
  it('offers each permitted operation directly up to the limit', () => {
    const box = buildToolbox(Array.from({ length: MAX_DIRECT_TOOLS }, (_, i) => operation(i)));
    expect(box.mode).toBe('direct');
    expect(box.tools).toHaveLength(MAX_DIRECT_TOOLS);
    expect(box.tools[0]!.description).toContain('Things API');
  });

  it('switches to search and invoke past the limit, over the same permitted list', () => {
    const ops = Array.from({ length: MAX_DIRECT_TOOLS + 1 }, (_, i) => operation(i));
    const box = buildToolbox(ops);
    expect(box.mode).toBe('search');
    expect(box.tools.map((t) => t.name)).toEqual([SEARCH_TOOL, INVOKE_TOOL]);
    expect(box.search('listThings7')[0]!.tool).toBe(ops[7]!.tool);
    expect(box.resolve(ops[40]!.tool)).toBe(ops[40]);
    expect(box.resolve('hr-api__getHeadcount')).toBeNull();
  });

  it('marks writes as proposals the person must confirm', () => {
    const box = buildToolbox([operation(1, 'POST')]);
    expect(box.tools[0]!.description).toMatch(/must confirm/);
  });
});
