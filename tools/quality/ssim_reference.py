#!/usr/bin/python3
"""scikit-image SSIM on the pairs QualityPairs wrote, side by side with dev.squeeze.quality.Ssim.

Reference: structural_similarity(gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255)
on BT.601 luma in float64, both at full size and after the f x f block average Ssim applies
(f = max(1, round(min(w, h) / 256))). The values pinned in SsimTest come from this script.
"""
import math
import sys

import numpy as np
from PIL import Image
from skimage.metrics import structural_similarity

out = sys.argv[1]


def luma(path):
    a = np.asarray(Image.open(path).convert("RGB"), dtype=np.float64)
    return 0.299 * a[..., 0] + 0.587 * a[..., 1] + 0.114 * a[..., 2]


def down(y, f):
    h, w = y.shape
    return y[: h // f * f, : w // f * f].reshape(h // f, f, w // f, f).mean(axis=(1, 3))


def ssim(x, y):
    return structural_similarity(x, y, gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255)


worst = 0.0
for line in open(out + "/java.txt"):
    name, dist, _, java_ssim, _ = line.split()
    if not dist.startswith("jpeg"):
        continue
    x = luma("%s/%s__orig.png" % (out, name))
    y = luma("%s/%s__%s.png" % (out, name, dist))
    f = max(1, int(math.floor(min(x.shape) / 256.0 + 0.5)))
    ref = ssim(down(x, f), down(y, f))
    worst = max(worst, abs(ref - float(java_ssim)))
    print("%-28s %-7s f=%d skimage_full=%.6f skimage_downsampled=%.6f java=%s" % (name, dist, f, ssim(x, y), ref, java_ssim))
print("largest |java - skimage_downsampled| = %.2e" % worst)
