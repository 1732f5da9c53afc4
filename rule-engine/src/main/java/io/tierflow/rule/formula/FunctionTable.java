package io.tierflow.rule.formula;

import java.util.List;

/** The functions one compiled formula calls, by index; passed to the generated MVEL as the variable {@code fn}. */
public final class FunctionTable {
    private final FormulaFunction[] functions;

    FunctionTable(List<FormulaFunction> functions) {
        this.functions = functions.toArray(new FormulaFunction[0]);
    }

    Object call(int index, Object[] args, FormulaContext context) {
        return functions[index].apply(args, context);
    }
}
