package io.tierflow.ui.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierflow.form.trigger.TriggerRule;
import java.util.List;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.model.ApprovalBinding;
import io.tierflow.form.schema.FieldInput;
import io.tierflow.form.schema.FormInput;
import io.tierflow.rule.tier.TierModel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import io.tierflow.form.schema.FormService;
import io.tierflow.form.record.RecordService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds the customer-tiering template on a first start (switch off with {@code tierflow.demo.enabled=false} or
 * {@code ./tierflow start --no-demo}): a sales team with its manager, the users admin / manager / sales, the
 * forms 客户 (customer), 订单 (order) and 跟进记录 (follow_up) linked to it, the customer's rollups (paid order
 * total, order count, last order, last follow-up), its weighted scores, churn warning, tier model and tier-A
 * approval, and customers with orders and follow-ups written through the normal pipeline, so tiers come from
 * real data and tier-A customers wait in the manager's inbox. A second start finds the form and does nothing.
 */
@ApplicationScoped
public class DemoTemplate {

    private static final Logger LOG = Logger.getLogger(DemoTemplate.class);
    static final String FORM_KEY = "customer";

    @ConfigProperty(name = "tierflow.demo.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "tierflow.demo.password", defaultValue = "tierflow")
    String password;

    @Inject
    UserDirectory users;

    @Inject
    FormService forms;

    @Inject
    RecordService records;

    @Inject
    ObjectMapper json;

    @Inject
    io.tierflow.form.trigger.ScheduledTriggerRunner scheduledTriggers;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) StartupEvent event) throws Throwable {
        if (enabled) {
            seed();
        }
    }

    public void seed() throws Throwable {
        boolean present = VertxContextSupport.subscribeAndAwait(() -> forms.list())
                .stream().anyMatch(f -> f.key().equals(FORM_KEY));
        if (present) {
            return;
        }
        long team = VertxContextSupport.subscribeAndAwait(() -> users.ensureTeam("华东销售一部"));
        Caller admin = user("admin", "系统管理员", Role.ADMIN, null);
        Caller manager = user("manager", "王经理", Role.MANAGER, team);
        Caller sales = user("sales", "李销售", Role.SALES, team);
        VertxContextSupport.subscribeAndAwait(() -> users.setTeamManager(team, manager.id()));
        for (String form : new String[] {"customer-form.json", "order-form.json", "follow-up-form.json"}) {
            FormInput input = json.readValue(resource(form), FormInput.class);
            try {
                VertxContextSupport.subscribeAndAwait(() -> forms.create(admin, input));
            } catch (Problem p) {
                if (p.status() == 409) {
                    return; // another node seeded it at the same moment
                }
                throw p;
            }
        }
        // the customer's scores read the rollups of its orders and follow-ups, so they come after those forms
        JsonNode scoring = json.readTree(resource("customer-scoring.json"));
        for (JsonNode field : scoring.get("fields")) {
            FieldInput input = json.treeToValue(field, FieldInput.class);
            VertxContextSupport.subscribeAndAwait(() -> forms.addField(admin, FORM_KEY, input));
        }
        TierModel tiers = json.treeToValue(scoring.get("tierModel"), TierModel.class);
        ApprovalBinding approval = json.treeToValue(scoring.get("approval"), ApprovalBinding.class);
        VertxContextSupport.subscribeAndAwait(() -> forms.setTiering(admin, FORM_KEY, tiers, approval));
        Map<String, Caller> owners = Map.of("sales", sales, "manager", manager);
        LocalDate today = LocalDate.now();
        for (JsonNode customer : json.readTree(resource("customers.json"))) {
            Caller owner = owners.get(customer.get("owner").asText());
            long id = VertxContextSupport.subscribeAndAwait(() -> records.create(owner, FORM_KEY, customer.get("values"))).id();
            int n = 0;
            for (JsonNode o : customer.get("orders")) {
                ObjectNode order = json.createObjectNode().put("title", "订单 " + id + "-" + (++n)).put("customer", id)
                        .put("amount", o.get(0).asLong()).put("paid", o.get(1).asBoolean())
                        .put("ordered_on", today.minusDays(o.get(2).asLong()).toString());
                VertxContextSupport.subscribeAndAwait(() -> records.create(owner, "order", order));
            }
            for (JsonNode f : customer.get("followUps")) {
                ObjectNode followUp = json.createObjectNode().put("customer", id)
                        .put("on", today.minusDays(f.get(0).asLong()).toString()).put("method", f.get(1).asText())
                        .put("note", f.get(2).asText());
                VertxContextSupport.subscribeAndAwait(() -> records.create(owner, "follow_up", followUp));
            }
        }
        // published again now that there are customers: the RFM quintiles are computed over them
        VertxContextSupport.subscribeAndAwait(() -> forms.setTiering(admin, FORM_KEY, tiers, approval));
        List<TriggerRule> triggers = json.convertValue(scoring.get("triggers"), new TypeReference<List<TriggerRule>>() {
        });
        VertxContextSupport.subscribeAndAwait(() -> forms.setTriggers(admin, FORM_KEY, triggers));
        // the daily churn check runs once at once, so the demo shows its warnings from the start
        scheduledTriggers.runDue(java.time.ZonedDateTime.now());
        LOG.info("Seeded the customer-tiering demo: users admin, manager and sales");
    }

    private Caller user(String username, String displayName, Role role, Long team) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> users.ensureUser(username, displayName, password, role, team));
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DemoTemplate.class.getResourceAsStream("/demo/" + name);
        if (in == null) {
            throw new IOException("missing demo resource " + name);
        }
        return in;
    }
}
