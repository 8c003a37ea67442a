#!/usr/bin/env bash
# Rebuilds the files of src-test-images/ that are not part of the seed (see PROVENANCE.md there).
# Needs Debian bookworm with: python3-skimage python3-imageio python3-matplotlib tk8.6 cscope cmake-data
# libxslt1-dev adwaita-icon-theme shared-mime-info libgs-common imagemagick libimage-exiftool-perl img2pdf
# libjpeg-turbo-progs librsvg2-bin groff ghostscript qpdf, and `apt-get download desktop-base gnome-user-docs`
# extracted with `dpkg-deb -x` under $DEB (default /tmp/deb/x/<package>).
# Not run by the build or the tests: the corpus is committed; this script documents how it was made.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$HERE/../../src-test-images}
DEB=${DEB:-/tmp/deb/x}
SK=/usr/lib/python3/dist-packages/skimage/data
IM=/usr/bin/convert
export SOURCE_DATE_EPOCH=0
mkdir -p "$OUT"/{png,jpeg,gif,pdf,broken}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
# ImageMagick otherwise writes the current time into PNG tEXt/tIME chunks
PNGDEF="-define png:exclude-chunks=date,time"

# ---------- PNG: originals copied as shipped
cp $SK/camera.png "$OUT/png/camera_grey.png"
cp $SK/chelsea.png "$OUT/png/chelsea.png"
cp $SK/page.png "$OUT/png/page_scan_grey.png"
cp $SK/horse.png "$OUT/png/horse_rgba_bilevel.png"
cp $SK/green_palette.png "$OUT/png/green_palette.png"
cp $SK/logo.png "$OUT/png/skimage_logo_rgba.png"
cp $DEB/gnome-user-docs/usr/share/help/C/gnome-help/figures/shell-exit.png "$OUT/png/screenshot_gnome_shell_exit.png"
cp $DEB/gnome-user-docs/usr/share/help/C/gnome-help/figures/screenshot-tool.png "$OUT/png/screenshot_gnome_tool.png"
cp $DEB/desktop-base/usr/share/desktop-base/softwaves-theme/grub/grub-4x3.png "$OUT/png/softwaves_gradient.png"
cp $DEB/desktop-base/usr/share/desktop-base/futureprototype-theme/grub/grub-4x3.png "$OUT/png/futureprototype_few_colours.png"
cp $DEB/desktop-base/usr/share/icons/hicolor/256x256/emblems/emblem-debian.png "$OUT/png/emblem_debian_rgba.png"
cp /usr/share/icons/Adwaita/256x256/places/user-trash.png "$OUT/png/adwaita_trash_rgba.png"
cp /usr/share/matplotlib/mpl-data/images/matplotlib_large.png "$OUT/png/matplotlib_icon_small.png"

# ---------- PNG: derived variants
$IM $SK/chelsea.png $PNGDEF -interlace PNG "$OUT/png/chelsea_interlaced.png"
$IM $SK/logo.png -resize 50% $PNGDEF -interlace PNG "$OUT/png/skimage_logo_rgba_interlaced.png"
# 16-bit with real 16-bit information: resampled in ImageMagick's Q16 pipeline
$IM $SK/chelsea.png -depth 16 -resize 60% $PNGDEF "$OUT/png/chelsea_rgb16.png"
# 16-bit that loses nothing at 8 bits (every sample is v*257): the 16->8 reduction must find it
$IM $SK/camera.png -resize 50% -depth 16 $PNGDEF "$OUT/png/camera_grey16_reducible.png"
$IM $SK/logo.png -resize 40% -depth 16 $PNGDEF -define png:color-type=6 -define png:bit-depth=16 "$OUT/png/skimage_logo_rgba16.png"
# grey + alpha (colour type 4)
$IM $DEB/desktop-base/usr/share/icons/hicolor/256x256/emblems/emblem-debian.png -colorspace Gray \
  $PNGDEF -define png:color-type=4 "$OUT/png/emblem_debian_grey_alpha.png"
# palette with tRNS, from the RGBA icon
$IM /usr/share/icons/Adwaita/256x256/places/user-trash.png -resize 50% $PNGDEF PNG8:"$OUT/png/adwaita_trash_palette_trns.png"
# 1-bit grey from the horse silhouette
$IM $SK/horse.png -background white -flatten -threshold 50% -type bilevel $PNGDEF -define png:bit-depth=1 "$OUT/png/horse_1bit.png"
# RGB photo that is secretly grey (all channels equal): RGB->grey reduction
$IM $SK/page.png -define png:color-type=2 $PNGDEF "$OUT/png/page_scan_rgb_is_grey.png"
# APNG (two-frame wheel), written by PIL; named so it does not sort first among PNGs
/usr/bin/python3 - "$OUT/png/spinner_apng.png" <<'PY'
import sys
from PIL import Image
src = Image.open('/usr/lib/python3/dist-packages/imageio/resources/images/newtonscradle.gif')
frames = []
for i in range(0, 36, 6):
    src.seek(i)
    frames.append(src.convert('RGBA').resize((100, 75)))
frames[0].save(sys.argv[1], save_all=True, append_images=frames[1:], duration=80, loop=0)
PY

# ---------- JPEG: originals
cp $SK/rocket.jpg "$OUT/jpeg/rocket.jpg"
cp $SK/retina.jpg "$OUT/jpeg/retina.jpg"
cp $DEB/desktop-base/usr/share/desktop-base/lines-theme/login/sddm-preview.jpg "$OUT/jpeg/lines_wallpaper_preview.jpg"
cp $DEB/desktop-base/usr/share/desktop-base/spacefun-theme/login/sddm-preview.jpg "$OUT/jpeg/spacefun_wallpaper_preview.jpg"
# ---------- JPEG: derived
jpegtran -copy all -progressive $SK/rocket.jpg > "$OUT/jpeg/rocket_progressive.jpg"
$IM $SK/chelsea.png -quality 88 -interlace JPEG -sampling-factor 2x2 "$OUT/jpeg/chelsea_progressive_im.jpg"
$IM $SK/camera.png -quality 85 "$OUT/jpeg/camera_grey.jpg"
$IM $SK/chelsea.png -quality 90 -sampling-factor 1x1 "$OUT/jpeg/chelsea_444.jpg"
$IM $SK/chelsea.png -quality 90 -sampling-factor 2x1 "$OUT/jpeg/chelsea_422.jpg"
$IM $SK/coffee.png -resize 60% -colorspace CMYK -quality 90 "$OUT/jpeg/coffee_cmyk.jpg"
jpegtran -copy all -restart 2 "$DEB/desktop-base/usr/share/desktop-base/lines-theme/login/sddm-preview.jpg" > "$OUT/jpeg/lines_restart_markers.jpg"
# EXIF orientation 6: pixels stored turned 90 degrees anticlockwise, the tag turns them back for display
jpegtran -copy all -rotate 270 -trim $SK/rocket.jpg > "$T/rot.jpg"
exiftool -q -overwrite_original -n -Orientation=6 -Make=Squeeze -Model=Corpus "$T/rot.jpg"
cp "$T/rot.jpg" "$OUT/jpeg/rocket_exif_orientation6.jpg"
# an embedded ICC profile (Adobe RGB compatible, from Ghostscript)
$IM $SK/coffee.png -resize 50% -profile /usr/share/color/icc/ghostscript/a98.icc -quality 90 "$OUT/jpeg/coffee_adobergb_icc.jpg"
# optimized Huffman tables + 4:2:0 at low quality, as a web-pipeline output
cjpeg -quality 50 -optimize <($IM $SK/chelsea.png ppm:-) > "$OUT/jpeg/chelsea_q50_optimized.jpg"

# ---------- GIF: originals
cp /usr/lib/python3/dist-packages/imageio/resources/images/newtonscradle.gif "$OUT/gif/newtonscradle_anim.gif"
cp /usr/share/tcltk/tk8.6/images/logoLarge.gif "$OUT/gif/tk_logo_large.gif"
cp /usr/share/tcltk/tk8.6/images/logoMed.gif "$OUT/gif/tk_logo_med_gif87a.gif"
cp /usr/share/tcltk/tk8.6/images/tai-ku.gif "$OUT/gif/tk_taiku_transparent.gif"
cp /usr/share/tcltk/tk8.6/images/pwrdLogo200.gif "$OUT/gif/tk_pwrdlogo_transparent.gif"
cp /usr/share/doc/libxslt1-dev/html/processing.gif "$OUT/gif/libxslt_diagram_gif87a.gif"
cp /usr/share/doc/cmake-data/CMakeLogo.gif "$OUT/gif/cmake_logo.gif"
# ---------- GIF: derived
gifsicle --no-warnings -i /usr/share/tcltk/tk8.6/images/logoLarge.gif > "$OUT/gif/tk_logo_large_interlaced.gif"
# an animation with transparency and frame offsets (gifsicle optimizes frames into sub-rectangles)
gifsicle --no-warnings -O2 --colors 64 --resize 100x75 /usr/lib/python3/dist-packages/imageio/resources/images/newtonscradle.gif '#0-35' > "$OUT/gif/newtonscradle_small_O2.gif"

# ---------- PDF: originals
cp /usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf "$OUT/pdf/shared_mime_info_spec_pdftex.pdf"
cp /usr/share/matplotlib/mpl-data/images/matplotlib.pdf "$OUT/pdf/matplotlib_logo_vector.pdf"
# ---------- PDF: derived
img2pdf --producer img2pdf --creationdate 2000-01-01 --moddate 2000-01-01 $SK/page.png -o "$OUT/pdf/page_scan_img2pdf.pdf"
$IM $SK/text.png -quality 75 "$T/text.jpg"
img2pdf --creationdate 2000-01-01 --moddate 2000-01-01 "$T/text.jpg" $SK/camera.png -o "$OUT/pdf/two_scans_jpeg_and_grey.pdf"
# groff -> PostScript -> Ghostscript pdfwrite: text with embedded Type 1 fonts
zcat /usr/share/man/man1/groff.1.gz | groff -man -Tps 2>/dev/null | ps2pdf -dNOSAFER - "$OUT/pdf/groff_manpage_ghostscript.pdf"
# cairo (librsvg) vector drawing with gradients
rsvg-convert -f pdf -w 640 -h 360 $DEB/desktop-base/usr/share/desktop-base/joy-theme/wallpaper/contents/images/1280x720.svg -o "$OUT/pdf/joy_wallpaper_cairo.pdf"
# qpdf: object streams + linearized, from the libtasn1 manual
qpdf --object-streams=generate --linearize --deterministic-id /usr/share/doc/libtasn1-doc/libtasn1.pdf "$OUT/pdf/libtasn1_qpdf_linearized.pdf"
# Pillow's PDF writer: a photo page as one JPEG (DCTDecode) image
/usr/bin/python3 -c "import sys; from PIL import Image; Image.open(sys.argv[1]).convert('RGB').save(sys.argv[2], quality=80, resolution=96)" $SK/chelsea.png "$OUT/pdf/chelsea_pillow.pdf"
# matplotlib's PDF backend: a vector chart with text (embedded Type 3 DejaVu subset)
/usr/bin/python3 - "$OUT/pdf/matplotlib_chart_vector.pdf" <<'PY'
import sys, math
import matplotlib
matplotlib.use("pdf")
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
xs = [i / 20 for i in range(200)]
ax.plot(xs, [math.sin(x) for x in xs], label="sin")
ax.plot(xs, [math.cos(x) * math.exp(-x / 8) for x in xs], label="damped cos")
ax.set_title("Squeeze corpus chart"); ax.legend(); ax.grid(True)
fig.savefig(sys.argv[1], metadata={"CreationDate": None})
PY

/usr/bin/python3 "$HERE/make_broken.py" "$OUT"
