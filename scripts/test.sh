#!/usr/bin/env bash
# Runs every test of ReportSearch. It first installs what the tests need from Debian's packages
# (chromium and CJK fonts for the browser tests, python3 with pandas/matplotlib/nbconvert for the notebooks, npm for the
# page's chart library), so a fresh clone on a fresh machine passes without set-up by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v npm >/dev/null 2>&1 || need+=(npm)
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
/usr/bin/python3 -c "import pandas, matplotlib, nbconvert, nbclient, ipykernel, openpyxl, requests" >/dev/null 2>&1 \
  || need+=(python3-pandas python3-matplotlib python3-nbconvert python3-nbclient python3-ipykernel python3-openpyxl python3-requests)
if ((${#need[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing test prerequisites: ${need[*]}"
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi

# The page's chart library, pinned in package-lock.json (the build runs the same when node_modules is missing).
[ -d src/ReportSearch.Api/node_modules/echarts ] || npm ci --prefix src/ReportSearch.Api --no-audit --no-fund

log=$(mktemp)
set +e
dotnet test ReportSearch.sln --nologo -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
echo "browser test screenshots: tests/ReportSearch.Browser.Tests/bin/Release/net10.0/screenshots"
# One plain closing line over all test projects.
awk -F'[:,]' '/(Passed|Failed)! +-/ { for (i = 1; i <= NF; i++) { if ($i ~ /Failed/ && $(i+1) ~ /[0-9]/) f += $(i+1); if ($i ~ /Passed$/ && $(i+1) ~ /[0-9]/) p += $(i+1) } }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$status"
