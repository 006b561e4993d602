// Command genarchive makes a synthetic archive of back issues for the batch
// benchmark: N copies of a sample issue directory, each with its own issue
// label and date and with the paragraphs of every article rotated by a
// different amount, so no two issues have the same text.
//
//	go run ./bench/genarchive -src testdata/dangyuanzhiyou-2025-03 -n 100 -out /tmp/archive
//
// It copies files verbatim except issue.yaml (label and date rewritten) and
// Markdown articles (body paragraphs rotated). The output is deterministic.
package main
