/**
 * Whether a process is still running: leftover staging folders carry the id of the build that
 * made them, and only a dead build's folders may be cleaned up. EPERM means it exists but
 * belongs to someone else.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
