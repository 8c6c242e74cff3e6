#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded here. `prisma generate`
# needs no engine; any command that does fails loudly instead of pretending to succeed.
echo "Prisma's native schema engine is not available: use npm run db:migrate / db:new-migration" >&2
exit 1
