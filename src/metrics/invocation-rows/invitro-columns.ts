// invocations-invitro.csv: one row per invocation in the columns of InVitro's per-invocation
// record (vhive-serverless/loader, pkg/metric/record.go@f2113a7e: ExecutionRecordBase, then
// ExecutionRecord, in the order gocsv writes them), so analysis scripts written for InVitro's
// output read simulated runs. Values follow how its gRPC client fills them
// (pkg/driver/clients/grpc_client.go, pkg/driver/trace_driver.go at the same commit); what the
// simulator does not model is left empty (docs/outputs.md says which and why).
import { type ByteWriter, csvField } from '../byte-writer.ts';
import { ARRIVAL, COMPUTE, DISPATCH, END, FN, ID, INSTANCE, OUTCOME, REQUESTED } from './row-slots.ts';

export const INVITRO_COLUMNS = [
  'phase',
  'instance',
  'invocationID',
  'startTime',
  'requestedDuration',
  'grpcConnEstablish',
  'responseTime',
  'actualDuration',
  'connectionTimeout',
  'functionTimeout',
  'actualMemoryUsage',
  'memoryAllocationTimeout',
  'timeToSubmitMs',
  'userCodeExecutionMs',
  'timeToGetResponseMs',
] as const;

/** InVitro's common.ExecutionPhase (pkg/common/constants.go): the simulator has no warm-up phase. */
const EXECUTION_PHASE = 2;
const enc = new TextEncoder();
const PHASE = enc.encode(String(EXECUTION_PHASE));
// Go's encoding of a bool, as gocsv writes it.
const TRUE = enc.encode('true');
const FALSE = enc.encode('false');
/** The five columns after functionTimeout (memory and the asynchronous mode's), empty. */
const EMPTY_TAIL = enc.encode(',,,,,');

export class InvitroFormatter {
  /** Per function: `name-` ready to be followed by the instance id, or null if the name needs quoting. */
  private readonly prefix: (Uint8Array | null | undefined)[];

  constructor(
    private readonly w: ByteWriter,
    private readonly functionNames: readonly string[],
    header: boolean,
  ) {
    this.prefix = new Array<Uint8Array | null | undefined>(functionNames.length);
    if (header) {
      INVITRO_COLUMNS.forEach((c, i) => (i > 0 ? w.comma() : w).text(c));
      w.newline();
    }
  }

  /**
   * `strings`: the string table the outcome codes index. An end other than `completed` is an
   * error of the call to InVitro, which sets both timeout flags then (its gRPC client does).
   */
  format(rows: Float64Array, count: number, stride: number, strings: readonly string[]): void {
    const w = this.w;
    for (let r = 0, o = 0; r < count; r++, o += stride) {
      const arrival = rows[o + ARRIVAL]!;
      const dispatch = rows[o + DISPATCH]!;
      const ran = dispatch >= 0;
      w.bytes(PHASE).comma();
      // InVitro's instance is the name of the pod that answered, which starts with the function's.
      if (ran) this.instance(rows[o + FN]!, rows[o + INSTANCE]!);
      w.comma()
        .int(rows[o + ID]!)
        .comma()
        .int(arrival)
        .comma();
      if (ran) w.num(rows[o + REQUESTED]!);
      w.comma()
        .comma()
        .int(rows[o + END]! - arrival)
        .comma();
      const compute = rows[o + COMPUTE]!;
      if (compute >= 0) w.num(compute);
      const failed = strings[rows[o + OUTCOME]!] === 'completed' ? FALSE : TRUE;
      w.comma().bytes(failed).comma().bytes(failed).bytes(EMPTY_TAIL).newline();
    }
  }

  private instance(fn: number, instance: number): void {
    let p = this.prefix[fn];
    if (p === undefined) {
      const name = this.functionNames[fn]!;
      p = this.prefix[fn] = csvField(name) === name ? enc.encode(`${name}-`) : null;
    }
    if (p !== null) this.w.bytes(p).int(instance);
    else this.w.text(`${this.functionNames[fn]!}-${instance}`);
  }
}
