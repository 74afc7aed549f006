// Package audit is the trade body's view over thousands of deliveries: it
// plans which delivery folders belong to which member company (Member,
// members.yaml or one folder per member), turns the engine's results into
// compact per-delivery records as they arrive (Collector: counts, episodes,
// territory coverage, verdict, findings, spilled to disk when large), and
// summarises them into member scorecards and body totals (Summarise) in
// one Audit.
//
// The Audit's JSON is the contract: it holds every per-delivery fact the
// aggregates come from and nothing that depends on where or when the run
// happened, so an audit split into shards (Shard) and joined again (Merge)
// gives the bytes of the unsharded run. The other formats (text, CSV, HTML
// dashboard) render from the same Audit (Lookup); Record and Trend keep
// past audits in the history database (package audit/history) for the
// dashboard's trend.
//
// Checking the files themselves is the engine's; which findings count, and
// how programmes and episodes are counted, is written once in aggregate.go
// so the scorecards, the totals and the dashboard agree.
package audit
