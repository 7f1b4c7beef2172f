/** The command that installs packages with the package manager the user runs (npm_config_user_agent). */

const COMMANDS: Record<string, string> = { pnpm: 'pnpm add', yarn: 'yarn add', bun: 'bun add', npm: 'npm install' };

/**
 * `npm install a b` / `pnpm add a b` / `yarn add a b` / `bun add a b`, chosen from `npm_config_user_agent` (which every
 * one of them sets for the scripts and binaries it runs, e.g. "pnpm/9.15.9 npm/? node/v22…"); npm when unknown.
 */
export function installCommand(packages: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const manager = /^(\w+)\//.exec(env.npm_config_user_agent ?? '')?.[1] ?? 'npm';
  return `${COMMANDS[manager] ?? COMMANDS.npm} ${packages.join(' ')}`;
}
