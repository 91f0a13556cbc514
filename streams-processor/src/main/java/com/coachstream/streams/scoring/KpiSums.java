package com.coachstream.streams.scoring;

/**
 * Sums from which the window KPIs of docs/concepts.md are computed. Counts are integers and the fractional sums
 * exact ({@link ExactSum}), so a period's KPIs can slide by subtracting what leaves it.
 */
public final class KpiSums {

  private int interactions;
  private long csatSum;
  private int csatCount;
  private int resolvedKnown;
  private int resolvedTrue;
  private final ExactSum handleSeconds = new ExactSum();
  private final ExactSum sentimentSum = new ExactSum();
  private int sentimentCount;

  public void add(InteractionKpi kpi) {
    interactions++;
    handleSeconds.add(kpi.handleSeconds());
    if (kpi.csat() != null) {
      csatSum += kpi.csat();
      csatCount++;
    }
    if (kpi.resolved() != null) {
      resolvedKnown++;
      resolvedTrue += kpi.resolved() ? 1 : 0;
    }
    if (kpi.sentiment() != null) {
      sentimentSum.add(kpi.sentiment());
      sentimentCount++;
    }
  }

  /** Adds ({@code sign} 1) or removes ({@code sign} -1) another period's sums. */
  public void merge(KpiSums other, int sign) {
    interactions += sign * other.interactions;
    csatSum += sign * other.csatSum;
    csatCount += sign * other.csatCount;
    resolvedKnown += sign * other.resolvedKnown;
    resolvedTrue += sign * other.resolvedTrue;
    sentimentCount += sign * other.sentimentCount;
    if (sign > 0) {
      handleSeconds.add(other.handleSeconds);
      sentimentSum.add(other.sentimentSum);
    } else {
      handleSeconds.subtract(other.handleSeconds);
      sentimentSum.subtract(other.sentimentSum);
    }
  }

  public int interactions() {
    return interactions;
  }

  public int csatCount() {
    return csatCount;
  }

  public Double csatMean() {
    return csatCount == 0 ? null : (double) csatSum / csatCount;
  }

  public Double fcrRate() {
    return resolvedKnown == 0 ? null : (double) resolvedTrue / resolvedKnown;
  }

  public Double meanHandleSeconds() {
    return interactions == 0 ? null : handleSeconds.doubleValue() / interactions;
  }

  public Double sentimentMean() {
    return sentimentCount == 0 ? null : sentimentSum.doubleValue() / sentimentCount;
  }

  public boolean isEmpty() {
    return interactions == 0;
  }

  void write(StateWriter out) {
    out.writeVarInt(interactions);
    out.writeVarLong(csatSum);
    out.writeVarInt(csatCount);
    out.writeVarInt(resolvedKnown);
    out.writeVarInt(resolvedTrue);
    handleSeconds.write(out);
    sentimentSum.write(out);
    out.writeVarInt(sentimentCount);
  }

  static KpiSums read(StateReader in) {
    KpiSums k = new KpiSums();
    k.interactions = in.readVarInt();
    k.csatSum = in.readVarLong();
    k.csatCount = in.readVarInt();
    k.resolvedKnown = in.readVarInt();
    k.resolvedTrue = in.readVarInt();
    k.handleSeconds.add(ExactSum.read(in));
    k.sentimentSum.add(ExactSum.read(in));
    k.sentimentCount = in.readVarInt();
    return k;
  }
}
