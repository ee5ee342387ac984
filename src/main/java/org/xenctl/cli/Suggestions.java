package org.xenctl.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xenctl.domain.EditDistance;

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
            if (EditDistance.within(typed, entry.getKey(), most)) {
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

    private static int distance(String a, String b) {
        return EditDistance.between(a, b);
    }
}
