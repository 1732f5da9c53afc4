package io.tierflow.rule.formula;

import java.util.Locale;

/**
 * Thrown by {@link FormulaFunction#returnType} for wrong arguments, with the reason in zh and en and,
 * optionally, the 0-based index of the offending argument (-1 = the call as a whole).
 */
public class FunctionArgumentException extends IllegalArgumentException {
    private final LocalizedText reason;
    private final int argumentIndex;

    public FunctionArgumentException(int argumentIndex, String en, String zh) {
        super(en);
        this.reason = new LocalizedText(en, zh);
        this.argumentIndex = argumentIndex;
    }

    public LocalizedText reason() {
        return reason;
    }

    public String reason(Locale locale) {
        return reason.get(locale);
    }

    public int argumentIndex() {
        return argumentIndex;
    }
}
