package com.coachstream.streams.scoring;

import java.math.BigInteger;

/**
 * An exact running sum of doubles, for window aggregates that slide by subtracting what leaves them.
 * Floating-point addition is not associative: a window kept by adding and subtracting doubles would drift
 * from the same window summed afresh, and the per-event, published and queried values of one window would
 * differ in their last bits. Here each value becomes an integer count of 2<sup>-64</sup> units (exact for
 * every double from 2<sup>-12</sup> up; smaller magnitudes are truncated, the same way every time), and
 * integers add and subtract exactly in any order, so every path to a window yields the same bits.
 *
 * <p>The sum is a signed 128-bit integer ({@code hi}:{@code lo}) while its integer part stays below
 * 2<sup>61</sup>; a larger one (absurd weights) carries on in a {@link BigInteger}. {@link #doubleValue()}
 * rounds once, to nearest.
 */
public final class ExactSum {

  private static final int FRACTION_BITS = 64;
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final long HI_LIMIT = 1L << 61;

  private long hi;
  private long lo;
  private BigInteger big;

  public ExactSum() { }

  public ExactSum(ExactSum other) {
    hi = other.hi;
    lo = other.lo;
    big = other.big;
  }

  public ExactSum add(double value) {
    return accumulate(value, false);
  }

  public ExactSum subtract(double value) {
    return accumulate(value, true);
  }

  public ExactSum add(ExactSum other) {
    return other.big == null ? add128(other.hi, other.lo) : addBig(other.big);
  }

  public ExactSum subtract(ExactSum other) {
    if (other.big != null) {
      return addBig(other.big.negate());
    }
    long negLo = -other.lo;
    long negHi = ~other.hi + (other.lo == 0 ? 1 : 0);
    return add128(negHi, negLo);
  }

  public boolean isZero() {
    return big == null ? hi == 0 && lo == 0 : big.signum() == 0;
  }

  /** The sum, rounded once to the nearest double. */
  public double doubleValue() {
    if (big != null) {
      return Math.scalb(big.doubleValue(), -FRACTION_BITS);
    }
    long h = hi;
    long l = lo;
    boolean negative = h < 0;
    if (negative) {
      h = ~h + (l == 0 ? 1 : 0);
      l = -l;
    }
    double magnitude;
    if (h == 0) {
      magnitude = Math.scalb(unsignedToDouble(l), -FRACTION_BITS);
    } else {
      // the top 64 significant bits, with the bits below folded into a sticky bit for round-half-even
      int lz = Long.numberOfLeadingZeros(h);
      long top = lz == 0 ? h : (h << lz) | (l >>> (64 - lz));
      boolean sticky = lz == 0 ? l != 0 : (l << lz) != 0;
      magnitude = Math.scalb(unsignedToDouble(top | (sticky ? 1 : 0)), 64 - lz - FRACTION_BITS);
    }
    return negative ? -magnitude : magnitude;
  }

  private static double unsignedToDouble(long value) {
    if (value >= 0) {
      return value;
    }
    // halve (keeping the lost bit as sticky), convert with one rounding, double back exactly
    return ((double) ((value >>> 1) | (value & 1))) * 2.0;
  }

  private ExactSum accumulate(double value, boolean negate) {
    if (value == 0) {
      return this;
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("Cannot sum " + value);
    }
    long bits = Double.doubleToRawLongBits(value);
    boolean negative = (bits < 0) != negate;
    int exponent = (int) ((bits >>> 52) & 0x7ff);
    long mantissa = bits & 0xf_ffff_ffff_ffffL;
    if (exponent == 0) {
      exponent = 1; // subnormal
    } else {
      mantissa |= 1L << 52;
    }
    // value = mantissa * 2^(exponent - 1075); in units of 2^-64 that is mantissa * 2^shift
    int shift = exponent - 1075 + FRACTION_BITS;
    long addHi;
    long addLo;
    if (shift > 73) {
      BigInteger units = BigInteger.valueOf(mantissa).shiftLeft(shift);
      return addBig(negative ? units.negate() : units);
    } else if (shift >= 64) {
      addHi = mantissa << (shift - 64);
      addLo = 0;
    } else if (shift > 0) {
      addHi = mantissa >>> (64 - shift);
      addLo = mantissa << shift;
    } else if (shift > -53) {
      addHi = 0;
      addLo = mantissa >>> -shift;
    } else {
      return this; // below 2^-64: nothing to add
    }
    if (negative) {
      long negLo = -addLo;
      addHi = ~addHi + (addLo == 0 ? 1 : 0);
      addLo = negLo;
    }
    return add128(addHi, addLo);
  }

  private ExactSum add128(long h, long l) {
    if (big != null) {
      return addBig(toBig(h, l));
    }
    long newLo = lo + l;
    long carry = Long.compareUnsigned(newLo, lo) < 0 ? 1 : 0;
    long newHi = hi + h + carry;
    // the fast form keeps |hi| < 2^61 (room for the serialized header); beyond, the sum goes big
    boolean overflow = ((hi ^ newHi) & (h ^ newHi)) < 0 || newHi >= HI_LIMIT || newHi < -HI_LIMIT;
    if (overflow) {
      big = toBig(hi, lo).add(toBig(h, l));
      return this;
    }
    hi = newHi;
    lo = newLo;
    return this;
  }

  private ExactSum addBig(BigInteger units) {
    big = (big == null ? toBig(hi, lo) : big).add(units);
    if (big.bitLength() < 125) {
      // back to the fast form once it fits again
      hi = big.shiftRight(64).longValueExact();
      lo = big.longValue();
      big = null;
    }
    return this;
  }

  private static BigInteger toBig(long h, long l) {
    BigInteger low = BigInteger.valueOf(l);
    if (l < 0) {
      low = low.add(TWO_64);
    }
    return BigInteger.valueOf(h).shiftLeft(64).add(low);
  }

  /**
   * Writes a header varint (the integer part, zigzag, times 4, plus 1 when a fraction follows, or 2 for a
   * big sum), then the fraction as 8 bytes or the big sum's bytes. Whole sums (counts, weights) take a byte
   * or two.
   */
  void write(StateWriter out) {
    if (big != null) {
      out.writeVarLong(2);
      out.writeBytes(big.toByteArray());
      return;
    }
    // |hi| < 2^61 whenever big is null, so the shifted zigzag value still fits 64 bits
    out.writeVarLong(((hi << 1) ^ (hi >> 63)) << 2 | (lo != 0 ? 1 : 0));
    if (lo != 0) {
      out.writeLong(lo);
    }
  }

  static ExactSum read(StateReader in) {
    ExactSum sum = new ExactSum();
    long header = in.readVarLong();
    if (header == 2) {
      sum.big = new BigInteger(in.readBytes());
      return sum;
    }
    long zigzag = header >>> 2;
    sum.hi = (zigzag >>> 1) ^ -(zigzag & 1);
    if ((header & 1) != 0) {
      sum.lo = in.readLong();
    }
    return sum;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExactSum other && (big == null && other.big == null ? hi == other.hi && lo == other.lo
        : toBigValue().equals(other.toBigValue()));
  }

  @Override
  public int hashCode() {
    return toBigValue().hashCode();
  }

  private BigInteger toBigValue() {
    return big != null ? big : toBig(hi, lo);
  }

  @Override
  public String toString() {
    return Double.toString(doubleValue());
  }
}
