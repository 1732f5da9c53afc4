package io.tierflow.rule.formula;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.mvel2.MVEL;
import org.mvel2.ParserContext;

/**
 * Compiles formula text: own lexer and parser ({@code Lexer}, {@code Parser}) → type check ({@link TypeChecker},
 * which documents the typing and null rules) → MVEL source generated from the typed tree → MVEL compiled mode.
 * MVEL never sees the user's text; the generated source can reach only {@link FormulaRuntime} and the formula's
 * {@link FunctionTable}. The same typed tree also translates to SQL ({@link CompiledFormula#sql}). Limits:
 * 4000 characters, nesting depth 32, expression tree depth 100, 1000 nodes,
 * 64 arguments per call.
 */
@ApplicationScoped
public class FormulaCompiler {
    public static final int MAX_LENGTH = Lexer.MAX_LENGTH;
    public static final int MAX_NESTING = Parser.MAX_NESTING;

    private final FunctionRegistry registry;

    @Inject
    public FormulaCompiler(FunctionRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    public FunctionRegistry registry() {
        return registry;
    }

    /**
     * @throws FormulaException with position and reason when the text is outside the grammar or mistyped
     */
    public CompiledFormula compile(String text, FormulaScope scope) {
        Objects.requireNonNull(scope, "scope");
        Ast.Node ast = Parser.parse(text, scope, registry);
        Typed.T typed = TypeChecker.check(ast);
        MvelGenerator gen = new MvelGenerator();
        String source = gen.generate(typed);
        ParserContext ctx = new ParserContext();
        ctx.addImport("Rt", FormulaRuntime.class);
        Serializable compiled = MVEL.compileExpression(source, ctx);
        List<CompiledAggregate> aggregates = new ArrayList<>();
        for (MvelGenerator.AggregatePlan a : gen.aggregates) {
            aggregates.add(new CompiledAggregate(a,
                    a.valueSource() == null ? null : MVEL.compileExpression(a.valueSource(), ctx),
                    a.filterSource() == null ? null : MVEL.compileExpression(a.filterSource(), ctx)));
        }
        return new CompiledFormula(text, typed, source, compiled, gen.fields.values(), gen.constants,
                new FunctionTable(gen.functions), registry.context(),
                new CompiledFormula.Related(List.copyOf(gen.links), List.copyOf(gen.linkReads.values()), aggregates));
    }
}
