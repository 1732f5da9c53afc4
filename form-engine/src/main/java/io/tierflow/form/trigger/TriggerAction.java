package io.tierflow.form.trigger;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FormDefinition;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * One kind of trigger action, found by CDI. An action never acts directly: it writes effects to the journal in
 * the record's transaction, so it happens once, after the commit, with retries.
 */
public interface TriggerAction {

    /** The {@code type} of the action in a trigger rule. */
    String type();

    /** Problems in the action's parameters, under {@code path}. */
    List<FieldProblem> check(FormDefinition form, Map<String, Object> params, String path);

    /** Enqueues the action's effects for one firing. */
    Uni<Void> enqueue(Mutiny.Session session, Firing firing, Map<String, Object> params, int index);
}
