package app.covenant.contracts.templates;

/** How a template variable is entered and checked (CLM.md: text / number / date / money / textarea / choice). */
public enum VariableType {
    TEXT, NUMBER, DATE, MONEY, TEXTAREA, CHOICE
}
