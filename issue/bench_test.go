package issue

import "testing"

// BenchmarkLoad loads the sample issue: YAML, Markdown (with the mdext
// extensions) and image headers.
func BenchmarkLoad(b *testing.B) {
	for _, dir := range []string{"../testdata/dangyuanzhiyou-2025-03", "../testdata/wenxin-2025-spring"} {
		b.Run(dir[len("../testdata/"):], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Load(dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
