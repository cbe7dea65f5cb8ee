// The order of events that fall at the same microsecond. The engine pops events by (time,
// priority, insertion sequence), so these numbers decide every tie and with it the output: they
// live here, one table for every event the model schedules, so a new event takes a place in it
// rather than a literal beside its call. Equal numbers tie on insertion order.
export const PRIORITY = {
  /** XDT buffer expiry: first (the engine's default, which it had before this table), so a
   * buffer whose timeout ends now is gone before a pull at the same time can claim it: a timeout
   * is a deadline, not a grace period. */
  xdtExpiry: 0,
  /** CPU completions: free cores (and end requests) before anything at the same time looks for capacity. */
  cpu: 1,
  /** Network flow completions and deliveries: with the CPU's, since they end work and free links. */
  network: 1,
  /** Transfer phase ends (storage/XDT steps): with the network's, whose completions drive them. */
  transferStep: 1,
  /** Instance ready (cold start done): after completions, so a request freed at the same time is
   * routed to capacity first, but before arrivals, which then see the new instance. */
  ready: 2,
  /** Cold-start phase steps (snapshot, fetch, boot phases): with `ready`, which they lead up to. */
  coldStartStep: 2,
  /** Shared storage device completions: with cold-start steps, which most of them serve. */
  storage: 2,
  /** Requests reaching the platform: after everything that frees or adds capacity at that time. */
  arrival: 3,
  /** Queue-wait limits: after arrivals, so a request that could be served at its deadline is. */
  queueTimeout: 4,
  /** Keep-alive expiry: after arrivals, so an idle instance an arrival can use is not reclaimed first. */
  keepAlive: 5,
  /** Pre-warm starts: after keep-alive, so a pre-warm sees the instances that remain. */
  prewarm: 6,
  /** Periodic autoscaler ticks and scale-out retries: after the instant's requests have been seen. */
  tick: 7,
  /** Time-series samples: last, so a sample records the state after everything at that time. */
  sample: 9,
} as const;
