package app.covenant.identity.internal;

import app.covenant.shared.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a list of members is narrowed to: a search text, a role code and a status; {@code null} for "any".
 * Blank values count as not given.
 */
public record MemberFilter(String query, String roleCode, Status status) {

    /**
     * The statuses a list can be narrowed to, in the words of the filter ({@code PENDING}), each matching
     * what the list shows ({@code INVITED}).
     */
    public enum Status {
        ACTIVE("ACTIVE"),
        /** Invited, the invitation not accepted yet. */
        PENDING("INVITED"),
        /** Suspended in this organization. */
        SUSPENDED("SUSPENDED"),
        /** The account is deactivated. */
        DEACTIVATED("DEACTIVATED"),
        /**
         * Locked after failed sign-ins (whatever the status): only accounts the reader may unlock, as the list
         * shows the lock only to them.
         */
        LOCKED(null);

        private final String shownAs;

        Status(String shownAs) {
            this.shownAs = shownAs;
        }

        /** The {@link UserView#status()} of members in this status; {@code null} for {@link #LOCKED}, a badge of its own. */
        public String shownAs() {
            return shownAs;
        }
    }

    public MemberFilter {
        query = blankToNull(query);
        roleCode = blankToNull(roleCode);
    }

    public static MemberFilter search(String query) {
        return new MemberFilter(query, null, null);
    }

    /** {@code 400} naming the field when {@code status} is not one of {@link Status}. */
    public static MemberFilter of(String query, String roleCode, String status) {
        return new MemberFilter(query, roleCode, status(status));
    }

    private static Status status(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Status.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.stream(Status.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
