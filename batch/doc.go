// Package batch exports a whole archive of issues: it finds every issue.yaml
// below a set of roots, exports the issues with a pool of workers that share
// one fonts.Library, and reports what happened to each.
//
// One bad issue never stops or corrupts the others: each issue is exported
// by export.Issue, which writes through temporary files and renames, and its
// error is recorded in the Report. Batch is built for CI:
//
//   - Find returns issues in a stable, sorted order;
//   - a Shard selects a stable 1/N of them, so a CI matrix can spread an
//     archive over N runners;
//   - with Changed, an issue whose inputs (every file it references, the
//     fonts, qikan's own build and the options) hash to the value recorded
//     beside its outputs is skipped;
//   - cancelling the context (SIGINT, SIGTERM) lets issues in flight finish
//     and marks the rest as not done.
package batch
