# Production-like image of the Citeline API: Node 20, dependencies exactly as locked, the Prisma
# client generated and the server compiled at build time, started as `npm run start:production`.
# The database is a separate service (see docker-compose.yml); with DATABASE_URL set, the
# embedded PostgreSQL is never started.
FROM node:20-bookworm-slim

WORKDIR /app

# Manifests first, so the dependency layer is rebuilt only when they change. Every workspace's
# package.json must be present for `npm ci`.
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
# Development dependencies are needed to build: `npm run generate` needs the Prisma CLI, the
# server's build TypeScript.
RUN npm ci --include=dev

COPY . .
RUN npm run generate && npm run build -w server

ENV NODE_ENV=production \
    PORT=4000
EXPOSE 4000

# The app needs no write access to /app.
USER node
# `npm run start:production`'s command itself: npm does not pass SIGTERM on, and the app must
# shut down cleanly (the script execs node, which then gets the signal).
CMD ["scripts/server-process.sh", "node", "server/dist/main.js"]
