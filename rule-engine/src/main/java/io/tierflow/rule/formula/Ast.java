package io.tierflow.rule.formula;

import java.util.List;

/** Untyped syntax tree produced by {@link Parser}. */
final class Ast {
    private Ast() {
    }

    record Pos(int line, int column) {
        static Pos of(Token t) {
            return new Pos(t.line(), t.column());
        }
    }

    sealed interface Node permits Lit, FieldNode, LinkFieldNode, ItemFieldNode, Aggregate, Rank, Unary, Binary, Ternary, Call {
        Pos pos();
    }

    /** value: BigDecimal, String, Boolean or null. */
    record Lit(Object value, ValueType type, Pos pos) implements Node {
    }

    record FieldNode(FieldRef field, Pos pos) implements Node {
    }

    /** {@code link.field} of a ONE link: the linked record's field. */
    record LinkFieldNode(Link link, FieldRef field, Pos pos) implements Node {
    }

    /** {@code link.field} of a MANY link, inside an aggregate: the field of the record being aggregated. */
    record ItemFieldNode(Link link, FieldRef field, Pos pos) implements Node {
    }

    /** An aggregate over a MANY link; value is null for COUNT, filter null when there is no condition. */
    record Aggregate(String name, RelationAggregate aggregate, Link link, Node value, Node filter, Pos pos)
            implements Node {
    }

    /**
     * PERCENTRANK(value): {@code expression} is the argument's canonical text, {@code percentiles} the form's (null when
     * not computed yet), {@code bandScore} the function the rank is read with.
     */
    record Rank(Node value, String expression, java.util.List<java.math.BigDecimal> percentiles,
                FormulaFunction bandScore, Pos pos) implements Node {
    }

    /** op: "-" or "!" (also for the word {@code not}). */
    record Unary(String op, Node operand, Pos pos) implements Node {
    }

    /** op: + - * / % == != < <= > >= && ||; pos is the operator's position. */
    record Binary(String op, Node left, Node right, Pos pos) implements Node {
    }

    record Ternary(Node cond, Node then, Node otherwise, Pos pos) implements Node {
    }

    record Call(String name, FormulaFunction function, List<Node> args, Pos pos) implements Node {
    }
}
