# Production-like image of the Citeline API: Node 20, dependencies exactly as locked, the Prisma
# client generated at build time, started with `npm start`. The database is a separate service
# (see docker-compose.yml); with DATABASE_URL set, the embedded PostgreSQL is never started.
FROM node:20-bookworm-slim

WORKDIR /app

# Manifests first, so the dependency layer is rebuilt only when they change. Every workspace's
# package.json must be present for `npm ci`.
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
# Development dependencies are needed at run time too: `npm start` runs TypeScript through tsx,
# and `npm run generate` needs the Prisma CLI.
RUN npm ci --include=dev

COPY . .
RUN npm run generate

ENV NODE_ENV=production \
    PORT=4000
EXPOSE 4000

# The app needs no write access to /app; tsx caches compiled files under /tmp.
USER node
# tsx itself, not `npm start`: npm does not pass SIGTERM on, and the app must shut down cleanly.
# The young generation's size as in `npm start` (see the README's memory notes).
CMD ["node_modules/.bin/tsx", "--max-semi-space-size=32", "server/src/main.ts"]
