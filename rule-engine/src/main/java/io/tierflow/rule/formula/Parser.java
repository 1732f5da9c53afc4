package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tierflow.rule.formula.Ast.Aggregate;
import io.tierflow.rule.formula.Ast.Binary;
import io.tierflow.rule.formula.Ast.Call;
import io.tierflow.rule.formula.Ast.FieldNode;
import io.tierflow.rule.formula.Ast.ItemFieldNode;
import io.tierflow.rule.formula.Ast.LinkFieldNode;
import io.tierflow.rule.formula.Ast.Lit;
import io.tierflow.rule.formula.Ast.Node;
import io.tierflow.rule.formula.Ast.Pos;
import io.tierflow.rule.formula.Ast.Ternary;
import io.tierflow.rule.formula.Ast.Unary;
import io.tierflow.rule.formula.Token.Kind;

/**
 * Recursive-descent parser. Precedence, lowest first: {@code ? :} (right-assoc), {@code || or},
 * {@code && and}, comparisons (non-associative), {@code + -}, {@code * / %}, unary {@code - ! not}, primary.
 */
final class Parser {
    static final int MAX_NESTING = 32;
    static final int MAX_ARGUMENTS = 64;

    private static final LocalizedText LOOPS = new LocalizedText("loops are not allowed", "不允许使用循环");
    private static final LocalizedText NOT_LANGUAGE = new LocalizedText(
            "it is not part of the formula language", "它不属于公式语言");
    private static final Map<String, LocalizedText> RESERVED = Map.ofEntries(
            Map.entry("new", new LocalizedText("creating objects is not allowed", "不允许创建对象")),
            Map.entry("import", new LocalizedText("imports are not allowed", "不允许导入")),
            Map.entry("import_static", new LocalizedText("imports are not allowed", "不允许导入")),
            Map.entry("package", new LocalizedText("imports are not allowed", "不允许导入")),
            Map.entry("def", new LocalizedText("defining functions is not allowed", "不允许定义函数")),
            Map.entry("function", new LocalizedText("defining functions is not allowed", "不允许定义函数")),
            Map.entry("var", new LocalizedText("defining variables is not allowed", "不允许定义变量")),
            Map.entry("class", new LocalizedText("classes are not accessible", "不允许访问类")),
            Map.entry("with", new LocalizedText("'with' blocks are not allowed", "不允许使用 with 代码块")),
            Map.entry("foreach", LOOPS), Map.entry("while", LOOPS), Map.entry("for", LOOPS),
            Map.entry("do", LOOPS), Map.entry("until", LOOPS),
            Map.entry("if", new LocalizedText(
                    "statements are not allowed; use 'condition ? a : b' or IF(condition, a, b)",
                    "不允许使用语句，请使用 “条件 ? a : b” 或 IF(条件, a, b)")),
            Map.entry("else", new LocalizedText(
                    "statements are not allowed; use 'condition ? a : b' or IF(condition, a, b)",
                    "不允许使用语句，请使用 “条件 ? a : b” 或 IF(条件, a, b)")),
            Map.entry("return", NOT_LANGUAGE), Map.entry("this", NOT_LANGUAGE), Map.entry("super", NOT_LANGUAGE),
            Map.entry("instanceof", NOT_LANGUAGE), Map.entry("is", NOT_LANGUAGE), Map.entry("isdef", NOT_LANGUAGE),
            Map.entry("in", NOT_LANGUAGE), Map.entry("switch", NOT_LANGUAGE), Map.entry("case", NOT_LANGUAGE),
            Map.entry("break", NOT_LANGUAGE), Map.entry("continue", NOT_LANGUAGE), Map.entry("throw", NOT_LANGUAGE),
            Map.entry("try", NOT_LANGUAGE), Map.entry("catch", NOT_LANGUAGE), Map.entry("finally", NOT_LANGUAGE),
            Map.entry("synchronized", NOT_LANGUAGE), Map.entry("assert", NOT_LANGUAGE),
            Map.entry("static", NOT_LANGUAGE), Map.entry("goto", NOT_LANGUAGE), Map.entry("const", NOT_LANGUAGE));

    private static final LocalizedText OPERAND = new LocalizedText(
            "a value (number, quoted text, field, function call or '(')",
            "一个值（数字、带引号的文本、字段、函数调用或 “(”）");
    private static final LocalizedText OPERATOR_OR_END = new LocalizedText(
            "an operator or the end of the formula", "运算符或公式结尾");

    private final List<Token> tokens;
    private final FormulaScope scope;
    private final FunctionRegistry registry;
    private int p;
    private int depth;
    /** The MANY link of the aggregate being parsed, whose fields read the record aggregated; null outside. */
    private Link aggregating;
    /** Inside a PERCENTRANK argument. */
    private boolean ranking;

    private Parser(List<Token> tokens, FormulaScope scope, FunctionRegistry registry) {
        this.tokens = tokens;
        this.scope = scope;
        this.registry = registry;
    }

    static Node parse(String text, FormulaScope scope, FunctionRegistry registry) {
        List<Token> tokens = Lexer.lex(text);
        Parser parser = new Parser(tokens, scope, registry);
        if (tokens.get(0).kind() == Kind.EOF) {
            throw new FormulaException("formula.empty", 1, 1);
        }
        Node n = parser.ternary();
        Token t = parser.peek();
        if (t.kind() != Kind.EOF) {
            if (t.kind() == Kind.RPAREN) {
                throw err(t, "formula.expected", OPERATOR_OR_END,
                        new LocalizedText("')' without a matching '('", "没有对应 “(” 的 “)”"));
            }
            throw err(t, "formula.expected", OPERATOR_OR_END, t.describe());
        }
        return n;
    }

    /**
     * Reserved words that may still name a function (IF, IN, SWITCH): followed by '(' they are read as a call of the
     * registered function of that name, or rejected as a keyword when there is none.
     */
    static final Set<String> RESERVED_FUNCTION_NAMES = Set.of("IF", "IN", "SWITCH");

    static boolean mayNameFunction(String word) {
        return RESERVED_FUNCTION_NAMES.contains(word.toUpperCase(Locale.ROOT));
    }

    static boolean isReserved(String word) {
        return RESERVED.containsKey(word.toLowerCase(Locale.ROOT));
    }

    /** Why a reserved word is not allowed, or null if the word is not reserved. */
    static LocalizedText reservedReason(String word) {
        return RESERVED.get(word.toLowerCase(Locale.ROOT));
    }

    private static FormulaException err(Token t, String code, Object... args) {
        return new FormulaException(code, t.line(), t.column(), args);
    }

    private Token peek() {
        return tokens.get(p);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(p + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(p);
        if (t.kind() != Kind.EOF) {
            p++;
        }
        return t;
    }

    private boolean isWord(Token t, String word) {
        return t.kind() == Kind.IDENT && t.text().equalsIgnoreCase(word);
    }

    private void enter(Token at) {
        if (++depth > MAX_NESTING) {
            throw err(at, "formula.too-deep", MAX_NESTING);
        }
    }

    private void leave() {
        depth--;
    }

    private Token expect(Kind kind, LocalizedText what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw err(t, "formula.expected", what, t.describe());
        }
        return next();
    }

    private Node ternary() {
        Node cond = or();
        if (peek().kind() == Kind.QUESTION) {
            Token q = next();
            enter(q);
            Node a = ternary();
            expect(Kind.COLON, new LocalizedText("':' (the 'else' part of '? :')", "“:”（“? :” 的否则部分）"));
            Node b = ternary();
            leave();
            return new Ternary(cond, a, b, Pos.of(q));
        }
        return cond;
    }

    private Node or() {
        Node l = and();
        while (peek().kind() == Kind.OR || isWord(peek(), "or")) {
            Token op = next();
            l = new Binary("||", l, and(), Pos.of(op));
        }
        return l;
    }

    private Node and() {
        Node l = comparison();
        while (peek().kind() == Kind.AND || isWord(peek(), "and")) {
            Token op = next();
            l = new Binary("&&", l, comparison(), Pos.of(op));
        }
        return l;
    }

    private static boolean isComparison(Kind k) {
        return k == Kind.EQ || k == Kind.NE || k == Kind.LT || k == Kind.LE || k == Kind.GT || k == Kind.GE;
    }

    private Node comparison() {
        Node l = additive();
        if (isComparison(peek().kind())) {
            Token op = next();
            l = new Binary(op.text(), l, additive(), Pos.of(op));
            if (isComparison(peek().kind())) {
                throw err(peek(), "formula.chained-comparison");
            }
        }
        return l;
    }

    private Node additive() {
        Node l = multiplicative();
        while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
            Token op = next();
            l = new Binary(op.text(), l, multiplicative(), Pos.of(op));
        }
        return l;
    }

    private Node multiplicative() {
        Node l = unary();
        while (peek().kind() == Kind.STAR || peek().kind() == Kind.SLASH || peek().kind() == Kind.PERCENT) {
            Token op = next();
            l = new Binary(op.text(), l, unary(), Pos.of(op));
        }
        return l;
    }

    private Node unary() {
        Token t = peek();
        boolean notWord = isWord(t, "not")
                && !(peek(1).kind() == Kind.LPAREN && registry.find(t.text()).isPresent());
        if (t.kind() == Kind.MINUS || t.kind() == Kind.NOT || notWord) {
            next();
            enter(t);
            Node operand = unary();
            leave();
            return new Unary(t.kind() == Kind.MINUS ? "-" : "!", operand, Pos.of(t));
        }
        return primary();
    }

    private Node primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                return new Lit((BigDecimal) t.value(), ValueType.NUMBER, Pos.of(t));
            }
            case STRING -> {
                next();
                return new Lit(t.value(), ValueType.TEXT, Pos.of(t));
            }
            case LPAREN -> {
                next();
                enter(t);
                Node e = ternary();
                expect(Kind.RPAREN, new LocalizedText("')' or an operator", "“)” 或运算符"));
                leave();
                return e;
            }
            case IDENT -> {
                return identifier();
            }
            default -> throw err(t, "formula.expected", OPERAND, t.describe());
        }
    }

    private Node identifier() {
        Token t = next();
        String name = t.text();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean call = peek().kind() == Kind.LPAREN;
        if (!call) {
            switch (lower) {
                case "true" -> {
                    return new Lit(Boolean.TRUE, ValueType.BOOLEAN, Pos.of(t));
                }
                case "false" -> {
                    return new Lit(Boolean.FALSE, ValueType.BOOLEAN, Pos.of(t));
                }
                case "null" -> {
                    return new Lit(null, ValueType.NULL, Pos.of(t));
                }
                default -> {
                }
            }
        }
        int dot = t.value() instanceof Integer d ? d : -1;
        if (dot >= 0 && (call || scope.findLink(name.substring(0, dot)).isEmpty())) {
            // method calls and member access on anything but a link are outside the language
            throw new FormulaException("formula.member-access", t.line(), t.column() + name.codePointCount(0, dot), ".");
        }
        if (call && name.equalsIgnoreCase(PercentRank.NAME)) {
            return rank(t);
        }
        if (call) {
            Optional<RelationAggregate> agg = registry.findAggregate(name);
            // inside an aggregate, SUM, MIN and MAX are the functions of their arguments
            Link list = agg.isPresent() && aggregating == null ? manyLink(agg.get()) : null;
            if (list != null || agg.isPresent() && registry.find(name).isEmpty()) {
                return aggregate(t, agg.get(), list);
            }
            Optional<FormulaFunction> fn = registry.find(name);
            if (fn.isEmpty()) {
                if (RESERVED.containsKey(lower)) {
                    throw err(t, "formula.keyword", name, RESERVED.get(lower));
                }
                if (scope.find(name).isPresent()) {
                    throw err(t, "formula.field-not-function", name);
                }
                throw err(t, "formula.unknown-function", name);
            }
            Token open = next();
            enter(open);
            List<Node> args = new ArrayList<>();
            if (peek().kind() != Kind.RPAREN) {
                while (true) {
                    if (args.size() >= MAX_ARGUMENTS) {
                        throw err(peek(), "formula.too-many-arguments", fn.get().name(), MAX_ARGUMENTS);
                    }
                    args.add(ternary());
                    if (peek().kind() == Kind.COMMA) {
                        next();
                        continue;
                    }
                    break;
                }
            }
            expect(Kind.RPAREN, new LocalizedText("',' or ')'", "“,” 或 “)”"));
            leave();
            return new Call(fn.get().name(), fn.get(), List.copyOf(args), Pos.of(t));
        }
        if (RESERVED.containsKey(lower)) {
            throw err(t, "formula.keyword", name, RESERVED.get(lower));
        }
        if (dot >= 0) {
            return linked(t, scope.findLink(name.substring(0, dot)).orElseThrow(), name.substring(dot + 1));
        }
        Optional<FieldRef> f = scope.find(name);
        if (f.isEmpty()) {
            throw err(t, "formula.unknown-field", name);
        }
        return new FieldNode(f.get(), Pos.of(t));
    }

    /** PERCENTRANK(value), where the scope ranks (tier models); not nested. */
    private Node rank(Token name) {
        if (scope.ranks() == null) {
            throw err(name, "formula.rank-outside-model");
        }
        if (ranking) {
            throw err(name, "formula.nested-rank");
        }
        Token open = next();
        enter(open);
        ranking = true;
        Node value = ternary();
        ranking = false;
        expect(Kind.RPAREN, new LocalizedText("')' (PERCENTRANK takes one value)", "“)”（PERCENTRANK 只接受一个值）"));
        leave();
        String expression = AstText.of(value);
        FormulaFunction bandScore = registry.find("BANDSCORE")
                .orElseThrow(() -> new IllegalStateException("PERCENTRANK is read with BANDSCORE, which is not registered"));
        return new Ast.Rank(value, expression, scope.ranks().boundaries(expression), bandScore, Pos.of(name));
    }

    /** {@code link.field}: the linked record's field (ONE), or inside an aggregate the aggregated record's (MANY). */
    private Node linked(Token t, Link link, String key) {
        FieldRef field = link.target().find(key)
                .orElseThrow(() -> err(t, "formula.unknown-link-field", key, link.key()));
        if (link.kind() == Link.Kind.ONE) {
            return new LinkFieldNode(link, field, Pos.of(t));
        }
        if (aggregating == null) {
            throw err(t, "formula.list-outside-aggregate", t.text(), link.key());
        }
        if (aggregating != link) {
            throw err(t, "formula.aggregate-two-links", t.text(), aggregating.key());
        }
        return new ItemFieldNode(link, field, Pos.of(t));
    }

    /**
     * The MANY link a call's first argument reads ({@code SUM(orders.qty * orders.price)}), which makes the call an
     * aggregate; for COUNT the argument is the link itself ({@code COUNT(orders)}). Null when there is none.
     */
    private Link manyLink(RelationAggregate agg) {
        if (!agg.takesValue()) {
            Token first = peek(1);
            return first.kind() == Kind.IDENT && !(first.value() instanceof Integer)
                    ? scope.findLink(first.text()).filter(l -> l.kind() == Link.Kind.MANY).orElse(null) : null;
        }
        int nesting = 0;
        for (int k = 1; ; k++) {
            Token t = peek(k);
            switch (t.kind()) {
                case EOF -> {
                    return null;
                }
                case LPAREN -> nesting++;
                case RPAREN, COMMA -> {
                    if (nesting == 0) {
                        return null;
                    }
                    if (t.kind() == Kind.RPAREN) {
                        nesting--;
                    }
                }
                case IDENT -> {
                    if (t.value() instanceof Integer dot) {
                        Optional<Link> link = scope.findLink(t.text().substring(0, dot))
                                .filter(l -> l.kind() == Link.Kind.MANY);
                        if (link.isPresent()) {
                            return link.get();
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    /** {@code NAME(list.value [, condition])}, or {@code COUNT(list [, condition])}; not nested. */
    private Node aggregate(Token name, RelationAggregate agg, Link list) {
        if (aggregating != null) {
            throw err(name, "formula.nested-aggregate", agg.name());
        }
        if (list == null) {
            throw err(name, "formula.aggregate-needs-list", agg.name(), agg.signature());
        }
        Token open = next();
        enter(open);
        aggregating = list;
        Node value = null;
        if (agg.takesValue()) {
            value = ternary();
        } else {
            next();
        }
        Node filter = null;
        if (peek().kind() == Kind.COMMA) {
            next();
            filter = ternary();
        }
        expect(Kind.RPAREN, new LocalizedText("',' or ')'", "“,” 或 “)”"));
        aggregating = null;
        leave();
        return new Aggregate(agg.name(), agg, list, value, filter, Pos.of(name));
    }
}
