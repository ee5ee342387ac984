package org.xenctl.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "did you mean 'list'?": the verbs a typo is nearest, by edit distance (a letter left out, added, changed or two
 * swapped), each verb once whichever of its names was nearest; nothing when no verb is near.
 */
final class Suggestions {
    private Suggestions() {
    }

    static List<String> verbsLike(String typed) {
        int most = Math.max(1, Math.min(2, typed.length() / 3));
        List<Map.Entry<String, Verb>> near = new ArrayList<>();
        for (Map.Entry<String, Verb> entry : Verbs.BY_NAME.entrySet()) {
            if (distance(typed, entry.getKey()) <= most) {
                near.add(entry);
            }
        }
        near.sort(Comparator.comparingInt(entry -> distance(typed, entry.getKey())));
        Set<String> verbs = new LinkedHashSet<>();
        near.forEach(entry -> verbs.add(entry.getValue().name()));
        return new ArrayList<>(verbs).subList(0, Math.min(3, verbs.size()));
    }

    /** 'a', 'a' or 'b', 'a', 'b' or 'c'. */
    static String either(List<String> words) {
        List<String> quoted = words.stream().map(word -> "'" + word + "'").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }

    /** Damerau-Levenshtein distance (optimal string alignment). */
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
