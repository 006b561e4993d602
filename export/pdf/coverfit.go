package pdf

import (
	"github.com/qikan-dev/qikan/export/cover"
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
)

// coverLayout is the cover design on the trim box of g: page 1.
func coverLayout(iss *issue.Issue, set *fonts.Set, g geometry, hanLatin bool) *cover.Cover {
	return cover.Layout(iss, set, cover.Page{Width: g.trimW, Height: g.trimH, Bleed: g.bleed}, cover.Options{HanLatinSpace: hanLatin})
}

// CoverLayout returns the cover Write sets on page 1 of iss's PDF, so that
// export can refuse, before anything is written, an issue whose cover
// cuts a text short or leaves a cover line off (cover.Cover.Cut).
func CoverLayout(iss *issue.Issue, set *fonts.Set, opt Options) *cover.Cover {
	return coverLayout(iss, set, newGeometry(iss.Print, opt.Marks, bodyStyle.size, bodyStyle.leading), opt.HanLatinSpace)
}
