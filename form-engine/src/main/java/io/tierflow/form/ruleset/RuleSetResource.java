package io.tierflow.form.ruleset;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.identity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A form's rule versions (builders only): {@code GET} lists them, newest first; {@code POST} creates a draft
 * ({@link RuleSetInput}; 400 with paths such as {@code tierModel.rules[0].condition}); {@code GET/PUT {version}}
 * reads or edits a draft; {@code POST {version}/simulate?samples=5} returns the {@link Simulation};
 * {@code POST {version}/publish} and {@code POST {version}/rollback} make a draft, or a version published
 * before, the live one and start re-tiering: 200 when the job finished within two seconds, else 202 with the
 * job's {@code Location}; {@code GET jobs/{id}} reports a job's progress.
 */
@Path("/api/forms/{form}/rules")
@Authenticated
public class RuleSetResource {

    /** How long publish waits for the re-tiering before it answers 202. */
    static final Duration WAIT = Duration.ofSeconds(2);

    @Inject
    RuleSetService rules;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<List<RuleSet>> list(@PathParam("form") String form) {
        return rules.list(Caller.of(identity), form);
    }

    @POST
    public Uni<Response> create(@PathParam("form") String form, RuleSetInput input) {
        return rules.create(Caller.of(identity), form, input).map(draft -> Response
                .created(URI.create("/api/forms/" + form + "/rules/" + draft.version())).entity(draft).build());
    }

    @GET
    @Path("{version: \\d+}")
    public Uni<RuleSet> get(@PathParam("form") String form, @PathParam("version") int version) {
        return rules.get(Caller.of(identity), form, version);
    }

    @PUT
    @Path("{version: \\d+}")
    public Uni<RuleSet> update(@PathParam("form") String form, @PathParam("version") int version, RuleSetInput input) {
        return rules.update(Caller.of(identity), form, version, input);
    }

    @POST
    @Path("{version: \\d+}/simulate")
    public Uni<Simulation> simulate(@PathParam("form") String form, @PathParam("version") int version,
            @QueryParam("samples") @DefaultValue("5") int samples) {
        return rules.simulate(Caller.of(identity), form, version, samples);
    }

    @POST
    @Path("{version: \\d+}/publish")
    public Uni<Response> publish(@PathParam("form") String form, @PathParam("version") int version) {
        return rules.publish(Caller.of(identity), form, version, WAIT).map(p -> answer(form, p));
    }

    @POST
    @Path("{version: \\d+}/rollback")
    public Uni<Response> rollback(@PathParam("form") String form, @PathParam("version") int version) {
        return rules.rollback(Caller.of(identity), form, version, WAIT).map(p -> answer(form, p));
    }

    @GET
    @Path("jobs")
    public Uni<List<RetierJob>> jobs(@PathParam("form") String form) {
        return rules.jobs(Caller.of(identity), form);
    }

    @GET
    @Path("jobs/{id: \\d+}")
    public Uni<RetierJob> job(@PathParam("form") String form, @PathParam("id") long id) {
        return rules.job(Caller.of(identity), form, id);
    }

    private static Response answer(String form, RuleSetService.Published p) {
        URI job = URI.create("/api/forms/" + form + "/rules/jobs/" + p.job().id());
        return (p.job().finished() ? Response.ok(p) : Response.accepted(p)).location(job).build();
    }
}
