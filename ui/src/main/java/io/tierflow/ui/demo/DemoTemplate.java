package io.tierflow.ui.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.schema.FormInput;
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
 * customer form with its scores, tier model and tier-A approval, and a few customers written through the
 * normal pipeline, so tier-A ones wait in the manager's inbox. A second start finds the form and does nothing.
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
        FormInput form = json.readValue(resource("customer-form.json"), FormInput.class);
        try {
            VertxContextSupport.subscribeAndAwait(() -> forms.create(admin, form));
        } catch (Problem p) {
            if (p.status() == 409) {
                return; // another node seeded it at the same moment
            }
            throw p;
        }
        Map<String, Caller> owners = Map.of("sales", sales, "manager", manager);
        for (JsonNode customer : json.readTree(resource("customers.json"))) {
            Caller owner = owners.get(customer.get("owner").asText());
            VertxContextSupport.subscribeAndAwait(() -> records.create(owner, FORM_KEY, customer.get("values")));
        }
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
