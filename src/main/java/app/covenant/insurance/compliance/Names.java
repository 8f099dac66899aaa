package app.covenant.insurance.compliance;

import java.util.Locale;
import java.util.Map;

/**
 * Compares company names and form numbers the way a reviewer would: "ACME Builders, L.L.C.",
 * "Acme Builders LLC" and "acme builders llc" are the same holder. Case, punctuation and spacing are dropped,
 * "&amp;" reads "and", and the usual spelled-out suffixes read as their abbreviations.
 */
final class Names {

    private static final Map<String, String> SUFFIXES = Map.of(
            "incorporated", "inc",
            "corporation", "corp",
            "company", "co",
            "limited", "ltd");

    private Names() {
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String words = name.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}\\s]", "");
        StringBuilder key = new StringBuilder();
        for (String word : words.trim().split("\\s+")) {
            key.append(SUFFIXES.getOrDefault(word, word));
        }
        return key.toString();
    }

    static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }
}
