#!/bin/sh
echo "Tessera does not use Prisma's native schema engine: use 'pnpm db:migration <name>' and 'pnpm db:migrate'." >&2
exit 1
