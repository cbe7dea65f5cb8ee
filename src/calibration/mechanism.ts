// Measured facts from the REAP paper (ASPLOS'21) that fix the shared cold-start mechanism: one value
// each, used for every function and every mode. Each constant names the calibration row it comes
// from (reap-asplos21-global.csv / -helloworld-phases.csv); the fits that combine them with the
// device model live in src/model/coldstart/fit.ts.

/** Guest page size (B). */
export const PAGE_BYTES = 4096;

/** Load VMM (restore VMM state, map the memory file): 16 ms, the value of 9 of 10 functions'
 * vanilla bars in Fig. 2 and what Fig. 8's REAP "load VMM" bar of helloworld leaves after its
 * fetch and install (39 - 15 - 6.5 ~ 17 ms). Fig. 7 gives 30-50 ms; we keep Figs. 2 and 8, whose
 * totals are the calibration targets. */
export const LOAD_VMM_MS = 16;

/** Resume and reconnect (gRPC connection restore) once the working set is resident: Fig. 8's REAP
 * connection-restore bar, 8 ms for 9 of 10 functions (REAP serves no faults in that phase). */
export const RESUME_MS = 8;

/** REAP eager install of the working set, helloworld: 6.5 ms for 1967 pages (Fig. 7 vector). */
export const HELLO_INSTALL_MS = 6.5;
export const HELLO_WS_PAGES = 1967;

/** REAP's single O_DIRECT read of helloworld's WS file: 15 ms (text §6.2, "REAP fetch 15 ms"). */
export const HELLO_WS_FETCH_MS = 15;

/** Fig. 7: reading the same WS file through the page cache took 28.5 ms instead of 15.5 ms. */
export const HELLO_WS_FETCH_PAGECACHE_MS = 28.5;
export const HELLO_WS_FETCH_ODIRECT_FIG7_MS = 15.5;

/** Record-phase overhead over a vanilla cold start, average over the functions: +28% (text §6.4;
 * range +15-87%, image_rotate +87%). Used to fit one per-fault tracing cost. */
export const RECORD_OVERHEAD_AVG = 0.28;

/** Boot from scratch of a Firecracker VM inside containerd: 700-1300 ms (text §2.2). */
export const BOOT_MIN_MS = 700;
export const BOOT_MAX_MS = 1300;

/** Linux's default file read-ahead window (read_ahead_kb = 128 KiB = 32 pages; mm/readahead.c,
 * VM_READAHEAD_PAGES). Input-dependent pages are fresh buffers touched in address order, so a miss
 * on them reads a whole window; see docs/calibration.md. */
export const READ_AROUND_PAGES = 32;
