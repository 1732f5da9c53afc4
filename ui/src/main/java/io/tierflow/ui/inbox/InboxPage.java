package io.tierflow.ui.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.flow.task.Decision;
import io.tierflow.flow.task.TaskDecisions;
import io.tierflow.flow.task.TaskInbox;
import io.tierflow.flow.task.TodoCompletions;
import io.tierflow.flow.todo.TodoTasks;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.FormService;
import io.tierflow.ui.web.TierColours;
import io.tierflow.ui.web.Flash;
import io.tierflow.ui.web.Pages;
import io.tierflow.ui.web.Redirects;

/**
 * The caller's open tasks as cards: approvals, approved or rejected in place, and rules' to-dos, completed in
 * place. With htmx a decision (or a completion) answers with
 * the fragment that replaces its card (also for a refusal: 400 with the card and its error, 404/409 with
 * a line saying the task is gone; inbox.html lets htmx swap those). Without JS the same form posts, and
 * the answer is a redirect back with a flash, or the page again with the error. The forms' tier models
 * (for the badge colours) are read reactively first; Flowable is blocking JDBC, so the rest runs on a
 * worker thread.
 */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    @Inject
    Pages pages;

    @Inject
    TaskInbox inbox;

    @Inject
    TaskDecisions decisions;

    @Inject
    TodoCompletions completions;

    @Inject
    FormService forms;

    @Inject
    @Location("inbox/inbox.html")
    Template template;

    @GET
    public Uni<TemplateInstance> list() {
        Caller caller = pages.caller();
        return tierOrders().chain(tiers -> blocking(() -> page(cards(caller, tiers))));
    }

    @POST
    @Path("{taskId}/approve")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> approve(@RestPath String taskId, @RestForm String comment, @RestHeader("HX-Request") String htmx) {
        return decide(taskId, Decision.APPROVE, comment, htmx != null);
    }

    @POST
    @Path("{taskId}/reject")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> reject(@RestPath String taskId, @RestForm String comment, @RestHeader("HX-Request") String htmx) {
        return decide(taskId, Decision.REJECT, comment, htmx != null);
    }

    /** Completes a to-do: the same answers as a decision, without a comment. */
    @POST
    @Path("{taskId}/complete")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> complete(@RestPath String taskId, @RestHeader("HX-Request") String htmx) {
        Caller caller = pages.caller();
        return tierOrders().chain(tiers -> blocking(() -> complete(caller, tiers, taskId, htmx != null)));
    }

    private Response complete(Caller caller, Map<Long, List<String>> tiers, String taskId, boolean htmx) {
        List<TaskCard> cards = cards(caller, tiers);
        Optional<TaskCard> card = cards.stream().filter(c -> c.id().equals(taskId)).findFirst();
        try {
            completions.complete(caller, taskId);
        } catch (Problem p) {
            return refused(p, cards, card, null, htmx);
        }
        if (!htmx) {
            return Redirects.seeOther("/inbox").cookie(Flash.success("ui.inbox.flash." + TodoTasks.COMPLETED)).build();
        }
        return html(200, fragment("done").data("outcome", TodoTasks.COMPLETED)
                .data("result", pages.text("ui.inbox.result." + TodoTasks.COMPLETED))
                .data("title", card.map(TaskCard::todoTitle).orElse(""))
                .data("comment", "")
                .data("remaining", Math.max(0, cards.size() - (card.isPresent() ? 1 : 0))));
    }

    private Uni<Response> decide(String taskId, Decision decision, String comment, boolean htmx) {
        Caller caller = pages.caller();
        return tierOrders().chain(tiers -> blocking(() -> decide(caller, tiers, taskId, decision, comment, htmx)));
    }

    private Response decide(Caller caller, Map<Long, List<String>> tiers, String taskId, Decision decision, String comment,
            boolean htmx) {
        // read first: the result line names the record, a refused card is drawn again, and the count goes down
        List<TaskCard> cards = cards(caller, tiers);
        Optional<TaskCard> card = cards.stream().filter(c -> c.id().equals(taskId)).findFirst();
        try {
            decisions.decide(caller, taskId, decision, comment);
        } catch (Problem p) {
            return refused(p, cards, card, comment, htmx);
        }
        if (!htmx) {
            return Redirects.seeOther("/inbox").cookie(Flash.success("ui.inbox.flash." + decision.outcome())).build();
        }
        TemplateInstance done = fragment("done").data("outcome", decision.outcome())
                .data("result", pages.text("ui.inbox.result." + decision.outcome()))
                .data("title", card.map(TaskCard::title).orElse(""))
                .data("comment", comment == null ? "" : comment.strip())
                .data("remaining", Math.max(0, cards.size() - (card.isPresent() ? 1 : 0)));
        return html(200, done);
    }

    private Response refused(Problem p, List<TaskCard> cards, Optional<TaskCard> card, String comment, boolean htmx) {
        if (p.fields().isEmpty() || card.isEmpty()) {
            // gone: decided meanwhile (here or by someone else), never ours, or made up
            boolean conflict = p.status() == 409;
            String code = conflict ? "ui.inbox.concurrent" : "ui.inbox.gone";
            int status = conflict ? 409 : 404;
            return htmx ? html(status, fragment("gone").data("message", pages.text(code)))
                    : html(status, pages.error(status, code));
        }
        FieldProblem f = p.fields().get(0);
        TaskCard refused = card.get().withError(comment, pages.text(f.code(), f.args()));
        if (htmx) {
            return html(p.status(), fragment("card").data("task", refused));
        }
        List<TaskCard> shown = cards.stream().map(c -> c.id().equals(refused.id()) ? refused : c).toList();
        return html(p.status(), page(shown));
    }

    private List<TaskCard> cards(Caller caller, Map<Long, List<String>> tiers) {
        Instant now = Instant.now();
        return inbox.of(caller).stream()
                .map(t -> TaskCard.of(t, t.formId() == null ? List.of() : tiers.getOrDefault(t.formId(), List.of()), pages.locale(), now))
                .toList();
    }

    /** Form id → its tiers in model order. A handful of forms, read once per request. */
    private Uni<Map<Long, List<String>>> tierOrders() {
        return forms.list().map(all -> all.stream()
                .collect(Collectors.toMap(FormDefinition::id, f -> TierColours.tiers(f.tierModel()))));
    }

    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private TemplateInstance page(List<TaskCard> cards) {
        return pages.page(template).data("tasks", cards);
    }

    private TemplateInstance fragment(String id) {
        return pages.page(template.getFragment(id));
    }

    private static Response html(int status, TemplateInstance body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
