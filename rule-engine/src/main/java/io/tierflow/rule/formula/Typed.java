package io.tierflow.rule.formula;

import java.util.List;

/** Typed expression tree produced by {@link TypeChecker}; {@link MvelGenerator} turns it into MVEL source. */
final class Typed {
    private Typed() {
    }

    sealed interface T permits Const, Field, LinkField, ItemField, Agg, Rank, Op, Cond, Fn {
        ValueType type();
    }

    /** value: BigDecimal, String, Boolean or null. */
    record Const(Object value, ValueType type) implements T {
    }

    record Field(FieldRef field) implements T {
        @Override
        public ValueType type() {
            return field.type();
        }
    }

    /** A field of the record a ONE link points to. */
    record LinkField(Link link, FieldRef field) implements T {
        @Override
        public ValueType type() {
            return field.type();
        }
    }

    /** A field of the MANY link's record being aggregated (only inside {@link Agg}). */
    record ItemField(FieldRef field) implements T {
        @Override
        public ValueType type() {
            return field.type();
        }
    }

    /** An aggregate over a MANY link's records; value null for COUNT, filter null for all records. */
    record Agg(RelationAggregate aggregate, Link link, T value, T filter, ValueType type) implements T {
    }

    /** PERCENTRANK(value): computed as {@code read} (a BANDSCORE over the percentiles, or null without them). */
    record Rank(T value, String expression, T read) implements T {
        @Override
        public ValueType type() {
            return ValueType.NUMBER;
        }
    }

    /** A call of the static helper {@code FormulaRuntime.<helper>} on the operands. */
    record Op(String helper, List<T> args, ValueType type) implements T {
    }

    record Cond(T cond, T then, T otherwise, ValueType type) implements T {
    }

    record Fn(FormulaFunction function, List<T> args, ValueType type) implements T {
    }
}
