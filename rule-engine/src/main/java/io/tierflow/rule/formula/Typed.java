package io.tierflow.rule.formula;

import java.util.List;

/** Typed expression tree produced by {@link TypeChecker}; {@link MvelGenerator} turns it into MVEL source. */
final class Typed {
    private Typed() {
    }

    sealed interface T permits Const, Field, Op, Cond, Fn {
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

    /** A call of the static helper {@code FormulaRuntime.<helper>} on the operands. */
    record Op(String helper, List<T> args, ValueType type) implements T {
    }

    record Cond(T cond, T then, T otherwise, ValueType type) implements T {
    }

    record Fn(FormulaFunction function, List<T> args, ValueType type) implements T {
    }
}
