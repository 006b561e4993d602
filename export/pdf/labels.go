package pdf

import "strings"

// labels are the fixed words printed around the issue's own text.
type labels struct {
	cover, contents, colophon string
	affiliation               string // 作者单位：%s
	editor                    string // 责任编辑：%s
	open, close               string // brackets around end matter
}

// labelsFor returns the labels for a BCP 47 language tag: Simplified
// Chinese unless the tag says Traditional Chinese, Japanese or Korean.
func labelsFor(lang string) labels {
	l := strings.ToLower(lang)
	switch {
	case strings.HasPrefix(l, "zh-hant"), strings.HasPrefix(l, "zh-tw"),
		strings.HasPrefix(l, "zh-hk"), strings.HasPrefix(l, "zh-mo"):
		return labels{"封面", "目錄", "版權頁", "作者單位：", "責任編輯：", "（", "）"}
	case strings.HasPrefix(l, "ja"):
		return labels{"表紙", "目次", "奥付", "所属：", "担当編集：", "（", "）"}
	case strings.HasPrefix(l, "ko"):
		return labels{"표지", "목차", "판권", "소속: ", "책임 편집: ", "(", ")"}
	}
	return labels{"封面", "目录", "版权页", "作者单位：", "责任编辑：", "（", "）"}
}
