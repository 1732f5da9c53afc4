package io.tierflow.rule.formula;

/**
 * A compiled formula could not be evaluated: a text result over {@link FormulaValues#MAX_TEXT_LENGTH}
 * characters ({@code formula.eval.text-too-long}), an input value that does not fit the field's type
 * ({@code formula.eval.bad-value}) or an unexpected failure ({@code formula.eval.failed}). Line and column are 0.
 */
public class FormulaEvaluationException extends FormulaException {
    public FormulaEvaluationException(String code, Object... args) {
        super(code, 0, 0, args);
    }

    public FormulaEvaluationException(String code, Throwable cause, Object... args) {
        super(code, 0, 0, args, -1, null, cause);
    }
}
