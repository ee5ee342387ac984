package org.xenctl.domain;

/** How many edits turn one word into another, a swap of two neighbours counting as one (the commonest typo). */
public final class EditDistance {
    private EditDistance() {
    }

    /**
     * Whether {@code a} is at most {@code most} edits from {@code b}: words whose lengths differ by more are not
     * compared at all (a 50 MB "verb" on a batch line once needed gigabytes for its table).
     */
    public static boolean within(String a, String b, int most) {
        return Math.abs(a.length() - b.length()) <= most && between(a, b) <= most;
    }

    public static int between(String a, String b) {
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
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
