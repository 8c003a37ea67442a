package dev.squeeze.jpeg;

import java.util.Arrays;

/**
 * One scan of a scan script: the components it codes (indices into the frame), its spectral band
 * {@code ss..se} and successive-approximation bit positions {@code ah}, {@code al}.
 */
record Scan(int[] comps, int ss, int se, int ah, int al) {
  static Scan sequential(int... comps) {
    return new Scan(comps, 0, 63, 0, 0);
  }

  boolean isDc() {
    return ss == 0;
  }

  boolean isRefinement() {
    return ah != 0;
  }

  @Override
  public String toString() {
    return Arrays.toString(comps) + " " + ss + "-" + se + " " + ah + "/" + al;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scan s && Arrays.equals(comps, s.comps) && ss == s.ss && se == s.se && ah == s.ah
        && al == s.al;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(comps) * 31 + ((ss * 64 + se) * 16 + ah) * 16 + al;
  }
}
