package org.aopcheck.core.analysis;

/**
 * Limits of the path-sensitive analysis.
 *
 * @param maxStatesPerPoint how many distinct abstract states one program point may hold before the
 *     analysis of the method is abandoned (with no finding rather than a guess)
 */
public record AnalysisOptions(int maxStatesPerPoint) {
  /** The default bound: far above what real page-cache code needs, low enough to stay fast. */
  public static final int DEFAULT_MAX_STATES_PER_POINT = 512;

  public static final AnalysisOptions DEFAULT = new AnalysisOptions(DEFAULT_MAX_STATES_PER_POINT);

  public AnalysisOptions {
    if (maxStatesPerPoint < 1) {
      throw new IllegalArgumentException("maxStatesPerPoint must be at least 1: " + maxStatesPerPoint);
    }
  }
}
