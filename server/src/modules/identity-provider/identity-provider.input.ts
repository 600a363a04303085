// What an administrator may enter for a company's single sign-on; failures are BAD_USER_INPUT
// naming the field.
import { z } from 'zod';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The issuer: https, or http on this machine only (a provider in a test or the demo sandbox). */
const issuerUrlSchema = z
  .string()
  .trim()
  .max(2048, 'must be at most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      if (url.username || url.password || url.search || url.hash) return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
    } catch {
      return false;
    }
  }, 'must be an https URL without credentials, query or fragment (http only on 127.0.0.1 or localhost)')
  .transform((value) => value.replace(/\/+$/, ''));

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

const domainSchema = z.string().trim().toLowerCase().regex(DOMAIN, 'must be a domain name such as example.com');

export const identityProviderInputSchema = z.object({
  issuerUrl: issuerUrlSchema,
  clientId: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
  /** Absent: keep the stored secret. Empty string: remove it (a public client using PKCE alone). */
  clientSecret: z.string().max(1024, 'must be at most 1024 characters').nullish(),
  allowedDomains: z
    .array(domainSchema)
    .min(1, 'must list at least one domain')
    .max(50, 'must list at most 50 domains')
    .transform((domains) => [...new Set(domains)]),
  passwordSignInAllowed: z.boolean(),
  justInTimeProvisioning: z.boolean(),
  groupsClaim: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_:./-]{1,100}$/, 'must be a claim name (letters, digits, _ : . / -, at most 100)'),
  groupsOnly: z.boolean(),
});

export const groupMappingsSchema = z
  .array(
    z.object({
      group: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
      // Any text: an id that names no role answers NOT_FOUND (the service), like everywhere else.
      roleId: z.string().max(100, 'must be a role id'),
    }),
  )
  .max(200, 'must hold at most 200 mappings');
