package app.covenant.contracts.templates.internal;

import app.covenant.contracts.templates.TemplateVariable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.web.util.HtmlUtils;

/**
 * A variable's value checked by its type and normalised (CLM.md: text / number / date / money / textarea / choice),
 * and how it reads in the contract's HTML: the normalised value (a date as yyyy-MM-dd, money with two decimals),
 * always escaped, a textarea's line breaks as {@code <br>}.
 */
public final class VariableValues {

    public static final int TEXT_MAX = 500;
    public static final int TEXTAREA_MAX = 5000;
    private static final int NUMBER_MAX = 40;
    /** Digits before the decimal point of a MONEY value (as a contract's amount). */
    private static final int MONEY_DIGITS = 17;

    private VariableValues() {
    }

    /** A checked value: {@code value} normalised, or {@code error} saying what is wrong with it. */
    public record Checked(String value, String error) {

        boolean ok() {
            return error == null;
        }
    }

    /** {@code raw} (not blank) checked against the variable. */
    public static Checked check(TemplateVariable variable, String raw) {
        String value = raw.strip();
        return switch (variable.type()) {
            case TEXT -> value.length() > TEXT_MAX ? error("must be at most " + TEXT_MAX + " characters")
                    : value.contains("\n") || value.contains("\r") ? error("must be one line")
                    : ok(value);
            case TEXTAREA -> value.length() > TEXTAREA_MAX ? error("must be at most " + TEXTAREA_MAX + " characters")
                    : ok(value.replace("\r\n", "\n").replace('\r', '\n'));
            case NUMBER -> number(value);
            case MONEY -> money(value);
            case DATE -> date(value);
            case CHOICE -> variable.choices().contains(value) ? ok(value)
                    : error("must be one of " + String.join(", ", variable.choices()));
        };
    }

    /** How a checked value reads in HTML. */
    public static String render(TemplateVariable variable, String value) {
        return switch (variable.type()) {
            case TEXTAREA -> HtmlUtils.htmlEscape(value).replace("\n", "<br>");
            default -> HtmlUtils.htmlEscape(value);
        };
    }

    private static Checked number(String value) {
        if (value.length() > NUMBER_MAX) {
            return error("must be a number");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            return error("must be a number, like 12 or 12.5");
        }
        // "1e40000000" is short but would be written out as forty million digits.
        if (Math.abs(number.scale()) > NUMBER_MAX || number.precision() - number.scale() > NUMBER_MAX) {
            return error("must be a number of at most " + NUMBER_MAX + " digits");
        }
        return ok(number.toPlainString());
    }

    private static Checked money(String value) {
        if (value.length() > NUMBER_MAX) {
            return error("must be an amount");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            return error("must be an amount, like 1250.00");
        }
        if (amount.signum() < 0) {
            return error("must not be negative");
        }
        if (amount.precision() - amount.scale() > MONEY_DIGITS) {
            return error("must be an amount of at most " + MONEY_DIGITS + " digits before the decimal point");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return error("must have at most two decimals");
        }
        return ok(amount.setScale(2).toPlainString());
    }

    private static Checked date(String value) {
        try {
            return ok(LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).toString());
        } catch (DateTimeParseException e) {
            return error("must be a date as yyyy-MM-dd");
        }
    }

    private static Checked ok(String value) {
        return new Checked(value, null);
    }

    private static Checked error(String message) {
        return new Checked(null, message);
    }
}
