// POST /mcp: Tessera as an MCP server (Streamable HTTP, stateless: a new server and transport
// per request, JSON answers). The caller is the Bearer token's person; the company is the
// access token's, or for a session JWT `?companyId=` / `X-Tessera-Company`. The tools are what
// the policy lets that person use there, and each request runs in their row scope.
//
// Answers before MCP starts are JSON-RPC errors: 401 (+ WWW-Authenticate) without valid
// credentials, 400 without a company, 404 for a company the person holds no role in (the same
// as one that does not exist). No cookie is read, so a browser page cannot borrow a session.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { permittedOperations, type PermittedOperation } from '../policy/policy.operations.ts';
import { authenticateBearer } from '../auth/authenticate.ts';
import type { TokenService } from '../auth/jwt.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/client.ts';
import { inScopeOf } from '../db/row-security/principal-scope.ts';
import type { Gateway } from '../gateway/gateway.ts';
import { ErrorCode } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import { actorOf } from '../modules/audit/audit.record.ts';
import { workingCompany } from '../policy/policy.ts';
import { createMcpServer, createMcpTransport } from './mcp.server.ts';

const MCP_PATH = '/mcp';
const COMPANY_HEADER = 'x-tessera-company';

export interface McpDeps {
  db: Db;
  tokens: TokenService;
  gateway: Gateway;
  logger: Logger;
}

// JSON-RPC's "server error" range (and its parse/internal codes); `data.code` is Tessera's own code.
const REFUSALS = {
  badCompany: {
    status: 400,
    code: -32000,
    message:
      'Say which company: add ?companyId=<company id> to the URL or an X-Tessera-Company header (an access token brings its own).',
    tessera: ErrorCode.BAD_USER_INPUT,
  },
  unauthenticated: {
    status: 401,
    code: -32000,
    message: 'Authentication required: send Authorization: Bearer <session token or personal access token>.',
    tessera: ErrorCode.UNAUTHENTICATED,
  },
  notFound: { status: 404, code: -32000, message: 'Company not found.', tessera: ErrorCode.NOT_FOUND },
  method: {
    status: 405,
    code: -32000,
    message: 'Method not allowed: this MCP server is stateless; send JSON-RPC messages with POST.',
    tessera: ErrorCode.BAD_USER_INPUT,
  },
  parse: {
    status: 400,
    code: -32700,
    message: 'Parse error: the body is not valid JSON.',
    tessera: ErrorCode.BAD_USER_INPUT,
  },
  tooLarge: { status: 413, code: -32700, message: 'Request body too large.', tessera: ErrorCode.BAD_USER_INPUT },
  internal: { status: 500, code: -32603, message: 'Internal server error.', tessera: ErrorCode.INTERNAL_SERVER_ERROR },
} as const;

type Refusal = keyof typeof REFUSALS;

function refuse(res: Response, refusal: Refusal) {
  const { status, code, message, tessera } = REFUSALS[refusal];
  if (status === 401) res.setHeader('www-authenticate', 'Bearer realm="tessera"');
  if (status === 405) res.setHeader('allow', 'POST');
  res.status(status).json({
    jsonrpc: '2.0',
    error: { code, message, data: { code: tessera, requestId: String(res.locals.requestId) } },
    id: null,
  });
}

/** The company the request works in, or the refusal to send. */
function companyOf(principal: Principal, req: Request): { companyId: string } | { refusal: Refusal } {
  const query = req.query.companyId;
  const asked = (typeof query === 'string' && query) || req.header(COMPANY_HEADER) || null;
  // The policy says which: an access token's own company only, else one the person holds a role in.
  const working = workingCompany(principal, asked);
  if ('companyId' in working) return working;
  return { refusal: working.refusal === 'no_company' ? 'badCompany' : 'notFound' };
}

export function mcpRouter(deps: McpDeps): Router {
  const { db, gateway, logger } = deps;
  const router = express.Router();

  router.post(MCP_PATH, express.json({ limit: '1mb' }), async (req: Request, res: Response) => {
    const requestId = String(res.locals.requestId);
    const log = logger.child({ requestId, route: 'mcp' });
    try {
      // A session JWT or a personal access token, exactly as for GraphQL.
      const principal = await authenticateBearer(deps, req.header('authorization'));
      if (!principal) return refuse(res, 'unauthenticated');
      const company = companyOf(principal, req);
      if ('refusal' in company) return refuse(res, company.refusal);
      const { companyId } = company;
      let operations: Promise<PermittedOperation[]> | undefined;
      const server = await createMcpServer({
        db,
        gateway,
        logger: log,
        principal,
        companyId,
        requestId,
        actor: actorOf(principal, requestId, 'mcp'),
        // The policy narrows an access token too: a read-only one is offered no write.
        operations: () => (operations ??= permittedOperations(db, { companyId, principal })),
      });
      const transport = await createMcpTransport();
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      await inScopeOf(principal, async () => {
        await server.connect(transport);
        await transport.handleRequest(req, res, req.body);
      });
    } catch (error) {
      log.error({ err: error }, 'MCP request failed');
      if (!res.headersSent) refuse(res, 'internal');
    }
  });

  router.all(MCP_PATH, (_req, res) => refuse(res, 'method'));

  // Body parsing failures get a JSON-RPC answer, not HTML.
  router.use(
    MCP_PATH,
    (error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
      if (res.headersSent) return next(error);
      if (error.type === 'entity.too.large') return refuse(res, 'tooLarge');
      if (error.status === 400) return refuse(res, 'parse');
      logger.error({ requestId: res.locals.requestId, err: error }, 'unexpected error before MCP');
      refuse(res, 'internal');
    },
  );

  return router;
}
