#!/usr/bin/python3
"""Writes the hostile files of src-test-images/broken/ (see PROVENANCE.md there).

Naming rule the contract test relies on: a file whose name contains 'huge' declares more than 100 megapixels
and must be rejected with LimitExceededException; every other file here must give some typed error.
Run by build.sh after the valid files exist: truncated files are cut from them.
"""
import struct
import sys
import zlib
from pathlib import Path

out = Path(sys.argv[1])
b = out / "broken"
b.mkdir(parents=True, exist_ok=True)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


SIG = b"\x89PNG\r\n\x1a\n"


def ihdr(w, h, depth=8, colour=0, interlace=0):
    return chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, colour, 0, 0, interlace))


def write(name, data):
    (b / name).write_bytes(data)


def cut(src, frac, name):
    data = (out / src).read_bytes()
    write(name, data[: int(len(data) * frac)])


# empty and wrong magic (these sniff as UNKNOWN)
write("empty.png", b"")
write("text_named_as.png", b"This is a plain text file that only has a .png name.\n")
write("html_named_as.jpg", b"<!DOCTYPE html><html><body>404 Not Found</body></html>\n")

# truncated, cut mid-data
cut("png/chelsea.png", 0.6, "truncated_mid_idat.png")
cut("png/chelsea_interlaced.png", 0.3, "truncated_interlaced.png")
cut("jpeg/rocket.jpg", 0.5, "truncated_mid_scan.jpg")
cut("jpeg/rocket_progressive.jpg", 0.4, "truncated_progressive.jpg")
cut("gif/newtonscradle_anim.gif", 0.4, "truncated_mid_frames.gif")
cut("pdf/shared_mime_info_spec_pdftex.pdf", 0.5, "truncated_no_xref.pdf")
write("truncated_skimage.jpg", Path("/usr/lib/python3/dist-packages/skimage/data/truncated.jpg").read_bytes())
write("png_signature_only.png", SIG)

# PNG: a wrong CRC on an otherwise intact IDAT chunk
data = bytearray((out / "png/green_palette.png").read_bytes())
pos = data.find(b"IDAT")
length = struct.unpack(">I", data[pos - 4:pos])[0]
crc_at = pos + 4 + length
data[crc_at] ^= 0x5A
write("png_bad_crc.png", bytes(data))

# PNG structurally wrong
write("png_no_idat.png", SIG + ihdr(16, 16) + chunk(b"IEND", b""))
write("png_zero_width.png", SIG + ihdr(0, 16) + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b""))
write("png_idat_not_zlib.png", SIG + ihdr(16, 16) + chunk(b"IDAT", b"\x13\x37 not a zlib stream at all") + chunk(b"IEND", b""))

# PNG declaring 100000 x 100000 (10 gigapixels) with a token IDAT
write("png_huge_100000x100000.png", SIG + ihdr(100000, 100000, 8, 2)
      + chunk(b"IDAT", zlib.compress(b"\0" * (1 + 3 * 100000) * 4, 9)) + chunk(b"IEND", b""))

# PNG decompression bomb, declared small: a 64x64 grey image whose IDAT inflates to 32 MiB of zeros
bomb = zlib.compress(b"\0" * (32 << 20), 9)
write("png_bomb_idat_overflow.png", SIG + ihdr(64, 64) + chunk(b"IDAT", bomb) + chunk(b"IEND", b""))

# PNG decompression bomb, declared huge and complete: 30000 x 30000 1-bit grey, 112 MB of filtered rows
row = b"\0" * (1 + 30000 // 8)
co = zlib.compressobj(9)
parts = [co.compress(row * 1000) for _ in range(30)]
parts.append(co.flush())
write("png_bomb_huge_30000x30000.png", SIG + ihdr(30000, 30000, 1, 0) + chunk(b"IDAT", b"".join(parts))
      + chunk(b"IEND", b""))

# JPEG: SOF claiming 65000 x 65000 (4.2 gigapixels), the rest of a real small file after it
data = bytearray((out / "jpeg/camera_grey.jpg").read_bytes())
i = 2
while True:
    assert data[i] == 0xFF
    marker = data[i + 1]
    seglen = struct.unpack(">H", data[i + 2:i + 4])[0]
    if marker in (0xC0, 0xC1, 0xC2):
        data[i + 5:i + 9] = struct.pack(">HH", 65000, 65000)
        break
    i += 2 + seglen
write("jpeg_huge_sof_65000x65000.jpg", bytes(data))
write("jpeg_soi_eoi_only.jpg", b"\xff\xd8\xff\xd9")
# JPEG whose only segment after SOI is an APP0 whose length runs past the end of the file
write("jpeg_segment_past_eof.jpg", b"\xff\xd8\xff\xe0\xff\xf0JFIF\0\1\1")


# GIF: logical screen 65535 x 65535 (4.3 gigapixels) holding a single 1x1 frame
def gif_frame(x, y, w, h):
    lzw = bytes([2, 2, 0x4C, 0x01, 0])  # min code size 2, codes: clear, 0, end
    return b"\x2c" + struct.pack("<HHHHB", x, y, w, h, 0) + lzw


palette = b"\0\0\0\xff\xff\xff"
write("gif_huge_screen_65535x65535.gif", b"GIF89a" + struct.pack("<HHBBB", 65535, 65535, 0x80, 0, 0) + palette
      + gif_frame(0, 0, 1, 1) + b"\x3b")
# GIF: a 10x10 screen holding a frame that claims 60000 x 60000 (3.6 gigapixels)
write("gif_huge_frame_60000x60000.gif", b"GIF89a" + struct.pack("<HHBBB", 10, 10, 0x80, 0, 0) + palette
      + gif_frame(0, 0, 60000, 60000) + b"\x3b")
# GIF: a code that is not yet in the LZW table
write("gif_bad_lzw_code.gif", b"GIF89a" + struct.pack("<HHBBB", 4, 4, 0x80, 0, 0) + palette
      + b"\x2c" + struct.pack("<HHHHB", 0, 0, 4, 4, 0) + bytes([2, 2, 0xFC, 0xFF, 0]) + b"\x3b")
write("gif_header_only.gif", b"GIF89a" + struct.pack("<HHBBB", 4, 4, 0x80, 0, 0))

# PDF: a header followed by noise, and a PDF whose only page object is a dangling reference
write("pdf_header_then_garbage.pdf", b"%PDF-1.4\n" + bytes((i * 7919) % 251 for i in range(4000)))
write("pdf_dangling_root.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n"
      b"trailer\n<< /Root 1 0 R /Size 2 >>\n%%EOF\n")
