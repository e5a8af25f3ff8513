#!/usr/bin/env bash
# Regenerates every icon file in this folder from herald.svg:
#   herald-<size>.png  the window icons (16…256, read by Herald at run time) and the sizes installers need
#   herald.ico         Windows (16, 24, 32, 48, 64, 128, 256)
#   herald.icns        macOS (16…1024, PNG entries)
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert and python3.
# Run it from anywhere: ./icons/generate.sh
set -euo pipefail
cd "$(dirname "$0")"

for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" herald.svg --output "herald-$size.png"
done

# -strip: no timestamps in the files, so regenerating without a change changes nothing
convert herald-16.png herald-24.png herald-32.png herald-48.png herald-64.png herald-128.png herald-256.png \
    -strip herald.ico

python3 - <<'PY'
import struct

# icns entry types that hold a PNG of the given size (Apple's "Icon Services" types, macOS 10.7+)
entries = [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
           (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512)]
body = b""
for kind, size in entries:
    with open(f"herald-{size}.png", "rb") as png:
        data = png.read()
    body += kind + struct.pack(">I", len(data) + 8) + data
with open("herald.icns", "wb") as icns:
    icns.write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
echo "icons regenerated from herald.svg"
