package io.tierflow.flow.todo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

import io.tierflow.core.identity.Role;
import io.tierflow.core.journal.Effect;
import io.tierflow.core.journal.EffectConsumer;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.flow.ApprovalVariables;
import io.tierflow.flow.engine.CommandJdbc;
import io.tierflow.flow.start.ApproverLookup;
import io.tierflow.form.trigger.CreateTaskAction;

/**
 * Creates the to-do task of a {@code task.create} effect (form-engine's {@link CreateTaskAction}): a standalone
 * Flowable task assigned to the record's owner or the owner's team manager, or offered to a role. Claim, create
 * and mark-done run in one Flowable command, hence one JDBC transaction; a task already created for the effect
 * (an admin re-queued an applied one) is found by its {@link TodoTasks#EFFECT} variable and not created again.
 */
@ApplicationScoped
public class TaskCreateConsumer implements EffectConsumer {

    @Inject
    ManagementService management;

    @Inject
    TaskService tasks;

    @Inject
    HistoryService history;

    @Inject
    EffectJournal journal;

    @Override
    public String kind() {
        return CreateTaskAction.KIND;
    }

    @Override
    public boolean process(long effectId) {
        return management.executeCommand((CommandContext context) -> {
            try {
                return create(CommandJdbc.connection(context), effectId);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the task of effect " + effectId, e);
            }
        });
    }

    private boolean create(Connection connection, long effectId) throws SQLException {
        Optional<Effect> claimed = journal.claim(connection, effectId);
        if (claimed.isEmpty()) {
            return false;
        }
        Effect effect = claimed.get();
        if (!alreadyCreated(effect.dedupeKey())) {
            long ownerId = effect.number(ApprovalVariables.OWNER_ID);
            String assignTo = effect.text("assignee");
            Task task = tasks.newTask();
            task.setName(name(effect));
            task.setCategory(TodoTasks.CATEGORY);
            task.setDueDate(due(effect));
            String group = null;
            if ("owner".equals(assignTo)) {
                task.setAssignee(String.valueOf(ownerId));
            } else if ("manager".equals(assignTo)) {
                // a team without a manager: the admins see to it, as with approvals
                Optional<Long> manager = ApproverLookup.teamManagerOf(connection, ownerId);
                task.setAssignee(manager.map(String::valueOf).orElse(null));
                group = manager.isPresent() ? null : Role.ADMIN.name();
            } else {
                group = Role.valueOf(assignTo).name(); // an unknown role fails the effect, visibly
            }
            tasks.saveTask(task);
            if (group != null) {
                tasks.addCandidateGroup(task.getId(), group);
            }
            tasks.setVariablesLocal(task.getId(), variables(effect, ownerId, assignTo));
        }
        journal.markDone(connection, effectId);
        return true;
    }

    private boolean alreadyCreated(String dedupeKey) {
        return history.createHistoricTaskInstanceQuery().taskVariableValueEquals(TodoTasks.EFFECT, dedupeKey).count() > 0;
    }

    private static Map<String, Object> variables(Effect effect, long ownerId, String assignTo) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(ApprovalVariables.FORM_ID, effect.number(ApprovalVariables.FORM_ID));
        v.put(ApprovalVariables.FORM_KEY, effect.text(ApprovalVariables.FORM_KEY));
        v.put(ApprovalVariables.FORM_NAME, effect.text(ApprovalVariables.FORM_NAME));
        v.put(ApprovalVariables.RECORD_ID, effect.number(ApprovalVariables.RECORD_ID));
        v.put(ApprovalVariables.TITLE, effect.text(ApprovalVariables.TITLE));
        v.put(ApprovalVariables.OWNER_ID, ownerId);
        v.put(TodoTasks.ASSIGN_TO, assignTo);
        v.put(TodoTasks.EFFECT, effect.dedupeKey());
        return v;
    }

    private static String name(Effect effect) {
        String title = effect.text("taskTitle");
        String name = title == null || title.isBlank() ? "#" + effect.text(ApprovalVariables.RECORD_ID) : title.strip();
        return name.length() > 250 ? name.substring(0, 250) : name;
    }

    /** From the firing ({@code dueAt}); from now for an effect written without it; none without due days. */
    private static Date due(Effect effect) {
        String dueAt = effect.text("dueAt");
        if (dueAt != null && !dueAt.isBlank()) {
            return Date.from(OffsetDateTime.parse(dueAt).toInstant());
        }
        String days = effect.text("dueDays");
        return days == null ? null : Date.from(Instant.now().plus(Long.parseLong(days), ChronoUnit.DAYS));
    }
}
