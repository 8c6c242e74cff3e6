// Loads Prisma's WebAssembly schema engine and opens engines over a driver adapter. The CLI's
// native engine cannot be downloaded on our machines, so migrations run through this instead.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ErrorCapturingSqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type WasmExports = Record<string, unknown>;

/** The part of the wasm-bindgen glue module we call ourselves. */
interface SchemaEngineGlue {
  __wbg_set_wasm(exports: WasmExports): void;
  SchemaEngine: typeof SchemaEngine;
}

/** The WebAssembly API used here: the project's `lib` (ES2023, no DOM) does not declare it. */
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: WasmExports } }>;
  RuntimeError: new (message?: string) => Error;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Receives the Rust panic message: the engine's panic hook writes here before it aborts. */
class WasmPanicRegistry {
  private message = '';
  get(): string {
    return this.message;
  }
  // Called by the engine's glue code (the name is fixed by it).
  set_message(value: string): void {
    this.message = value;
  }
}

declare global {
  var PRISMA_WASM_PANIC_REGISTRY: WasmPanicRegistry | undefined;
}

let loading: Promise<SchemaEngineGlue> | undefined;

/**
 * A Rust panic surfaces as `RuntimeError: unreachable`, often thrown from a microtask where no
 * caller can catch it, and the process dies with no hint of the cause; print the cause first.
 */
function reportPanics(error: Error): void {
  const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.get();
  if (error instanceof wasmApi.RuntimeError && panic) {
    process.stderr.write(`Prisma schema engine panicked: ${panic}\n`);
  }
}

/**
 * Instantiates the engine's module once per process. The package's own entry imports the `.wasm`
 * as an ES module, which Node only allows behind `--experimental-wasm-modules`, so we wire the
 * glue and the module together by hand.
 */
function loadGlue(): Promise<SchemaEngineGlue> {
  loading ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new WasmPanicRegistry();
    // A monitor only observes: the process still ends as it would have.
    process.on('uncaughtExceptionMonitor', reportPanics);
    const glue = (await import(
      '@prisma/schema-engine-wasm/schema_engine_bg'
    )) as unknown as SchemaEngineGlue;
    const require = createRequire(import.meta.url);
    // The package's exports map hides the .wasm; it sits beside the entry module.
    const entry = require.resolve('@prisma/schema-engine-wasm');
    const wasmPath = join(dirname(entry), 'schema_engine_bg.wasm');
    const bytes = await readFile(wasmPath);
    const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return loading;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * Opens a new engine. Use one per operation and free it afterwards: an engine reused across
 * commands keeps state (a cache of what the migrations build) that misleads later commands.
 */
export async function openSchemaEngine(
  adapterFactory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  schemaFiles?: SchemaFile[],
): Promise<SchemaEngine> {
  const glue = await loadGlue();
  const log = (line: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) process.stderr.write(`${line}\n`);
  };
  try {
    return await glue.SchemaEngine.new(
      // The engine rejects an empty list: it wants either no datamodels or at least one.
      { datamodels: schemaFiles?.length ? schemaFiles.map((f) => [f.path, f.content]) : undefined },
      log,
      adapterFactory,
    );
  } catch (error) {
    throw toEngineError(error);
  }
}

/** Turns what the engine throws (plain objects, wasm panics) into an Error with a useful message. */
export function toEngineError(error: unknown): Error {
  if (error instanceof wasmApi.RuntimeError) {
    const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.get();
    return new Error(`Prisma schema engine panicked: ${panic || error.message}`, { cause: error });
  }
  if (error instanceof Error) return error;
  return new Error(`Prisma schema engine failed: ${JSON.stringify(error)}`, { cause: error });
}
