package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionArgumentException;
import io.tierflow.rule.formula.RelationAggregate;
import io.tierflow.rule.formula.ValueType;

/** Common parts of the aggregates over related records: names, texts and the value type checks. */
public abstract class AbstractRelationAggregate extends FunctionTexts implements RelationAggregate {

    protected AbstractRelationAggregate(String name, String signature, String en, String zh, String... examples) {
        super(name, signature, en, zh, examples);
    }

    /** Checks that the value is of one of {@code allowed} types (NULL always passes) and returns its type. */
    protected ValueType valueOf(ValueType type, ValueType... allowed) {
        if (type == ValueType.NULL || List.of(allowed).contains(type)) {
            return type == ValueType.NULL ? allowed[0] : type;
        }
        String list = String.join(", ", List.of(allowed).stream().map(ValueType::name).toList());
        throw new FunctionArgumentException(0, name() + " takes " + list.toLowerCase(Locale.ROOT) + " values, not "
                + type.name().toLowerCase(Locale.ROOT), name() + " 只能汇总" + list + "类型的值，不能汇总" + type.name());
    }

    /** The non-null values. */
    protected static List<Object> present(List<Object> values) {
        return values.stream().filter(Objects::nonNull).toList();
    }

    /** The exact sum rounded once, as SQL's sum() then tf_num (null when it overflows). */
    protected static BigDecimal roundedSum(List<Object> numbers) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Object n : numbers) {
            sum = sum.add((BigDecimal) n);
        }
        return FormulaValues.checkNumber(sum.round(FormulaValues.MC));
    }
}
