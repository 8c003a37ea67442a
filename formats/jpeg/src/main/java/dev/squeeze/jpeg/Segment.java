package dev.squeeze.jpeg;

/** A marker segment kept for the output (APPn, COM): its marker byte and payload without the length field. */
record Segment(int marker, byte[] payload) {
  boolean isApp(int n, String signature) {
    if (marker != 0xE0 + n || payload.length < signature.length()) {
      return false;
    }
    for (int i = 0; i < signature.length(); i++) {
      if (payload[i] != (byte) signature.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
