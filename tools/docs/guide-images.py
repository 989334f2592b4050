#!/usr/bin/python3
"""Crops the browser tests' screenshots into the staff guide's pictures (docs/images/).

Run after the browser tests (dotnet test tests/Catalog.Ui.Tests), from the repository root:
    /usr/bin/python3 tools/docs/guide-images.py [SCREENSHOT_FOLDER]
Needs Debian's python3-pil. The screenshots are full pages; the guide shows the top of each.
"""
import os
import sys

from PIL import Image

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "tests/Catalog.Ui.Tests/bin/Debug/net10.0/artifacts/screenshots"
TARGET = "docs/images"

# guide picture ← (test screenshot, height in pixels kept from the top)
PICTURES = {
    "guide-search.png": ("01-search-results.png", 760),
    "guide-chips-export.png": ("20-understood-chips.png", 720),
    "guide-detail.png": ("03-detail.png", 900),
    "guide-municipality.png": ("m1-municipality-page.png", 900),
    "guide-adoption-map.png": ("m3-adoption-map.png", 900),
    "guide-print.png": ("print--municipality-172014.png", 640),
}

os.makedirs(TARGET, exist_ok=True)
for target, (source, height) in PICTURES.items():
    image = Image.open(os.path.join(SOURCE, source)).convert("RGB")
    width = image.width
    image = image.crop((0, 0, width, min(height, image.height)))
    # A 128-colour palette keeps text sharp and the files small.
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(os.path.join(TARGET, target), optimize=True)
    print(f"{target}: {source}, {width}x{min(height, image.height)}")
