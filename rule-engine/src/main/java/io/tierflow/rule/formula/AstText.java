package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.util.stream.Collectors;

import io.tierflow.rule.formula.Ast.Aggregate;
import io.tierflow.rule.formula.Ast.Binary;
import io.tierflow.rule.formula.Ast.Call;
import io.tierflow.rule.formula.Ast.FieldNode;
import io.tierflow.rule.formula.Ast.ItemFieldNode;
import io.tierflow.rule.formula.Ast.LinkFieldNode;
import io.tierflow.rule.formula.Ast.Lit;
import io.tierflow.rule.formula.Ast.Node;
import io.tierflow.rule.formula.Ast.Rank;
import io.tierflow.rule.formula.Ast.Ternary;
import io.tierflow.rule.formula.Ast.Unary;

/**
 * A subtree written out canonically (spacing and case settled, every operation parenthesised), so the same
 * PERCENTRANK argument written two ways is ranked once: {@code PERCENTRANK(a+b)} and {@code PERCENTRANK( a + b )}
 * both read {@code (a + b)}.
 */
final class AstText {
    private AstText() {
    }

    static String of(Node n) {
        if (n instanceof Lit l) {
            if (l.value() instanceof String s) {
                return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
            return l.value() instanceof BigDecimal b ? b.toString() : String.valueOf(l.value());
        }
        if (n instanceof FieldNode f) {
            return f.field().key();
        }
        if (n instanceof LinkFieldNode f) {
            return f.link().key() + "." + f.field().key();
        }
        if (n instanceof ItemFieldNode f) {
            return f.link().key() + "." + f.field().key();
        }
        if (n instanceof Aggregate a) {
            return a.name() + "(" + (a.value() == null ? a.link().key() : of(a.value()))
                    + (a.filter() == null ? "" : ", " + of(a.filter())) + ")";
        }
        if (n instanceof Rank r) {
            return PercentRank.NAME + "(" + r.expression() + ")";
        }
        if (n instanceof Unary u) {
            return u.op() + "(" + of(u.operand()) + ")";
        }
        if (n instanceof Binary b) {
            return "(" + of(b.left()) + " " + b.op() + " " + of(b.right()) + ")";
        }
        if (n instanceof Ternary t) {
            return "(" + of(t.cond()) + " ? " + of(t.then()) + " : " + of(t.otherwise()) + ")";
        }
        Call c = (Call) n;
        return c.name() + "(" + c.args().stream().map(AstText::of).collect(Collectors.joining(", ")) + ")";
    }
}
