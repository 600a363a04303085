// What `pnpm tessera audit verify` prints (kept out of the CLI file so tests can import it).
import { PLATFORM_CHAIN, type ChainReport } from './audit-chain.ts';

/** The report of `pnpm tessera audit verify`: one line per chain, then a summary. */
export function formatAuditReport(reports: ChainReport[], slugs: Map<string, string>): string {
  const name = (chain: string) =>
    chain === PLATFORM_CHAIN
      ? 'platform'
      : slugs.has(chain)
        ? `${slugs.get(chain)} (${chain})`
        : chain === ''
          ? '(no chain)'
          : `${chain} (deleted company)`;
  const lines = reports.map((r) => {
    if (r.broken)
      return `BROKEN  ${name(r.chain)}: ${r.rows} row${r.rows === 1 ? '' : 's'}; ${r.broken.kind}: ${r.broken.message}`;
    return `OK      ${name(r.chain)}: ${r.rows} row${r.rows === 1 ? '' : 's'}${r.head ? `, head seq ${r.head.seq} hash ${r.head.hash}` : ''}`;
  });
  const broken = reports.filter((r) => r.broken).length;
  const rows = reports.reduce((n, r) => n + r.rows, 0);
  lines.push(
    '',
    broken === 0
      ? `All ${reports.length} chain${reports.length === 1 ? '' : 's'} intact (${rows} rows).`
      : `${broken} of ${reports.length} chain${reports.length === 1 ? '' : 's'} broken.`,
  );
  return `${lines.join('\n')}\n`;
}
