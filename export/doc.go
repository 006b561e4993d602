// Package export turns one issue directory into its EPUB and PDF files.
//
// Issue is the whole pipeline behind `qikan export`: it loads and checks the
// issue (package issue), applies the command line's font and print
// overrides, normalises Chinese punctuation (package layout), checks that
// the fonts cover every character (package fonts) and only then runs each
// backend (export/epub, export/pdf).
//
// Files are written atomically: each backend writes to a temporary file in
// the output directory, which is synced and renamed to <dirname>.epub or
// <dirname>.pdf only when the backend succeeded. The renames of one export
// come together once every backend has ended, under the lock a signal
// handler takes to remove the temporary files (Temps): an interrupted
// export leaves either all its new files or none. A failed export therefore
// never leaves a half-written file and never replaces a good file from an
// earlier run; an invalid issue writes nothing at all.
package export
