package fonts_test

import (
	"fmt"
	"log"

	"github.com/qikan-dev/qikan/fonts"
)

func ExampleSet_Split() {
	lib := fonts.NewLibrary()
	set, err := lib.Set("", "") // the embedded defaults
	if err != nil {
		log.Fatal(err)
	}
	for _, seg := range set.Split(fonts.Body, "吉野家 𠮷野家") {
		if seg.Missing {
			fmt.Printf("%q in %s, missing\n", seg.Text, seg.Face.Name())
		} else {
			fmt.Printf("%q in %s\n", seg.Text, seg.Face.Name())
		}
	}
	body := set.Face(fonts.Body)
	fmt.Println(body.Advance('中'), body.HasGlyph('𠮷'), body.IsBold())
	// Output:
	// "吉野家 " in Noto Serif CJK SC
	// "𠮷" in Noto Serif CJK SC, missing
	// "野家" in Noto Serif CJK SC
	// 1 false false
}

func ExampleSubset() {
	lib := fonts.NewLibrary()
	serif, err := lib.Default(fonts.Body)
	if err != nil {
		log.Fatal(err)
	}
	ttf, err := fonts.Subset(serif, []rune("期刊"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(ttf) < 4000)
	// Output: true
}
