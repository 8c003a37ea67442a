package dev.squeeze.png;

import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Recognises an iCCP chunk that only restates sRGB, which viewers assume for untagged images anyway. */
final class IccProfiles {
  // the description tag sits in the first kilobytes of every profile; more is never needed to find it
  private static final int HEAD_BYTES = 4096;

  private IccProfiles() {}

  static boolean isSrgb(byte[] iccp) {
    int nul = 0;
    while (nul < iccp.length && nul < 80 && iccp[nul] != 0) {
      nul++;
    }
    if (nul + 2 > iccp.length) {
      return false;
    }
    Inflater inf = new Inflater();
    try {
      inf.setInput(iccp, nul + 2, iccp.length - nul - 2);
      byte[] head = new byte[HEAD_BYTES];
      int n = inf.inflate(head);
      String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
      // profile description tag 'desc' text; v4 profiles store it as UTF-16 ('mluc'), so compare with NULs removed
      String flat = text.replace("\0", "");
      // "GIMP built-in sRGB" is the profile GIMP (and GNOME's screenshot tool through it) embeds by default
      return flat.contains("sRGB IEC61966-2.1") || flat.contains("sRGB IEC61966-2-1") || flat.contains("sRGB built-in")
          || flat.contains("GIMP built-in sRGB");
    } catch (DataFormatException e) {
      return false;
    } finally {
      inf.end();
    }
  }
}
