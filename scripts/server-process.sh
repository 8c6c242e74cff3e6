#!/bin/sh
# Runs a command (the server: `tsx server/src/main.ts` or `node server/dist/main.js`) with the
# process settings the server is measured with, for npm start, npm run start:production, the
# Dockerfile, the benchmark and the production-build test alike. A value already set wins.
#
# - A 32 MB young generation: under 50 connections the in-flight 50-80 KB answers outlived the
#   default one and piled up as old-generation garbage (README, "Memory").
# - Two malloc arenas and a fixed mmap threshold: glibc otherwise gives each thread that
#   allocates (libuv's pool, V8's helpers) an arena of its own, and raises the threshold above
#   which a freed buffer goes back to the system after the first large one, so the process
#   kept ~35 MB it no longer used (benchmark peak 311-318 MB -> 273-279 MB).
export NODE_OPTIONS="--max-semi-space-size=32${NODE_OPTIONS:+ $NODE_OPTIONS}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"
exec "$@"
