// Entry point of the `second-look` command.
import { check, CHECK_HELP } from './commands/check';
import { evalCommand, EVAL_HELP } from './commands/eval';
import { hashCommand, HASH_HELP } from './commands/hash';
import { policyCommand, POLICY_HELP } from './commands/policy';
import { profileCommand, PROFILE_HELP } from './commands/profile';
import { stdio, UsageError, type Io } from './io';

export const HELP = `second-look — check social-media posts against an agency's social-media policy, on this machine.

Usage: second-look <command> [options]

Commands:
  check     Lint one post, or corpus lines with --jsonl
  eval      Precision/recall/F1 of the engine on a labelled corpus
  hash      Reference hashes of an agency's badge, patch, logo or facility photos
  profile   Validate, show or list policy profiles
  policy    Build the enterprise deployment kit from an agency's managed policy

Run "second-look <command> --help" for a command's options.`;

const COMMANDS: Record<string, { run: (argv: string[], io: Io) => Promise<number>; help: string }> = {
  check: { run: check, help: CHECK_HELP },
  eval: { run: evalCommand, help: EVAL_HELP },
  hash: { run: hashCommand, help: HASH_HELP },
  profile: { run: profileCommand, help: PROFILE_HELP },
  policy: { run: policyCommand, help: POLICY_HELP },
};

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`second-look: unknown command "${name}"\n\n${HELP}`);
    return 1;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`second-look ${name}: ${(e as Error).message}\n\n${command.help}`);
      return 1;
    }
    throw e;
  }
}
