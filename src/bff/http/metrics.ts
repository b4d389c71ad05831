// Prometheus text exposition of the few figures an operator of the BFF needs: requests by
// route and status, their latency, upstream calls by status, and active job pollers.
type Histogram = {
  buckets: number[]
  counts: number[]
  sum: number
  count: number
}

const LATENCY_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
]

export class Metrics {
  private readonly requests = new Map<string, number>()
  private readonly latency = new Map<string, Histogram>()
  private readonly upstream = new Map<string, number>()
  activePollers = 0
  sseClients = 0

  recordRequest(
    method: string,
    route: string,
    status: number,
    seconds: number,
  ): void {
    const key = `method="${method}",route="${route}",status="${status}"`
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1)
    const hKey = `method="${method}",route="${route}"`
    const h = this.latency.get(hKey) ?? {
      buckets: LATENCY_BUCKETS,
      counts: LATENCY_BUCKETS.map(() => 0),
      sum: 0,
      count: 0,
    }
    h.buckets.forEach((le, i) => {
      if (seconds <= le) h.counts[i] = (h.counts[i] ?? 0) + 1
    })
    h.sum += seconds
    h.count += 1
    this.latency.set(hKey, h)
  }

  recordUpstream(method: string, status: number | 'error'): void {
    const key = `method="${method}",status="${status}"`
    this.upstream.set(key, (this.upstream.get(key) ?? 0) + 1)
  }

  upstreamCalls(): number {
    return [...this.upstream.values()].reduce((a, b) => a + b, 0)
  }

  render(): string {
    const lines: string[] = [
      '# HELP bff_requests_total HTTP requests served, by route and status.',
      '# TYPE bff_requests_total counter',
      ...[...this.requests].map(([k, v]) => `bff_requests_total{${k}} ${v}`),
      '# HELP bff_request_duration_seconds Time to answer a request.',
      '# TYPE bff_request_duration_seconds histogram',
    ]
    for (const [k, h] of this.latency) {
      h.buckets.forEach((le, i) =>
        lines.push(
          `bff_request_duration_seconds_bucket{${k},le="${le}"} ${h.counts[i] ?? 0}`,
        ),
      )
      lines.push(
        `bff_request_duration_seconds_bucket{${k},le="+Inf"} ${h.count}`,
      )
      lines.push(`bff_request_duration_seconds_sum{${k}} ${h.sum}`)
      lines.push(`bff_request_duration_seconds_count{${k}} ${h.count}`)
    }
    lines.push(
      '# HELP bff_upstream_calls_total Calls to Atlas, by method and status.',
      '# TYPE bff_upstream_calls_total counter',
      ...[...this.upstream].map(
        ([k, v]) => `bff_upstream_calls_total{${k}} ${v}`,
      ),
      '# HELP bff_active_pollers Restore jobs being polled.',
      '# TYPE bff_active_pollers gauge',
      `bff_active_pollers ${this.activePollers}`,
      '# HELP bff_sse_clients Browsers connected to the event stream.',
      '# TYPE bff_sse_clients gauge',
      `bff_sse_clients ${this.sseClients}`,
    )
    return `${lines.join('\n')}\n`
  }
}
