package com.coachstream.streams.scoring;

/** Sums from which the window KPIs of SPEC §6 are computed; they only grow, as interactions are never withdrawn. */
public final class KpiSums {

  public int interactions;
  public double csatSum;
  public int csatCount;
  public int resolvedKnown;
  public int resolvedTrue;
  public double handleSecondsSum;
  public double sentimentSum;
  public int sentimentCount;

  public void add(InteractionKpi kpi) {
    interactions++;
    handleSecondsSum += kpi.handleSeconds();
    if (kpi.csat() != null) {
      csatSum += kpi.csat();
      csatCount++;
    }
    if (kpi.resolved() != null) {
      resolvedKnown++;
      resolvedTrue += kpi.resolved() ? 1 : 0;
    }
    if (kpi.sentiment() != null) {
      sentimentSum += kpi.sentiment();
      sentimentCount++;
    }
  }

  public void merge(KpiSums other) {
    interactions += other.interactions;
    csatSum += other.csatSum;
    csatCount += other.csatCount;
    resolvedKnown += other.resolvedKnown;
    resolvedTrue += other.resolvedTrue;
    handleSecondsSum += other.handleSecondsSum;
    sentimentSum += other.sentimentSum;
    sentimentCount += other.sentimentCount;
  }

  public Double csatMean() {
    return csatCount == 0 ? null : csatSum / csatCount;
  }

  public Double fcrRate() {
    return resolvedKnown == 0 ? null : (double) resolvedTrue / resolvedKnown;
  }

  public Double meanHandleSeconds() {
    return interactions == 0 ? null : handleSecondsSum / interactions;
  }

  public Double sentimentMean() {
    return sentimentCount == 0 ? null : sentimentSum / sentimentCount;
  }
}
