package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.tierflow.rule.formula.Token.Kind;

/**
 * Turns formula text into tokens, rejecting everything outside the grammar with a precise reason. Checks, in
 * order: size limit, invisible/control characters anywhere (also inside quotes), then tokens left to right.
 */
final class Lexer {
    static final int MAX_LENGTH = 4000;

    private final int[] cps;
    private final int[] lines;
    private final int[] cols;
    private final List<Token> out = new ArrayList<>();
    private int i;

    private Lexer(String text) {
        this.cps = text.codePoints().toArray();
        this.lines = new int[cps.length + 1];
        this.cols = new int[cps.length + 1];
        int line = 1;
        int col = 1;
        for (int k = 0; k < cps.length; k++) {
            lines[k] = line;
            cols[k] = col;
            if (cps[k] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        lines[cps.length] = line;
        cols[cps.length] = col;
    }

    static List<Token> lex(String text) {
        if (text == null) {
            text = "";
        }
        if (text.length() > MAX_LENGTH) {
            int[] lc = position(text, MAX_LENGTH);
            throw new FormulaException("formula.too-long", lc[0], lc[1], text.length(), MAX_LENGTH);
        }
        Lexer lx = new Lexer(text);
        lx.scanCharacters();
        lx.run();
        return lx.out;
    }

    private static int[] position(String text, int charIndex) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < charIndex && k < text.length(); ) {
            int cp = text.codePointAt(k);
            if (cp == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            k += Character.charCount(cp);
        }
        return new int[]{line, col};
    }

    static String codePointName(int cp) {
        return String.format("U+%04X", cp);
    }

    private static String show(int cp) {
        return "'" + new String(Character.toChars(cp)) + "' (" + codePointName(cp) + ")";
    }

    private FormulaException err(int at, String code, Object... args) {
        return new FormulaException(code, lines[at], cols[at], args);
    }

    /** Rejects Cf/Cc (except \n \r \t), lone surrogates, private-use, unassigned and line/paragraph separators. */
    private void scanCharacters() {
        for (int k = 0; k < cps.length; k++) {
            int cp = cps[k];
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                continue;
            }
            int type = Character.getType(cp);
            switch (type) {
                case Character.FORMAT -> throw err(k, "formula.invisible-character", codePointName(cp));
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
                        throw err(k, "formula.control-character", codePointName(cp));
                case Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED ->
                        throw err(k, "formula.unexpected-character", codePointName(cp));
                default -> {
                }
            }
        }
    }

    private int peek(int ahead) {
        int k = i + ahead;
        return k < cps.length ? cps[k] : -1;
    }

    private int nextNonSpace() {
        int k = i;
        while (k < cps.length && (cps[k] == ' ' || cps[k] == '\t' || cps[k] == '\n' || cps[k] == '\r')) {
            k++;
        }
        return k < cps.length ? cps[k] : -1;
    }

    private void add(Kind kind, String text, Object value, int start) {
        out.add(new Token(kind, text, value, lines[start], cols[start]));
    }

    private void run() {
        while (i < cps.length) {
            int c = cps[i];
            int start = i;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (c >= '0' && c <= '9') {
                number();
            } else if (c == '"' || c == '\'') {
                string(c);
            } else if (isIdentStart(c)) {
                while (i < cps.length && isIdentPart(cps[i])) {
                    i++;
                }
                String word = new String(cps, start, i - start);
                LocalizedText why = Parser.reservedReason(word);
                if (why != null && !(Parser.mayNameFunction(word) && nextNonSpace() == '(')) {
                    // reported where it occurs, before anything later in the text (e.g. the '.' in "new java.io…")
                    throw err(start, "formula.keyword", word, why);
                }
                if (peek(0) == '.' && isIdentStart(peek(1))) {
                    // link.field: a related record's field; the parser checks the link and reports a '.' after
                    // anything else as member access, at the '.', as before
                    int dot = i - start;
                    i++;
                    while (i < cps.length && isIdentPart(cps[i])) {
                        i++;
                    }
                    add(Kind.IDENT, new String(cps, start, i - start), dot, start);
                } else {
                    add(Kind.IDENT, word, null, start);
                }
            } else if (c < 128) {
                operator(c);
            } else {
                nonAscii(c);
            }
        }
        add(Kind.EOF, "", null, cps.length);
    }

    static boolean isIdentStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || isCjkLetter(c);
    }

    static boolean isIdentPart(int c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    static boolean isCjkLetter(int c) {
        if (c < 0x2E80 || !Character.isLetter(c)) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
                || s == Character.UnicodeScript.BOPOMOFO;
    }

    private void number() {
        int start = i;
        while (i < cps.length && isDigit(cps[i])) {
            i++;
        }
        if (peek(0) == '.') {
            if (isDigit(peek(1))) {
                i++;
                while (i < cps.length && isDigit(cps[i])) {
                    i++;
                }
            } else if (isIdentStart(peek(1))) {
                throw err(i, "formula.member-access", ".");
            } else {
                i++;
                throw err(start, "formula.bad-number", new String(cps, start, i - start));
            }
        }
        if (peek(0) == 'e' || peek(0) == 'E') {
            int save = i;
            i++;
            if (peek(0) == '+' || peek(0) == '-') {
                i++;
            }
            if (!isDigit(peek(0))) {
                while (i < cps.length && isIdentPart(cps[i])) {
                    i++;
                }
                throw err(start, "formula.bad-number", new String(cps, start, Math.max(i, save + 1) - start));
            }
            while (i < cps.length && isDigit(cps[i])) {
                i++;
            }
        }
        if (i < cps.length && (isIdentPart(cps[i]))) {
            while (i < cps.length && isIdentPart(cps[i])) {
                i++;
            }
            throw err(start, "formula.bad-number", new String(cps, start, i - start));
        }
        if (peek(0) == '.') {
            throw err(i, "formula.member-access", ".");
        }
        String text = new String(cps, start, i - start);
        BigDecimal v;
        try {
            v = new BigDecimal(text).round(FormulaValues.MC);
        } catch (NumberFormatException | ArithmeticException e) {
            throw err(start, "formula.number-out-of-range", text, FormulaValues.MAX_EXPONENT);
        }
        if (FormulaValues.outOfRange(v)) {
            throw err(start, "formula.number-out-of-range", text, FormulaValues.MAX_EXPONENT);
        }
        add(Kind.NUMBER, text, v, start);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void string(int quote) {
        int start = i;
        i++;
        StringBuilder sb = new StringBuilder();
        String q = quote == '"' ? "\"" : "'";
        while (true) {
            if (i >= cps.length) {
                throw err(start, "formula.unterminated-string", q);
            }
            int c = cps[i];
            if (c == quote) {
                i++;
                break;
            }
            if (c == '\n' || c == '\r') {
                throw err(i, "formula.newline-in-string");
            }
            if (c == '\\') {
                int n = peek(1);
                switch (n) {
                    case '"' -> sb.append('"');
                    case '\'' -> sb.append('\'');
                    case '\\' -> sb.append('\\');
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'u', 'U' -> throw err(i, "formula.unicode-escape");
                    case -1 -> throw err(start, "formula.unterminated-string", q);
                    default -> throw err(i, "formula.bad-escape", new String(Character.toChars(n)));
                }
                i += 2;
                continue;
            }
            sb.appendCodePoint(c);
            i++;
        }
        add(Kind.STRING, new String(cps, start, i - start), sb.toString(), start);
    }

    private static final LocalizedText ANY_OPERATOR = new LocalizedText(
            "an operator such as + - * / % == != < <= > >= && ||",
            "运算符，如 + - * / % == != < <= > >= && ||");

    private void operator(int c) {
        int s = i;
        int n = peek(1);
        switch (c) {
            case '+' -> {
                if (n == '=') throw err(s, "formula.assignment", "+=");
                one(Kind.PLUS, "+");
            }
            case '-' -> {
                if (n == '=') throw err(s, "formula.assignment", "-=");
                if (n == '>') throw err(s, "formula.lambda");
                one(Kind.MINUS, "-");
            }
            case '*' -> {
                if (n == '*') throw err(s, "formula.power-operator");
                if (n == '=') throw err(s, "formula.assignment", "*=");
                one(Kind.STAR, "*");
            }
            case '/' -> {
                if (n == '/') throw err(s, "formula.comment", "//");
                if (n == '*') throw err(s, "formula.comment", "/* */");
                if (n == '=') throw err(s, "formula.assignment", "/=");
                one(Kind.SLASH, "/");
            }
            case '%' -> {
                if (n == '=') throw err(s, "formula.assignment", "%=");
                one(Kind.PERCENT, "%");
            }
            case '=' -> {
                if (n == '=') {
                    two(Kind.EQ, "==");
                } else {
                    throw err(s, "formula.assignment", "=");
                }
            }
            case '!' -> {
                if (n == '=') two(Kind.NE, "!=");
                else one(Kind.NOT, "!");
            }
            case '<' -> {
                if (n == '=') two(Kind.LE, "<=");
                else if (n == '<') throw err(s, "formula.unsupported-operator", "<<", ANY_OPERATOR);
                else if (n == '>') throw err(s, "formula.unsupported-operator", "<>", new LocalizedText("'!='", "“!=”"));
                else one(Kind.LT, "<");
            }
            case '>' -> {
                if (n == '=') two(Kind.GE, ">=");
                else if (n == '>') throw err(s, "formula.unsupported-operator", ">>", ANY_OPERATOR);
                else one(Kind.GT, ">");
            }
            case '&' -> {
                if (n == '&') two(Kind.AND, "&&");
                else if (n == '=') throw err(s, "formula.assignment", "&=");
                else throw err(s, "formula.unsupported-operator", "&", new LocalizedText("'&&' or 'and'", "“&&” 或 “and”"));
            }
            case '|' -> {
                if (n == '|') two(Kind.OR, "||");
                else if (n == '=') throw err(s, "formula.assignment", "|=");
                else throw err(s, "formula.unsupported-operator", "|", new LocalizedText("'||' or 'or'", "“||” 或 “or”"));
            }
            case '^' -> throw err(s, "formula.unsupported-operator", "^", ANY_OPERATOR);
            case '~' -> throw err(s, "formula.regex-operator");
            case '?' -> one(Kind.QUESTION, "?");
            case ':' -> {
                if (n == ':') throw err(s, "formula.method-reference");
                one(Kind.COLON, ":");
            }
            case '(' -> one(Kind.LPAREN, "(");
            case ')' -> one(Kind.RPAREN, ")");
            case ',' -> one(Kind.COMMA, ",");
            case '.' -> {
                if (isDigit(n)) {
                    int k = i + 1;
                    while (k < cps.length && isDigit(cps[k])) {
                        k++;
                    }
                    throw err(s, "formula.bad-number", new String(cps, s, k - s));
                }
                throw err(s, "formula.member-access", ".");
            }
            case ';' -> throw err(s, "formula.statement-separator");
            case '{', '}' -> throw err(s, "formula.block", String.valueOf((char) c));
            case '[', ']' -> throw err(s, "formula.brackets", String.valueOf((char) c));
            case '@', '#', '$', '`' -> throw err(s, "formula.forbidden-character", String.valueOf((char) c));
            case '\\' -> throw err(s, "formula.backslash");
            default -> throw err(s, "formula.unexpected-character", show(c));
        }
    }

    private void one(Kind k, String text) {
        add(k, text, null, i);
        i++;
    }

    private void two(Kind k, String text) {
        add(k, text, null, i);
        i += 2;
    }

    private void nonAscii(int c) {
        if (c == 0xFF0E || c == 0x2024 || c == 0xFE52) {
            throw err(i, "formula.member-access", new String(Character.toChars(c)));
        }
        if (Character.getType(c) == Character.SPACE_SEPARATOR) {
            throw err(i, "formula.unicode-space", codePointName(c));
        }
        if (c >= 0xFF01 && c <= 0xFF5E) {
            throw err(i, "formula.fullwidth-character", show(c), "'" + (char) (c - 0xFEE0) + "'");
        }
        throw err(i, "formula.unexpected-character", show(c));
    }
}
