/** The environment additions, node options and script of `pnpm start`'s last command (see start-command.mjs). */
export function startCommand(env?: Record<string, string | undefined>): {
  env: Record<string, string>;
  nodeOptions: string[];
  script: string;
};
