package io.scrapestream.ingest.scrape;

import java.security.GeneralSecurityException;
import java.util.Arrays;

/** Just enough DER to find the curve of a SEC1 {@code ECPrivateKey}. */
final class DerReader {
  private final byte[] der;
  private int pos;

  private DerReader(byte[] der, int pos) {
    this.der = der;
    this.pos = pos;
  }

  /**
   * The encoded curve OID (tag, length and value) in the {@code [0] parameters} of a SEC1 key:
   * {@code SEQUENCE { INTEGER 1, OCTET STRING key, [0] OID curve, [1] BIT STRING public }}.
   */
  static byte[] sec1CurveOid(byte[] sec1) throws GeneralSecurityException {
    DerReader outer = new DerReader(sec1, 0);
    int end = outer.enter(0x30);
    while (outer.pos < end) {
      int tag = outer.der[outer.pos] & 0xff;
      int contentEnd = outer.enter(tag);
      if (tag == 0xa0) {
        return Arrays.copyOfRange(outer.der, outer.pos, contentEnd);
      }
      outer.pos = contentEnd;
    }
    throw new GeneralSecurityException("EC PRIVATE KEY names no curve (no [0] parameters)");
  }

  /** Reads a tag and length; leaves the position at the content; returns the content's end. */
  private int enter(int expectedTag) throws GeneralSecurityException {
    if (pos >= der.length || (der[pos] & 0xff) != expectedTag) {
      throw new GeneralSecurityException("malformed DER at byte " + pos);
    }
    pos++;
    int length = next();
    if (length >= 0x80) {
      int bytes = length & 0x7f;
      length = 0;
      for (int i = 0; i < bytes && length >= 0; i++) {
        length = (length << 8) | next();
      }
    }
    if (length < 0 || length > der.length - pos) {
      throw new GeneralSecurityException("malformed DER length at byte " + pos);
    }
    return pos + length;
  }

  private int next() throws GeneralSecurityException {
    if (pos >= der.length) {
      throw new GeneralSecurityException("truncated DER at byte " + pos);
    }
    return der[pos++] & 0xff;
  }
}
