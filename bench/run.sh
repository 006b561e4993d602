#!/usr/bin/env bash
# qikan's end-to-end benchmark, beside the peers measured in the same run.
#   bench/run.sh            (RUNS=5 by default; needs root for apt-get on first use of the peers)
# Measures with /usr/bin/time -v, median of RUNS: the sample issue -> EPUB, -> PDF, -> both;
# a synthetic archive of 100 issues through `qikan batch --jobs 2`; then the peers
# (pandoc -> EPUB, typst -> PDF) from ../shared/bench/peers.sh on the same text, and prints ratios.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-5}
WORK=${WORK:-${TMPDIR:-/tmp}/qikan-bench}
SAMPLE=$ROOT/testdata/dangyuanzhiyou-2025-03
PEERS=${PEERS:-$ROOT/../shared/bench/peers.sh}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1740787200}
rm -rf "$WORK" && mkdir -p "$WORK/out"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

(cd "$ROOT" && go build -trimpath -o "$WORK/qikan" .)
QIKAN=$WORK/qikan

# measure NAME CMD...: RUNS runs, prints "NAME wall_median_s=… maxrss_median_mb=…"
measure() {
  local name=$1; shift
  local walls=() rss=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -v -o "$WORK/t" "$@" >"$WORK/log" 2>&1 || { echo "$name FAILED"; tail -5 "$WORK/log"; return 1; }
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(j=1;j<=n;j++) s=s*60+a[j]; print s}' "$WORK/t")")
    rss+=("$(awk -F': ' '/Maximum resident set size/{print $2/1024}' "$WORK/t")")
  done
  local w r
  w=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  r=$(printf '%s\n' "${rss[@]}" | sort -g | awk '{a[NR]=$1} END{printf "%.0f", a[int((NR+1)/2)]}')
  echo "QIKAN $name wall_median_s=$w maxrss_median_mb=$r"
}

{
  measure epub "$QIKAN" export --format epub --out "$WORK/out" "$SAMPLE"
  echo "QIKAN epub size_bytes=$(stat -c %s "$WORK/out/$(basename "$SAMPLE").epub")"
  measure pdf "$QIKAN" export --format pdf --out "$WORK/out" "$SAMPLE"
  echo "QIKAN pdf size_bytes=$(stat -c %s "$WORK/out/$(basename "$SAMPLE").pdf")"
  measure both "$QIKAN" export --format epub,pdf --out "$WORK/out" "$SAMPLE"
  (cd "$ROOT" && go run ./bench/genarchive -src "$SAMPLE" -n 100 -out "$WORK/archive")
  measure batch100 "$QIKAN" batch --jobs 2 --out "$WORK/batch" "$WORK/archive"
} | tee "$WORK/qikan.txt"

if [ -f "$PEERS" ]; then
  RUNS=$RUNS bash "$PEERS" "$WORK/peers" | tee "$WORK/peers.txt"
else
  echo "peers script not found at $PEERS: ratios skipped" >&2
  exit 0
fi

# ratios: peer / qikan (bigger is better for qikan)
awk '
  /^QIKAN epub wall/ { split($3,a,"="); qe=a[2]; split($4,b,"="); qem=b[2] }
  /^QIKAN epub size/ { split($3,a,"="); qes=a[2] }
  /^QIKAN pdf wall/  { split($3,a,"="); qp=a[2]; split($4,b,"="); qpm=b[2] }
  /^PEER pandoc-epub/ { for(i=3;i<=NF;i++){split($i,a,"="); p[a[1]]=a[2]} pe=p["wall_median_s"]; pem=p["maxrss_median_mb"]; pes=p["size_bytes"] }
  /^PEER typst-pdf/   { for(i=3;i<=NF;i++){split($i,a,"="); t[a[1]]=a[2]} tp=t["wall_median_s"]; tpm=t["maxrss_median_mb"] }
  END {
    if (qe>0 && pe>0) printf "RATIO epub: qikan %.3fs %sMB %.2fMB | pandoc %.3fs %sMB %.2fMB | %.1fx faster, %.1fx less memory, %.1fx smaller\n", qe, qem, qes/1048576, pe, pem, pes/1048576, pe/qe, pem/qem, pes/qes
    if (qp>0 && tp>0) printf "RATIO pdf:  qikan %.3fs %sMB | typst %.3fs %sMB | %.1fx faster, %.1fx less memory\n", qp, qpm, tp, tpm, tp/qp, tpm/qpm
  }' "$WORK/qikan.txt" "$WORK/peers.txt"
