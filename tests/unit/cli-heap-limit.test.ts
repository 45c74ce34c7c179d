import { describe, expect, it } from 'vitest';
import { heapLimitFlag, usableMemory } from '../../bin/heap-limit.js';

const GIB = 2 ** 30;

describe('usableMemory', () => {
  it("is the machine's memory when nothing constrains the process", () => {
    expect(usableMemory(24 * GIB, undefined)).toBe(24 * GIB);
    expect(usableMemory(24 * GIB, 0)).toBe(24 * GIB);
    // What Node 20 reports without a cgroup limit.
    expect(usableMemory(24 * GIB, 18446744073709552000)).toBe(24 * GIB);
  });

  it("is a container's limit when that is less", () => {
    expect(usableMemory(24 * GIB, 7 * GIB)).toBe(7 * GIB);
  });
});

describe('heapLimitFlag', () => {
  const defaults = { heapLimit: 4.05 * GIB, memory: 24 * GIB, execArgv: [] };

  it('asks for three quarters of the memory when V8 allows less', () => {
    expect(heapLimitFlag(defaults)).toBe('--max-old-space-size=18432');
    // A 7 GB runner, where V8 allows a quarter: 1.75 GB.
    expect(heapLimitFlag({ ...defaults, heapLimit: 1.8 * GIB, memory: 7 * GIB })).toBe(
      '--max-old-space-size=5376',
    );
  });

  it('leaves a limit the user chose, on the command line or in NODE_OPTIONS', () => {
    expect(heapLimitFlag({ ...defaults, execArgv: ['--max-old-space-size=2048'] })).toBeUndefined();
    expect(
      heapLimitFlag({ ...defaults, execArgv: ['--max_old_space_size', '2048'] }),
    ).toBeUndefined();
    expect(
      heapLimitFlag({ ...defaults, nodeOptions: '--require x.cjs --max-old-space-size=900' }),
    ).toBeUndefined();
    expect(heapLimitFlag({ ...defaults, execArgv: ['--max-heap-size=3000'] })).toBeUndefined();
    expect(heapLimitFlag({ ...defaults, nodeOptions: '--require x.cjs' })).toBe(
      '--max-old-space-size=18432',
    );
  });

  it('changes nothing when V8 already allows about as much', () => {
    expect(heapLimitFlag({ ...defaults, heapLimit: 4 * GIB, memory: 5 * GIB })).toBeUndefined();
    expect(heapLimitFlag({ ...defaults, heapLimit: 19 * GIB })).toBeUndefined();
  });
});
