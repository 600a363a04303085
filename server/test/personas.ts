// The demo personas by the part they play, so tests name a role instead of repeating email
// literals. Read from the demo world's definition: rename a demo user there and this follows.
import { DEMO_USERS } from '../src/demo/world.ts';

function personaEmail(localPart: string): string {
  const user = DEMO_USERS.find((u) => u.email.split('@')[0] === localPart);
  if (!user) throw new Error(`no demo user ${localPart}@… in DEMO_USERS`);
  return user.email;
}

/** The demo world's people (demo/world.ts), by the part they play. */
export const PERSONAS = {
  /** Platform admin, no company role. */
  admin: personaEmail('admin'),
  /** CEO at Acme and at Globex. */
  ceo: personaEmail('ceo'),
  /** Developer at Acme and at Globex. */
  dev: personaEmail('dev'),
  /** CFO at Acme, no grants. */
  cfo: personaEmail('cfo'),
  /** Company admin at Globex only. */
  companyAdmin: personaEmail('companyadmin'),
} as const;

export type Persona = keyof typeof PERSONAS;
