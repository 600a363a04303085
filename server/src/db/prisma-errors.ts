// Prisma's known request errors, by code, so services can turn a lost race (a unique
// violation between our check and our insert) into the same CONFLICT the check gives.
export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === 'P2002';
}

function prismaCode(error: unknown): string | undefined {
  return typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof (error as { code: unknown }).code === 'string'
    ? (error as { code: string }).code
    : undefined;
}
