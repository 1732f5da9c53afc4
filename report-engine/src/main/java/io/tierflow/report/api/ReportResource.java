package io.tierflow.report.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.identity.Caller;
import io.tierflow.report.query.ReportEngine;
import io.tierflow.report.query.ReportQuery;
import io.tierflow.report.query.ReportResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Runs a query-model report for the caller: {@code {"form":"customer","groupBy":"tier","measure":"count"}}. */
@Path("/api/reports")
@Authenticated
public class ReportResource {

    @Inject
    ReportEngine engine;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("query")
    public Uni<ReportResult> query(ReportQuery query) {
        return engine.run(Caller.of(identity), query);
    }
}
