package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** RIGHT(text[, count]): the last count characters (code points; default 1, truncated, below 0 as 0). */
@ApplicationScoped
public class RightFunction extends EndCharsFunction {
    public RightFunction() {
        super("RIGHT", "right",
                "The last characters of the text (default 1; a Chinese character or an emoji counts as one). All of it if it is shorter. Null when the text or count is null.",
                "文本末尾的若干个字符（默认 1 个；一个汉字或表情算一个字符）。文本较短时返回整个文本。文本或个数为空时返回空。",
                "RIGHT(phone, 4)", "RIGHT(code)");
    }

    @Override
    String take(String s, int n) {
        int len = length(s);
        return n >= len ? s : s.substring(offset(s, len - n));
    }
}
