/** The command's help and its answers to a command it does not know and a missing folder. */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

describe('ephemeris help', () => {
  it.each(['help', '--help', '-h', 'build --help'])(
    '`ephemeris %s` prints the usage and succeeds',
    async (line) => {
      const run = await runCli(line.split(' '));
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage:\n\s+ephemeris build\b/);
      expect(run.stderr).toBe('');
    },
  );

  it('prints the usage and fails without a command', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^Usage:/);
  });

  it('names a command it does not know, then gives the usage', async () => {
    const run = await runCli(['biuld']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Unknown command "biuld"\.\n\nUsage:/);
  });

  it.each(['build', 'serve'])(
    '`%s` names a content folder that does not exist, and fails',
    async (command) => {
      const run = await runCli([command, '--content', 'no/such/folder', '--out', 'no/such/site']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^The content folder "no\/such\/folder" does not exist\. .*--content DIR/,
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
  );
});
