package io.tierflow.rule.formula;

/** A token of the formula language; {@code value} is a BigDecimal for numbers and the decoded text for strings. */
record Token(Kind kind, String text, Object value, int line, int column) {
    enum Kind {
        NUMBER, STRING, IDENT,
        PLUS, MINUS, STAR, SLASH, PERCENT,
        EQ, NE, LT, LE, GT, GE,
        AND, OR, NOT,
        QUESTION, COLON, LPAREN, RPAREN, COMMA,
        EOF
    }

    LocalizedText describe() {
        return switch (kind) {
            case EOF -> new LocalizedText("the end of the formula", "公式结尾");
            case NUMBER -> new LocalizedText("the number " + text, "数字 " + text);
            case STRING -> new LocalizedText("a text in quotes", "引号内的文本");
            case IDENT -> new LocalizedText("'" + text + "'", "“" + text + "”");
            default -> new LocalizedText("'" + text + "'", "“" + text + "”");
        };
    }
}
