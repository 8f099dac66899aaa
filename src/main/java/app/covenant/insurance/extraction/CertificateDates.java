package app.covenant.insurance.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as certificates print them: US month-first ({@code MM/DD/YYYY}, {@code M/D/YY}, {@code MM/DD/YY}, also with
 * dashes) and ISO ({@code 2027-01-31}).
 *
 * <p>Two-digit years pivot at 70: {@code 00}–{@code 69} are 2000–2069 and {@code 70}–{@code 99} are 1970–1999 (the
 * POSIX convention). Policies on a certificate run a year or so around today, so the pivot only ever matters for
 * a typo.
 */
public final class CertificateDates {

    static final int PIVOT = 70;

    private static final Pattern US = Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-](\\d{2}|\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private CertificateDates() {
    }

    public static Parsed<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.blank();
        }
        String value = text.strip();
        try {
            Matcher iso = ISO.matcher(value);
            if (iso.matches()) {
                return Parsed.clean(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
            Matcher us = US.matcher(value);
            if (us.matches()) {
                int year = Integer.parseInt(us.group(3));
                if (us.group(3).length() == 2) {
                    year += year < PIVOT ? 2000 : 1900;
                }
                return Parsed.clean(LocalDate.of(year, Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2))));
            }
        } catch (DateTimeException e) {
            // 02/30/2027 and the like: written as a date, but not one.
            return Parsed.unreadable();
        }
        return Parsed.unreadable();
    }
}
