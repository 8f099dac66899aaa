package app.covenant.insurance.compliance;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A tier of a program: its own GL and umbrella minimums for the trades it lists, or for every trade no tier
 * lists when {@code allOtherTrades}. Keys it leaves out keep the program's base minimum.
 */
public record ProgramTier(String name, Map<LimitKey, Long> minimums, Set<String> trades, boolean allOtherTrades) {

    public ProgramTier {
        name = name == null ? "" : name.strip();
        EnumMap<LimitKey, Long> copy = new EnumMap<>(LimitKey.class);
        copy.putAll(minimums);
        minimums = Collections.unmodifiableMap(copy);
        trades = Set.copyOf(trades);
    }

    boolean lists(String trade) {
        return trades.stream().anyMatch(t -> Trades.same(t, trade));
    }
}
