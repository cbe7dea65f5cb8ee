// invocations.csv (or invocations-invitro.csv): what the Recorder and tests use of this folder.
// The packed row layout is row-slots.ts, packing row-packer.ts, formatting native-columns.ts and
// invitro-columns.ts (behind row-formatter.ts), the writer-thread protocol thread-protocol.ts, and
// the writing modes sink.ts (settings.ts, local-writer.ts, writer-thread.ts).
export { InvocationRowSink, type InvocationRowSinkOptions } from './sink.ts';
export type { RowSource } from './row-packer.ts';
export type { InvocationColumns } from './row-formatter.ts';
export { invocationWriterSettings, type InvocationWriterMode } from './settings.ts';
