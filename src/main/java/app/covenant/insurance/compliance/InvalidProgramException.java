package app.covenant.insurance.compliance;

import java.util.List;

/** A program that breaks the rules of {@link InsuranceProgram#problems}; the message lists every problem. */
public class InvalidProgramException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidProgramException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
