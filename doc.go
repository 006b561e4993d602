// Command qikan turns a magazine issue — a directory holding issue.yaml and
// its Markdown articles — into an EPUB 3 and a print-ready PDF.
//
//	qikan export [flags] PATH...   write PATH's EPUB and PDF
//	qikan validate PATH...         check issues, print every problem
//	qikan batch [flags] ROOT...    export every issue below the roots
//	qikan init DIR                 scaffold a new issue
//	qikan version
//
// Exit status: 0 when everything succeeded, 1 when an issue failed, 2 on a
// usage error. This file and main.go only wire the command line; the work is
// done by the packages issue, layout, fonts, export and batch.
package main
