import { describe, expect, it } from 'vitest';
import { coverageText, toolCountText } from './access-levels.ts';

const ops = (...methods: string[]) => methods.map((method) => ({ method }));

describe('coverageText', () => {
  it('counts the GET operations for READ and all of them for WRITE', () => {
    const mixed = ops('GET', 'GET', 'get', 'POST', 'DELETE');
    expect(coverageText(mixed, 'NONE')).toBe('Nothing: this role cannot call the API.');
    expect(coverageText(mixed, 'READ')).toBe('3 of 5 operations: the ones that look data up.');
    expect(coverageText(mixed, 'WRITE')).toBe('All 5 operations, 2 of which change data.');
  });

  it('says so when an API only reads, only writes, or has nothing', () => {
    expect(coverageText(ops('GET'), 'READ')).toBe('Its one operation, which looks data up.');
    expect(coverageText(ops('GET', 'GET'), 'READ')).toBe('All 2 operations: they all look data up.');
    expect(coverageText(ops('GET', 'GET'), 'WRITE')).toBe('All 2 operations.');
    expect(coverageText(ops('GET'), 'WRITE')).toBe('Its one operation.');
    expect(coverageText(ops('POST'), 'READ')).toBe('Nothing: every operation of this API changes data.');
    expect(coverageText(ops('GET', 'PUT'), 'WRITE')).toBe('All 2 operations, 1 of which changes data.');
    expect(coverageText([], 'WRITE')).toBe('This API has no operations yet.');
  });
});

describe('toolCountText', () => {
  it('counts the tools and the ones that ask for confirmation', () => {
    expect(toolCountText(1, 0)).toBe('1 tool; it looks data up.');
    expect(toolCountText(1, 1)).toBe('1 tool; it changes data, so it asks for confirmation.');
    expect(toolCountText(7, 0)).toBe('7 tools; all of them look data up.');
    expect(toolCountText(3, 3)).toBe('3 tools; all of them change data, so they ask for confirmation.');
    expect(toolCountText(9, 2)).toBe('9 tools; 2 of them change data, so they ask for confirmation.');
  });
});
