package io.vlinkd.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean": the nearest candidate within a small edit distance (adjacent swaps count as one edit). */
final class Near {
    private Near() {
    }

    /**
     * Beyond this many candidates no suggestion is made: with every reference in a config of thousands of
     * interfaces wrong, comparing each with every name would take minutes.
     */
    static final int MAX_CANDIDATES = 500;

    static Optional<String> best(String word, Collection<String> candidates) {
        if (candidates.size() > MAX_CANDIDATES || word.length() > 64) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance == 0 && word.equals(best)) {
            return Optional.empty();
        }
        int allowed = Math.min(word.length(), best.length()) <= 3 ? 1 : 2;
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean 'X'?)" or "". */
    static String hint(String word, Collection<String> candidates) {
        return best(word, candidates).map(b -> " (did you mean '" + b + "'?)").orElse("");
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
