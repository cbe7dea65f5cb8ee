import { describe, expect, it } from 'vitest';
import { environmentProblem } from '../../src/cli/os-errors.ts';

const errno = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${code}: boom`), { code, ...extra });

describe('environmentProblem', () => {
  it('names the path, the call and the OS error of a full, read-only or too-long path', () => {
    expect(environmentProblem(errno('ENOSPC', { path: '/out/x.csv', syscall: 'write' }))).toBe('/out/x.csv: write failed: ENOSPC (no space left on device)');
    expect(environmentProblem(errno('EROFS', { path: '/ro/out', syscall: 'mkdir' }))).toBe('/ro/out: mkdir failed: EROFS (read-only file system)');
    expect(environmentProblem(errno('EXDEV', { path: '/a', dest: '/b', syscall: 'rename' }))).toBeNull();
  });

  it('finds a wrapped cause (the invocations.csv writer names its file) and ignores bugs', () => {
    const wrapped = new Error('cannot write /out/invocations.csv: ENOSPC', { cause: errno('ENOSPC') });
    expect(environmentProblem(wrapped)).toBe('cannot write /out/invocations.csv: ENOSPC: ENOSPC (no space left on device)');
    expect(environmentProblem(new TypeError('x is undefined'))).toBeNull();
    expect(environmentProblem('text')).toBeNull();
  });
});
