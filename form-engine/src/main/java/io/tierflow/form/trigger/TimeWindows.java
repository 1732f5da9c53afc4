package io.tierflow.form.trigger;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.OrdinalParams;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.type.RelationFieldType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Checks the schedule and the time window of scheduled trigger rules, and turns a window into SQL over the
 * parent's rows. Schedules are five-field Unix cron expressions ({@code 0 9 * * 1}: Mondays at 9:00).
 */
@ApplicationScoped
public class TimeWindows {

    static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    @Inject
    FormRepository forms;

    /** Problems of {@code rule}'s schedule and window, under {@code path}; loads the window's child form. */
    public Uni<List<FieldProblem>> check(Mutiny.Session session, FormDefinition form, TriggerRule rule, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean scheduled = TriggerRule.SCHEDULE.equals(rule.when());
        if (scheduled) {
            try {
                CRON.parse(rule.cron() == null ? "" : rule.cron()).validate();
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(path + ".cron", "form.trigger.cron"));
            }
        }
        TimeWindow w = rule.window();
        if (w == null) {
            return Uni.createFrom().item(problems);
        }
        if (!scheduled) {
            problems.add(new FieldProblem(path + ".window", "form.trigger.window-needs-schedule"));
        }
        if (w.days() == null || w.days() < 1 || w.days() > TimeWindow.MAX_DAYS) {
            problems.add(new FieldProblem(path + ".window.days", "form.trigger.override-days", TimeWindow.MAX_DAYS));
        }
        if ((w.atLeast() == null) == (w.atMost() == null) || (w.atLeast() != null ? w.atLeast() : w.atMost()) < 0) {
            problems.add(new FieldProblem(path + ".window.atLeast", "form.trigger.window-count"));
        }
        if (w.form() == null || w.form().isBlank()) {
            problems.add(new FieldProblem(path + ".window.form", "form.relation.form-required"));
            return Uni.createFrom().item(problems);
        }
        return forms.load(session, w.form()).map(child -> {
            FieldDefinition relation = child.field(String.valueOf(w.relation())).orElse(null);
            if (relation == null || !("relation".equals(relation.type())) || !form.key().equals(RelationFieldType.targetForm(relation))) {
                problems.add(new FieldProblem(path + ".window.relation", "form.trigger.window-relation", child.name(), form.name()));
            }
            FieldDefinition date = child.field(String.valueOf(w.date())).orElse(null);
            if (date == null || !List.of("date", "datetime").contains(date.type())) {
                problems.add(new FieldProblem(path + ".window.date", "form.trigger.window-date", child.name()));
            }
            return problems;
        }).onFailure(io.tierflow.core.error.Problem.class).recoverWithItem(() -> {
            problems.add(new FieldProblem(path + ".window.form", "form.not-found", w.form()));
            return problems;
        });
    }

    /** The window as a condition on the parent row {@code r}; parameters go to {@code params}. */
    public Uni<String> sql(Mutiny.Session session, TimeWindow w, OrdinalParams params) {
        return forms.load(session, w.form()).map(child -> {
            FieldDefinition relation = child.field(w.relation()).orElseThrow();
            FieldDefinition date = child.field(w.date()).orElseThrow();
            String link = RelationFieldType.multiple(relation) ? "r.id = ANY (c." + relation.column() + ")" : "c." + relation.column() + " = r.id";
            String days = "CAST(" + params.bind(w.days()) + " AS integer)";
            String since = "date".equals(date.type()) ? "current_date - " + days : "now() - make_interval(days => " + days + ")";
            String count = "(SELECT count(*) FROM " + child.table() + " c WHERE c.deleted_at IS NULL AND " + link + " AND c."
                    + date.column() + " >= " + since + ")";
            return w.atLeast() != null ? count + " >= CAST(" + params.bind(w.atLeast()) + " AS integer)"
                    : count + " <= CAST(" + params.bind(w.atMost()) + " AS integer)";
        });
    }
}
