#!/usr/bin/env bash
# Rebuilds the Debian Chinese documentation corpus (issue #10 item 10) from Debian's own packages:
#   eval/debian-zh/corpus/html/<manual>/*.html   the 43 Simplified Chinese HTML pages, as installed
#   eval/debian-zh/corpus/pdf/*.pdf              the 2 Simplified Chinese PDFs, as installed
# With --txt also the plain-text copies made by the usual tools, for measuring a Wenda that reads
# only .txt (w3m -dump for HTML, pdftotext for PDF):
#   eval/debian-zh/corpus/html-txt/<manual>/*.txt, eval/debian-zh/corpus/pdf-txt/*.txt
#
# The corpus is not committed (see .gitignore); this script, the question files and the licence
# notes are. Package versions are pinned so that the questions' answer strings keep matching;
# bump them together with the questions.
#
# Usage: eval/debian-zh/fetch.sh [--txt] [--no-update]
#   --no-update   skip "apt-get update" (when the package lists are fresh already)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/corpus"

# Debian 12 (bookworm) versions, the ones the questions were written from (2026-12-01).
packages=(
  debian-reference-zh-cn=2.100
  maint-guide-zh-cn=1.2.53
  debian-faq-zh-cn=11.1
)

want_txt=0
do_update=1
for arg in "$@"; do
  case "$arg" in
    --txt) want_txt=1 ;;
    --no-update) do_update=0 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "fetch.sh: unknown option '$arg' (allowed: --txt, --no-update)" >&2; exit 2 ;;
  esac
done

for tool in apt-get apt-cache dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "fetch.sh: '$tool' not found; this script needs a Debian or Ubuntu machine with apt" >&2; exit 1; }
done
if [ "$want_txt" = 1 ]; then
  for tool in w3m pdftotext; do
    command -v "$tool" >/dev/null || { echo "fetch.sh: --txt needs '$tool' (apt-get install w3m poppler-utils)" >&2; exit 1; }
  done
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/wenda-debian-zh.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ "$do_update" = 1 ]; then
  # apt-get update needs root; without it the existing lists are used (apt-get download works as any user).
  if [ "$(id -u)" = 0 ]; then
    if ! apt-get update -qq >"$work/update.log" 2>&1 || grep -q -E '^(W|E): (Failed to fetch|Some index files failed)' "$work/update.log"; then
      echo "fetch.sh: apt-get update failed; is the Debian mirror reachable? apt said:" >&2
      sed 's/^/  /' "$work/update.log" >&2
      exit 1
    fi
  else
    echo "fetch.sh: not root, skipping apt-get update (using the package lists already on this machine)" >&2
  fi
fi

for spec in "${packages[@]}"; do
  name="${spec%%=*}"; version="${spec#*=}"
  if ! apt-cache show "$name=$version" >/dev/null 2>&1; then
    echo "fetch.sh: apt does not offer $name version $version (apt-cache policy $name says:" >&2
    apt-cache policy "$name" 2>&1 | sed 's/^/  /' >&2
    echo "  ) -- run as root so that apt-get update runs, or update the pinned versions and re-check the questions" >&2
    exit 1
  fi
done

# apt-get download writes into the current folder; as root it warns that _apt cannot write there.
chmod 0755 "$work"
(
  cd "$work"
  if ! apt-get download -q "${packages[@]}" >"$work/download.log" 2>&1; then
    echo "fetch.sh: apt-get download failed; is the Debian mirror reachable? apt said:" >&2
    sed 's/^/  /' "$work/download.log" >&2
    exit 1
  fi
)

mkdir -p "$work/root"
for deb in "$work"/*.deb; do
  dpkg-deb -x "$deb" "$work/root"
done
root="$work/root/usr/share"

rm -rf "$out"
mkdir -p "$out/html/debian-reference" "$out/html/debian-faq" "$out/html/maint-guide" "$out/pdf"
# cp -p: the files exactly as the packages install them (bytes and modification times).
cp -p "$root"/debian-reference/*.zh-cn.html "$out/html/debian-reference/"
cp -p "$root"/doc/debian/FAQ/zh-cn/*.zh-cn.html "$out/html/debian-faq/"
cp -p "$root"/doc/maint-guide-zh-cn/html/*.zh-cn.html "$out/html/maint-guide/"
cp -p "$root"/debian-reference/debian-reference.zh-cn.pdf "$out/pdf/"
cp -p "$root"/doc/maint-guide-zh-cn/maint-guide.zh-cn.pdf "$out/pdf/"

# The licence texts the packages ship, beside the questions (these are committed).
mkdir -p "$here/copyright"
for pkg in debian-reference-zh-cn maint-guide-zh-cn debian-faq-zh-cn; do
  cp "$root/doc/$pkg/copyright" "$here/copyright/$pkg.copyright"
done

if [ "$want_txt" = 1 ]; then
  for f in "$out"/html/*/*.html; do
    rel="${f#"$out/html/"}"
    mkdir -p "$out/html-txt/$(dirname "$rel")"
    w3m -dump -T text/html -I UTF-8 -O UTF-8 -cols 200 "$f" >"$out/html-txt/${rel%.html}.txt"
  done
  mkdir -p "$out/pdf-txt"
  for f in "$out"/pdf/*.pdf; do
    pdftotext -enc UTF-8 "$f" "$out/pdf-txt/$(basename "${f%.pdf}").txt"
  done
fi

html=$(find "$out/html" -name '*.html' | wc -l)
pdf=$(find "$out/pdf" -name '*.pdf' | wc -l)
echo "fetch.sh: $html HTML pages in $out/html, $pdf PDFs in $out/pdf (from ${packages[*]})"
if [ "$want_txt" = 1 ]; then
  echo "fetch.sh: text copies in $out/html-txt and $out/pdf-txt"
fi
