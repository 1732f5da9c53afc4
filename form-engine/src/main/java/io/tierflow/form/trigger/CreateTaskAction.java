package io.tierflow.form.trigger;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.identity.Role;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.form.model.FormDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@code {"type":"create_task","title":"回访客户","assignee":"owner"|"manager"|"ADMIN"|"MANAGER"|"SALES","dueDays":3}}:
 * a to-do task about the record in the inbox of its owner, the owner's team manager or everyone with a role,
 * through the journal (flow-engine creates the task; this module never imports it).
 */
@ApplicationScoped
public class CreateTaskAction implements TriggerAction {

    /** The effect kind, the contract with flow-engine's consumer. */
    public static final String KIND = "task.create";
    static final int MAX_TITLE = 200;
    static final int MAX_DUE_DAYS = 365;
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

    @Inject
    EffectJournal journal;

    @Override
    public String type() {
        return "create_task";
    }

    @Override
    public List<FieldProblem> check(FormDefinition form, Map<String, Object> params, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!(params.get("title") instanceof String title) || title.isBlank() || title.strip().length() > MAX_TITLE) {
            problems.add(new FieldProblem(path + ".title", "form.trigger.task-title", MAX_TITLE));
        }
        Object assignee = params.get("assignee");
        if (!"owner".equals(assignee) && !"manager".equals(assignee)
                && Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(assignee))) {
            problems.add(new FieldProblem(path + ".assignee", "form.trigger.task-assignee"));
        }
        Object due = params.get("dueDays");
        if (due != null && (!(due instanceof Number days) || days.doubleValue() != Math.rint(days.doubleValue())
                || days.intValue() < 0 || days.intValue() > MAX_DUE_DAYS)) {
            problems.add(new FieldProblem(path + ".dueDays", "form.trigger.task-due-days", MAX_DUE_DAYS));
        }
        return problems;
    }

    @Override
    public Uni<Void> enqueue(Mutiny.Session session, Firing firing, Map<String, Object> params, int index) {
        Integer dueDays = params.get("dueDays") instanceof Number n ? n.intValue() : null;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("formId", firing.form().id());
        payload.put("formKey", firing.form().key());
        payload.put("formName", firing.form().name());
        payload.put("recordId", firing.record().id());
        payload.put("title", firing.title()); // the record's, as in process.start
        payload.put("ownerId", firing.record().ownerId());
        payload.put("taskTitle", String.valueOf(params.get("title")).strip());
        payload.put("assignee", params.get("assignee"));
        payload.put("dueDays", dueDays);
        payload.put("dueAt", dueDays == null ? null : dueAt(dueDays).toString());
        return journal.enqueue(session, KIND, firing.dedupe() + ":" + index, payload);
    }

    /**
     * The end of the day {@code days} after the firing (0 = today), in the server's zone, which is the team's
     * (a self-hosted app; the pages show times in it too). Fixed at the firing, so a retried effect keeps it.
     */
    static OffsetDateTime dueAt(int days) {
        ZoneId zone = ZoneId.systemDefault();
        return LocalDate.now(zone).plusDays(days).atTime(END_OF_DAY).atZone(zone).toOffsetDateTime();
    }
}
