#!/usr/bin/env bash
# Regenerates the image decoder fixtures in this folder and the expected pixel checksums.
# Every image is synthetic (ImageMagick plasma/gradients); nothing comes from real photos.
#
#   src/image/testdata/make.sh          # fixtures + expected.txt (+ djpeg.txt)
#   SHARED=/work/shared/testdata/pdq src/image/testdata/make.sh   # also shared-reference.txt
#
# Needs ImageMagick 6 (`convert`), `djpeg` (libjpeg-turbo-progs) and md5sum. The expected
# checksums are of ImageMagick's own decode (`convert FILE[0] -depth 8 rgb:-`, grey expanded to
# R=G=B), which the decoders must match: "exact" = same bytes, "approx" = mean within 1 level
# (16-bit sources: ImageMagick's 16->8 reduction truncates where libpng rounds).
# ImageMagick stamps PNG and TIFF files with the time, so a rerun changes their bytes but not
# their pixels (expected.txt stays the same).
# Fixtures whose expected pixels differ from ImageMagick by design (GIF canvas, TIFF alpha,
# hand-made BMPs) are checked with explicit assertions in the tests instead.
set -euo pipefail
cd "$(dirname "$0")"
export MAGICK_THREAD_LIMIT=1
rm -f ./*.jpg ./*.png ./*.gif ./*.bmp ./*.tif ./*.webp ./*.heic ./*.avif

base=$(mktemp --suffix=.png)
trap 'rm -f "$base" "$base".*' EXIT
convert -size 48x32 -seed 7 plasma:fractal -blur 0x1 -depth 8 "$base"
# A second, bigger picture for JPEG scaling (odd sizes exercise libjpeg's rounding up).
convert -size 301x203 -seed 11 plasma:fractal -blur 0x2 -depth 8 "$base.big.png"
grad="$base.grad.png"
convert -size 48x32 gradient:white-black -depth 8 "$grad"

# --- JPEG
convert "$base" -quality 85 j-rgb420.jpg
convert "$base" -quality 95 -sampling-factor 1x1 j-rgb444.jpg
convert "$base" -colorspace Gray -quality 85 j-grey.jpg
convert "$base" -interlace JPEG -quality 85 j-progressive.jpg
convert "$base" -colorspace CMYK -quality 90 j-cmyk.jpg
convert "$base.big.png" -quality 80 j-big-301x203.jpg
# A progressive JPEG whose last scan is repeated 600 times (libjpeg accepts the bogus
# progression with a warning): must hit the decoder's 500-scan cap.
convert "$base" -resize 8x8! -depth 8 "$base.8.ppm"
cjpeg -progressive -outfile "$base.prog.jpg" "$base.8.ppm"
last=$(LC_ALL=C grep -obUaP '\xFF\xDA' "$base.prog.jpg" | tail -1 | cut -d: -f1)
size=$(stat -c %s "$base.prog.jpg")
{
  head -c $((size - 2)) "$base.prog.jpg"
  for _ in $(seq 600); do tail -c +$((last + 1)) "$base.prog.jpg" | head -c $((size - 2 - last)); done
  printf '\xFF\xD9'
} > j-many-scans.jpg
# --- PNG
convert "$base" -colorspace Gray -threshold 50% -type bilevel p-grey1.png
convert "$base" -colorspace Gray -depth 8 p-grey8.png
convert "$base" -colorspace Gray \( "$grad" \) -alpha off -compose CopyOpacity -composite -define png:color-type=4 p-greyalpha.png
convert "$base" -depth 16 p-rgb16.png
convert "$base" -colorspace Gray -depth 16 p-grey16.png
convert "$base" \( "$grad" \) -alpha off -compose CopyOpacity -composite p-rgba.png
convert "$base" -colors 32 PNG8:p-palette.png
convert "$base" -fuzz 10% -transparent "$(convert "$base" -format '%[pixel:p{10,10}]' info:)" -colors 32 PNG8:p-palette-trns.png
convert "$base" -interlace PNG p-interlaced.png
# --- GIF
convert "$base" -colors 64 g-basic.gif
convert "$base" -colors 64 -interlace GIF g-interlaced.gif
convert "$base" -colors 64 \( "$base" -negate -colors 64 \) -loop 0 g-anim.gif
# A 20x10 red frame at +5+5 on a 40x30 canvas whose background colour is blue (index 1 of the
# global table). Checked by explicit assertions: ImageMagick outputs the frame alone.
convert -size 20x10 xc:red -page 40x30+5+5 -background blue "$base.canvas.gif"
convert "$base.canvas.gif" \( -size 1x1 xc:red xc:blue +append -write mpr:pal +delete \) -remap mpr:pal g-canvas.gif
printf '\x01' | dd of=g-canvas.gif bs=1 seek=11 conv=notrunc status=none  # background index 1
# --- BMP
convert "$base" -colorspace Gray -threshold 50% -type bilevel BMP3:b-1.bmp
convert "$base" -colors 16 BMP3:b-4.bmp
convert "$base" -colors 200 BMP3:b-8.bmp
convert "$base" -type truecolor BMP3:b-24.bmp
convert "$base" \( "$grad" \) -alpha off -compose CopyOpacity -composite BMP:b-32-bitfields.bmp
convert "$base" -define bmp:subtype=RGB565 BMP:b-565.bmp
convert "$base" -colors 200 -compress RLE BMP3:b-rle8.bmp
convert "$base" -colors 200 BMP2:b-os2.bmp
# --- TIFF
convert "$base" -compress None t-rgb.tif
convert "$base" -compress LZW -endian MSB t-lzw-msb.tif
convert "$base" -compress Zip -define tiff:tile-geometry=16x16 t-zip-tiled.tif
convert "$base" -compress JPEG -quality 90 t-jpeg.tif
convert "$base" -colorspace Gray -compress Zip t-grey.tif
convert "$base" -depth 16 -compress Zip t-rgb16.tif
convert "$base" -colors 32 -type Palette t-palette.tif
convert "$base" -colorspace CMYK -compress Zip t-cmyk.tif
convert "$base" \( "$grad" \) -alpha off -compose CopyOpacity -composite -compress Zip t-rgba.tif
# --- WebP
convert "$base" -quality 80 w-lossy.webp
convert "$base" -define webp:lossless=true w-lossless.webp
convert "$base" \( "$grad" \) -alpha off -compose CopyOpacity -composite -quality 80 w-alpha.webp
convert "$base" \( "$base" -negate \) -loop 0 -define webp:lossless=true w-anim.webp
# --- HEIF / AVIF (ImageMagick's libheif encoders: x265, aom)
convert "$base" -quality 80 h-basic.heic
convert "$base" -quality 80 h-basic.avif

# Expected pixels: "file channels width height md5-of-rgb mean exact|approx".
checksum() {  # FILE -> md5 and mean of ImageMagick's 8-bit RGB decode of the first frame
  local md5 mean size
  md5=$(convert "$1[0]" -depth 8 rgb:- 2>/dev/null | md5sum | cut -d' ' -f1)
  # The mean over those RGB bytes (read back as raw RGB: fx:mean on the file itself would
  # average CMYK or alpha channels too).
  size=$(identify -format '%wx%h' "$1[0]" 2>/dev/null)
  mean=$(convert "$1[0]" -depth 8 rgb:- 2>/dev/null |
         convert -size "$size" -depth 8 rgb:- -format '%[fx:mean*255]' info:)
  echo "$md5 $mean"
}
channels() {  # 1 for grey images, else 3 (the decoders' channel rule)
  case "$(identify -format '%[colorspace]' "$1[0]" 2>/dev/null)" in Gray) echo 1 ;; *) echo 3 ;; esac
}
{
  echo "# file channels width height md5(rgb) mean exact|approx — made by make.sh"
  for f in j-[!m]*.jpg p-*.png g-basic.gif g-interlaced.gif g-anim.gif b-1.bmp b-4.bmp b-8.bmp b-24.bmp \
           b-32-bitfields.bmp b-565.bmp b-rle8.bmp b-os2.bmp t-rgb.tif t-lzw-msb.tif t-zip-tiled.tif \
           t-jpeg.tif t-grey.tif t-rgb16.tif t-palette.tif t-cmyk.tif w-*.webp h-*.heic h-*.avif; do
    kind=exact
    # 16-bit samples or colormaps (ImageMagick truncates to 8 bits, we round), libtiff's CMYK
    # (truncates), HEIF (ImageMagick converts YCbCr itself): all within 1 level.
    case "$f" in p-rgb16.png | p-grey16.png | t-rgb16.tif | t-palette.tif | t-cmyk.tif | h-*) kind=approx ;; esac
    echo "$f $(channels "$f") $(identify -format '%w %h' "$f[0]" 2>/dev/null) $(checksum "$f") $kind"
  done
} > expected.txt

# DCT-scaled JPEG decodes as djpeg makes them: "file scale_num grey|rgb md5-of-pixels".
{
  echo "# file scale_num(/8) rgb|grey md5 of djpeg's pixels — made by make.sh"
  for num in 1 2 4 8; do  # the scales DecodeImage uses
    for mode in rgb grey; do
      opt=$([ $mode = grey ] && echo -grayscale || echo "")
      md5=$(djpeg $opt -scale "$num/8" -pnm j-big-301x203.jpg | tail -c +1 |
            { read -r _; read -r _; read -r _; md5sum; } | cut -d' ' -f1)
      echo "j-big-301x203.jpg $num $mode $md5"
    done
  done
} > djpeg.txt

# The shared PDQ reference images (not copied here): same format as expected.txt, paths
# relative to $SHARED/images.
if [ -n "${SHARED:-}" ] && [ -d "$SHARED/images" ]; then
  {
    echo "# path channels width height md5(rgb) mean exact|approx — made by make.sh from \$SHARED/images"
    (cd "$SHARED/images" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) | while read -r rel; do
      f="$SHARED/images/$rel"
      kind=exact
      [ "$(identify -format '%z' "$f[0]" 2>/dev/null)" = 16 ] && kind=approx
      echo "$rel $(channels "$f") $(identify -format '%w %h' "$f[0]" 2>/dev/null) $(checksum "$f") $kind"
    done
  } > shared-reference.txt
fi
# Seeds for the image fuzz target (tests/fuzz/fuzz_image.cpp): tiny images of every kind.
seeds=../../../tests/fuzz/corpus/image
mkdir -p "$seeds" && rm -f "$seeds"/*
tiny="$base.tiny.png"
convert "$base" -resize 8x6! -depth 8 "$tiny"
convert "$tiny" -quality 75 "$seeds/rgb.jpg"
convert "$tiny" -interlace JPEG "$seeds/progressive.jpg"
convert "$tiny" -colorspace Gray "$seeds/grey.jpg"
convert "$tiny" -colorspace CMYK "$seeds/cmyk.jpg"
convert "$tiny" "$seeds/rgb.png"
convert "$tiny" -interlace PNG -depth 16 "$seeds/interlaced16.png"
convert "$tiny" -colors 8 PNG8:"$seeds/palette.png"
convert "$tiny" -colorspace Gray -alpha set -define png:color-type=4 "$seeds/greyalpha.png"
convert "$tiny" -colors 8 "$seeds/basic.gif"
convert "$tiny" -colors 8 -interlace GIF \( "$tiny" -negate \) "$seeds/anim.gif"
convert "$tiny" -colors 16 BMP3:"$seeds/4.bmp"
convert "$tiny" -colors 16 -compress RLE BMP3:"$seeds/rle8.bmp"
convert "$tiny" BMP3:"$seeds/24.bmp"
convert "$tiny" -define bmp:subtype=RGB565 BMP:"$seeds/565.bmp"
convert "$tiny" -colors 8 BMP2:"$seeds/os2.bmp"
convert "$tiny" -compress LZW "$seeds/lzw.tif"
convert "$tiny" -compress JPEG "$seeds/jpeg.tif"
convert "$tiny" -define tiff:tile-geometry=16x16 -compress Zip "$seeds/tiled.tif"
convert "$tiny" -quality 70 "$seeds/lossy.webp"
convert "$tiny" -define webp:lossless=true "$seeds/lossless.webp"
convert "$tiny" \( "$tiny" -negate \) -loop 0 "$seeds/anim.webp"
convert "$tiny" "$seeds/tiny.heic"
convert "$tiny" "$seeds/tiny.avif"
du -cb ./*.jpg ./*.png ./*.gif ./*.bmp ./*.tif ./*.webp ./*.heic ./*.avif | tail -1
