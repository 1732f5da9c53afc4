package io.tierflow.rule.formula;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** zh-CN and en templates for every {@link FormulaException#code()}; {@code {0}}, {@code {1}}… are arguments. */
final class Messages {
    private static final Map<String, String[]> T = new HashMap<>();

    private static void m(String code, String en, String zh) {
        T.put(code, new String[]{en, zh});
    }

    static {
        m("formula.too-long", "The formula is {0} characters long; the limit is {1}.",
                "公式长度为 {0} 个字符，超过了上限 {1}。");
        m("formula.empty", "The formula is empty; expected an expression.", "公式为空，此处需要一个表达式。");
        m("formula.invisible-character",
                "The invisible formatting character {0} is not allowed (it can hide code); delete it.",
                "不允许使用不可见的格式字符 {0}（它可能隐藏代码），请删除。");
        m("formula.control-character",
                "The control character {0} is not allowed; only spaces, tabs and line breaks may separate tokens.",
                "不允许使用控制字符 {0}；只能用空格、制表符和换行分隔。");
        m("formula.unexpected-character", "The character {0} is not allowed in a formula.",
                "公式中不允许使用字符 {0}。");
        m("formula.fullwidth-character", "The full-width character {0} is not allowed; type the half-width {1} instead.",
                "不允许使用全角字符 {0}，请改用半角字符 {1}。");
        m("formula.unicode-space", "The space character {0} is not allowed; use an ordinary space.",
                "不允许使用空白字符 {0}，请使用普通空格。");
        m("formula.member-access",
                "Member access ('{0}') is not allowed: a formula may only use fields, operators and the listed functions. Expected an operator, ',' or ')' here.",
                "不允许成员访问（“{0}”）：公式只能使用字段、运算符和列出的函数。此处应为运算符、“,” 或 “)”。");
        m("formula.method-reference", "Method references ('::') are not allowed.", "不允许使用方法引用（“::”）。");
        m("formula.lambda", "Lambdas ('->') are not allowed.", "不允许使用 lambda 表达式（“->”）。");
        m("formula.assignment",
                "Assignment ('{0}') is not allowed: a formula cannot change values. To compare, use '=='.",
                "不允许赋值（“{0}”）：公式不能修改任何值。比较是否相等请用 “==”。");
        m("formula.statement-separator",
                "';' is not allowed: a formula is one expression, not a list of statements.",
                "不允许使用 “;”：公式是单个表达式，不是语句序列。");
        m("formula.block", "Braces ('{0}') are not allowed: blocks are not part of the formula language.",
                "不允许使用花括号（“{0}”）：公式语言中没有代码块。");
        m("formula.brackets",
                "Square brackets ('{0}') are not allowed: lists, arrays and indexing are not part of the formula language.",
                "不允许使用方括号（“{0}”）：公式语言中没有列表、数组和下标。");
        m("formula.forbidden-character", "The character '{0}' is not allowed in a formula.",
                "公式中不允许使用字符 “{0}”。");
        m("formula.comment", "Comments ('{0}') are not allowed in a formula.", "公式中不允许使用注释（“{0}”）。");
        m("formula.backslash",
                "A backslash is only allowed inside quoted text, as one of the escapes \\\" \\' \\\\ \\n \\t.",
                "反斜杠只能出现在引号内的文本中，且只能用于转义 \\\" \\' \\\\ \\n \\t。");
        m("formula.power-operator", "The '**' operator is not supported; use multiplication.",
                "不支持 “**” 运算符，请使用乘法。");
        m("formula.regex-operator", "Regular-expression matching ('~') is not supported.",
                "不支持正则表达式匹配（“~”）。");
        m("formula.unsupported-operator", "The operator '{0}' is not supported; expected {1}.",
                "不支持运算符 “{0}”，此处应为 {1}。");
        m("formula.unterminated-string", "The text starting here is not closed; expected a closing {0}.",
                "从此处开始的文本没有结束，缺少结尾的 {0}。");
        m("formula.newline-in-string", "A line break inside quoted text is not allowed; write \\n instead.",
                "引号内的文本不能换行，请改写为 \\n。");
        m("formula.unicode-escape", "Unicode escapes ('\\u') are not allowed in text; type the character itself.",
                "文本中不允许使用 Unicode 转义（“\\u”），请直接输入该字符。");
        m("formula.bad-escape", "Unknown escape '\\{0}' in text; allowed are \\\" \\' \\\\ \\n \\t.",
                "文本中的转义 “\\{0}” 无效，只允许 \\\" \\' \\\\ \\n \\t。");
        m("formula.bad-number", "Malformed number '{0}'.", "数字 “{0}” 格式不正确。");
        m("formula.number-out-of-range", "The number '{0}' is out of range (its magnitude must be below 1E{1}).",
                "数字 “{0}” 超出范围（绝对值必须小于 1E{1}）。");
        m("formula.keyword", "'{0}' is not allowed: {1}.", "不允许使用 “{0}”：{1}。");
        m("formula.unknown-field", "Unknown field '{0}'; expected the key of a field of this form.",
                "未知字段 “{0}”，此处应为本表单中某个字段的标识。");
        m("formula.unknown-function", "Unknown function '{0}'.", "未知函数 “{0}”。");
        m("formula.rank-outside-model",
                "PERCENTRANK ranks a record within its form against percentiles computed when a tier model is simulated or published, so it can be used in tier models only.",
                "PERCENTRANK 按分层模型模拟或发布时计算的百分位在本表单中排名，只能在分层模型中使用。");
        m("formula.nested-rank", "PERCENTRANK cannot be used inside another PERCENTRANK.", "PERCENTRANK 不能嵌套使用。");
        m("formula.unknown-link-field", "The related form '{1}' has no field '{0}'.",
                "关联表单 “{1}” 中没有字段 “{0}”。");
        m("formula.list-outside-aggregate",
                "'{0}' reads the list of related '{1}' records; use it inside COUNT, SUM, AVG, MIN, MAX or LATEST, e.g. SUM({1}.amount, {1}.status == \"paid\").",
                "“{0}” 读取的是关联的 “{1}” 记录列表，请在 COUNT、SUM、AVG、MIN、MAX 或 LATEST 中使用，例如 SUM({1}.amount, {1}.status == \"paid\")。");
        m("formula.aggregate-two-links", "'{0}' is not a field of the '{1}' records this aggregate reads; one aggregate reads one related list.",
                "“{0}” 不属于本汇总读取的 “{1}” 记录；一个汇总只能读取一个关联列表。");
        m("formula.nested-aggregate", "{0} cannot be used inside another aggregate over related records.",
                "{0} 不能嵌套在另一个关联记录汇总中。");
        m("formula.aggregate-needs-list", "{0} aggregates related records: its first argument is a related list, as in {1}.",
                "{0} 用于汇总关联记录：第一个参数应为关联列表，如 {1}。");
        m("formula.field-not-function", "'{0}' is a field, not a function; expected an operator after it.",
                "“{0}” 是字段而不是函数，其后应为运算符。");
        m("formula.expected", "Expected {0} but found {1}.", "此处应为 {0}，但遇到了 {1}。");
        m("formula.chained-comparison", "Comparisons cannot be chained; use parentheses or '&&'.",
                "比较运算不能连用，请使用括号或 “&&”。");
        m("formula.too-deep", "The formula is nested too deeply (more than {0} levels).",
                "公式嵌套层数过多（超过 {0} 层）。");
        m("formula.too-complex", "The formula is too complex (more than {0} operations in a chain or more than {1} in total).",
                "公式过于复杂（单条运算链超过 {0} 个运算，或总计超过 {1} 个）。");
        m("formula.too-many-arguments", "Too many arguments for {0}: at most {1} are allowed.",
                "函数 {0} 的参数过多：最多 {1} 个。");
        m("formula.type-binary", "The operator '{0}' cannot be applied to {1} and {2}.",
                "运算符 “{0}” 不能用于 {1} 和 {2}。");
        m("formula.type-unary", "The operator '{0}' cannot be applied to {1}; expected {2}.",
                "运算符 “{0}” 不能用于 {1}，此处应为 {2}。");
        m("formula.type-compare", "Cannot compare {0} with {1}.", "无法比较 {0} 和 {1}。");
        m("formula.type-order", "The operator '{0}' cannot order {1} values; use '==' or '!='.",
                "运算符 “{0}” 不能比较 {1} 的大小，请使用 “==” 或 “!=”。");
        m("formula.type-condition", "{0} needs a true/false value but this is {1}.",
                "{0}需要真/假值，但这里是{1}。");
        m("formula.type-branches", "Both branches of '? :' must have the same type, but they are {0} and {1}.",
                "“? :” 的两个分支类型必须相同，但分别是 {0} 和 {1}。");
        m("formula.function-arguments", "{0}: {1} Usage: {2}", "{0}：{1} 用法：{2}");
        m("formula.tier.blank-tier", "Tier rule #{0} has no tier name.", "第 {0} 条分层规则没有分层名称。");
        m("formula.tier.no-condition", "The condition is empty; expected a true/false formula.",
                "条件为空，此处需要一个结果为真/假的公式。");
        m("formula.tier.not-boolean", "A tier condition must be true/false but this formula gives {0}.",
                "分层条件必须是真/假，但此公式的结果是{0}。");
        m("formula.tier.too-many-rules", "A tier model may have at most {1} rules; this one has {0}.",
                "分层模型最多 {1} 条规则，当前有 {0} 条。");
        m("formula.tier.bad-key", "'{0}' is not a valid key: use letters, digits and _, starting with a letter (at most 64).",
                "“{0}” 不是有效的键：只能用字母、数字和 _，以字母开头（最多 64 个字符）。");
        m("formula.tier.key-taken", "The key '{0}' is already used by a field, a score or a dimension.",
                "键 “{0}” 已被字段、评分或维度使用。");
        m("formula.tier.bad-kind", "Unknown score kind '{0}'; expected weighted or rfm.",
                "未知的评分类型 “{0}”，应为 weighted（加权）或 rfm。");
        m("formula.tier.dimensions", "A score needs 1 to {0} dimensions.", "一个评分需要 1 到 {0} 个维度。");
        m("formula.tier.rfm-dimensions",
                "An RFM score has exactly 3 dimensions (recency, frequency, monetary), each scored by bands or quintiles.",
                "RFM 评分必须恰好有 3 个维度（最近购买、购买频次、购买金额），每个维度按区间或五分位打分。");
        m("formula.tier.bad-weight", "A weight must be a number above 0 (at most 1000000).",
                "权重必须是大于 0 的数字（最大 1000000）。");
        m("formula.tier.not-number", "A dimension formula must give a number but this one gives {0}.",
                "维度公式的结果必须是数字，但此公式的结果是{0}。");
        m("formula.tier.bad-bands", "Bands need 1 to 100 ascending thresholds and exactly one more score than thresholds.",
                "区间需要 1 到 100 个递增的界值，分数必须比界值多一个。");
        m("formula.tier.bands-and-quintiles", "Score a dimension one way only: bands, quintiles or percent rank.",
                "维度只能用一种方式打分：区间、五分位或百分位排名。");
        m("formula.tier.bad-quintiles", "quintiles must be high_is_better or low_is_better, not '{0}'.",
                "五分位方向必须是 high_is_better（越高越好）或 low_is_better（越低越好），而不是 “{0}”。");
        m("formula.tier.bad-boundaries", "The boundaries are {0} numbers in ascending order (4 for quintiles, 99 for percent rank).",
                "界值必须是 {0} 个递增排列的数字（五分位 4 个，百分位排名 99 个）。");
        m("formula.tier.blank-name", "Entry #{0} has no name.", "第 {0} 项没有名称。");
        m("formula.tier.too-many", "At most {1} entries are allowed here; there are {0}.", "此处最多 {1} 项，当前有 {0} 项。");
        m("formula.eval.text-too-long", "A text result would be longer than {0} characters.",
                "文本结果将超过 {0} 个字符。");
        m("formula.eval.bad-value", "The value of field '{0}' does not fit its type {1}: {2}",
                "字段 “{0}” 的值不符合其类型{1}：{2}");
        m("formula.eval.failed", "The formula could not be evaluated: {0}", "公式无法计算：{0}");
    }

    private Messages() {
    }

    static boolean has(String code) {
        return T.containsKey(code);
    }

    static String format(String code, Object[] args, Locale locale) {
        String[] t = T.get(code);
        boolean zh = LocalizedText.isZh(locale);
        if (t == null) {
            return code;
        }
        String tpl = zh ? t[1] : t[0];
        StringBuilder sb = new StringBuilder(tpl.length() + 32);
        for (int i = 0; i < tpl.length(); i++) {
            char c = tpl.charAt(i);
            if (c == '{' && i + 2 < tpl.length() && Character.isDigit(tpl.charAt(i + 1)) && tpl.charAt(i + 2) == '}') {
                int n = tpl.charAt(i + 1) - '0';
                sb.append(n < args.length ? render(args[n], locale) : "");
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String render(Object a, Locale locale) {
        if (a instanceof LocalizedText t) {
            return t.get(locale);
        }
        if (a instanceof ValueType v) {
            return v.displayName(locale);
        }
        return String.valueOf(a);
    }
}
