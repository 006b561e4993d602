// Package scaffold creates a new issue directory that validates and exports
// as is: an issue.yaml with every field present and commented, one article,
// and an empty images/ folder. It is what `qikan init DIR` runs.
package scaffold
