// The shared cold-start mechanism of a Firecracker snapshot restore (REAP, ASPLOS'21): one set of
// costs for every function and every mode. Values are fitted once in fit.ts.

export interface Mechanism {
  /** Load VMM state and map the memory file (us, host CPU). */
  readonly loadVmmUs: number;
  /** Resume the vCPU and restore the gRPC connection, faults excluded (us). */
  readonly resumeUs: number;
  /** Host CPU per first touch of a guest page that is already in the page cache (us): EPT
   * violation, host fault, map. Taken equal to REAP's eager install cost per page. */
  readonly faultUsPerPage: number;
  /** Host CPU per page-cache miss beyond the device read (us): page allocation, bio submission,
   * completion, wake-up. Fitted on helloworld. */
  readonly majorFaultHostUs: number;
  /** REAP eager install per page (us): UFFDIO_COPY into guest memory. */
  readonly installUsPerPage: number;
  /** Fixed host cost of REAP's working-set fetch (us): open, buffer set-up, O_DIRECT submit. */
  readonly wsFetchSetupUs: number;
  /** Extra host CPU per page when the WS file is read through the page cache (us). */
  readonly pageCacheCopyUsPerPage: number;
  /** REAP record: tracing cost per faulted page (userfaultfd round trip to the monitor) (us). */
  readonly traceUsPerFault: number;
  /** Pages one miss reads for input-dependent (sequentially touched) pages. */
  readonly readAroundPages: number;
  /** Net misses after which the kernel stops read-around on a mapped file (MMAP_LOTSAMISS). */
  readonly mmapLotsaMiss: number;
  /** Boot from scratch (Firecracker inside containerd), uniform between these (us). */
  readonly bootMinUs: number;
  readonly bootMaxUs: number;
}
