package io.tierflow.report.query;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.FormAccess;
import io.tierflow.form.record.RowScope;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.report.measure.Measure;
import io.tierflow.report.measure.Measures;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Turns a {@link ReportQuery} into one parameterised SQL statement over the form's record table, always with
 * the caller's row scope, so a report counts exactly the rows its viewer may open.
 */
@ApplicationScoped
public class ReportEngine {

    public static final String TIER = "tier";
    static final int MAX_GROUPS = 500;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    FieldTypes types;

    @Inject
    Measures measures;

    public Uni<ReportResult> run(Caller caller, ReportQuery query) {
        if (query == null || query.form() == null || query.form().isBlank()) {
            throw Problem.invalid(List.of(new FieldProblem("form", "report.form.required")));
        }
        return sessions.withSession(session -> forms.load(session, query.form()).chain(form -> {
            RoleAccess access = FormAccess.require(caller, form, "view");
            Plan plan = plan(form, access, query);
            RowScope scope = RowScope.of(caller, form, "r", 1);
            String sql = "SELECT CAST(" + plan.groupColumn + " AS text), " + plan.measure.sql(plan.measureColumn)
                    + " FROM " + form.table() + " r WHERE r.deleted_at IS NULL AND " + scope.sql()
                    + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + plan.limit;
            Mutiny.SelectionQuery<Object[]> q = session.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < scope.params().size(); i++) {
                q.setParameter(i + 1, scope.params().get(i));
            }
            return q.getResultList().map(found -> result(form, query, plan, found));
        }));
    }

    private record Plan(String groupColumn, FieldDefinition groupField, Measure measure, String measureColumn, int limit) {
    }

    /** Fields hidden from the viewer's role cannot be grouped or measured either. */
    private Plan plan(FormDefinition form, RoleAccess access, ReportQuery query) {
        List<FieldProblem> problems = new ArrayList<>();
        String groupColumn = null;
        FieldDefinition groupField = null;
        if (TIER.equals(query.groupBy())) {
            groupColumn = "r.tier";
        } else if (query.groupBy() == null || form.field(query.groupBy()).isEmpty() || access.hidden(query.groupBy())) {
            problems.add(new FieldProblem("groupBy", "report.group-by.unknown", String.valueOf(query.groupBy())));
        } else {
            groupField = form.field(query.groupBy()).get();
            groupColumn = "r." + groupField.column();
        }
        String measureId = query.measure() == null ? "count" : query.measure();
        Measure measure = measures.find(measureId).orElse(null);
        String measureColumn = null;
        if (measure == null) {
            problems.add(new FieldProblem("measure", "report.measure.unknown", measureId, measures.known()));
        } else if (measure.needsNumberField()) {
            FieldDefinition field = query.field() == null || access.hidden(query.field()) ? null
                    : form.field(query.field()).orElse(null);
            if (field == null || types.get(field.type()).valueType(field) != ValueType.NUMBER) {
                problems.add(new FieldProblem("field", "report.field.not-a-number", String.valueOf(query.field())));
            } else {
                measureColumn = "r." + field.column();
            }
        }
        int limit = query.limit() == null ? 100 : query.limit();
        if (limit < 1 || limit > MAX_GROUPS) {
            problems.add(new FieldProblem("limit", "report.limit.range", MAX_GROUPS));
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        return new Plan(groupColumn, groupField, measure, measureColumn, limit);
    }

    private ReportResult result(FormDefinition form, ReportQuery query, Plan plan, List<Object[]> found) {
        List<ReportRow> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        FieldType type = plan.groupField == null ? null : types.get(plan.groupField.type());
        for (Object[] row : found) {
            String value = (String) row[0];
            String label = type == null ? value : type.display(plan.groupField, value);
            Object measure = row[1];
            rows.add(new ReportRow(value, label, measure));
            if (measure instanceof Number n) {
                total = total.add(new BigDecimal(n.toString()));
            }
        }
        return new ReportResult(form.key(), query.groupBy(), plan.measure.id(), rows, total);
    }
}
