package io.tierflow.flow.start;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tierflow.core.identity.Role;
import io.tierflow.core.journal.Effect;
import io.tierflow.core.journal.EffectConsumer;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.flow.ApprovalVariables;
import io.tierflow.flow.engine.CommandJdbc;

/**
 * Starts an approval process for a {@code process.start} effect written by form-engine.
 * Claim, start and mark-done run in one Flowable command, hence one JDBC transaction: a crash
 * before the commit leaves the effect pending and no process, a crash after it leaves the effect
 * done and one process. A second start for the same effect is also refused by a history check,
 * in case an admin re-queues an effect that had in fact been applied.
 */
@ApplicationScoped
public class ProcessStartConsumer implements EffectConsumer {

    public static final String KIND = "process.start";

    @Inject
    ManagementService management;

    @Inject
    RuntimeService runtime;

    @Inject
    HistoryService history;

    @Inject
    EffectJournal journal;

    @Inject
    ObjectMapper json;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean process(long effectId) {
        return management.executeCommand((CommandContext context) -> {
            try {
                return start(CommandJdbc.connection(context), effectId);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot start the process of effect " + effectId, e);
            }
        });
    }

    private boolean start(Connection connection, long effectId) throws SQLException {
        Optional<Effect> claimed = journal.claim(connection, effectId);
        if (claimed.isEmpty()) {
            return false;
        }
        Effect effect = claimed.get();
        long formId = effect.number(ApprovalVariables.FORM_ID);
        long recordId = effect.number(ApprovalVariables.RECORD_ID);
        long ownerId = effect.number(ApprovalVariables.OWNER_ID);
        String businessKey = ApprovalVariables.businessKey(formId, recordId);
        if (!alreadyStarted(businessKey, effect.dedupeKey())) {
            Map<String, Object> variables = variables(effect.payload());
            variables.put(ApprovalVariables.FORM_ID, formId);
            variables.put(ApprovalVariables.RECORD_ID, recordId);
            variables.put(ApprovalVariables.OWNER_ID, ownerId);
            variables.put(ApprovalVariables.START_EFFECT, effect.dedupeKey());
            // nobody approves their own record: a manager's own records go to the admins
            Optional<Long> manager = ApproverLookup.teamManagerOf(connection, ownerId).filter(m -> m != ownerId);
            variables.put(ApprovalVariables.APPROVER, manager.map(String::valueOf).orElse(null));
            variables.put(ApprovalVariables.APPROVER_GROUP, manager.isPresent() ? null : Role.ADMIN.name());
            String processKey = effect.payload().get("process") instanceof String p && !p.isBlank() ? p : ApprovalVariables.TIER_APPROVAL;
            startAs(ownerId, () -> runtime.createProcessInstanceBuilder()
                    .processDefinitionKey(processKey)
                    .businessKey(businessKey)
                    .name(name(effect))
                    .owner(String.valueOf(ownerId))
                    .variables(variables)
                    .start());
        }
        journal.markDone(connection, effectId);
        return true;
    }

    private boolean alreadyStarted(String businessKey, String dedupeKey) {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .variableValueEquals(ApprovalVariables.START_EFFECT, dedupeKey)
                .count() > 0;
    }

    /** Flowable records the authenticated user as the process's starter: the record's owner. */
    private static void startAs(long userId, Runnable start) {
        String previous = Authentication.getAuthenticatedUserId();
        Authentication.setAuthenticatedUserId(String.valueOf(userId));
        try {
            start.run();
        } finally {
            Authentication.setAuthenticatedUserId(previous);
        }
    }

    /** Payload values become process variables: numbers as long or double, nested values as JSON text. */
    private Map<String, Object> variables(Map<String, Object> payload) {
        Map<String, Object> out = new LinkedHashMap<>();
        payload.forEach((name, value) -> {
            if ("process".equals(name)) {
                return;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                out.put(name, ((Number) value).longValue());
            } else if (value instanceof Number n) {
                out.put(name, n.doubleValue());
            } else if (value == null || value instanceof String || value instanceof Boolean) {
                out.put(name, value);
            } else {
                out.put(name, toJson(value));
            }
        });
        return out;
    }

    private static String name(Effect effect) {
        String formName = effect.text(ApprovalVariables.FORM_NAME);
        String title = effect.text(ApprovalVariables.TITLE);
        String name = (formName == null ? "" : formName + " · ") + (title == null ? "#" + effect.text(ApprovalVariables.RECORD_ID) : title);
        return name.length() > 250 ? name.substring(0, 250) : name;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
