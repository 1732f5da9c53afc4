package io.tierflow.rule.formula;

import java.util.Arrays;
import java.util.Locale;

/**
 * A formula was rejected (or, for {@link FormulaEvaluationException}, failed at run time).
 * <p>{@link #code()} is a stable machine code such as {@code formula.member-access}; {@link #line()} and
 * {@link #column()} are 1-based (columns count Unicode code points) and point at the offending text; they are
 * 0 only for run-time errors and errors that concern a whole tier model. {@link #message(Locale)} gives the
 * position, the reason and, where it helps, what was expected, in zh-CN or en; {@link #getMessage()} is the
 * English text. {@link #ruleIndex()} is the 0-based tier rule whose condition failed, or -1.
 */
public class FormulaException extends RuntimeException {
    private final String code;
    private final int line;
    private final int column;
    private final Object[] args;
    private final int ruleIndex;
    private final String ruleTier;
    private String modelPath;
    private String partEn;
    private String partZh;

    public FormulaException(String code, int line, int column, Object... args) {
        this(code, line, column, args, -1, null, null);
    }

    protected FormulaException(String code, int line, int column, Object[] args, int ruleIndex, String ruleTier,
                               Throwable cause) {
        super(null, cause);
        this.code = code;
        this.line = line;
        this.column = column;
        this.args = args == null ? new Object[0] : args.clone();
        this.ruleIndex = ruleIndex;
        this.ruleTier = ruleTier;
    }

    /** A copy of this exception that names the tier rule (0-based index) whose condition it concerns. */
    public FormulaException withRule(int index, String tier) {
        FormulaException e = new FormulaException(code, line, column, args, index, tier, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /**
     * A copy that names the part of a tier model it concerns other than a tier rule: {@code path} relative to the
     * model (e.g. {@code scores[0].dimensions[1].formula}) and the part's name in en and zh for the message.
     */
    public FormulaException withPart(String path, String en, String zh) {
        FormulaException e = new FormulaException(code, line, column, args, -1, null, getCause());
        e.setStackTrace(getStackTrace());
        e.modelPath = path;
        e.partEn = en;
        e.partZh = zh;
        return e;
    }

    /** Where in a tier model the problem is, e.g. {@code rules[2].condition}; null outside tier models. */
    public String modelPath() {
        return modelPath != null ? modelPath : ruleIndex >= 0 ? "rules[" + ruleIndex + "].condition" : null;
    }

    public String code() {
        return code;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** 0-based index of the tier rule whose condition failed, or -1 when not compiled as part of a tier model. */
    public int ruleIndex() {
        return ruleIndex;
    }

    /** The reason only, without position or rule, in zh (for a {@code zh*} locale) or en. */
    public String reason(Locale locale) {
        return Messages.format(code, args, locale);
    }

    /** Full message: rule (if any), position (if any) and reason, in zh (for a {@code zh*} locale) or en. */
    public String message(Locale locale) {
        boolean zh = LocalizedText.isZh(locale);
        StringBuilder sb = new StringBuilder();
        if (ruleIndex >= 0) {
            String t = ruleTier == null ? "" : ruleTier;
            sb.append(zh ? "第 " + (ruleIndex + 1) + " 条分层规则（" + t + "）："
                         : "Tier rule #" + (ruleIndex + 1) + " (" + t + "): ");
        } else if (partEn != null) {
            sb.append(zh ? partZh + "：" : partEn + ": ");
        }
        if (line > 0) {
            sb.append(zh ? "第 " + line + " 行第 " + column + " 列：" : "Line " + line + ", column " + column + ": ");
        }
        sb.append(reason(locale));
        return sb.toString();
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    /** The arguments of the message template (for tests and UIs). */
    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }
}
