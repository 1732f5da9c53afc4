package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** LEFT(text[, count]): the first count characters (code points; default 1, truncated, below 0 as 0); null → null. */
@ApplicationScoped
public class LeftFunction extends EndCharsFunction {
    public LeftFunction() {
        super("LEFT", "left",
                "The first characters of the text (default 1; a Chinese character or an emoji counts as one). All of it if it is shorter. Null when the text or count is null.",
                "文本开头的若干个字符（默认 1 个；一个汉字或表情算一个字符）。文本较短时返回整个文本。文本或个数为空时返回空。",
                "LEFT(phone, 3)", "LEFT(name)");
    }

    @Override
    String take(String s, int n) {
        return leftChars(s, n);
    }
}
